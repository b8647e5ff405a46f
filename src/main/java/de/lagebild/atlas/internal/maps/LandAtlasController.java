package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.identity.StateAtlas;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Land's indicator set inside a district's own atlas ({@code /{tenant}/atlas/land/…}): the same
 * map, table, time series and area profile as the district's own atlas, read live from the Land's
 * tenant through {@link StateAtlas#readLand} – nothing is copied, so a Land import is seen by every
 * subscribing district with its next request. Read only: no editing, no needs recorded from it, no
 * exports through the district's API. A district that does not subscribe gets a page that says so;
 * every other address answers "not found".
 */
@Controller
class LandAtlasController {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ProfileViews profiles;
  private final IndicatorPage page;
  private final MapViews maps;
  private final MapData mapData;
  private final OwnArea ownArea;
  private final StateAtlas stateAtlas;
  private final Clock clock;

  LandAtlasController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ProfileViews profiles,
      IndicatorPage page,
      MapViews maps,
      MapData mapData,
      OwnArea ownArea,
      StateAtlas stateAtlas,
      Clock clock) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.profiles = profiles;
    this.page = page;
    this.maps = maps;
    this.mapData = mapData;
    this.ownArea = ownArea;
    this.stateAtlas = stateAtlas;
    this.clock = clock;
  }

  /** The Land's indicators and areas; opens on the map of the first with the district's Kreis. */
  @GetMapping("/{tenant}/atlas/land")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String home(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indikator", required = false) UUID chosen,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "ebene", required = false) String level,
      Model model) {
    var subscription = stateAtlas.subscription();
    if (subscription.isEmpty()) {
      return "atlas/maps/land-none";
    }
    return stateAtlas
        .readLand(
            () -> {
              var indicators = indicatorRepository.indicators();
              model.addAttribute("indicators", indicators);
              model.addAttribute("areas", areaRepository.areas());
              landModel(tenant, subscription.get(), model);
              var opening =
                  chosen != null
                      ? indicators.stream().filter(i -> i.id().equals(chosen)).findFirst()
                      : ownArea.openingIndicator(tenant, indicators);
              if (opening.isEmpty()) {
                return "atlas/maps/home";
              }
              model.addAttribute("overview", true);
              return page.fill(
                  tenant,
                  opening.get().id(),
                  period,
                  method,
                  count,
                  breaks,
                  null,
                  level,
                  null,
                  model);
            })
        .orElse("atlas/maps/land-none");
  }

  @GetMapping("/{tenant}/atlas/land/indikatoren/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String indicator(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "ebene", required = false) String level,
      @RequestParam(name = "vergleich", required = false) List<UUID> compare,
      @RequestParam(name = "gebietsstand", required = false) String borders,
      Model model) {
    var subscription = stateAtlas.subscription().orElseThrow(NotFoundException::new);
    return stateAtlas
        .readLand(
            () -> {
              landModel(tenant, subscription, model);
              return page.fill(
                  tenant, id, period, method, count, breaks, compare, level, borders, model);
            })
        .orElseThrow(NotFoundException::new);
  }

  @GetMapping(path = "/{tenant}/atlas/land/karten-daten", produces = "application/geo+json")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> mapData(
      @PathVariable("tenant") String tenant,
      @RequestParam("indicator") UUID indicator,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "level", required = false) String level) {
    return stateAtlas
        .readLand(
            () ->
                mapData.answer(
                    "land|" + indicator + "|" + period + "|" + method + "|" + count + "|" + breaks
                        + "|" + level,
                    () ->
                        maps.map(
                            indicator,
                            period,
                            MapParameters.method(method),
                            count,
                            MapParameters.breaks(breaks),
                            MapParameters.level(level))))
        .orElseThrow(NotFoundException::new);
  }

  @GetMapping("/{tenant}/atlas/land/gebiete/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String area(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    var subscription = stateAtlas.subscription().orElseThrow(NotFoundException::new);
    String view =
        stateAtlas
            .readLand(
                () -> {
                  landModel(tenant, subscription, model);
                  model.addAttribute("profile", profiles.profile(id, false));
                  return "atlas/maps/profile";
                })
            .orElseThrow(NotFoundException::new);
    // in the district's own scope: what of the district refers to this area of the Land (its goals
    // measured by the Land's indicators here); sections without an entry are left out
    model.addAttribute("contextSections", page.contextSections(tenant, id, true));
    return view;
  }

  @GetMapping("/{tenant}/atlas/land/gebiete/{id}/pdf")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> areaPdf(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    return stateAtlas
        .readLand(
            () -> {
              try {
                return ProfilePdf.download(profiles.profile(id, false), clock);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElseThrow(NotFoundException::new);
  }

  private static void landModel(String tenant, StateAtlas.Subscription subscription, Model model) {
    model.addAttribute("atlasBase", "/" + tenant + "/atlas/land");
    model.addAttribute("landAtlas", subscription.landName());
  }
}
