package de.lagebild.planning.internal.needs;

import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.planning.internal.needs.Need.EvidenceKind;
import de.lagebild.planning.internal.needs.Need.Priority;
import de.lagebild.planning.internal.needs.Need.SourceKind;
import de.lagebild.planning.internal.needs.Need.Status;
import de.lagebild.planning.internal.needs.NeedTables.NeedArea;
import de.lagebild.planning.internal.needs.NeedTables.NeedEvidence;
import de.lagebild.planning.internal.needs.NeedTables.NeedGoal;
import de.lagebild.planning.internal.needs.NeedTables.NeedT;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Needs with their areas, goals, evidence and status history (V19__needs.sql). */
@Repository
class NeedRepository {

  /** What the list of needs can be narrowed by; null means any. */
  record Filter(
      Status status,
      UUID area,
      String lifeSituation,
      SourceKind sourceKind,
      UUID goal,
      String text,
      UUID event) {
    static final Filter NONE = new Filter(null, null, null, null, null, null, null);

    Filter(
        Status status,
        UUID area,
        String lifeSituation,
        SourceKind sourceKind,
        UUID goal,
        String text) {
      this(status, area, lifeSituation, sourceKind, goal, text, null);
    }
  }

  private final TenantScope scope;

  NeedRepository(TenantScope scope) {
    this.scope = scope;
  }

  List<Need> find(Filter f) {
    Condition c = DSL.trueCondition();
    if (f.status() != null) {
      c = c.and(NeedT.STATUS.eq(f.status().name()));
    }
    if (f.sourceKind() != null) {
      c = c.and(NeedT.SOURCE_KIND.eq(f.sourceKind().name()));
    }
    if (f.lifeSituation() != null) {
      c =
          c.and(
              DSL.concat(DSL.inline(","), NeedT.LIFE_SITUATIONS, DSL.inline(","))
                  .contains("," + f.lifeSituation() + ","));
    }
    if (f.area() != null) {
      c =
          c.and(
              NeedT.ID.in(
                  scope
                      .dsl()
                      .select(NeedArea.NEED_ID)
                      .from(scope.table(NeedArea.T))
                      .where(NeedArea.AREA_ID.eq(f.area()))));
    }
    if (f.goal() != null) {
      c =
          c.and(
              NeedT.ID.in(
                  scope
                      .dsl()
                      .select(NeedGoal.NEED_ID)
                      .from(scope.table(NeedGoal.T))
                      .where(NeedGoal.GOAL_ID.eq(f.goal()))));
    }
    if (f.event() != null) {
      c = c.and(NeedT.EVENT_ID.eq(f.event()));
    }
    if (f.text() != null) {
      String t = f.text().toLowerCase(java.util.Locale.ROOT);
      c =
          c.and(
              DSL.lower(NeedT.TITLE)
                  .contains(t)
                  .or(DSL.lower(DSL.coalesce(NeedT.DESCRIPTION, "")).contains(t)));
    }
    return load(c);
  }

  Optional<Need> find(UUID id) {
    return load(NeedT.ID.eq(id)).stream().findFirst();
  }

  private List<Need> load(Condition c) {
    List<Record> rows =
        scope
            .dsl()
            .select(
                NeedT.ID,
                NeedT.TITLE,
                NeedT.DESCRIPTION,
                NeedT.SOURCE_KIND,
                NeedT.SOURCE_NOTE,
                NeedT.TARGET_GROUPS,
                NeedT.LIFE_SITUATIONS,
                NeedT.PRIORITY,
                NeedT.STATUS,
                NeedT.STATUS_SINCE,
                NeedT.UNIT_ID,
                NeedT.DEMO,
                NeedT.VERSION,
                NeedT.EVENT_ID)
            .from(scope.table(NeedT.T))
            .where(c)
            .orderBy(
                DSL.case_(NeedT.PRIORITY).when("HIGH", 0).when("MEDIUM", 1).otherwise(2),
                NeedT.TITLE)
            .fetch()
            .map(r -> (Record) r);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> r.get(NeedT.ID)).toList();
    Map<UUID, List<UUID>> areas = new HashMap<>();
    scope
        .dsl()
        .select(NeedArea.NEED_ID, NeedArea.AREA_ID)
        .from(scope.table(NeedArea.T))
        .where(NeedArea.NEED_ID.in(ids))
        .forEach(r -> areas.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    Map<UUID, List<UUID>> goals = new HashMap<>();
    scope
        .dsl()
        .select(NeedGoal.NEED_ID, NeedGoal.GOAL_ID)
        .from(scope.table(NeedGoal.T))
        .where(NeedGoal.NEED_ID.in(ids))
        .forEach(r -> goals.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    Map<UUID, List<Evidence>> evidence = new HashMap<>();
    scope
        .dsl()
        .select(
            NeedEvidence.NEED_ID,
            NeedEvidence.KIND,
            NeedEvidence.INDICATOR_ID,
            NeedEvidence.AREA_ID,
            NeedEvidence.PERIOD,
            NeedEvidence.VALUE_TEXT,
            NeedEvidence.REFERENCE_TEXT,
            NeedEvidence.SOURCE,
            NeedEvidence.NOTE)
        .from(scope.table(NeedEvidence.T))
        .where(NeedEvidence.NEED_ID.in(ids))
        .orderBy(NeedEvidence.NEED_ID, NeedEvidence.POSITION)
        .forEach(
            r ->
                evidence
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(
                        new Evidence(
                            EvidenceKind.valueOf(r.value2()),
                            r.value3(),
                            r.value4(),
                            r.value5(),
                            r.value6(),
                            r.value7(),
                            r.value8(),
                            r.value9())));
    return rows.stream()
        .map(
            r -> {
              UUID id = r.get(NeedT.ID);
              return new Need(
                  id,
                  r.get(NeedT.TITLE),
                  r.get(NeedT.DESCRIPTION),
                  SourceKind.valueOf(r.get(NeedT.SOURCE_KIND)),
                  r.get(NeedT.SOURCE_NOTE),
                  r.get(NeedT.TARGET_GROUPS),
                  split(r.get(NeedT.LIFE_SITUATIONS)),
                  Priority.valueOf(r.get(NeedT.PRIORITY)),
                  Status.valueOf(r.get(NeedT.STATUS)),
                  r.get(NeedT.STATUS_SINCE),
                  r.get(NeedT.UNIT_ID),
                  Boolean.TRUE.equals(r.get(NeedT.DEMO)),
                  r.get(NeedT.VERSION),
                  List.copyOf(areas.getOrDefault(id, List.of())),
                  List.copyOf(goals.getOrDefault(id, List.of())),
                  List.copyOf(evidence.getOrDefault(id, List.of())),
                  r.get(NeedT.EVENT_ID));
            })
        .toList();
  }

  void insert(Need n, Instant now) {
    scope
        .insertInto(NeedT.T)
        .set(NeedT.ID, n.id())
        .set(NeedT.TITLE, n.title())
        .set(NeedT.DESCRIPTION, n.description())
        .set(NeedT.SOURCE_KIND, n.sourceKind().name())
        .set(NeedT.SOURCE_NOTE, n.sourceNote())
        .set(NeedT.TARGET_GROUPS, n.targetGroups())
        .set(NeedT.LIFE_SITUATIONS, join(n.lifeSituations()))
        .set(NeedT.PRIORITY, n.priority().name())
        .set(NeedT.STATUS, n.status().name())
        .set(NeedT.STATUS_SINCE, n.statusSince())
        .set(NeedT.UNIT_ID, n.unitId())
        .set(NeedT.DEMO, n.demo())
        .set(NeedT.EVENT_ID, n.eventId())
        .set(NeedT.VERSION, 0)
        .set(NeedT.CREATED_AT, now)
        .set(NeedT.UPDATED_AT, now)
        .execute();
    writeLinks(n);
  }

  /**
   * Saves the changed fields and replaces areas, goals and evidence if nobody saved the need since
   * {@code n.version()} was read.
   */
  void update(Need n, Instant now) {
    int changed =
        scope
            .update(NeedT.T)
            .set(NeedT.TITLE, n.title())
            .set(NeedT.DESCRIPTION, n.description())
            .set(NeedT.SOURCE_KIND, n.sourceKind().name())
            .set(NeedT.SOURCE_NOTE, n.sourceNote())
            .set(NeedT.TARGET_GROUPS, n.targetGroups())
            .set(NeedT.LIFE_SITUATIONS, join(n.lifeSituations()))
            .set(NeedT.PRIORITY, n.priority().name())
            .set(NeedT.UNIT_ID, n.unitId())
            .set(NeedT.EVENT_ID, n.eventId())
            .set(NeedT.VERSION, n.version() + 1)
            .set(NeedT.UPDATED_AT, now)
            .where(NeedT.ID.eq(n.id()).and(NeedT.VERSION.eq(n.version())))
            .execute();
    if (changed != 1) {
      throw new ConcurrentEditException("Bedarf");
    }
    scope.deleteFrom(NeedArea.T).where(NeedArea.NEED_ID.eq(n.id())).execute();
    scope.deleteFrom(NeedGoal.T).where(NeedGoal.NEED_ID.eq(n.id())).execute();
    scope.deleteFrom(NeedEvidence.T).where(NeedEvidence.NEED_ID.eq(n.id())).execute();
    writeLinks(n);
  }

  void changeStatus(UUID id, int version, Status status, LocalDate on, Instant now) {
    int changed =
        scope
            .update(NeedT.T)
            .set(NeedT.STATUS, status.name())
            .set(NeedT.STATUS_SINCE, on)
            .set(NeedT.VERSION, version + 1)
            .set(NeedT.UPDATED_AT, now)
            .where(NeedT.ID.eq(id).and(NeedT.VERSION.eq(version)))
            .execute();
    if (changed != 1) {
      throw new ConcurrentEditException("Bedarf");
    }
  }

  /** The ids of the needs linked to any of {@code goals}, per goal. */
  Map<UUID, List<UUID>> needsOfGoals(Collection<UUID> goals) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    scope
        .dsl()
        .select(NeedGoal.GOAL_ID, NeedGoal.NEED_ID)
        .from(scope.table(NeedGoal.T))
        .where(NeedGoal.GOAL_ID.in(goals))
        .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return out;
  }

  void linkGoal(UUID need, UUID goal) {
    scope.insertInto(NeedGoal.T).set(NeedGoal.NEED_ID, need).set(NeedGoal.GOAL_ID, goal).execute();
  }

  void unlinkGoal(UUID need, UUID goal) {
    scope
        .deleteFrom(NeedGoal.T)
        .where(NeedGoal.NEED_ID.eq(need).and(NeedGoal.GOAL_ID.eq(goal)))
        .execute();
  }

  boolean anyDemo() {
    return scope.dsl().fetchExists(scope.table(NeedT.T), NeedT.DEMO.isTrue());
  }

  private void writeLinks(Need n) {
    for (UUID area : new LinkedHashSet<>(n.areaIds())) {
      scope
          .insertInto(NeedArea.T)
          .set(NeedArea.NEED_ID, n.id())
          .set(NeedArea.AREA_ID, area)
          .execute();
    }
    for (UUID goal : new LinkedHashSet<>(n.goalIds())) {
      scope
          .insertInto(NeedGoal.T)
          .set(NeedGoal.NEED_ID, n.id())
          .set(NeedGoal.GOAL_ID, goal)
          .execute();
    }
    int position = 0;
    for (Evidence e : n.evidence()) {
      scope
          .insertInto(NeedEvidence.T)
          .set(NeedEvidence.ID, UUID.randomUUID())
          .set(NeedEvidence.NEED_ID, n.id())
          .set(NeedEvidence.POSITION, position++)
          .set(NeedEvidence.KIND, e.kind().name())
          .set(NeedEvidence.INDICATOR_ID, e.indicatorId())
          .set(NeedEvidence.AREA_ID, e.areaId())
          .set(NeedEvidence.PERIOD, e.period())
          .set(NeedEvidence.VALUE_TEXT, e.valueText())
          .set(NeedEvidence.REFERENCE_TEXT, e.referenceText())
          .set(NeedEvidence.SOURCE, e.source())
          .set(NeedEvidence.NOTE, e.note())
          .execute();
    }
  }

  private static String join(Set<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private static Set<String> split(String value) {
    return value == null || value.isBlank()
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(value.split(",")));
  }
}
