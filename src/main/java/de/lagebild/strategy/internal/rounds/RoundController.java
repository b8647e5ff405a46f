package de.lagebild.strategy.internal.rounds;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.report.ImprintRepository;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.Codes;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's side of a reporting round: create, open, review, close. */
@Controller
class RoundController {

  private final StrategyRepository strategies;
  private final RoundRepository rounds;
  private final MeasureRepository measures;
  private final RoundWorkflow workflow;
  private final AssessmentWorkflow assessments;
  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;
  private final ImprintRepository imprints;

  RoundController(
      StrategyRepository strategies,
      RoundRepository rounds,
      MeasureRepository measures,
      RoundWorkflow workflow,
      AssessmentWorkflow assessments,
      StatusCatalogue statuses,
      ResponsibleUnits units,
      ImprintRepository imprints) {
    this.imprints = imprints;
    this.strategies = strategies;
    this.rounds = rounds;
    this.measures = measures;
    this.workflow = workflow;
    this.assessments = assessments;
    this.statuses = statuses;
    this.units = units;
  }

  @GetMapping("/{tenant}/strategien/{id}/runden")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.READER, Role.CONTRIBUTOR})
  String list(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("strategy", strategies.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("rounds", rounds.ofStrategy(id));
    model.addAttribute("states", RoundState.values());
    model.addAttribute(
        "reportGoals",
        strategies.goals(id).stream()
            .filter(g -> g.level() <= 1)
            .sorted(Comparator.comparing(g -> g.code() == null ? "" : g.code(), Codes.ORDER))
            .toList());
    model.addAttribute("units", units.list());
    model.addAttribute("statusOptions", statuses.all());
    model.addAttribute("imprint", imprints.effective(id));
    return "strategy/rounds/rounds";
  }

  @PostMapping("/{tenant}/strategien/{id}/runden")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String create(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("name") String name,
      @RequestParam(name = "deadline", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate deadline,
      Model model,
      RedirectAttributes redirect) {
    if (name == null || name.isBlank() || name.length() > 100) {
      model.addAttribute(
          "error", name == null || name.isBlank() ? "round.nameRequired" : "round.nameTooLong");
      return list(tenant, id, model);
    }
    try {
      workflow.create(id, name, deadline);
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      model.addAttribute("error", e.messageKey());
      model.addAttribute("errorArgs", e.arguments());
      return list(tenant, id, model);
    }
    redirect.addFlashAttribute("success", "round.created");
    return "redirect:/" + tenant + "/strategien/" + id + "/runden";
  }

  @PostMapping("/{tenant}/runden/{roundId}/status")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String move(
      @PathVariable("tenant") String tenant,
      @PathVariable("roundId") UUID roundId,
      @RequestParam("state") RoundState state,
      @RequestParam("version") int version,
      RedirectAttributes redirect) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    workflow.moveTo(roundId, state, version);
    redirect.addFlashAttribute("success", "round.moved." + state);
    return "redirect:/" + tenant + "/strategien/" + round.strategyId() + "/runden";
  }

  @PostMapping("/{tenant}/runden/{roundId}/veroeffentlichung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String publish(
      @PathVariable("tenant") String tenant,
      @PathVariable("roundId") UUID roundId,
      @RequestParam("publish") boolean publish,
      @RequestParam("version") int version,
      RedirectAttributes redirect) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    workflow.publish(roundId, publish, version);
    redirect.addFlashAttribute("success", publish ? "round.published" : "round.withdrawn");
    return "redirect:/" + tenant + "/strategien/" + round.strategyId() + "/runden";
  }

  /**
   * Review queue: the newest version of every submitted assessment, and which units have reported.
   */
  @GetMapping("/{tenant}/runden/{roundId}/pruefung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String review(
      @PathVariable("tenant") String tenant, @PathVariable("roundId") UUID roundId, Model model) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    List<MeasureRow> all = measures.ofStrategy(round.strategyId());
    Map<UUID, AssessmentRow> latest =
        Rows.newestVersionsIn(roundId, rounds.ofRounds(List.of(roundId)));
    Map<UUID, MeasureRow> byId =
        all.stream().collect(Collectors.toMap(MeasureRow::id, Function.identity()));
    List<Map.Entry<MeasureRow, AssessmentRow>> queue = new ArrayList<>();
    latest.values().stream()
        .filter(a -> a.review() == null)
        .forEach(a -> queue.add(Map.entry(byId.get(a.measureId()), a)));
    // reporting progress per unit: measures of the unit, and how many of them have an assessment in
    // this round
    List<UnitProgress> progress = new ArrayList<>();
    for (ResponsibleUnit u : units.list()) {
      List<MeasureRow> mine = all.stream().filter(m -> m.unitIds().contains(u.id())).toList();
      if (!mine.isEmpty()) {
        long reported = mine.stream().filter(m -> latest.containsKey(m.id())).count();
        progress.add(new UnitProgress(u.name(), mine.size(), (int) reported));
      }
    }
    model.addAttribute("round", round);
    model.addAttribute("strategy", strategies.find(round.strategyId()).orElseThrow());
    model.addAttribute("queue", queue);
    model.addAttribute("unitProgress", progress);
    model.addAttribute("reported", latest.size());
    model.addAttribute("total", all.size());
    model.addAttribute("statuses", statuses.byCode());
    return "strategy/rounds/review";
  }

  record UnitProgress(String unit, int measures, int reported) {
    public boolean complete() {
      return reported >= measures;
    }
  }

  @PostMapping("/{tenant}/einschaetzungen/{assessmentId}/pruefung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String decide(
      @PathVariable("tenant") String tenant,
      @PathVariable("assessmentId") UUID assessmentId,
      @RequestParam("decision") ReviewDecision decision,
      @RequestParam(name = "comment", required = false) String comment,
      RedirectAttributes redirect) {
    AssessmentRow a = rounds.findAssessment(assessmentId).orElseThrow(NotFoundException::new);
    assessments.review(assessmentId, decision, comment);
    redirect.addFlashAttribute("success", "review." + decision);
    return "redirect:/" + tenant + "/runden/" + a.roundId() + "/pruefung";
  }
}
