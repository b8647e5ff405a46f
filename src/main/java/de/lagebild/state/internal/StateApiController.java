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
      Instant dataUpdated) {}

  record Out(String land, int districts, List<DistrictOut> rows) {}

  private final DistrictOverview overview;

  StateApiController(DistrictOverview overview) {
    this.overview = overview;
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
                        r.dataUpdated()))
            .toList();
    return new Out(tenant, rows.size(), rows);
  }
}
