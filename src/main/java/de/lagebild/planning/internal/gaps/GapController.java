package de.lagebild.planning.internal.gaps;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.catalogue.OfferPlaces;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the gap analysis: the question (demand indicator, offers, level, distance, target),
 * the map of coverage with the offers as points, the ranked table beside it, and for each poorly
 * covered area one click to record it as a need with the figures as evidence.
 */
@Controller
class GapController {

  /** A row as the table shows it, with the need prefilled from it. */
  record Shown(GapAnalysis.Row row, String coverage, String needTitle, String needNote) {}

  private final GapAnalysis gaps;
  private final IndicatorFigures figures;
  private final OfferPlaces offers;
  private final AreaLookup areas;
  private final MessageSource messages;

  GapController(
      GapAnalysis gaps,
      IndicatorFigures figures,
      OfferPlaces offers,
      AreaLookup areas,
      MessageSource messages) {
    this.gaps = gaps;
    this.figures = figures;
    this.offers = offers;
    this.areas = areas;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/bedarfe/abgleich")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String page(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "demand", required = false) String demand,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "lifeSituation", required = false) String lifeSituation,
      @RequestParam(name = "level", required = false) String level,
      @RequestParam(name = "distanceKm", required = false) String distanceKm,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "supply", required = false) String supply,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("indicators", figures.indicators());
    model.addAttribute("categories", offers.categories());
    model.addAttribute("lifeSituations", LifeSituation.codes());
    List<String> levels = new ArrayList<>();
    for (String l : List.of("KREIS", "GEMEINDE", "GEMEINDETEIL", "SOZIALRAUM")) {
      if (!areas.shapes(l).isEmpty()) {
        levels.add(l);
      }
    }
    model.addAttribute("levels", levels);
    model.addAttribute("froms", Reachability.From.values());
    model.addAttribute(
        "p", new Params(demand, category, lifeSituation, level, distanceKm, from, target, supply));
    if (demand != null && !demand.isBlank()) {
      try {
        GapAnalysis.Answer a =
            gaps.answer(
                GapQuestions.read(
                    gaps,
                    demand,
                    category,
                    lifeSituation,
                    level,
                    distanceKm,
                    from,
                    target,
                    supply));
        model.addAttribute("answer", a);
        model.addAttribute("rows", shown(a));
        model.addAttribute("reference", format(a.reference()));
        model.addAttribute(
            "locations", a.places().stream().map(OfferPlaces.Place::locationId).distinct().count());
        model.addAttribute(
            "offerCount", a.places().stream().map(OfferPlaces.Place::offerId).distinct().count());
        model.addAttribute("query", request.getQueryString());
      } catch (DomainException e) {
        model.addAttribute(
            "problem",
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN));
      }
    }
    return "planning/gaps/gaps";
  }

  /** What the form was filled with, to show it again. */
  record Params(
      String demand,
      String category,
      String lifeSituation,
      String level,
      String distanceKm,
      String from,
      String target,
      String supply) {}

  private List<Shown> shown(GapAnalysis.Answer a) {
    List<GapAnalysis.Row> ranked = a.ranked();
    long withDemand = ranked.stream().filter(r -> r.rank() != null).count();
    String what =
        a.category() != null
            ? a.category()
            : messages.getMessage("gap.category.any", null, Locale.GERMAN);
    List<Shown> out = new ArrayList<>();
    for (GapAnalysis.Row r : ranked) {
      String coverage = format(r.coverage());
      String title =
          messages.getMessage(
              "gap.need.title", new Object[] {what, r.area().name()}, Locale.GERMAN);
      String note =
          r.demand() == null
              ? null
              : messages.getMessage(
                  "gap.need.note",
                  new Object[] {
                    r.supply(),
                    r.demand().formatted()
                        + (a.indicator().unit() == null ? "" : " " + a.indicator().unit()),
                    a.indicator().name(),
                    coverage,
                    format(a.reference()),
                    r.rank(),
                    withDemand
                  },
                  Locale.GERMAN);
      out.add(new Shown(r, coverage, title, note));
    }
    return out;
  }

  static String format(BigDecimal v) {
    if (v == null) {
      return "–";
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(v.setScale(1, RoundingMode.HALF_UP));
  }
}
