package de.lagebild.catalogue.internal.imports;

import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's bulk import of offers from a table: upload, preview with problems and
 * duplicates, commit.
 */
@Controller
class OfferImportController {

  private final OfferImport imports;
  private final UploadStash stash;
  private final OfferColumnMappings mappings;

  OfferImportController(
      OfferImport imports, OfferColumnMappings mappings, de.lagebild.exchange.UploadStashes stashes)
      throws IOException {
    this.imports = imports;
    this.mappings = mappings;
    this.stash = stashes.stash("catalogue");
  }

  @GetMapping("/{tenant}/angebote/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("savedMappings", mappings.names());
    return "catalogue/imports/import";
  }

  @PostMapping("/{tenant}/angebote/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "zuordnung", required = false) String saved,
      HttpSession session,
      Model model)
      throws IOException {
    byte[] bytes = file.getBytes();
    String token =
        stash.put(
            session, tenant, new ByteArrayInputStream(bytes), file.getOriginalFilename(), null);
    Map<String, String> mapping = mappings.byName(saved).orElse(Map.of());
    return show(
        bytes,
        file.getOriginalFilename(),
        token,
        new OfferImport.Options(mapping, null),
        saved,
        model);
  }

  /** The same file again with the columns the user chose (and, if asked, the choice saved). */
  @PostMapping("/{tenant}/angebote/import/vorschau")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String repreview(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam Map<String, String> params,
      HttpSession session,
      Model model)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    OfferImport.Options options = options(params);
    String saveAs = params.get("speichernAls");
    if (saveAs != null && !saveAs.isBlank()) {
      mappings.save(saveAs, options.mapping());
      model.addAttribute("savedAs", saveAs.strip());
    }
    return show(Files.readAllBytes(p.file()), p.fileName(), token, options, saveAs, model);
  }

  private String show(
      byte[] bytes,
      String fileName,
      String token,
      OfferImport.Options options,
      String mappingName,
      Model model) {
    model.addAttribute("preview", imports.preview(bytes, options));
    model.addAttribute("token", token);
    model.addAttribute("fileName", fileName);
    model.addAttribute("fields", OfferSheet.fields());
    model.addAttribute("savedMappings", mappings.names());
    model.addAttribute("mappingName", mappingName);
    model.addAttribute("defaultOrganization", options.defaultOrganization());
    return "catalogue/imports/import-preview";
  }

  /** The mapping from the form: {@code feld_name=facility}, … and the provider for all rows. */
  static OfferImport.Options options(Map<String, String> params) {
    Map<String, String> mapping = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (k.startsWith("feld_")) {
            mapping.put(k.substring(5), v == null ? "" : v);
          }
        });
    return new OfferImport.Options(mapping, params.get("anbieterFuerAlle"));
  }

  @PostMapping("/{tenant}/angebote/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "zusammenfuehren", defaultValue = "false") boolean merge,
      @RequestParam(name = "veroeffentlichen", defaultValue = "false") boolean publish,
      @RequestParam Map<String, String> params,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    OfferImport.Summary s =
        imports.commit(Files.readAllBytes(p.file()), merge, publish, options(params));
    stash.remove(session, token, false);
    redirect.addFlashAttribute(
        "info",
        "Import abgeschlossen: "
            + s.created()
            + " Angebote neu, "
            + s.merged()
            + " zusammengeführt, "
            + s.skipped()
            + " Dubletten übersprungen; "
            + s.organizations()
            + " neue Anbieter, "
            + s.locations()
            + " neue Orte.");
    return "redirect:/" + tenant + "/angebote/verwaltung#alle";
  }
}
