package de.lagebild.catalogue.internal.imports;

import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
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

  OfferImportController(OfferImport imports) throws IOException {
    this.imports = imports;
    this.stash = new UploadStash("catalogue");
  }

  @GetMapping("/{tenant}/angebote/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant) {
    return "catalogue/imports/import";
  }

  @PostMapping("/{tenant}/angebote/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      HttpSession session,
      Model model)
      throws IOException {
    byte[] bytes = file.getBytes();
    model.addAttribute("preview", imports.preview(bytes));
    model.addAttribute(
        "token",
        stash.put(
            session, tenant, new ByteArrayInputStream(bytes), file.getOriginalFilename(), null));
    model.addAttribute("fileName", file.getOriginalFilename());
    return "catalogue/imports/import-preview";
  }

  @PostMapping("/{tenant}/angebote/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "zusammenfuehren", defaultValue = "false") boolean merge,
      @RequestParam(name = "veroeffentlichen", defaultValue = "false") boolean publish,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    OfferImport.Summary s = imports.commit(Files.readAllBytes(p.file()), merge, publish);
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
