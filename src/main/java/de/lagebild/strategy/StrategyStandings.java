package de.lagebild.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The standing of the current tenant's strategies as others may see it without any text of an
 * assessment: structure, decision, the status mix of the latest closed round, costs – and,
 * separately, the progress of the reporting rounds. Read by the state platform for the districts
 * that share these items.
 */
public interface StrategyStandings {

  /**
   * How many measures have a status; {@code code} NONE: not assessed, UNRATED: assessed without a
   * status (both with a null label).
   */
  record StatusCount(String code, String label, String colour, int count) {}

  /**
   * A field of action (a goal of the top level): its code and title, measures, status mix, and the
   * costs entered at {@code costed} of its measures.
   */
  record FieldOfAction(
      String code,
      String title,
      int measures,
      List<StatusCount> statuses,
      BigDecimal costs,
      int costed) {}

  /**
   * A strategy: title, kind, status (DRAFT, DECIDED, ARCHIVED), valid from (the decision's date
   * where decided), decision reference; its measures; the latest closed round and its status mix
   * (null and empty when no round is closed); the fields of action; the costs entered at {@code
   * costed} of the measures.
   */
  record Standing(
      java.util.UUID id,
      String title,
      String kind,
      String status,
      LocalDate validFrom,
      String decisionRef,
      int measures,
      String closedRound,
      LocalDate closedRoundEnd,
      List<StatusCount> statuses,
      List<FieldOfAction> fields,
      BigDecimal costs,
      int costed) {}

  /**
   * A reporting round: its state (PREPARED, OPEN, IN_REVIEW, CLOSED), deadline, how many of the
   * measures have an assessment in it, and whether its deadline passed while it is still open.
   */
  record RoundProgress(
      java.util.UUID strategy,
      String strategyTitle,
      String name,
      String state,
      LocalDate periodEnd,
      LocalDate deadline,
      int measures,
      int assessed,
      boolean overdue) {}

  /**
   * An accepted assessment of a published (or closed) round: the measure, the status and the text
   * the responsible unit wrote.
   */
  record PublishedAssessment(
      String strategyTitle,
      String round,
      String measureCode,
      String measureTitle,
      String status,
      String narrative) {}

  /**
   * The accepted assessments of the newest published or closed round of the first strategy (decided
   * first), in the order of the measures; empty when there is none.
   */
  List<PublishedAssessment> publishedAssessments();

  /** The strategies that are not archived, newest first. */
  List<Standing> standings(LocalDate today);

  /** The rounds of those strategies, newest first per strategy. */
  List<RoundProgress> rounds(LocalDate today);
}
