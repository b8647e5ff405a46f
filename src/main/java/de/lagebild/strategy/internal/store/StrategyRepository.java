package de.lagebild.strategy.internal.store;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyTables.Goal;
import de.lagebild.strategy.internal.store.StrategyTables.Strategy;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Strategies and their goal trees. */
@Repository
public class StrategyRepository {

  static final String LEVEL_SEPARATOR = "|";

  private final TenantScope scope;

  StrategyRepository(TenantScope scope) {
    this.scope = scope;
  }

  public List<StrategyRow> findAll() {
    return scope
        .dsl()
        .select(Strategy.ALL)
        .from(scope.table(Strategy.T))
        .orderBy(Strategy.TITLE)
        .fetch(StrategyRepository::strategy);
  }

  public Optional<StrategyRow> find(UUID id) {
    return scope
        .dsl()
        .select(Strategy.ALL)
        .from(scope.table(Strategy.T))
        .where(Strategy.ID.eq(id))
        .fetchOptional(StrategyRepository::strategy);
  }

  public Optional<StrategyRow> findByTitle(String title) {
    return scope
        .dsl()
        .select(Strategy.ALL)
        .from(scope.table(Strategy.T))
        .where(Strategy.TITLE.eq(title))
        .fetchOptional(StrategyRepository::strategy);
  }

  public void insert(StrategyRow s, Instant now) {
    scope
        .insertInto(Strategy.T)
        .set(Strategy.ID, s.id())
        .set(Strategy.TITLE, s.title())
        .set(Strategy.KIND, s.kind())
        .set(Strategy.VALID_FROM, s.validFrom())
        .set(Strategy.VALID_TO, s.validTo())
        .set(Strategy.DECISION_REF, s.decisionRef())
        .set(Strategy.STATUS, s.status().name())
        .set(Strategy.LEVEL_NAMES, String.join(LEVEL_SEPARATOR, s.levelNames()))
        .set(Strategy.VISIBILITY, s.visibility().name())
        .set(Strategy.DESCRIPTION, s.description())
        .set(Strategy.VERSION, 0)
        .set(Strategy.CREATED_AT, now)
        .execute();
  }

  public void update(StrategyRow s) {
    int n =
        scope
            .update(Strategy.T)
            .set(Strategy.TITLE, s.title())
            .set(Strategy.KIND, s.kind())
            .set(Strategy.VALID_FROM, s.validFrom())
            .set(Strategy.VALID_TO, s.validTo())
            .set(Strategy.DECISION_REF, s.decisionRef())
            .set(Strategy.STATUS, s.status().name())
            .set(Strategy.LEVEL_NAMES, String.join(LEVEL_SEPARATOR, s.levelNames()))
            .set(Strategy.VISIBILITY, s.visibility().name())
            .set(Strategy.DESCRIPTION, s.description())
            .set(Strategy.VERSION, s.version() + 1)
            .where(Strategy.ID.eq(s.id()).and(Strategy.VERSION.eq(s.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Strategie");
    }
  }

  /** All goals of a strategy in one statement, ordered for building the tree. */
  public List<GoalRow> goals(UUID strategyId) {
    return scope
        .dsl()
        .select(Goal.ALL)
        .from(scope.table(Goal.T))
        .where(Goal.STRATEGY_ID.eq(strategyId))
        .orderBy(Goal.LEVEL, Goal.POSITION)
        .fetch(StrategyRepository::goal);
  }

  public Optional<GoalRow> goal(UUID id) {
    return scope
        .dsl()
        .select(Goal.ALL)
        .from(scope.table(Goal.T))
        .where(Goal.ID.eq(id))
        .fetchOptional(StrategyRepository::goal);
  }

  public void insertGoal(GoalRow g, Instant now) {
    scope
        .insertInto(Goal.T)
        .set(Goal.ID, g.id())
        .set(Goal.STRATEGY_ID, g.strategyId())
        .set(Goal.PARENT_ID, g.parentId())
        .set(Goal.LEVEL, g.level())
        .set(Goal.POSITION, g.position())
        .set(Goal.CODE, g.code())
        .set(Goal.TITLE, g.title())
        .set(Goal.DESCRIPTION, g.description())
        .set(Goal.SUCCESS_CRITERION, g.successCriterion())
        .set(Goal.GOAL_SOURCE, g.goalSource())
        .set(Goal.LIFE_SITUATIONS, joinSet(g.lifeSituations()))
        .set(Goal.VERSION, 0)
        .set(Goal.CREATED_AT, now)
        .execute();
  }

  /** The columns of a goal insert, for {@link TenantScope#batchInsert}. */
  public static final List<Field<?>> GOAL_COLUMNS =
      List.of(
          Goal.ID,
          Goal.STRATEGY_ID,
          Goal.PARENT_ID,
          Goal.LEVEL,
          Goal.POSITION,
          Goal.CODE,
          Goal.TITLE,
          Goal.DESCRIPTION,
          Goal.SUCCESS_CRITERION,
          Goal.GOAL_SOURCE,
          Goal.LIFE_SITUATIONS,
          Goal.VERSION,
          Goal.CREATED_AT);

  public void batchInsert(TenantTable table, List<Field<?>> columns, List<Object[]> rows) {
    scope.batchInsert(table, columns, rows);
  }

  public static Object[] goalRow(GoalRow g, Instant now) {
    return new Object[] {
      g.id(),
      g.strategyId(),
      g.parentId(),
      g.level(),
      g.position(),
      g.code(),
      g.title(),
      g.description(),
      g.successCriterion(),
      g.goalSource(),
      joinSet(g.lifeSituations()),
      0,
      now
    };
  }

  public static String joinSet(Set<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  static Set<String> splitSet(String value) {
    return value == null || value.isBlank()
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(value.split(",")));
  }

  private static StrategyRow strategy(Record r) {
    return new StrategyRow(
        r.get(Strategy.ID),
        r.get(Strategy.TITLE),
        r.get(Strategy.KIND),
        r.get(Strategy.VALID_FROM),
        r.get(Strategy.VALID_TO),
        r.get(Strategy.DECISION_REF),
        StrategyStatus.valueOf(r.get(Strategy.STATUS)),
        List.of(r.get(Strategy.LEVEL_NAMES).split("\\|")),
        Visibility.valueOf(r.get(Strategy.VISIBILITY)),
        r.get(Strategy.DESCRIPTION),
        r.get(Strategy.VERSION));
  }

  private static GoalRow goal(Record r) {
    return new GoalRow(
        r.get(Goal.ID),
        r.get(Goal.STRATEGY_ID),
        r.get(Goal.PARENT_ID),
        r.get(Goal.LEVEL),
        r.get(Goal.POSITION),
        r.get(Goal.CODE),
        r.get(Goal.TITLE),
        r.get(Goal.DESCRIPTION),
        r.get(Goal.SUCCESS_CRITERION),
        r.get(Goal.GOAL_SOURCE),
        splitSet(r.get(Goal.LIFE_SITUATIONS)),
        r.get(Goal.VERSION));
  }
}
