package de.lagebild.planning.internal.events;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and changing conferences and workshops, audited. */
@Service
public class Events {

  private final EventRepository events;
  private final IndicatorFigures figures;
  private final AuditLog audit;
  private final Clock clock;

  Events(EventRepository events, IndicatorFigures figures, AuditLog audit, Clock clock) {
    this.events = events;
    this.figures = figures;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ParticipationEvent create(ParticipationEvent draft) {
    check(draft);
    ParticipationEvent e =
        new ParticipationEvent(
            UUID.randomUUID(),
            draft.title(),
            draft.format(),
            draft.heldOn(),
            draft.areaId(),
            draft.results(),
            draft.groups(),
            draft.demo(),
            0);
    events.insert(e, clock.instant());
    audit.record(
        "CREATE",
        "ParticipationEvent",
        e.id(),
        "Veranstaltung erfasst: " + e.title(),
        null,
        snapshot(e));
    return e;
  }

  @Transactional
  void update(ParticipationEvent changed) {
    ParticipationEvent before = events.find(changed.id()).orElseThrow(NotFoundException::new);
    check(changed);
    events.update(changed);
    audit.record(
        "UPDATE",
        "ParticipationEvent",
        changed.id(),
        "Veranstaltung geändert: " + changed.title(),
        snapshot(before),
        snapshot(changed));
  }

  private void check(ParticipationEvent e) {
    if (e.title() == null || e.title().isBlank()) {
      throw new DomainException("event.title.required");
    }
    if (e.title().length() > 300) {
      throw new DomainException("event.title.tooLong", 300);
    }
    if (e.heldOn() == null) {
      throw new DomainException("event.heldOn.required");
    }
    if (e.heldOn().isAfter(LocalCalendar.today(clock).plusYears(2))) {
      throw new DomainException("event.heldOn.farFuture");
    }
    if (e.areaId() != null && figures.area(AreaId.of(e.areaId())).isEmpty()) {
      throw new DomainException("need.area.unknown", e.areaId());
    }
    if (e.results() != null && e.results().length() > 8000) {
      throw new DomainException("event.results.tooLong", 8000);
    }
    for (ParticipationEvent.Group g : e.groups()) {
      if (g.name().length() > 200) {
        throw new DomainException("event.group.tooLong", g.name().substring(0, 40), 200);
      }
      if (g.people() < 0) {
        throw new DomainException("event.group.negative", g.name());
      }
    }
  }

  private static Map<String, Object> snapshot(ParticipationEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", e.title());
    m.put("format", e.format().name());
    m.put("heldOn", e.heldOn().toString());
    m.put("area", e.areaId() == null ? null : e.areaId().toString());
    m.put(
        "participants",
        e.groups().stream()
            .map(g -> g.name() + ": " + g.people())
            .collect(Collectors.joining("; ")));
    m.put("results", e.results());
    m.values().removeIf(Objects::isNull);
    return m;
  }
}
