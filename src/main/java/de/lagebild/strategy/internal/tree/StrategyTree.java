package de.lagebild.strategy.internal.tree;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds the strategy tree as the overview and the dashboard show it: goals with their measures,
 * each measure with its current assessment in the chosen round, roll-ups per goal, and filters. A
 * fixed number of SQL statements, whatever the size of the strategy.
 */
@Service
public class StrategyTree {

  public record Filter(Integer level, String lifeSituation, UUID unit, String status, String text) {
    public static final Filter NONE = new Filter(null, null, null, null, null);

    public boolean active() {
      return level != null
          || lifeSituation != null
          || unit != null
          || status != null
          || text != null;
    }
  }

  public record MeasureView(
      MeasureRow measure,
      List<String> unitNames,
      AssessmentRow current,
      AssessmentRow previous,
      StatusOptionRow status,
      Integer progress,
      boolean late,
      boolean changedSincePrevious) {

    public boolean assessed() {
      return current != null;
    }
  }

  public record Node(
      GoalRow goal,
      String levelName,
      List<Node> children,
      List<MeasureView> measures,
      RollUp rollUp) {}

  public record Tree(
      StrategyRow strategy,
      List<RoundRow> rounds,
      RoundRow round,
      RoundRow previousRound,
      List<Node> roots,
      RollUp total,
      List<StatusOptionRow> statuses,
      Map<UUID, String> unitNames,
      List<MeasureView> allMeasures,
      int shownMeasures) {}

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final RoundRepository rounds;
  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;

  StrategyTree(
      StrategyRepository strategies,
      MeasureRepository measures,
      RoundRepository rounds,
      StatusCatalogue statuses,
      ResponsibleUnits units) {
    this.strategies = strategies;
    this.measures = measures;
    this.rounds = rounds;
    this.statuses = statuses;
    this.units = units;
  }

  /**
   * The round shown by default: the open or in-review one, else the newest closed one, else none.
   */
  static RoundRow defaultRound(List<RoundRow> rounds) {
    return rounds.stream()
        .filter(r -> r.state() == RoundState.OPEN || r.state() == RoundState.IN_REVIEW)
        .findFirst()
        .orElseGet(
            () ->
                rounds.stream()
                    .filter(r -> r.state() == RoundState.CLOSED)
                    .reduce((a, b) -> b)
                    .orElse(null));
  }

  public Tree build(UUID strategyId, UUID roundId, Filter filter, LocalDate today) {
    return build(strategyId, roundId, filter, today, false);
  }

  /**
   * The tree as the public may see it: only rounds that are closed or published, and in them only
   * accepted assessment versions (a newer submitted or returned version does not show).
   */
  Tree buildPublic(UUID strategyId, LocalDate today) {
    return build(strategyId, null, Filter.NONE, today, true);
  }

  private Tree build(
      UUID strategyId, UUID roundId, Filter filter, LocalDate today, boolean publicOnly) {
    StrategyRow strategy = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    List<RoundRow> allRounds = rounds.ofStrategy(strategyId);
    if (publicOnly) {
      allRounds = allRounds.stream().filter(RoundRow::isPublic).toList();
    }
    RoundRow round =
        roundId == null && publicOnly
            ? allRounds.stream().reduce((a, b) -> b).orElse(null)
            : roundId == null
                ? defaultRound(allRounds)
                : allRounds.stream()
                    .filter(r -> r.id().equals(roundId))
                    .findFirst()
                    .orElseThrow(NotFoundException::new);
    RoundRow previous = null;
    if (round != null) {
      int i = allRounds.indexOf(round);
      previous = i > 0 ? allRounds.get(i - 1) : null;
    }
    List<UUID> roundIds = new ArrayList<>();
    if (round != null) {
      roundIds.add(round.id());
    }
    if (previous != null) {
      roundIds.add(previous.id());
    }
    List<AssessmentRow> assessments = rounds.statusOfRounds(roundIds);
    if (publicOnly) {
      assessments = List.copyOf(Rows.newestAccepted(assessments).values());
    }
    Map<UUID, AssessmentRow> current =
        round == null ? Map.of() : Rows.newestVersionsIn(round.id(), assessments);
    Map<UUID, AssessmentRow> before =
        previous == null ? Map.of() : Rows.newestVersionsIn(previous.id(), assessments);
    List<StatusOptionRow> catalogue = statuses.all();
    Map<String, StatusOptionRow> byCode =
        catalogue.stream().collect(Collectors.toMap(StatusOptionRow::code, Function.identity()));
    Map<UUID, String> unitNames =
        units.list().stream().collect(Collectors.toMap(ResponsibleUnit::id, ResponsibleUnit::name));

    Map<UUID, List<MeasureView>> byGoal = new HashMap<>();
    List<MeasureView> all = new ArrayList<>();
    for (MeasureRow m : measures.summariesOfStrategy(strategyId)) {
      AssessmentRow a = current.get(m.id());
      AssessmentRow p = before.get(m.id());
      StatusOptionRow status =
          a == null || a.statusCode() == null ? null : byCode.get(a.statusCode());
      Integer progress =
          a == null
              ? null
              : a.progress() != null
                  ? a.progress()
                  : status == null ? null : status.defaultProgress();
      boolean finished =
          a != null
              && a.statusCode() != null
              && (a.statusCode().equals("IMPLEMENTED")
                  || a.statusCode().equals("ROUTINE")
                  || a.statusCode().equals("STOPPED"));
      boolean late = !finished && m.end().latest() != null && m.end().latest().isBefore(today);
      boolean changed = a != null && p != null && !Objects.equals(a.statusCode(), p.statusCode());
      MeasureView view =
          new MeasureView(
              m,
              m.unitIds().stream().map(unitNames::get).filter(Objects::nonNull).sorted().toList(),
              a,
              p,
              status,
              progress,
              late,
              changed);
      all.add(view);
      byGoal.computeIfAbsent(m.goalId(), k -> new ArrayList<>()).add(view);
    }

    List<GoalRow> goals = strategies.goals(strategyId);
    Map<UUID, List<GoalRow>> children = new HashMap<>();
    List<GoalRow> rootGoals = new ArrayList<>();
    for (GoalRow g : goals) {
      if (g.parentId() == null) {
        rootGoals.add(g);
      } else {
        children.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g);
      }
    }
    int[] shown = {0};
    List<Node> roots = new ArrayList<>();
    for (GoalRow g : rootGoals) {
      Node n = node(g, strategy, children, byGoal, filter, shown);
      if (n != null) {
        roots.add(n);
      }
    }
    RollUp total = RollUp.of(all.stream().map(StrategyTree::contribution).toList());
    return new Tree(
        strategy, allRounds, round, previous, roots, total, catalogue, unitNames, all, shown[0]);
  }

  private Node node(
      GoalRow g,
      StrategyRow s,
      Map<UUID, List<GoalRow>> children,
      Map<UUID, List<MeasureView>> byGoal,
      Filter f,
      int[] shown) {
    List<Node> kids = new ArrayList<>();
    List<RollUp.Contribution> contributions = new ArrayList<>();
    for (GoalRow c : children.getOrDefault(g.id(), List.of())) {
      Node n = node(c, s, children, byGoal, f, shown);
      if (n != null) {
        kids.add(n);
      }
    }
    List<MeasureView> own = byGoal.getOrDefault(g.id(), List.of());
    List<MeasureView> visible = own.stream().filter(m -> matches(m, g, f)).toList();
    boolean belowLevel = f.level() != null && g.level() > f.level();
    // roll-up over the whole subtree regardless of filters
    collect(g, children, byGoal, contributions);
    RollUp rollUp = RollUp.of(contributions);
    boolean goalMatches = f.text() != null && contains(g.title(), f.text());
    if (f.active() && kids.isEmpty() && visible.isEmpty() && !goalMatches) {
      return null;
    }
    if (belowLevel) {
      return null;
    }
    List<MeasureView> listed = f.level() != null ? List.of() : visible;
    shown[0] += listed.size();
    return new Node(g, s.levelName(g.level()), kids, listed, rollUp);
  }

  private void collect(
      GoalRow g,
      Map<UUID, List<GoalRow>> children,
      Map<UUID, List<MeasureView>> byGoal,
      List<RollUp.Contribution> into) {
    byGoal.getOrDefault(g.id(), List.of()).forEach(m -> into.add(contribution(m)));
    children.getOrDefault(g.id(), List.of()).forEach(c -> collect(c, children, byGoal, into));
  }

  static RollUp.Contribution contribution(MeasureView m) {
    return new RollUp.Contribution(
        m.assessed(),
        m.current() == null ? null : m.current().statusCode(),
        m.progress(),
        m.measure().weight(),
        m.measure().costAmount());
  }

  private static boolean matches(MeasureView m, GoalRow g, Filter f) {
    if (f.unit() != null && !m.measure().unitIds().contains(f.unit())) {
      return false;
    }
    if (f.status() != null) {
      String code =
          !m.assessed()
              ? RollUp.NOT_ASSESSED
              : m.current().statusCode() == null ? RollUp.UNRATED : m.current().statusCode();
      if (!f.status().equals(code)) {
        return false;
      }
    }
    if (f.lifeSituation() != null
        && !m.measure().lifeSituations().contains(f.lifeSituation())
        && !g.lifeSituations().contains(f.lifeSituation())) {
      return false;
    }
    if (f.text() != null) {
      MeasureRow r = m.measure();
      return contains(r.title(), f.text())
          || contains(r.responsibleText(), f.text())
          || contains(r.successCriteria(), f.text())
          || contains(r.code(), f.text())
          || contains(g.title(), f.text());
    }
    return true;
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null
        && haystack.toLowerCase(Locale.GERMAN).contains(needle.toLowerCase(Locale.GERMAN));
  }
}
