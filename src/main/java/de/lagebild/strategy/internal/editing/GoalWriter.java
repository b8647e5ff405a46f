package de.lagebild.strategy.internal.editing;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.store.StrategyTables.Goal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** Structural changes of the goal tree. */
@Repository
public class GoalWriter {

  private final TenantScope scope;

  GoalWriter(TenantScope scope) {
    this.scope = scope;
  }

  void move(GoalRow goal, UUID newParent, int position, int levelDelta, List<GoalRow> subtree) {
    int n =
        scope
            .update(Goal.T)
            .set(Goal.PARENT_ID, newParent)
            .set(Goal.POSITION, position)
            .set(Goal.VERSION, goal.version() + 1)
            .where(Goal.ID.eq(goal.id()).and(Goal.VERSION.eq(goal.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Ziel");
    }
    if (levelDelta != 0) {
      scope
          .update(Goal.T)
          .set(Goal.LEVEL, Goal.LEVEL.plus(levelDelta))
          .where(Goal.ID.in(subtree.stream().map(GoalRow::id).toList()))
          .execute();
    }
  }

  public void update(GoalRow g) {
    int n =
        scope
            .update(Goal.T)
            .set(Goal.CODE, g.code())
            .set(Goal.TITLE, g.title())
            .set(Goal.DESCRIPTION, g.description())
            .set(Goal.SUCCESS_CRITERION, g.successCriterion())
            .set(Goal.GOAL_SOURCE, g.goalSource())
            .set(Goal.LIFE_SITUATIONS, StrategyRepository.joinSet(g.lifeSituations()))
            .set(Goal.VERSION, g.version() + 1)
            .where(Goal.ID.eq(g.id()).and(Goal.VERSION.eq(g.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Ziel");
    }
  }

  void swapPositions(GoalRow a, GoalRow b) {
    scope
        .update(Goal.T)
        .set(Goal.POSITION, b.position())
        .set(Goal.VERSION, Goal.VERSION.plus(1))
        .where(Goal.ID.eq(a.id()))
        .execute();
    scope
        .update(Goal.T)
        .set(Goal.POSITION, a.position())
        .set(Goal.VERSION, Goal.VERSION.plus(1))
        .where(Goal.ID.eq(b.id()))
        .execute();
  }
}
