package de.lagebild.strategy.internal.imports;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The strategy as it is, indexed for matching. */
/** A strategy as it is, indexed for matching the goals and measures of an import to it. */
final class ExistingStrategy {
  final StrategyRow strategy;
  final List<GoalRow> goals;
  final List<MeasureRow> measures;
  final Map<UUID, Map<String, String>> extraFields;
  final Map<String, RoundRow> roundsByName = new HashMap<>();
  final Map<Rows.RoundMeasure, AssessmentRow> latest;
  final Map<UUID, String> unitNames;
  final Set<UUID> used = new HashSet<>();
  final Set<String> goalCodes = new HashSet<>();
  final Set<String> measureCodes = new HashSet<>();

  ExistingStrategy(
      UUID strategyId,
      StrategyRepository strategies,
      MeasureRepository measureRows,
      ExtraFields extras,
      RoundRepository rounds,
      ResponsibleUnits units) {
    strategy = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    goals = strategies.goals(strategyId);
    measures = measureRows.ofStrategy(strategyId);
    extraFields = extras.ofStrategy(strategyId);
    List<RoundRow> all = rounds.ofStrategy(strategyId);
    all.forEach(r -> roundsByName.put(r.name(), r));
    latest = Rows.newestVersions(rounds.ofRounds(all.stream().map(RoundRow::id).toList()));
    unitNames =
        units.list().stream().collect(Collectors.toMap(ResponsibleUnit::id, ResponsibleUnit::name));
    goals.forEach(g -> goalCodes.add(g.code()));
    measures.forEach(m -> measureCodes.add(m.code()));
  }

  public GoalRow goal(Node n, UUID parent) {
    return match(goals, n, GoalRow::id, GoalRow::code, GoalRow::title, g -> g.level() == n.level);
  }

  MeasureRow measure(Node n) {
    return match(measures, n, MeasureRow::id, MeasureRow::code, MeasureRow::title, m -> true);
  }

  private <T> T match(
      List<T> rows,
      Node n,
      Function<T, UUID> id,
      Function<T, String> code,
      Function<T, String> title,
      Predicate<T> fits) {
    List<T> free = rows.stream().filter(r -> !used.contains(id.apply(r)) && fits.test(r)).toList();
    T found = null;
    if (n.sourceId != null) {
      found =
          free.stream()
              .filter(r -> id.apply(r).toString().equals(n.sourceId))
              .findFirst()
              .orElse(null);
    }
    Function<T, Boolean> byCode = r -> Objects.equals(code.apply(r), n.code);
    Function<T, Boolean> byTitle = r -> normal(title.apply(r)).equals(normal(n.title));
    // a code read from the file decides first; a code made up from the position only after the
    // title
    List<Function<T, Boolean>> order =
        n.codeGenerated ? List.of(byTitle, byCode) : List.of(byCode, byTitle);
    for (Function<T, Boolean> criterion : order) {
      if (found == null) {
        found = free.stream().filter(criterion::apply).findFirst().orElse(null);
      }
    }
    if (found != null) {
      used.add(id.apply(found));
    }
    return found;
  }

  private static String normal(String s) {
    return s == null ? "" : s.toLowerCase(Locale.GERMAN).replaceAll("\\s+", " ").strip();
  }
}
