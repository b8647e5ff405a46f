package de.lagebild.strategy.internal.editing;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editing the tree: measures (with optimistic locking), goals, moving and reordering nodes. */
@Service
class TreeEditing {

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final GoalWriter goals;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final Clock clock;

  TreeEditing(
      StrategyRepository strategies,
      MeasureRepository measures,
      GoalWriter goals,
      ResponsibleUnits units,
      AuditLog audit,
      Clock clock) {
    this.strategies = strategies;
    this.measures = measures;
    this.goals = goals;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  /** Units must be the current tenant's: an identifier from elsewhere is simply unknown. */
  private void checkUnits(MeasureRow m) {
    Set<UUID> own = new HashSet<>();
    units.list().forEach(u -> own.add(u.id()));
    if (!own.containsAll(m.unitIds())) {
      throw new NotFoundException();
    }
  }

  /**
   * Saves a measure edited from {@code changed.version()}; a concurrent save makes this fail
   * without writing.
   */
  @Transactional
  MeasureRow saveMeasure(MeasureRow changed) {
    MeasureRow before = measures.find(changed.id()).orElseThrow(NotFoundException::new);
    checkGoal(changed.strategyId(), changed.goalId());
    if (before.version() != changed.version()) {
      throw new ConcurrentEditException("Maßnahme " + Objects.toString(before.code(), ""));
    }
    checkCode(changed);
    checkUnits(changed);
    measures.update(changed);
    audit.record(
        "UPDATE",
        "Measure",
        changed.id(),
        "Maßnahme geändert: " + label(changed),
        snapshot(before),
        snapshot(changed));
    return changed;
  }

  @Transactional
  MeasureRow createMeasure(MeasureRow m) {
    checkGoal(m.strategyId(), m.goalId());
    checkCode(m);
    checkUnits(m);
    measures.insert(m, clock.instant());
    audit.record("CREATE", "Measure", m.id(), "Maßnahme angelegt: " + label(m), null, snapshot(m));
    return m;
  }

  @Transactional
  GoalRow createGoal(
      UUID strategyId,
      UUID parentId,
      String code,
      String title,
      String successCriterion,
      String goalSource) {
    StrategyRow s = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    int level = 0;
    if (parentId != null) {
      level = checkGoal(strategyId, parentId).level() + 1;
    }
    if (level >= s.levelNames().size()) {
      throw new DomainException("goal.tooDeep", s.levelNames().size());
    }
    List<GoalRow> all = strategies.goals(strategyId);
    checkGoalCode(all, code, null);
    int position =
        all.stream()
                .filter(g -> Objects.equals(g.parentId(), parentId))
                .mapToInt(GoalRow::position)
                .max()
                .orElse(-1)
            + 1;
    GoalRow g =
        new GoalRow(
            UUID.randomUUID(),
            strategyId,
            parentId,
            level,
            position,
            Text.blankToNull(code),
            title.strip(),
            null,
            Text.blankToNull(successCriterion),
            Text.blankToNull(goalSource),
            Set.of(),
            0);
    strategies.insertGoal(g, clock.instant());
    audit.record(
        "CREATE",
        "Goal",
        g.id(),
        "Ziel angelegt: " + title,
        null,
        Map.of("level", s.levelName(level), "title", title));
    return g;
  }

  @Transactional
  void saveGoal(GoalRow changed) {
    GoalRow before =
        strategies
            .goal(changed.id())
            .filter(g -> g.strategyId().equals(changed.strategyId()))
            .orElseThrow(NotFoundException::new);
    checkGoalCode(strategies.goals(changed.strategyId()), changed.code(), changed.id());
    goals.update(changed);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("code", before.code());
    b.put("title", before.title());
    b.put("successCriterion", before.successCriterion());
    b.put("goalSource", before.goalSource());
    b.put("lifeSituations", String.join(",", before.lifeSituations()));
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("code", changed.code());
    a.put("title", changed.title());
    a.put("successCriterion", changed.successCriterion());
    a.put("goalSource", changed.goalSource());
    a.put("lifeSituations", String.join(",", changed.lifeSituations()));
    audit.record("UPDATE", "Goal", changed.id(), "Ziel geändert: " + changed.title(), b, a);
  }

  /**
   * Moves a goal under another parent (null: to the top). Refuses moves that would make a goal its
   * own descendant or push the subtree deeper than the strategy's levels.
   */
  @Transactional
  void moveGoal(UUID strategyId, UUID goalId, UUID newParentId, int version) {
    StrategyRow s = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    List<GoalRow> all = strategies.goals(strategyId);
    Map<UUID, GoalRow> byId = new HashMap<>();
    all.forEach(g -> byId.put(g.id(), g));
    GoalRow goal = byId.get(goalId);
    if (goal == null) {
      throw new NotFoundException();
    }
    if (goal.version() != version) {
      throw new ConcurrentEditException("Ziel " + Objects.toString(goal.code(), ""));
    }
    int newLevel = 0;
    if (newParentId != null) {
      GoalRow parent = byId.get(newParentId);
      if (parent == null) {
        throw new NotFoundException();
      }
      for (GoalRow p = parent;
          p != null;
          p = p.parentId() == null ? null : byId.get(p.parentId())) {
        if (p.id().equals(goalId)) {
          throw new DomainException("goal.cycle", goal.title());
        }
      }
      newLevel = parent.level() + 1;
    }
    int delta = newLevel - goal.level();
    int deepest = deepest(goal, all) + delta;
    if (deepest >= s.levelNames().size()) {
      throw new DomainException("goal.tooDeep", s.levelNames().size());
    }
    int position =
        all.stream()
                .filter(g -> Objects.equals(g.parentId(), newParentId))
                .mapToInt(GoalRow::position)
                .max()
                .orElse(-1)
            + 1;
    goals.move(goal, newParentId, position, delta, subtree(goal, all));
    audit.record(
        "UPDATE",
        "Goal",
        goalId,
        "Ziel verschoben: " + goal.title(),
        Map.of("parent", Objects.toString(goal.parentId(), "–")),
        Map.of("parent", Objects.toString(newParentId, "–")));
  }

  /** Swaps a goal with its previous (up) or next sibling. */
  @Transactional
  void reorderGoal(UUID strategyId, UUID goalId, boolean up) {
    List<GoalRow> all = strategies.goals(strategyId);
    GoalRow goal =
        all.stream()
            .filter(g -> g.id().equals(goalId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    List<GoalRow> siblings =
        all.stream()
            .filter(g -> Objects.equals(g.parentId(), goal.parentId()))
            .sorted(Comparator.comparingInt(GoalRow::position))
            .toList();
    int i = siblings.indexOf(goal);
    int j = up ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.size()) {
      return;
    }
    GoalRow other = siblings.get(j);
    goals.swapPositions(goal, other);
    audit.record(
        "UPDATE",
        "Goal",
        goalId,
        "Reihenfolge geändert: " + goal.title(),
        Map.of("position", i + 1),
        Map.of("position", j + 1));
  }

  private int deepest(GoalRow goal, List<GoalRow> all) {
    return subtree(goal, all).stream().mapToInt(GoalRow::level).max().orElse(goal.level());
  }

  private static List<GoalRow> subtree(GoalRow root, List<GoalRow> all) {
    List<GoalRow> result = new ArrayList<>(List.of(root));
    for (int i = 0; i < result.size(); i++) {
      UUID id = result.get(i).id();
      all.stream().filter(g -> id.equals(g.parentId())).forEach(result::add);
    }
    return result;
  }

  /** Unknown in this tenant: 404; a goal of another strategy of the tenant: a message. */
  private GoalRow checkGoal(UUID strategyId, UUID goalId) {
    strategies.find(strategyId).orElseThrow(NotFoundException::new);
    GoalRow goal = strategies.goal(goalId).orElseThrow(NotFoundException::new);
    if (!goal.strategyId().equals(strategyId)) {
      throw new DomainException("measure.goalUnknown");
    }
    return goal;
  }

  private void checkCode(MeasureRow m) {
    if (m.code() == null) {
      return;
    }
    boolean taken =
        measures.ofStrategy(m.strategyId()).stream()
            .anyMatch(o -> m.code().equals(o.code()) && !o.id().equals(m.id()));
    if (taken) {
      throw new DomainException("measure.codeTaken", m.code());
    }
  }

  private static void checkGoalCode(List<GoalRow> all, String code, UUID except) {
    if (code != null
        && !code.isBlank()
        && all.stream().anyMatch(g -> code.strip().equals(g.code()) && !g.id().equals(except))) {
      throw new DomainException("goal.codeTaken", code.strip());
    }
  }

  static Map<String, Object> snapshot(MeasureRow m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("code", m.code());
    s.put("title", m.title());
    s.put("goal", m.goalId());
    s.put("responsible", m.responsibleText());
    s.put("units", m.unitIds().stream().map(UUID::toString).sorted().toList());
    s.put("indicators", m.successCriteria());
    s.put("targetGroups", m.targetGroups());
    s.put("start", m.start().text());
    s.put("end", m.end().text());
    s.put("costs", m.costsText());
    s.put("communication", m.communication());
    s.put("weight", m.weight());
    return s;
  }

  private static String label(MeasureRow m) {
    String t = m.title().length() > 80 ? m.title().substring(0, 79) + "…" : m.title();
    return m.code() == null ? t : m.code() + " " + t;
  }

  static FuzzyDate date(String text) {
    return FuzzyDate.parse(text);
  }
}
