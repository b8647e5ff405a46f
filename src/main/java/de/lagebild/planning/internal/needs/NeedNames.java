package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.strategy.StrategyGoals;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The names a need's ids stand for in the current tenant (areas, indicators, goals, units), read
 * once per page or export, and evidence as one line of text.
 */
@Component
class NeedNames {

  /** The names of one tenant at one moment. */
  record Names(
      Map<UUID, IndicatorFigures.AreaInfo> areas,
      Map<UUID, IndicatorFigures.IndicatorInfo> indicators,
      Map<UUID, StrategyGoals.GoalRef> goals,
      Map<UUID, String> units) {

    public String areaNames(Need n) {
      return n.areaIds().stream()
          .map(areas::get)
          .filter(Objects::nonNull)
          .map(IndicatorFigures.AreaInfo::name)
          .collect(Collectors.joining(", "));
    }

    /** The need's goals in the order of the strategies (not the order the links were read in). */
    public List<StrategyGoals.GoalRef> goalsOf(Need n) {
      java.util.Set<UUID> linked = new java.util.HashSet<>(n.goalIds());
      return goals.values().stream().filter(g -> linked.contains(g.id())).toList();
    }

    public String unit(Need n) {
      return n.unitId() == null ? null : units.get(n.unitId());
    }

    /** "Arbeitslosenquote, Nordhausen, 2020: 7,9 % (Thüringen 6,0)" or the note as written. */
    public String line(Evidence e) {
      StringBuilder b = new StringBuilder();
      IndicatorFigures.IndicatorInfo i =
          e.indicatorId() == null ? null : indicators.get(e.indicatorId());
      if (i != null) {
        b.append(i.name());
      }
      IndicatorFigures.AreaInfo a = e.areaId() == null ? null : areas.get(e.areaId());
      if (a != null) {
        b.append(b.isEmpty() ? "" : ", ").append(a.name());
      }
      if (e.period() != null) {
        b.append(b.isEmpty() ? "" : ", ").append(e.period());
      }
      if (e.valueText() != null) {
        b.append(b.isEmpty() ? "" : ": ").append(e.valueText());
      }
      if (e.referenceText() != null) {
        b.append(" (").append(e.referenceText()).append(')');
      }
      if (e.note() != null) {
        b.append(b.isEmpty() ? "" : " – ").append(e.note());
      }
      return b.toString();
    }
  }

  private final IndicatorFigures figures;
  private final StrategyGoals goals;
  private final ResponsibleUnits units;

  NeedNames(IndicatorFigures figures, StrategyGoals goals, ResponsibleUnits units) {
    this.figures = figures;
    this.goals = goals;
    this.units = units;
  }

  Names read() {
    return new Names(
        figures.areas().stream()
            .collect(Collectors.toMap(a -> a.id().value(), Function.identity(), (x, y) -> x)),
        figures.indicators().stream()
            .collect(Collectors.toMap(i -> i.id().value(), Function.identity(), (x, y) -> x)),
        goals.goals().stream()
            .collect(
                Collectors.toMap(
                    StrategyGoals.GoalRef::id,
                    Function.identity(),
                    (x, y) -> x,
                    java.util.LinkedHashMap::new)),
        units.list().stream()
            .collect(Collectors.toMap(ResponsibleUnit::id, ResponsibleUnit::name)));
  }
}
