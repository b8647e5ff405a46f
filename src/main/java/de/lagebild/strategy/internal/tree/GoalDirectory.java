package de.lagebild.strategy.internal.tree;

import de.lagebild.platform.LocalCalendar;
import de.lagebild.strategy.StrategyGoals;
import de.lagebild.strategy.StrategyId;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The goals of the current tenant for other modules, and a goal's measures with their status. */
@Service
class GoalDirectory implements StrategyGoals {

  private final StrategyRepository strategies;
  private final StrategyTree tree;
  private final Clock clock;

  GoalDirectory(StrategyRepository strategies, StrategyTree tree, Clock clock) {
    this.strategies = strategies;
    this.tree = tree;
    this.clock = clock;
  }

  @Override
  public List<GoalRef> goals() {
    List<GoalRef> all = new ArrayList<>();
    for (StrategyRow s : strategies.findAll()) {
      Map<UUID, List<GoalRow>> byParent = new HashMap<>();
      for (GoalRow g : strategies.goals(s.id())) {
        byParent.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g);
      }
      addInTreeOrder(s, null, byParent, all);
    }
    return all;
  }

  private static void addInTreeOrder(
      StrategyRow s, UUID parent, Map<UUID, List<GoalRow>> byParent, List<GoalRef> out) {
    List<GoalRow> children = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
    children.sort(Comparator.comparingInt(GoalRow::position));
    for (GoalRow g : children) {
      out.add(ref(s, g));
      addInTreeOrder(s, g.id(), byParent, out);
    }
  }

  @Override
  public Optional<GoalRef> goal(UUID id) {
    return strategies.goal(id).flatMap(g -> strategies.find(g.strategyId()).map(s -> ref(s, g)));
  }

  @Override
  public List<MeasureRef> measures(UUID goalId) {
    Optional<GoalRow> goal = strategies.goal(goalId);
    if (goal.isEmpty()) {
      return List.of();
    }
    StrategyTree.Tree t =
        tree.build(
            goal.get().strategyId(), null, StrategyTree.Filter.NONE, LocalCalendar.today(clock));
    return t.allMeasures().stream()
        .filter(m -> Objects.equals(m.measure().goalId(), goalId))
        .map(
            m ->
                new MeasureRef(
                    m.measure().id(),
                    m.measure().code(),
                    m.measure().title(),
                    m.status() == null ? null : m.status().label(),
                    m.status() == null ? null : m.status().symbol(),
                    m.current() == null
                        ? null
                        : m.current().createdAt().atZone(LocalCalendar.ZONE).toLocalDate()))
        .toList();
  }

  private static GoalRef ref(StrategyRow s, GoalRow g) {
    return new GoalRef(
        g.id(), new StrategyId(s.id()), s.title(), s.levelName(g.level()), g.code(), g.title());
  }
}
