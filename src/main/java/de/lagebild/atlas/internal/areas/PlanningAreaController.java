package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.exchange.UploadStash;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Planning areas: the list with their members, and a form that builds a new one from chosen areas.
 */
@Controller
class PlanningAreaController {

  private final PlanningAreas planning;
  private final AreaRepository areaRepository;
  private final MessageSource messages;
  private final GeoJsonImport geoJson;
  private final UploadStash stash;
  private final TenantDirectory tenants;

  PlanningAreaController(
      PlanningAreas planning,
      AreaRepository areaRepository,
      MessageSource messages,
      GeoJsonImport geoJson,
      TenantDirectory tenants,
      de.lagebild.exchange.UploadStashes stashes)
      throws IOException {
    this.geoJson = geoJson;
    this.tenants = tenants;
    this.stash = stashes.stash("atlas-geo");
    this.planning = planning;
    this.areaRepository = areaRepository;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/atlas/planungsraeume")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String list(@PathVariable("tenant") String tenant, Model model) {
    fill(model, null, null, List.of());
    return "atlas/areas/planning";
  }

  @PostMapping("/{tenant}/atlas/planungsraeume")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String create(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "schluessel", required = false) String key,
      @RequestParam(name = "gebiete", required = false) List<UUID> members,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      UUID id = planning.create(name, key, members == null ? List.of() : members);
      redirect.addFlashAttribute("success", "atlas.planning.created");
      return "redirect:/" + tenant + "/atlas/gebiete/" + id;
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute(
          "error",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN));
      fill(model, name, key, members == null ? List.of() : members);
      return "atlas/areas/planning";
    }
  }

  /**
   * Geometry from a file (GeoJSON, TopoJSON, GeoPackage, zipped shapefile): preview (areas found,
   * new areas, problems with their feature, the file's properties to choose key and name from),
   * nothing written.
   */
  @PostMapping("/{tenant}/atlas/planungsraeume/geometrie")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String geometryPreview(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "schluesselEigenschaft", required = false) String keyProperty,
      @RequestParam(name = "nameEigenschaft", required = false) String nameProperty,
      @RequestParam(name = "ebene", required = false) String layer,
      @RequestParam(name = "nurUnter", required = false) String keyPrefix,
      HttpSession session,
      Model model,
      HttpServletResponse response)
      throws IOException {
    byte[] bytes = file.getBytes();
    String token =
        stash.put(
            session, tenant, new ByteArrayInputStream(bytes), file.getOriginalFilename(), null);
    return preview(
        bytes,
        file.getOriginalFilename(),
        token,
        new GeoJsonImport.Options(keyProperty, nameProperty, keyPrefix),
        layer,
        model,
        response);
  }

  /** The same file again with another layer, key range or choice of properties. */
  @PostMapping("/{tenant}/atlas/planungsraeume/geometrie/vorschau")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String geometryRepreview(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "schluesselEigenschaft", required = false) String keyProperty,
      @RequestParam(name = "nameEigenschaft", required = false) String nameProperty,
      @RequestParam(name = "ebene", required = false) String layer,
      @RequestParam(name = "nurUnter", required = false) String keyPrefix,
      HttpSession session,
      Model model,
      HttpServletResponse response)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    return preview(
        Files.readAllBytes(p.file()),
        p.fileName(),
        token,
        new GeoJsonImport.Options(keyProperty, nameProperty, keyPrefix),
        layer,
        model,
        response);
  }

  private String preview(
      byte[] bytes,
      String fileName,
      String token,
      GeoJsonImport.Options options,
      String layer,
      Model model,
      HttpServletResponse response)
      throws IOException {
    model.addAttribute("token", token);
    model.addAttribute("fileName", fileName);
    model.addAttribute("keyPrefix", options.keyPrefix());
    try {
      GeoJsonImport.Result r = geoJson.read(bytes, fileName, layer, options);
      model.addAttribute("result", r);
      model.addAttribute("keyProperty", options.keyProperty());
      model.addAttribute("nameProperty", options.nameProperty());
    } catch (DomainException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute(
          "error",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN));
    }
    return "atlas/areas/geometry-preview";
  }

  @PostMapping("/{tenant}/atlas/planungsraeume/geometrie/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String geometryCommit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "schluesselEigenschaft", required = false) String keyProperty,
      @RequestParam(name = "nameEigenschaft", required = false) String nameProperty,
      @RequestParam(name = "ebene", required = false) String layer,
      @RequestParam(name = "nurUnter", required = false) String keyPrefix,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    GeoJsonImport.Options options = new GeoJsonImport.Options(keyProperty, nameProperty, keyPrefix);
    GeoJsonImport.Result r =
        geoJson.read(Files.readAllBytes(p.file()), p.fileName(), layer, options);
    int created = geoJson.commit(r, p.fileName() == null ? "Geometrie" : p.fileName());
    if (options.nameProperty() != null) {
      geoJson.saveChoice(options.keyProperty(), options.nameProperty());
    }
    stash.remove(session, token, false);
    redirect.addFlashAttribute("geoDone", new int[] {r.features().size(), created});
    return "redirect:/" + tenant + "/atlas/planungsraeume";
  }

  private void fill(Model model, String name, String key, List<UUID> chosen) {
    LocalDate today = LocalDate.now();
    List<AreaRow> candidates =
        areaRepository.areas().stream()
            .filter(a -> a.type() != AreaType.LAND && a.validOn(today))
            .sorted(
                Comparator.comparing(AreaRow::type)
                    .thenComparing(AreaRow::name, Collator.getInstance(Locale.GERMAN)))
            .toList();
    model.addAttribute("planned", planning.all());
    model.addAttribute("candidates", candidates);
    model.addAttribute("name", name);
    model.addAttribute("key", key);
    model.addAttribute("chosen", chosen);
    model.addAttribute(
        "ownKey",
        TenantContext.access()
            .flatMap(a -> tenants.find(a.slug()))
            .map(t -> t.officialKey())
            .orElse(null));
  }
}
