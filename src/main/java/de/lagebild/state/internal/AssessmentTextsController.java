package de.lagebild.state.internal;

import de.lagebild.identity.SharedItem;
import de.lagebild.identity.StateDistricts;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.StrategyStandings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The texts of a district's published assessments, for the Land – only when the district is a
 * member and shares them; otherwise the page says they are not shared.
 */
@Controller
class AssessmentTextsController {

  private final StateDistricts districts;
  private final StrategyStandings standings;
  private final DistrictOverview overview;

  AssessmentTextsController(
      StateDistricts districts, StrategyStandings standings, DistrictOverview overview) {
    this.districts = districts;
    this.standings = standings;
    this.overview = overview;
  }

  @GetMapping("/{tenant}/land/kreise/{district}/einschaetzungen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String texts(
      @PathVariable("tenant") String tenant,
      @PathVariable("district") String district,
      Model model) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    StateDistricts.District d =
        districts.districts().stream()
            .filter(x -> x.slug().equals(district))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    model.addAttribute("district", d);
    model.addAttribute(
        "assessments",
        districts
            .readShared(district, SharedItem.ASSESSMENT_TEXTS, standings::publishedAssessments)
            // the texts are stored sanitised; sanitised again, since they come from another tenant
            .map(
                list ->
                    list.stream()
                        .map(
                            a ->
                                new StrategyStandings.PublishedAssessment(
                                    a.strategyTitle(),
                                    a.round(),
                                    a.measureCode(),
                                    a.measureTitle(),
                                    a.status(),
                                    a.narrative() == null
                                        ? null
                                        : de.lagebild.exchange.SafeHtml.sanitize(a.narrative())))
                        .toList())
            .orElse(null));
    return "state/assessments";
  }
}
