package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.planning.internal.events.EventRepository;
import de.lagebild.planning.internal.events.ParticipationEvent;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.planning.internal.needs.Need.EvidenceKind;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import de.lagebild.strategy.StrategyGoals;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The needs of a district: the list with filters and the count per area, a need's page with its
 * evidence, goals, measures and status history, and the form – empty, or prefilled from a figure of
 * the atlas ("Bedarf erfassen" on an area profile) or from a goal.
 */
@Controller
class NeedController {

  private final NeedRepository needs;
  private final Needs work;
  private final NeedNames names;
  private final IndicatorFigures figures;
  private final StrategyGoals goals;
  private final ResponsibleUnits units;
  private final MessageSource messages;
  private final EventRepository events;
  private final NeedOffers offers;

  NeedController(
      NeedRepository needs,
      Needs work,
      NeedNames names,
      IndicatorFigures figures,
      StrategyGoals goals,
      ResponsibleUnits units,
      MessageSource messages,
      EventRepository events,
      NeedOffers offers) {
    this.events = events;
    this.offers = offers;
    this.needs = needs;
    this.work = work;
    this.names = names;
    this.figures = figures;
    this.goals = goals;
    this.units = units;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/bedarfe")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String list(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "gebiet", required = false) String area,
      @RequestParam(name = "lebenslage", required = false) String lifeSituation,
      @RequestParam(name = "quelle", required = false) String source,
      @RequestParam(name = "suche", required = false) String text,
      Model model) {
    NeedRepository.Filter filter = NeedFilters.of(status, area, lifeSituation, source, null, text);
    List<Need> found = needs.find(filter);
    NeedNames.Names n = names.read();
    model.addAttribute("needs", found);
    model.addAttribute("names", n);
    model.addAttribute("filter", filter);
    model.addAttribute("filtered", !filter.equals(NeedRepository.Filter.NONE));
    model.addAttribute("query", NeedFilters.query(filter));
    model.addAttribute("perArea", perArea(found, n));
    model.addAttribute("statuses", Need.Status.values());
    model.addAttribute("sourceKinds", Need.SourceKind.values());
    model.addAttribute("lifeSituations", LifeSituation.codes());
    model.addAttribute("areas", figures.areas());
    return "planning/needs/list";
  }

  /** How many needs (shown by the filter) concern each area, most first. */
  private static List<Map.Entry<IndicatorFigures.AreaInfo, Integer>> perArea(
      List<Need> found, NeedNames.Names n) {
    Map<IndicatorFigures.AreaInfo, Integer> counts = new LinkedHashMap<>();
    for (Need need : found) {
      for (UUID a : need.areaIds()) {
        IndicatorFigures.AreaInfo info = n.areas().get(a);
        if (info != null) {
          counts.merge(info, 1, Integer::sum);
        }
      }
    }
    List<Map.Entry<IndicatorFigures.AreaInfo, Integer>> rows = new ArrayList<>(counts.entrySet());
    rows.sort(
        Map.Entry.<IndicatorFigures.AreaInfo, Integer>comparingByValue()
            .reversed()
            .thenComparing(e -> e.getKey().name()));
    return rows;
  }

  @GetMapping("/{tenant}/bedarfe/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String need(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    Need need = needs.find(id).orElseThrow(NotFoundException::new);
    NeedNames.Names n = names.read();
    model.addAttribute("need", need);
    model.addAttribute("names", n);
    List<GoalWithMeasures> linked = new ArrayList<>();
    for (StrategyGoals.GoalRef g : n.goalsOf(need)) {
      linked.add(new GoalWithMeasures(g, goals.measures(g.id())));
    }
    model.addAttribute("goals", linked);
    model.addAttribute("history", work.history(id));
    model.addAttribute("offers", offers.of(need));
    model.addAttribute(
        "event", need.eventId() == null ? null : events.find(need.eventId()).orElse(null));
    model.addAttribute("statuses", Need.Status.values());
    return "planning/needs/need";
  }

  record GoalWithMeasures(StrategyGoals.GoalRef goal, List<StrategyGoals.MeasureRef> measures) {}

  @GetMapping("/{tenant}/bedarfe/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String create(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indicator", required = false) UUID indicator,
      @RequestParam(name = "area", required = false) UUID area,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "goal", required = false) UUID goal,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "note", required = false) String note,
      @RequestParam(name = "event", required = false) UUID event,
      @RequestParam(name = "survey", required = false) String survey,
      Model model) {
    if (event != null) {
      ParticipationEvent e = events.find(event).orElseThrow(NotFoundException::new);
      String source =
          messages.getMessage("event.format." + e.format(), null, Locale.GERMAN)
              + " „"
              + e.title()
              + "“ am "
              + e.heldOn().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
      return form(
          null,
          NeedForm.fromEvent(
              source, e.areaId() == null ? List.of() : List.of(e.areaId().toString()), e.id()),
          model);
    }
    List<Evidence> evidence = new ArrayList<>();
    List<String> areas = new ArrayList<>();
    if (area != null && figures.area(AreaId.of(area)).isPresent()) {
      areas.add(area.toString());
    }
    if (indicator != null && area != null) {
      Evidence e = fromAtlas(indicator, area, period, reference);
      evidence.add(
          note == null
              ? e
              : new Evidence(
                  e.kind(),
                  e.indicatorId(),
                  e.areaId(),
                  e.period(),
                  e.valueText(),
                  e.referenceText(),
                  e.source(),
                  note));
    }
    if (survey != null && !survey.isBlank() && !evidence.isEmpty()) {
      String origin =
          messages.getMessage(
              "need.evidence.fromSurvey", new Object[] {survey.strip()}, Locale.GERMAN);
      Evidence e = evidence.get(0);
      return form(
          null,
          NeedForm.fromSurvey(
              origin,
              areas,
              List.of(
                  new Evidence(
                      EvidenceKind.SURVEY,
                      e.indicatorId(),
                      e.areaId(),
                      e.period(),
                      e.valueText(),
                      e.referenceText(),
                      origin,
                      e.note()))),
          model);
    }
    List<String> goalIds =
        goal != null && goals.goal(goal).isPresent() ? List.of(goal.toString()) : List.of();
    return form(null, NeedForm.blank(Text.blankToNull(title), areas, goalIds, evidence), model);
  }

  /**
   * The figure of the atlas as evidence: the value at {@code period} (else the latest) as it reads,
   * with its unit, and the reference it was compared with on the profile.
   */
  private Evidence fromAtlas(UUID indicator, UUID area, String period, String reference) {
    var info = figures.indicator(IndicatorId.of(indicator)).orElseThrow(NotFoundException::new);
    figures.area(AreaId.of(area)).orElseThrow(NotFoundException::new);
    List<IndicatorFigures.Point> course =
        figures.series(IndicatorId.of(indicator), AreaId.of(area));
    IndicatorFigures.Point point =
        course.stream()
            .filter(p -> period == null || p.period().equals(period))
            .reduce((a, b) -> b)
            .orElse(null);
    String value =
        point == null ? null : point.formatted() + (info.unit() == null ? "" : " " + info.unit());
    return new Evidence(
        EvidenceKind.INDICATOR,
        indicator,
        area,
        point == null ? period : point.periodLabel(),
        value,
        Text.blankToNull(reference),
        messages.getMessage("need.evidence.fromAtlas", null, Locale.GERMAN),
        null);
  }

  @PostMapping("/{tenant}/bedarfe/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String save(
      @PathVariable("tenant") String tenant,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    NeedForm form = NeedForm.from(request.getParameterMap());
    try {
      Need n = work.create(form.toNeed(null, null));
      redirect.addFlashAttribute("success", "need.created");
      return "redirect:/" + tenant + "/bedarfe/" + n.id();
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      return form(null, form, model);
    }
  }

  @GetMapping("/{tenant}/bedarfe/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    Need need = needs.find(id).orElseThrow(NotFoundException::new);
    return form(need, NeedForm.of(need), model);
  }

  @PostMapping("/{tenant}/bedarfe/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String update(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    NeedForm form = NeedForm.from(request.getParameterMap());
    Need before = needs.find(id).orElseThrow(NotFoundException::new);
    try {
      work.update(form.toNeed(id, before));
      redirect.addFlashAttribute("success", "need.updated");
      return "redirect:/" + tenant + "/bedarfe/" + id;
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      return form(before, form, model);
    }
  }

  @PostMapping("/{tenant}/bedarfe/{id}/status")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String status(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("status") String status,
      @RequestParam(name = "on", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate on,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam("version") int version,
      RedirectAttributes redirect) {
    needs.find(id).orElseThrow(NotFoundException::new);
    try {
      Need.Status next =
          Arrays.stream(Need.Status.values())
              .filter(s -> s.name().equals(status))
              .findFirst()
              .orElseThrow(() -> new DomainException("need.status.invalid", status));
      work.changeStatus(id, version, next, on, Text.blankToNull(reason));
      redirect.addFlashAttribute("success", "need.statusChanged");
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", message(e));
    }
    return "redirect:/" + tenant + "/bedarfe/" + id;
  }

  private String form(Need need, NeedForm form, Model model) {
    model.addAttribute("need", need);
    model.addAttribute("form", form);
    model.addAttribute("sourceKinds", Need.SourceKind.values());
    model.addAttribute("priorities", Need.Priority.values());
    model.addAttribute("evidenceKinds", EvidenceKind.values());
    model.addAttribute("lifeSituations", LifeSituation.codes());
    model.addAttribute("areas", figures.areas());
    model.addAttribute("indicators", figures.indicators());
    model.addAttribute("goals", goals.goals());
    model.addAttribute("units", units.list());
    return "planning/needs/form";
  }

  private String message(DomainException e) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN);
  }
}
