package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.planning.internal.events.EventRepository;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.planning.internal.needs.Need.Status;
import de.lagebild.planning.internal.needs.Need.StatusChange;
import de.lagebild.platform.ActorPrincipal;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.StrategyGoals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and changing needs: every reference (area, goal, indicator, unit) must exist in the
 * current tenant, every change is audited, a status change is kept with its date and reason.
 */
@Service
class Needs {

  private final NeedRepository needs;
  private final NeedHistory history;
  private final IndicatorFigures figures;
  private final StrategyGoals goals;
  private final ResponsibleUnits units;
  private final EventRepository events;
  private final AuditLog audit;
  private final Clock clock;

  Needs(
      NeedRepository needs,
      NeedHistory history,
      IndicatorFigures figures,
      StrategyGoals goals,
      ResponsibleUnits units,
      EventRepository events,
      AuditLog audit,
      Clock clock) {
    this.events = events;
    this.needs = needs;
    this.history = history;
    this.figures = figures;
    this.goals = goals;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records a new need in status "erkannt" as of today. */
  @Transactional
  Need create(Need draft) {
    check(draft);
    LocalDate today = LocalCalendar.today(clock);
    Need n =
        new Need(
            UUID.randomUUID(),
            draft.title(),
            draft.description(),
            draft.sourceKind(),
            draft.sourceNote(),
            draft.targetGroups(),
            draft.lifeSituations(),
            draft.priority(),
            draft.status() == null ? Status.IDENTIFIED : draft.status(),
            draft.statusSince() == null ? today : draft.statusSince(),
            draft.unitId(),
            draft.demo(),
            0,
            draft.areaIds(),
            draft.goalIds(),
            draft.evidence(),
            draft.eventId());
    needs.insert(n, clock.instant());
    history.insert(
        n.id(), new StatusChange(n.status(), n.statusSince(), null, actorName()), clock.instant());
    audit.record("CREATE", "Need", n.id(), "Bedarf erfasst: " + n.title(), null, snapshot(n));
    return n;
  }

  /** Saves the texts, areas, goals and evidence (not the status) of a need. */
  @Transactional
  void update(Need changed) {
    Need before = needs.find(changed.id()).orElseThrow(NotFoundException::new);
    check(changed);
    needs.update(changed, clock.instant());
    audit.record(
        "UPDATE",
        "Need",
        changed.id(),
        "Bedarf geändert: " + changed.title(),
        snapshot(before),
        snapshot(needs.find(changed.id()).orElseThrow()));
  }

  /** Moves a need to another status as of {@code on}; closing it needs a reason. */
  @Transactional
  void changeStatus(UUID id, int version, Status status, LocalDate on, String reason) {
    Need before = needs.find(id).orElseThrow(NotFoundException::new);
    if (status == before.status()) {
      throw new DomainException("need.status.same");
    }
    if (status.needsReason() && (reason == null || reason.isBlank())) {
      throw new DomainException("need.status.reasonRequired");
    }
    LocalDate date = on == null ? LocalCalendar.today(clock) : on;
    if (date.isAfter(LocalCalendar.today(clock))) {
      throw new DomainException("need.status.future");
    }
    if (date.isBefore(before.statusSince())) {
      throw new DomainException("need.status.beforeCurrent", before.statusSince());
    }
    needs.changeStatus(id, version, status, date, clock.instant());
    history.insert(id, new StatusChange(status, date, reason, actorName()), clock.instant());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", status.name());
    after.put("statusSince", date.toString());
    if (reason != null) {
      after.put("reason", reason);
    }
    audit.record(
        "UPDATE",
        "Need",
        id,
        "Status des Bedarfs geändert: " + before.title(),
        Map.of("status", before.status().name(), "statusSince", before.statusSince().toString()),
        after);
  }

  private void check(Need n) {
    if (n.title() == null || n.title().isBlank()) {
      throw new DomainException("need.title.required");
    }
    length("need.field.title", n.title(), 300);
    length("need.field.description", n.description(), 8000);
    length("need.field.sourceNote", n.sourceNote(), 1000);
    length("need.field.targetGroups", n.targetGroups(), 1000);
    int row = 0;
    for (Evidence e : n.evidence()) {
      row++;
      length("need.evidence.period", e.period(), 40, row);
      length("need.evidence.value", e.valueText(), 100, row);
      length("need.evidence.reference", e.referenceText(), 300, row);
      length("need.evidence.source", e.source(), 500, row);
      length("need.evidence.note", e.note(), 2000, row);
    }
    for (UUID area : n.areaIds()) {
      if (figures.area(AreaId.of(area)).isEmpty()) {
        throw new DomainException("need.area.unknown", area);
      }
    }
    for (UUID goal : n.goalIds()) {
      if (goals.goal(goal).isEmpty()) {
        throw new DomainException("need.goal.unknown", goal);
      }
    }
    if (n.eventId() != null && events.find(n.eventId()).isEmpty()) {
      throw new DomainException("need.event.unknown", n.eventId());
    }
    if (n.unitId() != null && units.find(n.unitId()).isEmpty()) {
      throw new DomainException("need.unit.unknown", n.unitId());
    }
    for (String s : n.lifeSituations()) {
      if (!LifeSituation.codes().contains(s)) {
        throw new DomainException("need.lifeSituation.unknown", s);
      }
    }
    for (Evidence e : n.evidence()) {
      if (e.indicatorId() != null && figures.indicator(IndicatorId.of(e.indicatorId())).isEmpty()) {
        throw new DomainException("need.indicator.unknown", e.indicatorId());
      }
      if (e.areaId() != null && figures.area(AreaId.of(e.areaId())).isEmpty()) {
        throw new DomainException("need.area.unknown", e.areaId());
      }
    }
  }

  /** A text longer than its column: the field's label (a message key) and the limit. */
  private static void length(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new DomainException("need.tooLong", new DefaultMessageSourceResolvable(field), max);
    }
  }

  private static void length(String field, String value, int max, int row) {
    if (value != null && value.length() > max) {
      throw new DomainException(
          "need.evidence.tooLong", row, new DefaultMessageSourceResolvable(field), max);
    }
  }

  private static String actorName() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ActorPrincipal a
        ? a.actorName()
        : "System";
  }

  private Map<String, Object> snapshot(Need n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", n.title());
    m.put("description", n.description());
    m.put("sourceKind", n.sourceKind().name());
    m.put("sourceNote", n.sourceNote());
    m.put("targetGroups", n.targetGroups());
    m.put("lifeSituations", List.copyOf(n.lifeSituations()));
    m.put("priority", n.priority().name());
    m.put("status", n.status().name());
    m.put("unit", n.unitId() == null ? null : n.unitId().toString());
    m.put("areas", n.areaIds().size());
    m.put(
        "goals",
        n.goalIds().stream()
            .map(g -> goals.goal(g).map(StrategyGoals.GoalRef::code).orElse(g.toString()))
            .collect(Collectors.joining(", ")));
    m.put(
        "evidence",
        n.evidence().stream()
            .map(e -> Objects.toString(e.valueText(), "") + " " + Objects.toString(e.note(), ""))
            .map(String::strip)
            .collect(Collectors.joining("; ")));
    m.values().removeIf(Objects::isNull);
    return m;
  }

  List<StatusChange> history(UUID id) {
    return history.of(id);
  }
}
