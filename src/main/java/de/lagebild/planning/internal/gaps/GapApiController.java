package de.lagebild.planning.internal.gaps;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/{tenant}/gap-analysis}: per area of a level the demand (the indicator's newest
 * figure), the supply (published offers of a category in or near the area), the coverage per 1,000
 * of demand, its rank and flag – as JSON or, with {@code format=geojson}, as map data.
 */
@RestController
class GapApiController {

  record AreaOut(
      UUID id,
      String name,
      String key,
      BigDecimal demand,
      String demandText,
      int supply,
      int offers,
      Integer places,
      int offersWithPlaces,
      BigDecimal coverage,
      Integer rank,
      String flag) {}

  record Out(
      String demand,
      String demandUnit,
      String period,
      String category,
      String lifeSituation,
      String level,
      double distanceKm,
      String from,
      String supply,
      BigDecimal reference,
      boolean referenceIsTarget,
      BigDecimal medianDemand,
      int offers,
      List<AreaOut> areas) {}

  private final GapAnalysis gaps;

  GapApiController(GapAnalysis gaps) {
    this.gaps = gaps;
  }

  @GetMapping("/api/v1/{tenant}/gap-analysis")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<?> analysis(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "demand") String demand,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "lifeSituation", required = false) String lifeSituation,
      @RequestParam(name = "level", required = false) String level,
      @RequestParam(name = "distanceKm", required = false) String distanceKm,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "supply", required = false) String supply,
      @RequestParam(name = "format", defaultValue = "json") String format) {
    GapAnalysis.Answer a =
        gaps.answer(
            GapQuestions.read(
                gaps, demand, category, lifeSituation, level, distanceKm, from, target, supply));
    if ("geojson".equals(format)) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/geo+json"))
          .body(GapAnalysis.geoJson(a));
    }
    return ResponseEntity.ok(
        new Out(
            a.indicator().name(),
            a.indicator().unit(),
            a.period(),
            a.category(),
            a.question().lifeSituation(),
            a.question().level(),
            a.question().distanceKm(),
            a.question().from().name(),
            a.question().byPlaces() ? "PLACES" : "OFFERS",
            a.reference(),
            a.referenceIsTarget(),
            a.medianDemand(),
            (int) a.places().stream().map(p -> p.offerId()).distinct().count(),
            a.ranked().stream()
                .map(
                    r ->
                        new AreaOut(
                            r.area().id().value(),
                            r.area().name(),
                            r.area().key(),
                            r.demand() == null ? null : r.demand().value(),
                            r.demand() == null ? null : r.demand().formatted(),
                            r.supply(),
                            r.offers(),
                            r.places(),
                            r.offersWithPlaces(),
                            r.coverage(),
                            r.rank(),
                            r.flag().name()))
                .toList()));
  }
}
