package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.NotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public atlas of a tenant that is visible to the public: only indicators marked public,
 * without login – the same map, table and profile as inside.
 */
@Controller
class PublicAtlasController {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final MapViews maps;
  private final ProfileViews profiles;
  private final SeriesViews seriesViews;
  private final String tileUrl;
  private final Clock clock;

  private final MapData mapData;
  private final OwnArea ownArea;
  private final de.lagebild.atlas.internal.store.AtlasRevision atlasRevision;
  private final de.lagebild.platform.RenderedPages pages;

  PublicAtlasController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      MapViews maps,
      ProfileViews profiles,
      SeriesViews seriesViews,
      LagebildProperties lagebild,
      Clock clock,
      MapData mapData,
      OwnArea ownArea,
      de.lagebild.atlas.internal.store.AtlasRevision atlasRevision,
      de.lagebild.platform.RenderedPages pages) {
    this.atlasRevision = atlasRevision;
    this.pages = pages;
    this.ownArea = ownArea;
    this.mapData = mapData;
    this.clock = clock;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.maps = maps;
    this.profiles = profiles;
    this.seriesViews = seriesViews;
    this.tileUrl = lagebild.atlas().tileUrl();
  }

  /**
   * A public page for visitors without login from {@link de.lagebild.platform.RenderedPages}: kept
   * per address, atlas revision, day and tenant name; {@code fill} puts the page's data into the
   * model and names its view (only on a miss).
   */
  private ResponseEntity<byte[]> page(
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response,
      java.util.function.Supplier<String> fill) {
    return pages.forVisitors(atlasRevision::revision, model, request, response, fill);
  }

  /** The public atlas opens on a map, like the internal one, with the lists below it. */
  @GetMapping("/{tenant}/oeffentlich/atlas")
  @AllowPublic
  ResponseEntity<byte[]> home(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indikator", required = false) UUID chosen,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "ebene", required = false) String level,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    return page(
        model,
        request,
        response,
        () -> homeView(tenant, chosen, period, method, count, breaks, level, model));
  }

  private String homeView(
      String tenant,
      UUID chosen,
      String period,
      String method,
      int count,
      String breaks,
      String level,
      Model model) {
    List<IndicatorRow> indicators =
        indicatorRepository.indicators().stream().filter(IndicatorRow::publicVisible).toList();
    model.addAttribute("indicators", indicators);
    model.addAttribute("areas", areaRepository.areas());
    model.addAttribute("atlasBase", "/" + tenant + "/oeffentlich/atlas");
    var opening =
        chosen != null
            ? indicators.stream().filter(i -> i.id().equals(chosen)).findFirst()
            : ownArea.openingIndicator(tenant, indicators);
    if (opening.isEmpty()) {
      return "atlas/maps/home";
    }
    model.addAttribute("overview", true);
    return indicatorView(tenant, opening.get().id(), period, method, count, breaks, level, model);
  }

  @GetMapping("/{tenant}/oeffentlich/atlas/indikatoren/{id}")
  @AllowPublic
  ResponseEntity<byte[]> indicator(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "ebene", required = false) String level,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    // not public: "not found" before anything is looked up or kept
    publicIndicator(id);
    return page(
        model,
        request,
        response,
        () -> indicatorView(tenant, id, period, method, count, breaks, level, model));
  }

  private String indicatorView(
      String tenant,
      UUID id,
      String period,
      String method,
      int count,
      String breaks,
      String level,
      Model model) {
    publicIndicator(id);
    Classification.Method m = MapParameters.method(method);
    MapViews.MapView map =
        maps.map(id, period, m, count, MapParameters.breaks(breaks), MapParameters.level(level));
    model.addAttribute("map", map);
    model.addAttribute("ranking", Charts.ranking(map));
    model.addAttribute("method", m.name().toLowerCase(Locale.ROOT));
    model.addAttribute("count", count);
    model.addAttribute("breaks", breaks);
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("atlasBase", "/" + tenant + "/oeffentlich/atlas");
    return "atlas/maps/indicator";
  }

  @GetMapping(path = "/{tenant}/oeffentlich/atlas/karten-daten", produces = "application/geo+json")
  @AllowPublic
  ResponseEntity<byte[]> mapData(
      @PathVariable("tenant") String tenant,
      @RequestParam("indicator") UUID indicator,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "level", required = false) String level) {
    publicIndicator(indicator);
    return mapData.answer(
        "public|" + indicator + "|" + period + "|" + method + "|" + count + "|" + breaks + "|"
            + level,
        () ->
            maps.map(
                indicator,
                period,
                MapParameters.method(method),
                count,
                MapParameters.breaks(breaks),
                MapParameters.level(level)));
  }

  @GetMapping("/{tenant}/oeffentlich/atlas/gebiete/{id}")
  @AllowPublic
  ResponseEntity<byte[]> area(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    return page(
        model,
        request,
        response,
        () -> {
          model.addAttribute("profile", profiles.profile(id, true));
          model.addAttribute("atlasBase", "/" + tenant + "/oeffentlich/atlas");
          return "atlas/maps/profile";
        });
  }

  @GetMapping("/{tenant}/oeffentlich/atlas/gebiete/{id}/pdf")
  @AllowPublic
  ResponseEntity<byte[]> areaPdf(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id)
      throws IOException {
    return ProfilePdf.download(profiles.profile(id, true), clock);
  }

  private void publicIndicator(UUID id) {
    if (!indicatorRepository.indicator(id).map(IndicatorRow::publicVisible).orElse(false)) {
      throw new NotFoundException();
    }
  }
}
