package de.lagebild.strategy.internal.tree;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.GoalNeeds;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A goal's page: its texts, its measures, and the atlas indicators that measure it – each with
 * baseline, target and the course of the figures so far, and whether the latest figure has reached
 * the target.
 */
@Controller
class GoalController {

  /** A linked indicator with its course and a verdict in words. */
  record Measured(
      GoalIndicators.Link link,
      IndicatorFigures.IndicatorInfo indicator,
      IndicatorFigures.AreaInfo area,
      List<IndicatorFigures.Point> course,
      String baseline,
      String target,
      String verdict,
      Verdict kind) {

    public String symbol() {
      return kind.symbol;
    }
  }

  /**
   * The one verdict of a goal's indicator, in words (message {@code chain.verdict.*}) and symbol.
   */
  enum Verdict {
    REACHED("✔"),
    ON_TRACK("↗"),
    NOT_REACHED("✘"),
    NO_DATA("?");

    final String symbol;

    Verdict(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Prefix of a choice of the link form that names the Land's indicator or area. */
  static final String LAND_PREFIX = "land:";

  private static UUID choice(String value) {
    String id = value.startsWith(LAND_PREFIX) ? value.substring(LAND_PREFIX.length()) : value;
    try {
      return UUID.fromString(id.trim());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  /** Figures older than this many years are not "current" for a verdict. */
  static final int CURRENT_YEARS = 3;

  private final StrategyRepository strategies;
  private final GoalIndicators links;
  private final LinkedFigures linked;
  private final IndicatorFigures figures;
  private final AuditLog audit;
  private final Clock clock;

  private final org.springframework.context.MessageSource messages;
  private final GoalDirectory directory;
  private final ObjectProvider<GoalNeeds> needs;

  GoalController(
      StrategyRepository strategies,
      GoalIndicators links,
      LinkedFigures linked,
      IndicatorFigures figures,
      AuditLog audit,
      Clock clock,
      org.springframework.context.MessageSource messages,
      GoalDirectory directory,
      ObjectProvider<GoalNeeds> needs) {
    this.messages = messages;
    this.directory = directory;
    this.needs = needs;
    this.strategies = strategies;
    this.links = links;
    this.linked = linked;
    this.figures = figures;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/{tenant}/strategien/{id}/ziele/{goalId}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  public String goal(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      Model model) {
    GoalRow goal = goal(id, goalId);
    model.addAttribute("strategy", strategies.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("goal", goal);
    model.addAttribute("measures", directory.measures(goalId));
    model.addAttribute("needs", needs.orderedStream().flatMap(n -> n.of(goalId).stream()).toList());
    model.addAttribute(
        "children",
        strategies.goals(id).stream()
            .filter(g -> goalId.equals(g.parentId()))
            .sorted(Comparator.comparingInt(GoalRow::position))
            .toList());
    List<Measured> measured = new ArrayList<>();
    for (GoalIndicators.Link l : links.ofGoal(goalId)) {
      LinkedFigures.Figures f = linked.of(l).orElse(null);
      if (f == null) {
        continue;
      }
      measured.add(
          new Measured(
              l,
              f.indicator(),
              f.area(),
              f.course(),
              number(l.baselineValue(), f.indicator()),
              number(l.targetValue(), f.indicator()),
              verdict(l, f.course(), f.indicator()),
              kind(l, f.course(), f.indicator(), LocalCalendar.today(clock))));
    }
    model.addAttribute("measured", measured);
    model.addAttribute("indicators", figures.indicators());
    model.addAttribute("areas", figures.areas());
    model.addAttribute("land", linked.landChoice().orElse(null));
    return "strategy/tree/goal";
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele/{goalId}/indikatoren")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @Transactional
  String link(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @RequestParam("indicator") String indicatorChoice,
      @RequestParam("area") String areaChoice,
      @RequestParam(name = "baselineValue", required = false) String baselineValue,
      @RequestParam(name = "baselinePeriod", required = false) String baselinePeriod,
      @RequestParam(name = "targetValue", required = false) String targetValue,
      @RequestParam(name = "targetPeriod", required = false) String targetPeriod,
      RedirectAttributes redirect) {
    goal(id, goalId);
    // "land:<id>" names an indicator or area of the Land's atlas the district subscribes to
    boolean land = indicatorChoice.startsWith(LAND_PREFIX);
    if (land != areaChoice.startsWith(LAND_PREFIX)) {
      redirect.addFlashAttribute(
          "problem", messages.getMessage("goal.indicator.mixedSources", null, Locale.GERMAN));
      return "redirect:/" + tenant + "/strategien/" + id + "/ziele/" + goalId;
    }
    UUID indicator = choice(indicatorChoice);
    UUID area = choice(areaChoice);
    String indicatorName;
    String areaName;
    if (land) {
      LinkedFigures.Figures f = linked.land(indicator, area).orElseThrow(NotFoundException::new);
      indicatorName = f.indicator().name();
      areaName = f.area().name();
    } else {
      indicatorName =
          figures.indicator(IndicatorId.of(indicator)).orElseThrow(NotFoundException::new).name();
      areaName = figures.area(AreaId.of(area)).orElseThrow(NotFoundException::new).name();
    }
    GoalIndicators.Link l =
        new GoalIndicators.Link(
            UUID.randomUUID(),
            goalId,
            indicator,
            area,
            decimal(baselineValue, "goal.indicator.baseline"),
            period(baselinePeriod),
            decimal(targetValue, "goal.indicator.target"),
            period(targetPeriod),
            land);
    if (links.ofGoal(goalId).stream()
        .anyMatch(x -> x.indicatorId().equals(indicator) && x.areaId().equals(area))) {
      redirect.addFlashAttribute(
          "problem",
          messages.getMessage(
              "goal.indicator.duplicate", new Object[] {indicatorName, areaName}, Locale.GERMAN));
      return "redirect:/" + tenant + "/strategien/" + id + "/ziele/" + goalId;
    }
    links.insert(l, clock.instant());
    audit.record(
        "CREATE",
        "GoalIndicator",
        l.id(),
        "Indikator mit Ziel verknüpft",
        null,
        land
            ? Map.of("indicator", indicatorName, "area", areaName, "source", "Land")
            : Map.of("indicator", indicatorName, "area", areaName));
    redirect.addFlashAttribute("success", "goal.indicator.linked");
    return "redirect:/" + tenant + "/strategien/" + id + "/ziele/" + goalId;
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele/{goalId}/indikatoren/{linkId}/entfernen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @Transactional
  String unlink(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @PathVariable("linkId") UUID linkId,
      RedirectAttributes redirect) {
    goal(id, goalId);
    if (!links.delete(goalId, linkId)) {
      throw new NotFoundException();
    }
    audit.record("DELETE", "GoalIndicator", linkId, "Indikator vom Ziel gelöst", null, null);
    redirect.addFlashAttribute("success", "goal.indicator.unlinked");
    return "redirect:/" + tenant + "/strategien/" + id + "/ziele/" + goalId;
  }

  private GoalRow goal(UUID strategyId, UUID goalId) {
    GoalRow g = strategies.goal(goalId).orElseThrow(NotFoundException::new);
    if (!g.strategyId().equals(strategyId)) {
      throw new NotFoundException();
    }
    return g;
  }

  /**
   * Whether the latest figure has reached the target, judged in the direction from baseline to
   * target.
   */
  static String verdict(
      GoalIndicators.Link l,
      List<IndicatorFigures.Point> course,
      IndicatorFigures.IndicatorInfo indicator) {
    IndicatorFigures.Point latest =
        course.stream().filter(p -> p.value() != null).reduce((a, b) -> b).orElse(null);
    if (latest == null || l.targetValue() == null) {
      return null;
    }
    BigDecimal reference = l.baselineValue();
    boolean down =
        reference != null
            ? l.targetValue().compareTo(reference) < 0
            : "LOWER_BETTER".equals(indicator.polarity());
    boolean reached =
        down
            ? latest.value().compareTo(l.targetValue()) <= 0
            : latest.value().compareTo(l.targetValue()) >= 0;
    String stand = latest.formatted() + " (" + latest.periodLabel() + ")";
    if (reached) {
      return "Ziel erreicht: " + stand;
    }
    if (reference != null) {
      boolean better =
          down ? latest.value().compareTo(reference) < 0 : latest.value().compareTo(reference) > 0;
      return (better ? "auf dem Weg zum Ziel: " : "noch nicht besser als der Ausgangswert: ")
          + stand;
    }
    return "Ziel noch nicht erreicht: " + stand;
  }

  /**
   * The verdict as one of four: reached, on the way (better than the baseline), not reached, or no
   * current figure (none, none within {@link #CURRENT_YEARS} years, or no target to judge by).
   */
  static Verdict kind(
      GoalIndicators.Link l,
      List<IndicatorFigures.Point> course,
      IndicatorFigures.IndicatorInfo indicator,
      java.time.LocalDate today) {
    IndicatorFigures.Point latest =
        course.stream().filter(p -> p.value() != null).reduce((a, b) -> b).orElse(null);
    if (latest == null
        || l.targetValue() == null
        || (latest.periodEnd() != null
            && latest.periodEnd().isBefore(today.minusYears(CURRENT_YEARS)))) {
      return Verdict.NO_DATA;
    }
    BigDecimal reference = l.baselineValue();
    boolean down =
        reference != null
            ? l.targetValue().compareTo(reference) < 0
            : "LOWER_BETTER".equals(indicator.polarity());
    int toTarget = latest.value().compareTo(l.targetValue());
    if (down ? toTarget <= 0 : toTarget >= 0) {
      return Verdict.REACHED;
    }
    if (reference != null) {
      int toBase = latest.value().compareTo(reference);
      if (down ? toBase < 0 : toBase > 0) {
        return Verdict.ON_TRACK;
      }
    }
    return Verdict.NOT_REACHED;
  }

  private static String number(BigDecimal v, IndicatorFigures.IndicatorInfo indicator) {
    if (v == null) {
      return null;
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMinimumFractionDigits(indicator.decimals());
    f.setMaximumFractionDigits(Math.max(indicator.decimals(), 2));
    return f.format(v);
  }

  private static BigDecimal decimal(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace(".", "").replace(',', '.');
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new DomainException("goal.indicator.number", text);
    }
  }

  private static String period(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (!t.matches("\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?")) {
      throw new DomainException("goal.indicator.period", t);
    }
    return t;
  }
}
