package de.lagebild.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The goals of the current tenant's strategies (drafts included) and the measures under a goal with
 * their latest status, for modules that link their own things to goals (the planning module's
 * needs).
 */
public interface StrategyGoals {

  /** A goal with the strategy it belongs to and the name of its level ("Handlungsziel"). */
  record GoalRef(
      UUID id,
      StrategyId strategy,
      String strategyTitle,
      String levelName,
      String code,
      String title) {

    /** "Handlungsziel 2.3: Titel". */
    public String label() {
      return levelName + (code == null ? "" : " " + code) + ": " + title;
    }
  }

  /**
   * A measure under a goal with the status of its newest assessment in the round shown by default
   * (null when not assessed there).
   */
  record MeasureRef(
      UUID id, String code, String title, String statusLabel, String statusSymbol, LocalDate on) {}

  /** All goals of all strategies, strategies by title, goals in tree order. */
  List<GoalRef> goals();

  Optional<GoalRef> goal(UUID id);

  /** The measures directly under the goal. */
  List<MeasureRef> measures(UUID goalId);
}
