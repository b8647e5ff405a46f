package de.lagebild.state.internal;

import de.lagebild.identity.SharedItem;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.StrategyStandings.RoundProgress;
import de.lagebild.strategy.StrategyStandings.Standing;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/{land}/districts}: the overview rows of the Land's districts, each with the
 * items it shares; an item not shared is null and missing from {@code shared}.
 */
@RestController
class StateApiController {

  record DistrictOut(
      String slug,
      String name,
      String officialKey,
      Set<SharedItem> shared,
      String category,
      Standing strategy,
      RoundProgress round,
      Integer publishedOffers,
      Instant dataUpdated,
      List<de.lagebild.strategy.PlanningFunding.Funding> funding) {}

  record Out(String land, int districts, List<DistrictOut> rows) {}

  record DistrictValue(
      String key,
      String name,
      Double value,
      String formatted,
      Double lower,
      Double upper,
      String verdict) {}

  record IndicatorOut(
      String code,
      String name,
      String unit,
      String polarity,
      String period,
      Double landValue,
      boolean referenceIsMedian,
      Double median,
      Double q1,
      Double q3,
      Double min,
      Double max,
      int districtsWithValue,
      String test,
      List<DistrictValue> districts) {}

  record ComparisonOut(String land, String period, List<IndicatorOut> indicators) {}

  private final DistrictOverview overview;
  private final DistrictComparison comparison;

  StateApiController(DistrictOverview overview, DistrictComparison comparison) {
    this.overview = overview;
    this.comparison = comparison;
  }

  @GetMapping("/api/v1/{tenant}/comparison")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ComparisonOut comparison(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indicators", required = false) String indicators,
      @RequestParam(name = "period", required = false) String period) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    var selected =
        indicators == null || indicators.isBlank()
            ? comparison.indicators()
            : comparison.find(
                java.util.Arrays.stream(indicators.split(","))
                    .map(String::trim)
                    .filter(x -> !x.isEmpty())
                    .toList());
    String p = period == null || period.isBlank() ? null : period.trim();
    List<IndicatorOut> out =
        comparison.compare(selected, p).stream()
            .map(
                r ->
                    new IndicatorOut(
                        r.indicator().code(),
                        r.indicator().name(),
                        r.indicator().unit(),
                        r.indicator().polarity(),
                        r.period(),
                        r.referenceIsMedian() ? null : r.reference(),
                        r.referenceIsMedian(),
                        r.spread().median(),
                        r.spread().q1(),
                        r.spread().q3(),
                        r.spread().min(),
                        r.spread().max(),
                        r.spread().count(),
                        r.tested() ? "WILSON_95" : "NONE",
                        r.cells().stream()
                            .map(
                                c ->
                                    new DistrictValue(
                                        c.kreis().key(),
                                        c.kreis().name(),
                                        c.value(),
                                        c.formatted(),
                                        c.interval() == null ? null : c.interval().lower(),
                                        c.interval() == null ? null : c.interval().upper(),
                                        c.verdict().name()))
                            .toList()))
            .toList();
    return new ComparisonOut(tenant, p, out);
  }

  @GetMapping("/api/v1/{tenant}/districts")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  Out districts(@PathVariable("tenant") String tenant) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    List<DistrictOut> rows =
        overview.rows().stream()
            .map(
                r ->
                    new DistrictOut(
                        r.district().slug(),
                        r.district().name(),
                        r.district().officialKey(),
                        r.district().shared(),
                        r.category().name(),
                        r.strategy(),
                        r.round(),
                        r.offers(),
                        r.dataUpdated(),
                        r.funding()))
            .toList();
    return new Out(tenant, rows.size(), rows);
  }
}
