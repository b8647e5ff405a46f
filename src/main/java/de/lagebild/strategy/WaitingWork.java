package de.lagebild.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * What waits for the current user in the current tenant's reporting rounds: assessments still to
 * write for their units' measures, and (for coordinators) submitted assessments still to review.
 * The start page shows it so that nobody has to know where to look.
 */
public interface WaitingWork {

  List<Item> forCurrentUser();

  /** What kind of work waits. */
  enum Kind {
    /** Assessments of the user's measures not yet submitted (or returned for revision). */
    ASSESS,
    /** Submitted assessments without a review decision. */
    REVIEW
  }

  /**
   * One kind of work in one round.
   *
   * @param path the page where the work is done, relative to the tenant (e.g. {@code
   *     meine-massnahmen})
   */
  record Item(Kind kind, int count, String roundName, LocalDate deadline, String path) {}
}
