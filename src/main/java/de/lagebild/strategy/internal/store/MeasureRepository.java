package de.lagebild.strategy.internal.store;

import static de.lagebild.strategy.internal.store.StrategyRepository.joinSet;
import static de.lagebild.strategy.internal.store.StrategyRepository.splitSet;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.MilestoneRow;
import de.lagebild.strategy.internal.store.Rows.PreventionLevel;
import de.lagebild.strategy.internal.store.StrategyTables.Measure;
import de.lagebild.strategy.internal.store.StrategyTables.MeasureUnit;
import de.lagebild.strategy.internal.store.StrategyTables.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Measures with their responsible units, and their milestones.
 *
 * <p>Why this class is long: one repository per aggregate – a measure, its responsible units and
 * its milestones are written together under one version.
 */
@Repository
public class MeasureRepository {

  private final TenantScope scope;

  MeasureRepository(TenantScope scope) {
    this.scope = scope;
  }

  /**
   * All measures of a strategy: two statements whatever their number (measures, then unit links).
   */
  public List<MeasureRow> ofStrategy(UUID strategyId) {
    return find(
        Measure.STRATEGY_ID.eq(strategyId),
        MeasureUnit.MEASURE_ID.in(
            scope
                .dsl()
                .select(Measure.ID)
                .from(scope.table(Measure.T))
                .where(Measure.STRATEGY_ID.eq(strategyId))));
  }

  /**
   * The columns the tree overview and the dashboard show; long texts (description, costs, …) stay
   * unloaded.
   */
  static final Field<?>[] SUMMARY = {
    Measure.ID,
    Measure.STRATEGY_ID,
    Measure.GOAL_ID,
    Measure.POSITION,
    Measure.CODE,
    Measure.TITLE,
    Measure.RESPONSIBLE_TEXT,
    Measure.SUCCESS_CRITERIA,
    Measure.LIFE_SITUATIONS,
    Measure.PARTNERS,
    Measure.TARGET_GROUPS,
    Measure.COSTS_TEXT,
    Measure.COST_AMOUNT,
    Measure.FUNDING_SOURCE,
    Measure.COMMUNICATION,
    Measure.START_TEXT,
    Measure.START_EARLIEST,
    Measure.START_LATEST,
    Measure.START_PRECISION,
    Measure.END_TEXT,
    Measure.END_EARLIEST,
    Measure.END_LATEST,
    Measure.END_PRECISION,
    Measure.WEIGHT,
    Measure.VERSION
  };

  public List<MeasureRow> summariesOfStrategy(UUID strategyId) {
    Map<UUID, Set<UUID>> units = new HashMap<>();
    scope
        .dsl()
        .select(MeasureUnit.MEASURE_ID, MeasureUnit.UNIT_ID)
        .from(scope.table(MeasureUnit.T))
        .where(
            MeasureUnit.MEASURE_ID.in(
                scope
                    .dsl()
                    .select(Measure.ID)
                    .from(scope.table(Measure.T))
                    .where(Measure.STRATEGY_ID.eq(strategyId))))
        .forEach(r -> units.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return scope
        .dsl()
        .select(SUMMARY)
        .from(scope.table(Measure.T))
        .where(Measure.STRATEGY_ID.eq(strategyId))
        .orderBy(Measure.POSITION)
        .fetch(
            r ->
                new MeasureRow(
                    r.get(Measure.ID),
                    r.get(Measure.STRATEGY_ID),
                    r.get(Measure.GOAL_ID),
                    r.get(Measure.POSITION),
                    r.get(Measure.CODE),
                    r.get(Measure.TITLE),
                    null,
                    r.get(Measure.RESPONSIBLE_TEXT),
                    r.get(Measure.PARTNERS),
                    r.get(Measure.SUCCESS_CRITERIA),
                    r.get(Measure.TARGET_GROUPS),
                    splitSet(r.get(Measure.LIFE_SITUATIONS)),
                    null,
                    r.get(Measure.COSTS_TEXT),
                    r.get(Measure.COST_AMOUNT),
                    r.get(Measure.FUNDING_SOURCE),
                    FuzzyDate.of(
                        r.get(Measure.START_TEXT),
                        r.get(Measure.START_EARLIEST),
                        r.get(Measure.START_LATEST),
                        r.get(Measure.START_PRECISION)),
                    FuzzyDate.of(
                        r.get(Measure.END_TEXT),
                        r.get(Measure.END_EARLIEST),
                        r.get(Measure.END_LATEST),
                        r.get(Measure.END_PRECISION)),
                    r.get(Measure.COMMUNICATION),
                    r.get(Measure.WEIGHT),
                    Set.copyOf(units.getOrDefault(r.get(Measure.ID), Set.of())),
                    r.get(Measure.VERSION)));
  }

  public Optional<MeasureRow> find(UUID id) {
    return find(Measure.ID.eq(id), MeasureUnit.MEASURE_ID.eq(id)).stream().findFirst();
  }

  /** Measures for which any of {@code units} is responsible. */
  public List<MeasureRow> ofUnits(Set<UUID> units) {
    if (units.isEmpty()) {
      return List.of();
    }
    var ids =
        scope
            .dsl()
            .selectDistinct(MeasureUnit.MEASURE_ID)
            .from(scope.table(MeasureUnit.T))
            .where(MeasureUnit.UNIT_ID.in(units));
    return find(Measure.ID.in(ids), MeasureUnit.MEASURE_ID.in(ids));
  }

  private List<MeasureRow> find(Condition measures, Condition links) {
    Map<UUID, Set<UUID>> units = new HashMap<>();
    scope
        .dsl()
        .select(MeasureUnit.MEASURE_ID, MeasureUnit.UNIT_ID)
        .from(scope.table(MeasureUnit.T))
        .where(links)
        .forEach(r -> units.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return scope
        .dsl()
        .select(Measure.ALL)
        .from(scope.table(Measure.T))
        .where(measures)
        .orderBy(Measure.POSITION)
        .fetch(r -> map(r, units.getOrDefault(r.get(Measure.ID), Set.of())));
  }

  public void insert(MeasureRow m, Instant now) {
    insertQueries(m, now).forEach(Query::execute);
  }

  /** The inserts of a measure and its unit links, to run in a batch. */
  List<Query> insertQueries(MeasureRow m, Instant now) {
    List<Query> queries = new ArrayList<>();
    queries.add(
        scope
            .insertInto(Measure.T)
            .set(Measure.ID, m.id())
            .set(Measure.STRATEGY_ID, m.strategyId())
            .set(Measure.GOAL_ID, m.goalId())
            .set(Measure.POSITION, m.position())
            .set(Measure.CREATED_AT, now)
            .set(Measure.VERSION, 0)
            .set(values(m)));
    for (UUID unit : m.unitIds()) {
      queries.add(
          scope
              .insertInto(MeasureUnit.T)
              .set(MeasureUnit.MEASURE_ID, m.id())
              .set(MeasureUnit.UNIT_ID, unit));
    }
    return queries;
  }

  /**
   * Optimistic update of every field; fails when someone saved since {@code m.version()} was read.
   */
  public void update(MeasureRow m) {
    int n =
        scope
            .update(Measure.T)
            .set(values(m))
            .set(Measure.VERSION, m.version() + 1)
            .set(Measure.GOAL_ID, m.goalId())
            .set(Measure.POSITION, m.position())
            .where(Measure.ID.eq(m.id()).and(Measure.VERSION.eq(m.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Maßnahme");
    }
    scope.deleteFrom(MeasureUnit.T).where(MeasureUnit.MEASURE_ID.eq(m.id())).execute();
    insertUnits(m.id(), m.unitIds());
  }

  /** The columns of a measure insert, for {@link de.lagebild.platform.TenantScope#batchInsert}. */
  public static final List<Field<?>> INSERT_COLUMNS =
      List.of(
          Measure.ID,
          Measure.STRATEGY_ID,
          Measure.GOAL_ID,
          Measure.POSITION,
          Measure.CREATED_AT,
          Measure.VERSION,
          Measure.CODE,
          Measure.TITLE,
          Measure.DESCRIPTION,
          Measure.RESPONSIBLE_TEXT,
          Measure.PARTNERS,
          Measure.SUCCESS_CRITERIA,
          Measure.TARGET_GROUPS,
          Measure.LIFE_SITUATIONS,
          Measure.PREVENTION_LEVEL,
          Measure.COSTS_TEXT,
          Measure.COST_AMOUNT,
          Measure.FUNDING_SOURCE,
          Measure.START_TEXT,
          Measure.START_EARLIEST,
          Measure.START_LATEST,
          Measure.START_PRECISION,
          Measure.END_TEXT,
          Measure.END_EARLIEST,
          Measure.END_LATEST,
          Measure.END_PRECISION,
          Measure.COMMUNICATION,
          Measure.WEIGHT);

  public static final List<Field<?>> UNIT_COLUMNS =
      List.of(MeasureUnit.MEASURE_ID, MeasureUnit.UNIT_ID);

  /** The values of {@link #INSERT_COLUMNS} for a new measure. */
  public static Object[] insertRow(MeasureRow m, Instant now) {
    Map<Field<?>, Object> v = values(m);
    Object[] row = new Object[INSERT_COLUMNS.size()];
    row[0] = m.id();
    row[1] = m.strategyId();
    row[2] = m.goalId();
    row[3] = m.position();
    row[4] = now;
    row[5] = 0;
    for (int i = 6; i < row.length; i++) {
      row[i] = v.get(INSERT_COLUMNS.get(i));
    }
    return row;
  }

  private static Map<Field<?>, Object> values(MeasureRow m) {
    Map<Field<?>, Object> v = new HashMap<>();
    v.put(Measure.CODE, m.code());
    v.put(Measure.TITLE, m.title());
    v.put(Measure.DESCRIPTION, m.description());
    v.put(Measure.RESPONSIBLE_TEXT, m.responsibleText());
    v.put(Measure.PARTNERS, m.partners());
    v.put(Measure.SUCCESS_CRITERIA, m.successCriteria());
    v.put(Measure.TARGET_GROUPS, m.targetGroups());
    v.put(Measure.LIFE_SITUATIONS, joinSet(m.lifeSituations()));
    v.put(
        Measure.PREVENTION_LEVEL, m.preventionLevel() == null ? null : m.preventionLevel().name());
    v.put(Measure.COSTS_TEXT, m.costsText());
    v.put(Measure.COST_AMOUNT, m.costAmount());
    v.put(Measure.FUNDING_SOURCE, m.fundingSource());
    v.put(Measure.START_TEXT, emptyToNull(m.start().text()));
    v.put(Measure.START_EARLIEST, m.start().earliest());
    v.put(Measure.START_LATEST, m.start().latest());
    v.put(Measure.START_PRECISION, m.start().isEmpty() ? null : m.start().precision().name());
    v.put(Measure.END_TEXT, emptyToNull(m.end().text()));
    v.put(Measure.END_EARLIEST, m.end().earliest());
    v.put(Measure.END_LATEST, m.end().latest());
    v.put(Measure.END_PRECISION, m.end().isEmpty() ? null : m.end().precision().name());
    v.put(Measure.COMMUNICATION, m.communication());
    v.put(Measure.WEIGHT, m.weight());
    return v;
  }

  private void insertUnits(UUID measureId, Set<UUID> units) {
    for (UUID unit : units) {
      scope
          .insertInto(MeasureUnit.T)
          .set(MeasureUnit.MEASURE_ID, measureId)
          .set(MeasureUnit.UNIT_ID, unit)
          .execute();
    }
  }

  public List<MilestoneRow> milestones(UUID measureId) {
    return scope
        .dsl()
        .select(Milestone.ALL)
        .from(scope.table(Milestone.T))
        .where(Milestone.MEASURE_ID.eq(measureId))
        .orderBy(Milestone.POSITION)
        .fetch(
            r ->
                new MilestoneRow(
                    r.get(Milestone.ID),
                    r.get(Milestone.MEASURE_ID),
                    r.get(Milestone.POSITION),
                    r.get(Milestone.TITLE),
                    FuzzyDate.of(
                        r.get(Milestone.DUE_TEXT),
                        r.get(Milestone.DUE_EARLIEST),
                        r.get(Milestone.DUE_LATEST),
                        r.get(Milestone.DUE_PRECISION)),
                    r.get(Milestone.UNIT_ID),
                    r.get(Milestone.DONE_ON),
                    r.get(Milestone.VERSION)));
  }

  public void insertMilestone(MilestoneRow m, Instant now) {
    scope
        .insertInto(Milestone.T)
        .set(Milestone.ID, m.id())
        .set(Milestone.MEASURE_ID, m.measureId())
        .set(Milestone.POSITION, m.position())
        .set(Milestone.TITLE, m.title())
        .set(Milestone.DUE_TEXT, emptyToNull(m.due().text()))
        .set(Milestone.DUE_EARLIEST, m.due().earliest())
        .set(Milestone.DUE_LATEST, m.due().latest())
        .set(Milestone.DUE_PRECISION, m.due().isEmpty() ? null : m.due().precision().name())
        .set(Milestone.UNIT_ID, m.unitId())
        .set(Milestone.DONE_ON, m.doneOn())
        .set(Milestone.VERSION, 0)
        .set(Milestone.CREATED_AT, now)
        .execute();
  }

  public boolean markMilestoneDone(UUID measureId, UUID milestoneId, LocalDate doneOn) {
    return scope
            .update(Milestone.T)
            .set(Milestone.DONE_ON, doneOn)
            .set(Milestone.VERSION, Milestone.VERSION.plus(1))
            .where(Milestone.ID.eq(milestoneId).and(Milestone.MEASURE_ID.eq(measureId)))
            .execute()
        == 1;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static MeasureRow map(Record r, Set<UUID> units) {
    String prevention = r.get(Measure.PREVENTION_LEVEL);
    return new MeasureRow(
        r.get(Measure.ID),
        r.get(Measure.STRATEGY_ID),
        r.get(Measure.GOAL_ID),
        r.get(Measure.POSITION),
        r.get(Measure.CODE),
        r.get(Measure.TITLE),
        r.get(Measure.DESCRIPTION),
        r.get(Measure.RESPONSIBLE_TEXT),
        r.get(Measure.PARTNERS),
        r.get(Measure.SUCCESS_CRITERIA),
        r.get(Measure.TARGET_GROUPS),
        splitSet(r.get(Measure.LIFE_SITUATIONS)),
        prevention == null ? null : PreventionLevel.valueOf(prevention),
        r.get(Measure.COSTS_TEXT),
        r.get(Measure.COST_AMOUNT),
        r.get(Measure.FUNDING_SOURCE),
        FuzzyDate.of(
            r.get(Measure.START_TEXT),
            r.get(Measure.START_EARLIEST),
            r.get(Measure.START_LATEST),
            r.get(Measure.START_PRECISION)),
        FuzzyDate.of(
            r.get(Measure.END_TEXT),
            r.get(Measure.END_EARLIEST),
            r.get(Measure.END_LATEST),
            r.get(Measure.END_PRECISION)),
        r.get(Measure.COMMUNICATION),
        r.get(Measure.WEIGHT),
        Set.copyOf(units),
        r.get(Measure.VERSION));
  }
}
