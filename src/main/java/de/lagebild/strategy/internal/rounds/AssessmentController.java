package de.lagebild.strategy.internal.rounds;

import de.lagebild.platform.AccessDeniedInTenantException;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contributor's side: my measures in the open rounds, and the assessment form. */
@Controller
class AssessmentController {

  private final RoundRepository rounds;
  private final MeasureRepository measures;
  private final StrategyRepository strategies;
  private final AssessmentWorkflow workflow;
  private final StatusCatalogue statuses;

  AssessmentController(
      RoundRepository rounds,
      MeasureRepository measures,
      StrategyRepository strategies,
      AssessmentWorkflow workflow,
      StatusCatalogue statuses) {
    this.rounds = rounds;
    this.measures = measures;
    this.strategies = strategies;
    this.workflow = workflow;
    this.statuses = statuses;
  }

  record Todo(RoundRow round, MeasureRow measure, AssessmentRow latest) {
    public String state() {
      return latest == null ? "OPEN" : latest.reviewState();
    }
  }

  @GetMapping("/{tenant}/meine-massnahmen")
  @AllowRoles({Role.CONTRIBUTOR, Role.COORDINATOR, Role.ADMIN})
  String mine(@PathVariable("tenant") String tenant, Model model) {
    TenantAccess access = TenantContext.access().orElseThrow();
    List<RoundRow> open = rounds.inState(RoundState.OPEN, RoundState.IN_REVIEW);
    List<MeasureRow> mine = measures.ofUnits(access.unitIds());
    Map<Rows.RoundMeasure, AssessmentRow> latest =
        Rows.newestVersions(rounds.ofRounds(open.stream().map(RoundRow::id).toList()));
    List<Todo> todos = new ArrayList<>();
    for (RoundRow r : open) {
      for (MeasureRow m : mine) {
        if (m.strategyId().equals(r.strategyId())) {
          todos.add(new Todo(r, m, latest.get(new Rows.RoundMeasure(r.id(), m.id()))));
        }
      }
    }
    model.addAttribute("todos", todos);
    model.addAttribute(
        "openCount",
        todos.stream()
            .filter(t -> !"ACCEPTED".equals(t.state()) && !"SUBMITTED".equals(t.state()))
            .count());
    model.addAttribute("statuses", statuses.byCode());
    return "strategy/rounds/my-measures";
  }

  @GetMapping("/{tenant}/runden/{roundId}/massnahmen/{measureId}")
  @AllowRoles({Role.CONTRIBUTOR, Role.COORDINATOR, Role.ADMIN})
  String form(
      @PathVariable("tenant") String tenant,
      @PathVariable("roundId") UUID roundId,
      @PathVariable("measureId") UUID measureId,
      Model model) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    MeasureRow measure = measures.find(measureId).orElseThrow(NotFoundException::new);
    if (!AssessmentWorkflow.mayAssess(TenantContext.access().orElseThrow(), round, measure)) {
      if (!round.strategyId().equals(measure.strategyId())) {
        throw new NotFoundException();
      }
      model.addAttribute("readOnly", true);
    }
    List<AssessmentRow> history = rounds.ofMeasure(measureId).reversed();
    AssessmentRow latestInRound =
        history.stream().filter(a -> a.roundId().equals(roundId)).findFirst().orElse(null);
    model.addAttribute("round", round);
    model.addAttribute("measure", measure);
    model.addAttribute("strategy", strategies.find(measure.strategyId()).orElseThrow());
    model.addAttribute("history", history);
    model.addAttribute("latest", latestInRound);
    model.addAttribute(
        "statusOptions", statuses.all().stream().filter(Rows.StatusOptionRow::active).toList());
    model.addAttribute("statuses", statuses.byCode());
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          latestInRound == null
              ? new AssessmentWorkflow.Submission(null, null, "", "")
              : new AssessmentWorkflow.Submission(
                  latestInRound.statusCode(),
                  latestInRound.progress(),
                  latestInRound.narrative(),
                  latestInRound.evidence()));
    }
    return "strategy/rounds/assess";
  }

  @PostMapping("/{tenant}/runden/{roundId}/massnahmen/{measureId}")
  @AllowRoles({Role.CONTRIBUTOR, Role.COORDINATOR, Role.ADMIN})
  String submit(
      @PathVariable("tenant") String tenant,
      @PathVariable("roundId") UUID roundId,
      @PathVariable("measureId") UUID measureId,
      @RequestParam(name = "statusCode", required = false) String status,
      @RequestParam(name = "progress", required = false) String progress,
      @RequestParam(name = "narrative", required = false) String narrative,
      @RequestParam(name = "evidence", required = false) String evidence,
      Model model,
      RedirectAttributes redirect) {
    Integer percent = null;
    AssessmentWorkflow.Submission submission =
        new AssessmentWorkflow.Submission(status, null, narrative, evidence);
    try {
      if (progress != null && !progress.isBlank()) {
        try {
          percent = Integer.valueOf(progress.strip());
        } catch (NumberFormatException e) {
          throw new DomainException("assessment.progressRange");
        }
      }
      submission = new AssessmentWorkflow.Submission(status, percent, narrative, evidence);
      if (narrative != null && narrative.length() > 50_000) {
        throw new DomainException("assessment.narrativeTooLong");
      }
      workflow.submit(roundId, measureId, submission);
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      if (e instanceof AccessDeniedInTenantException) {
        throw e;
      }
      model.addAttribute("form", submission);
      model.addAttribute("error", e.messageKey());
      model.addAttribute("errorArgs", e.arguments());
      return form(tenant, roundId, measureId, model);
    }
    redirect.addFlashAttribute("success", "assessment.saved");
    return "redirect:/" + tenant + "/meine-massnahmen";
  }
}
