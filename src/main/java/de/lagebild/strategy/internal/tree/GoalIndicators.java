package de.lagebild.strategy.internal.tree;

import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Indicators of the atlas that measure a goal: area, baseline and target (V6__goal_indicators.sql).
 */
@Repository
public class GoalIndicators {

  public record Link(
      UUID id,
      UUID goalId,
      UUID indicatorId,
      UUID areaId,
      BigDecimal baselineValue,
      String baselinePeriod,
      BigDecimal targetValue,
      String targetPeriod,
      boolean land) {

    /** A link to the district's own atlas. */
    public Link(
        UUID id,
        UUID goalId,
        UUID indicatorId,
        UUID areaId,
        BigDecimal baselineValue,
        String baselinePeriod,
        BigDecimal targetValue,
        String targetPeriod) {
      this(
          id,
          goalId,
          indicatorId,
          areaId,
          baselineValue,
          baselinePeriod,
          targetValue,
          targetPeriod,
          false);
    }
  }

  static final TenantTable T = TenantTable.named("goal_indicator");
  static final Field<UUID> ID = T.id("id");
  static final Field<UUID> GOAL_ID = T.id("goal_id");
  static final Field<UUID> INDICATOR_ID = T.id("indicator_id");
  static final Field<UUID> AREA_ID = T.id("area_id");
  static final Field<BigDecimal> BASELINE_VALUE =
      T.field("baseline_value", SQLDataType.NUMERIC(20, 6));
  static final Field<String> BASELINE_PERIOD = T.text("baseline_period");
  static final Field<BigDecimal> TARGET_VALUE = T.field("target_value", SQLDataType.NUMERIC(20, 6));
  static final Field<String> TARGET_PERIOD = T.text("target_period");
  static final Field<Instant> CREATED_AT = T.instant("created_at");

  /** Whether indicator and area are the Land's (V27__goal_indicator_land.sql). */
  static final Field<Boolean> LAND = T.field("land", SQLDataType.BOOLEAN);

  private final TenantScope scope;

  GoalIndicators(TenantScope scope) {
    this.scope = scope;
  }

  /** The links measuring a goal in {@code area}. */
  public List<Link> ofArea(UUID area) {
    return of(AREA_ID.eq(area));
  }

  public List<Link> ofGoal(UUID goal) {
    return of(GOAL_ID.eq(goal));
  }

  private List<Link> of(org.jooq.Condition c) {
    return scope
        .dsl()
        .select(
            ID,
            GOAL_ID,
            INDICATOR_ID,
            AREA_ID,
            BASELINE_VALUE,
            BASELINE_PERIOD,
            TARGET_VALUE,
            TARGET_PERIOD,
            LAND)
        .from(scope.table(T))
        .where(c)
        .orderBy(CREATED_AT)
        .fetch(
            r ->
                new Link(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    Boolean.TRUE.equals(r.value9())));
  }

  public void insert(Link l, Instant now) {
    scope
        .insertInto(T)
        .set(ID, l.id())
        .set(GOAL_ID, l.goalId())
        .set(INDICATOR_ID, l.indicatorId())
        .set(AREA_ID, l.areaId())
        .set(BASELINE_VALUE, l.baselineValue())
        .set(BASELINE_PERIOD, l.baselinePeriod())
        .set(TARGET_VALUE, l.targetValue())
        .set(TARGET_PERIOD, l.targetPeriod())
        .set(LAND, l.land())
        .set(CREATED_AT, now)
        .execute();
  }

  public boolean any() {
    return scope.dsl().fetchExists(scope.table(T));
  }

  boolean delete(UUID goal, UUID id) {
    return scope.deleteFrom(T).where(ID.eq(id).and(GOAL_ID.eq(goal))).execute() == 1;
  }
}
