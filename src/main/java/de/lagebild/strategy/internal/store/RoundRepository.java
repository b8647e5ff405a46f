package de.lagebild.strategy.internal.store;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.ReviewRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.StrategyTables.Assessment;
import de.lagebild.strategy.internal.store.StrategyTables.Review;
import de.lagebild.strategy.internal.store.StrategyTables.Round;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reporting rounds, the append-only assessments and their reviews. */
@Repository
public class RoundRepository {

  private final TenantScope scope;

  RoundRepository(TenantScope scope) {
    this.scope = scope;
  }

  public List<RoundRow> ofStrategy(UUID strategyId) {
    return rounds(Round.STRATEGY_ID.eq(strategyId));
  }

  public List<RoundRow> inState(RoundState... states) {
    return rounds(Round.STATE.in(Arrays.stream(states).map(Enum::name).toList()));
  }

  public Optional<RoundRow> find(UUID id) {
    return rounds(Round.ID.eq(id)).stream().findFirst();
  }

  public boolean nameTaken(UUID strategyId, String name) {
    return scope
        .dsl()
        .fetchExists(
            scope.table(Round.T), Round.STRATEGY_ID.eq(strategyId).and(Round.NAME.eq(name)));
  }

  private List<RoundRow> rounds(Condition c) {
    return scope
        .dsl()
        .select(Round.ALL)
        .from(scope.table(Round.T))
        .where(c)
        .orderBy(Round.PERIOD_END.asc().nullsLast(), Round.CREATED_AT)
        .fetch(
            r ->
                new RoundRow(
                    r.get(Round.ID),
                    r.get(Round.STRATEGY_ID),
                    r.get(Round.NAME),
                    r.get(Round.PERIOD_START),
                    r.get(Round.PERIOD_END),
                    r.get(Round.DEADLINE),
                    RoundState.valueOf(r.get(Round.STATE)),
                    r.get(Round.VERSION),
                    r.get(Round.PUBLISHED_AT)));
  }

  public void insert(RoundRow r, Instant now) {
    scope
        .insertInto(Round.T)
        .set(Round.ID, r.id())
        .set(Round.STRATEGY_ID, r.strategyId())
        .set(Round.NAME, r.name())
        .set(Round.PERIOD_START, r.periodStart())
        .set(Round.PERIOD_END, r.periodEnd())
        .set(Round.DEADLINE, r.deadline())
        .set(Round.STATE, r.state().name())
        .set(Round.VERSION, 0)
        .set(Round.CREATED_AT, now)
        .execute();
  }

  public void changeState(RoundRow r, RoundState next) {
    int n =
        scope
            .update(Round.T)
            .set(Round.STATE, next.name())
            .set(Round.VERSION, r.version() + 1)
            .where(Round.ID.eq(r.id()).and(Round.VERSION.eq(r.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Berichtsrunde");
    }
  }

  /**
   * Publishes the round ({@code at}) or withdraws the publication ({@code null}), with optimistic
   * locking.
   */
  public void publish(RoundRow r, Instant at) {
    int n =
        scope
            .update(Round.T)
            .set(Round.PUBLISHED_AT, at)
            .set(Round.VERSION, r.version() + 1)
            .where(Round.ID.eq(r.id()).and(Round.VERSION.eq(r.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Berichtsrunde");
    }
  }

  /**
   * Every version of every assessment matching {@code c}, with each version's latest review; two
   * statements.
   */
  List<AssessmentRow> assessments(Condition c) {
    return assessments(c, true);
  }

  /**
   * Without {@code texts}, narrative and evidence stay unloaded (overview and dashboard need only
   * status).
   */
  List<AssessmentRow> assessments(Condition c, boolean texts) {
    Field<?>[] fields =
        texts
            ? Assessment.ALL
            : Arrays.stream(Assessment.ALL)
                .filter(f -> f != Assessment.NARRATIVE && f != Assessment.EVIDENCE)
                .toArray(Field<?>[]::new);
    List<Record> rows =
        scope
            .dsl()
            .select(fields)
            .from(scope.table(Assessment.T))
            .where(c)
            .orderBy(Assessment.CREATED_AT, Assessment.VERSION_NO)
            .fetch()
            .stream()
            .map(r -> (Record) r)
            .toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, ReviewRow> latestReview = new HashMap<>();
    scope
        .dsl()
        .select(Review.ALL)
        .from(scope.table(Review.T))
        .where(
            Review.ASSESSMENT_ID.in(
                scope.dsl().select(Assessment.ID).from(scope.table(Assessment.T)).where(c)))
        .orderBy(Review.CREATED_AT)
        .forEach(
            r ->
                latestReview.put(
                    r.get(Review.ASSESSMENT_ID),
                    new ReviewRow(
                        r.get(Review.ID),
                        r.get(Review.ASSESSMENT_ID),
                        ReviewDecision.valueOf(r.get(Review.DECISION)),
                        r.get(Review.COMMENT),
                        r.get(Review.REVIEWER_NAME),
                        r.get(Review.CREATED_AT))));
    return rows.stream()
        .map(
            r ->
                new AssessmentRow(
                    r.get(Assessment.ID),
                    r.get(Assessment.ROUND_ID),
                    r.get(Assessment.MEASURE_ID),
                    r.get(Assessment.VERSION_NO),
                    r.get(Assessment.STATUS_CODE),
                    r.get(Assessment.PROGRESS),
                    texts ? r.get(Assessment.NARRATIVE) : null,
                    texts ? r.get(Assessment.EVIDENCE) : null,
                    r.get(Assessment.AUTHOR_ID),
                    r.get(Assessment.AUTHOR_NAME),
                    r.get(Assessment.CREATED_AT),
                    latestReview.get(r.get(Assessment.ID))))
        .toList();
  }

  public List<AssessmentRow> ofRounds(List<UUID> roundIds) {
    return roundIds.isEmpty() ? List.of() : assessments(Assessment.ROUND_ID.in(roundIds));
  }

  public List<AssessmentRow> statusOfRounds(List<UUID> roundIds) {
    return roundIds.isEmpty() ? List.of() : assessments(Assessment.ROUND_ID.in(roundIds), false);
  }

  public List<AssessmentRow> ofMeasure(UUID measureId) {
    return assessments(Assessment.MEASURE_ID.eq(measureId));
  }

  public Optional<AssessmentRow> findAssessment(UUID id) {
    return assessments(Assessment.ID.eq(id)).stream().findFirst();
  }

  public int nextVersion(UUID roundId, UUID measureId) {
    Integer max =
        scope
            .dsl()
            .select(DSL.max(Assessment.VERSION_NO))
            .from(scope.table(Assessment.T))
            .where(Assessment.ROUND_ID.eq(roundId).and(Assessment.MEASURE_ID.eq(measureId)))
            .fetchOne(0, Integer.class);
    return max == null ? 1 : max + 1;
  }

  /**
   * The columns of an assessment insert, for {@link de.lagebild.platform.TenantScope#batchInsert}.
   */
  public static final List<Field<?>> ASSESSMENT_COLUMNS =
      List.of(
          Assessment.ID,
          Assessment.ROUND_ID,
          Assessment.MEASURE_ID,
          Assessment.VERSION_NO,
          Assessment.STATUS_CODE,
          Assessment.PROGRESS,
          Assessment.NARRATIVE,
          Assessment.EVIDENCE,
          Assessment.AUTHOR_ID,
          Assessment.AUTHOR_NAME,
          Assessment.CREATED_AT);

  public static Object[] assessmentRow(AssessmentRow a) {
    return new Object[] {
      a.id(),
      a.roundId(),
      a.measureId(),
      a.versionNo(),
      a.statusCode(),
      a.progress(),
      a.narrative(),
      a.evidence(),
      a.authorId(),
      a.authorName(),
      a.createdAt()
    };
  }

  public void insertAssessment(AssessmentRow a) {
    scope
        .insertInto(Assessment.T)
        .set(Assessment.ID, a.id())
        .set(Assessment.ROUND_ID, a.roundId())
        .set(Assessment.MEASURE_ID, a.measureId())
        .set(Assessment.VERSION_NO, a.versionNo())
        .set(Assessment.STATUS_CODE, a.statusCode())
        .set(Assessment.PROGRESS, a.progress())
        .set(Assessment.NARRATIVE, a.narrative())
        .set(Assessment.EVIDENCE, a.evidence())
        .set(Assessment.AUTHOR_ID, a.authorId())
        .set(Assessment.AUTHOR_NAME, a.authorName())
        .set(Assessment.CREATED_AT, a.createdAt())
        .execute();
  }

  /** The columns of a review insert, for {@link de.lagebild.platform.TenantScope#batchInsert}. */
  public static final List<Field<?>> REVIEW_COLUMNS =
      List.of(
          Review.ID,
          Review.ASSESSMENT_ID,
          Review.DECISION,
          Review.COMMENT,
          Review.REVIEWER_ID,
          Review.REVIEWER_NAME,
          Review.CREATED_AT);

  public static Object[] reviewRow(ReviewRow r, UUID reviewerId) {
    return new Object[] {
      r.id(),
      r.assessmentId(),
      r.decision().name(),
      r.comment(),
      reviewerId,
      r.reviewerName(),
      r.createdAt()
    };
  }

  public void insertReview(ReviewRow r, UUID reviewerId) {
    scope
        .insertInto(Review.T)
        .set(Review.ID, r.id())
        .set(Review.ASSESSMENT_ID, r.assessmentId())
        .set(Review.DECISION, r.decision().name())
        .set(Review.COMMENT, r.comment())
        .set(Review.REVIEWER_ID, reviewerId)
        .set(Review.REVIEWER_NAME, r.reviewerName())
        .set(Review.CREATED_AT, r.createdAt())
        .execute();
  }
}
