package de.lagebild.strategy.internal.editing;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.MilestoneRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Milestones of a measure (seed 001): dated steps with a responsible unit. */
@Controller
class MilestoneController {

  private final MeasureRepository measures;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  MilestoneController(
      MeasureRepository measures,
      ResponsibleUnits units,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.measures = measures;
    this.units = units;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  @PostMapping("/{tenant}/strategien/{id}/massnahmen/{measureId}/meilensteine")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String add(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("measureId") UUID measureId,
      @RequestParam("title") String title,
      @RequestParam(name = "due", required = false) String due,
      @RequestParam(name = "unit", required = false) UUID unit,
      RedirectAttributes redirect) {
    MeasureRow m =
        measures
            .find(measureId)
            .filter(x -> x.strategyId().equals(id))
            .orElseThrow(NotFoundException::new);
    if (title == null || title.isBlank() || title.length() > 500) {
      throw new DomainException("milestone.titleInvalid");
    }
    if (due != null && due.length() > 120) {
      throw new DomainException("milestone.dueTooLong");
    }
    if (unit != null && units.find(unit).isEmpty()) {
      throw new NotFoundException();
    }
    FuzzyDate date = FuzzyDate.parse(due);
    int position = measures.milestones(measureId).size();
    MilestoneRow row =
        new MilestoneRow(UUID.randomUUID(), m.id(), position, title.strip(), date, unit, null, 0);
    tx.executeWithoutResult(
        s -> {
          measures.insertMilestone(row, clock.instant());
          audit.record(
              "CREATE",
              "Milestone",
              measureId,
              "Meilenstein angelegt: " + row.title(),
              null,
              Map.of("title", row.title(), "due", date.text()));
        });
    redirect.addFlashAttribute(
        "success",
        date.isEmpty() || date.understood() ? "milestone.created" : "milestone.createdDateAsText");
    return "redirect:/" + tenant + "/strategien/" + id + "/massnahmen/" + measureId;
  }

  @PostMapping(
      "/{tenant}/strategien/{id}/massnahmen/{measureId}/meilensteine/{milestoneId}/erledigt")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String done(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("measureId") UUID measureId,
      @PathVariable("milestoneId") UUID milestoneId,
      @RequestParam(name = "doneOn", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate doneOn,
      RedirectAttributes redirect) {
    measures
        .find(measureId)
        .filter(x -> x.strategyId().equals(id))
        .orElseThrow(NotFoundException::new);
    LocalDate date = doneOn == null ? LocalCalendar.today(clock) : doneOn;
    tx.executeWithoutResult(
        s -> {
          if (!measures.markMilestoneDone(measureId, milestoneId, date)) {
            throw new NotFoundException();
          }
          audit.record(
              "UPDATE",
              "Milestone",
              measureId,
              "Meilenstein erledigt am " + date,
              null,
              Map.of("doneOn", date.toString()));
        });
    redirect.addFlashAttribute("success", "milestone.markedDone");
    return "redirect:/" + tenant + "/strategien/" + id + "/massnahmen/" + measureId;
  }
}
