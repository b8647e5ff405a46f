package de.lagebild.planning.internal.events;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Conferences and workshops with their groups of participants (V20__participation_events.sql). */
@Repository
public class EventRepository {

  static final TenantTable T = TenantTable.named("participation_event");
  static final Field<UUID> ID = T.id("id");
  static final Field<String> TITLE = T.text("title");
  static final Field<String> FORMAT = T.text("format");
  static final Field<LocalDate> HELD_ON = T.field("held_on", Types.DATE);
  static final Field<UUID> AREA_ID = T.id("area_id");
  static final Field<String> RESULTS = T.text("results");
  static final Field<Boolean> DEMO = T.field("demo", Types.BOOL);
  static final Field<Integer> VERSION = T.field("version", Types.INT);
  static final Field<Instant> CREATED_AT = T.instant("created_at");

  static final TenantTable G = TenantTable.named("participation_group");
  static final Field<UUID> G_EVENT_ID = G.id("event_id");
  static final Field<Integer> G_POSITION = G.field("position", Types.INT);
  static final Field<String> G_NAME = G.text("name");
  static final Field<Integer> G_PEOPLE = G.field("people", Types.INT);

  private final TenantScope scope;

  EventRepository(TenantScope scope) {
    this.scope = scope;
  }

  public List<ParticipationEvent> all() {
    return load(DSL.trueCondition());
  }

  public Optional<ParticipationEvent> find(UUID id) {
    return load(ID.eq(id)).stream().findFirst();
  }

  private List<ParticipationEvent> load(Condition c) {
    var rows =
        scope
            .dsl()
            .select(ID, TITLE, FORMAT, HELD_ON, AREA_ID, RESULTS, DEMO, VERSION)
            .from(scope.table(T))
            .where(c)
            .orderBy(HELD_ON.desc(), TITLE)
            .fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<ParticipationEvent.Group>> groups = new HashMap<>();
    scope
        .dsl()
        .select(G_EVENT_ID, G_NAME, G_PEOPLE)
        .from(scope.table(G))
        .where(G_EVENT_ID.in(rows.map(r -> r.value1())))
        .orderBy(G_EVENT_ID, G_POSITION)
        .forEach(
            r ->
                groups
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new ParticipationEvent.Group(r.value2(), r.value3())));
    return rows.map(
        r ->
            new ParticipationEvent(
                r.value1(),
                r.value2(),
                ParticipationEvent.Format.valueOf(r.value3()),
                r.value4(),
                r.value5(),
                r.value6(),
                List.copyOf(groups.getOrDefault(r.value1(), List.of())),
                Boolean.TRUE.equals(r.value7()),
                r.value8()));
  }

  void insert(ParticipationEvent e, Instant now) {
    scope
        .insertInto(T)
        .set(ID, e.id())
        .set(TITLE, e.title())
        .set(FORMAT, e.format().name())
        .set(HELD_ON, e.heldOn())
        .set(AREA_ID, e.areaId())
        .set(RESULTS, e.results())
        .set(DEMO, e.demo())
        .set(VERSION, 0)
        .set(CREATED_AT, now)
        .execute();
    writeGroups(e);
  }

  void update(ParticipationEvent e) {
    int n =
        scope
            .update(T)
            .set(TITLE, e.title())
            .set(FORMAT, e.format().name())
            .set(HELD_ON, e.heldOn())
            .set(AREA_ID, e.areaId())
            .set(RESULTS, e.results())
            .set(VERSION, e.version() + 1)
            .where(ID.eq(e.id()).and(VERSION.eq(e.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Veranstaltung");
    }
    scope.deleteFrom(G).where(G_EVENT_ID.eq(e.id())).execute();
    writeGroups(e);
  }

  private void writeGroups(ParticipationEvent e) {
    int position = 0;
    for (ParticipationEvent.Group g : e.groups()) {
      scope
          .insertInto(G)
          .set(G_EVENT_ID, e.id())
          .set(G_POSITION, position++)
          .set(G_NAME, g.name())
          .set(G_PEOPLE, g.people())
          .execute();
    }
  }
}
