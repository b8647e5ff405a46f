package de.lagebild.strategy.internal.store;

import de.lagebild.exchange.FuzzyDate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Plain data of the strategy module as stored. */
public final class Rows {

  public enum StrategyStatus {
    DRAFT,
    DECIDED,
    ARCHIVED
  }

  public enum Visibility {
    INTERNAL,
    PUBLIC
  }

  public enum RoundState {
    PREPARED,
    OPEN,
    IN_REVIEW,
    CLOSED;

    /** The allowed transitions of a reporting round. */
    public boolean canMoveTo(RoundState next) {
      return switch (this) {
        case PREPARED -> next == OPEN;
        case OPEN -> next == IN_REVIEW;
        case IN_REVIEW -> next == OPEN || next == CLOSED;
        case CLOSED -> false;
      };
    }

    /** Contributors may write while the round is open; coordinators also while it is in review. */
    public boolean acceptsAssessments(boolean coordinator) {
      return this == OPEN || (coordinator && this == IN_REVIEW);
    }
  }

  public enum ReviewDecision {
    ACCEPTED,
    RETURNED
  }

  public enum PreventionLevel {
    PRIMARY,
    SECONDARY,
    TERTIARY
  }

  public record StrategyRow(
      UUID id,
      String title,
      String kind,
      LocalDate validFrom,
      LocalDate validTo,
      String decisionRef,
      StrategyStatus status,
      List<String> levelNames,
      Visibility visibility,
      String description,
      int version) {

    public String levelName(int level) {
      return level < levelNames.size() ? levelNames.get(level) : "Ebene " + (level + 1);
    }
  }

  public record GoalRow(
      UUID id,
      UUID strategyId,
      UUID parentId,
      int level,
      int position,
      String code,
      String title,
      String description,
      String successCriterion,
      String goalSource,
      Set<String> lifeSituations,
      int version) {}

  public record MeasureRow(
      UUID id,
      UUID strategyId,
      UUID goalId,
      int position,
      String code,
      String title,
      String description,
      String responsibleText,
      String partners,
      String successCriteria,
      String targetGroups,
      Set<String> lifeSituations,
      PreventionLevel preventionLevel,
      String costsText,
      BigDecimal costAmount,
      String fundingSource,
      FuzzyDate start,
      FuzzyDate end,
      String communication,
      int weight,
      Set<UUID> unitIds,
      int version) {}

  public record MilestoneRow(
      UUID id,
      UUID measureId,
      int position,
      String title,
      FuzzyDate due,
      UUID unitId,
      LocalDate doneOn,
      int version) {}

  public record StatusOptionRow(
      UUID id,
      String code,
      String label,
      int defaultProgress,
      String colour,
      String symbol,
      int position,
      boolean active) {}

  /**
   * A reporting round; {@code publishedAt} is set when the coordinator released it before closing
   * it.
   */
  public record RoundRow(
      UUID id,
      UUID strategyId,
      String name,
      LocalDate periodStart,
      LocalDate periodEnd,
      LocalDate deadline,
      RoundState state,
      int version,
      Instant publishedAt) {

    public RoundRow(
        UUID id,
        UUID strategyId,
        String name,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate deadline,
        RoundState state,
        int version) {
      this(id, strategyId, name, periodStart, periodEnd, deadline, state, version, null);
    }

    /** Public pages, exports and the open API show a round once it is closed or published. */
    public boolean isPublic() {
      return state == RoundState.CLOSED || publishedAt != null;
    }

    /**
     * A round may be published while assessments are collected or reviewed; closing publishes it
     * anyway.
     */
    public boolean canPublish() {
      return publishedAt == null && (state == RoundState.OPEN || state == RoundState.IN_REVIEW);
    }

    public boolean canWithdraw() {
      return publishedAt != null && state != RoundState.CLOSED;
    }
  }

  public record ReviewRow(
      UUID id,
      UUID assessmentId,
      ReviewDecision decision,
      String comment,
      String reviewerName,
      Instant createdAt) {}

  public record AssessmentRow(
      UUID id,
      UUID roundId,
      UUID measureId,
      int versionNo,
      String statusCode,
      Integer progress,
      String narrative,
      String evidence,
      UUID authorId,
      String authorName,
      Instant createdAt,
      ReviewRow review) {

    /** Submitted, accepted or returned for revision (by the latest review of this version). */
    public String reviewState() {
      return review == null ? "SUBMITTED" : review.decision().name();
    }
  }

  /** A measure in a reporting round. */
  public record RoundMeasure(UUID round, UUID measure) {}

  /**
   * The current assessment of each measure in each round: its highest version (assessments are
   * append-only).
   */
  public static Map<RoundMeasure, AssessmentRow> newestVersions(
      Collection<AssessmentRow> assessments) {
    Map<RoundMeasure, AssessmentRow> result = new HashMap<>();
    for (AssessmentRow a : assessments) {
      result.merge(
          new RoundMeasure(a.roundId(), a.measureId()),
          a,
          (x, y) -> x.versionNo() >= y.versionNo() ? x : y);
    }
    return result;
  }

  /**
   * What the public may see of each measure in each round: its highest version that the coordinator
   * accepted (a submitted or returned newer version does not replace it).
   */
  public static Map<RoundMeasure, AssessmentRow> newestAccepted(
      Collection<AssessmentRow> assessments) {
    return newestVersions(
        assessments.stream()
            .filter(a -> a.review() != null && a.review().decision() == ReviewDecision.ACCEPTED)
            .toList());
  }

  /** The current assessment of each measure in one round, by measure. */
  public static Map<UUID, AssessmentRow> newestVersionsIn(
      UUID roundId, Collection<AssessmentRow> assessments) {
    Map<UUID, AssessmentRow> result = new HashMap<>();
    newestVersions(assessments)
        .forEach(
            (key, a) -> {
              if (key.round().equals(roundId)) {
                result.put(key.measure(), a);
              }
            });
    return result;
  }

  private Rows() {}
}
