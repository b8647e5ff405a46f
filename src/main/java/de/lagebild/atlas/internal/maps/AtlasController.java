package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.demo.DemoAtlas;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The atlas pages: indicators and areas, a map with its table, an area profile ("Zahlen und
 * Fakten").
 */
@Controller
class AtlasController {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final MapViews maps;
  private final ProfileViews profiles;
  private final IndicatorPage page;
  private final Clock clock;
  private final OwnArea ownArea;
  private final de.lagebild.identity.StateAtlas stateAtlas;

  AtlasController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      MapViews maps,
      ProfileViews profiles,
      IndicatorPage page,
      Clock clock,
      OwnArea ownArea,
      de.lagebild.identity.StateAtlas stateAtlas) {
    this.stateAtlas = stateAtlas;
    this.ownArea = ownArea;
    this.clock = clock;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.maps = maps;
    this.profiles = profiles;
    this.page = page;
  }

  /**
   * The atlas opens on a map: the indicator the user chose ({@code indikator}), or the first that
   * judges and has a time series for the tenant's own area; the lists of all indicators and areas
   * follow below the map.
   */
  @GetMapping("/{tenant}/atlas")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String home(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indikator", required = false) UUID chosen,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "vergleich", required = false) List<UUID> compare,
      @RequestParam(name = "ebene", required = false) String level,
      @RequestParam(name = "gebietsstand", required = false) String borders,
      Model model) {
    var indicators = indicatorRepository.indicators();
    model.addAttribute("indicators", indicators);
    model.addAttribute("areas", areaRepository.areas());
    // the Land's indicator set, when the district subscribes to it (LandAtlasController)
    model.addAttribute("landSubscription", stateAtlas.subscription().orElse(null));
    var opening =
        chosen != null
            ? indicators.stream().filter(i -> i.id().equals(chosen)).findFirst()
            : ownArea.openingIndicator(tenant, indicators);
    if (opening.isEmpty()) {
      return "atlas/maps/home";
    }
    model.addAttribute("overview", true);
    return indicator(
        tenant, opening.get().id(), period, method, count, breaks, compare, level, borders, model);
  }

  @GetMapping("/{tenant}/atlas/indikatoren/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String indicator(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "vergleich", required = false) List<UUID> compare,
      @RequestParam(name = "ebene", required = false) String level,
      @RequestParam(name = "gebietsstand", required = false) String borders,
      Model model) {
    return page.fill(tenant, id, period, method, count, breaks, compare, level, borders, model);
  }

  /** The map as SVG or its table as XLSX. */
  @GetMapping("/{tenant}/atlas/indikatoren/{id}/export")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> export(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "format", defaultValue = "svg") String format,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "ebene", required = false) String level)
      throws IOException {
    MapViews.MapView map =
        maps.map(
            id,
            period,
            MapParameters.method(method),
            count,
            MapParameters.breaks(breaks),
            MapParameters.level(level));
    String name = map.indicator().code() + "-" + (map.period() == null ? "" : map.period());
    if ("xlsx".equals(format)) {
      return ResponseEntity.ok()
          .contentType(
              MediaType.parseMediaType(
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
          .body(MapExport.xlsx(map));
    }
    if ("png".equals(format)) {
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .header("Content-Disposition", "attachment; filename=\"" + name + ".png\"")
          .body(
              MapExport.png(
                  map,
                  areaRepository.simplifiedGeometries(
                      map.rows().stream().map(r -> r.area().id()).toList()),
                  DemoAtlas.GEO_SOURCE));
    }
    if (!"svg".equals(format)) {
      throw new DomainException("atlas.formatUnsupported", format);
    }
    String svg =
        MapExport.svg(
            map,
            areaRepository.simplifiedGeometries(
                map.rows().stream().map(r -> r.area().id()).toList()),
            DemoAtlas.GEO_SOURCE);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .header("Content-Disposition", "attachment; filename=\"" + name + ".svg\"")
        .body(svg.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/{tenant}/atlas/gebiete/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String area(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("profile", profiles.profile(id));
    model.addAttribute("contextSections", page.contextSections(tenant, id, false));
    return "atlas/maps/profile";
  }

  /** The profile as PDF, for printing and for the Kreistag's papers. */
  @GetMapping("/{tenant}/atlas/gebiete/{id}/pdf")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> areaPdf(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id)
      throws IOException {
    return ProfilePdf.download(profiles.profile(id), clock);
  }
}
