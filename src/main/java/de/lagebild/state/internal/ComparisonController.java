package de.lagebild.state.internal;

import de.lagebild.atlas.IndicatorFigures.IndicatorInfo;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Comparing the Kreise of the Land: a spine chart of one Kreis on a set of indicators (with the
 * table of the same figures), and the ranking of all Kreise on one indicator with the Land value.
 */
@Controller
class ComparisonController {

  private final DistrictComparison comparison;
  private final DistrictOverview overview;
  private final MessageSource messages;

  ComparisonController(
      DistrictComparison comparison, DistrictOverview overview, MessageSource messages) {
    this.comparison = comparison;
    this.overview = overview;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/land/vergleich")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String compare(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "kreis", required = false) String kreis,
      @RequestParam(name = "indikator", required = false) List<String> indicators,
      @RequestParam(name = "periode", required = false) String period,
      Model model) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    List<DistrictComparison.Kreis> kreise = comparison.kreise();
    if (kreise.isEmpty()) {
      model.addAttribute("kreise", kreise);
      return "state/comparison";
    }
    DistrictComparison.Kreis chosen =
        kreise.stream()
            .filter(k -> k.key().equals(kreis))
            .findFirst()
            .orElseGet(() -> defaultKreis(kreise));
    List<IndicatorInfo> all = comparison.indicators();
    List<IndicatorInfo> selected =
        indicators == null || indicators.isEmpty()
            ? all.stream().filter(i -> !i.count()).toList()
            : comparison.find(indicators);
    String p = period == null || period.isBlank() ? null : period.trim();
    List<DistrictComparison.Row> rows = comparison.compare(selected, p);
    model.addAttribute("kreise", kreise);
    model.addAttribute("kreis", chosen);
    model.addAttribute("indicators", all);
    model.addAttribute("selected", selected);
    model.addAttribute("period", p);
    model.addAttribute("rows", rows);
    model.addAttribute(
        "chart",
        rows.isEmpty()
            ? null
            : SpineChart.svg(
                rows,
                chosen.key(),
                messages.getMessage(
                    "state.compare.chartLabel", new Object[] {chosen.name()}, Locale.GERMAN)));
    return "state/comparison";
  }

  @GetMapping("/{tenant}/land/vergleich/rangfolge")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String ranking(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indikator") String indicator,
      @RequestParam(name = "periode", required = false) String period,
      Model model) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    List<IndicatorInfo> found = comparison.find(List.of(indicator));
    if (found.isEmpty()) {
      throw new NotFoundException();
    }
    String p = period == null || period.isBlank() ? null : period.trim();
    model.addAttribute("row", comparison.compare(found, p).getFirst());
    model.addAttribute("period", p);
    return "state/ranking";
  }

  /** The first member district with a Kreis in the atlas, else the first Kreis. */
  private DistrictComparison.Kreis defaultKreis(List<DistrictComparison.Kreis> kreise) {
    for (String key : overview.memberKeys()) {
      for (DistrictComparison.Kreis k : kreise) {
        if (k.key().equals(key)) {
          return k;
        }
      }
    }
    return kreise.getFirst();
  }
}
