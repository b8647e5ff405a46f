package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The rows of goals and measures that the nodes of an imported tree become. */
final class ImportedRows {

  private ImportedRows() {}

  static GoalRow goalRow(
      Node g, UUID id, UUID strategyId, UUID parent, int position, String code, int version) {
    return new GoalRow(
        id,
        strategyId,
        parent,
        g.level,
        position,
        code,
        g.title,
        Text.blankToNull(g.field(ImportFields.DESCRIPTION)),
        Text.blankToNull(g.field(ImportFields.INDICATORS)),
        Text.blankToNull(g.field(ImportFields.GOAL_SOURCE)),
        lifeSet(g.field(ImportFields.LIFE_SITUATIONS)),
        version);
  }

  static MeasureRow measureRow(
      Node m,
      UUID id,
      UUID strategyId,
      UUID goalId,
      int position,
      String code,
      Set<UUID> unitIds,
      int version) {
    String weight = m.field(ImportFields.WEIGHT);
    return new MeasureRow(
        id,
        strategyId,
        goalId,
        position,
        code,
        m.title,
        Text.blankToNull(m.field(ImportFields.DESCRIPTION)),
        Text.blankToNull(m.field(ImportFields.RESPONSIBLE)),
        Text.blankToNull(m.field(ImportFields.PARTNERS)),
        Text.blankToNull(m.field(ImportFields.INDICATORS)),
        Text.blankToNull(m.field(ImportFields.TARGET_GROUPS)),
        lifeSet(m.field(ImportFields.LIFE_SITUATIONS)),
        ImportChecks.prevention(m.field(ImportFields.PREVENTION)),
        Text.blankToNull(m.field(ImportFields.COSTS)),
        null,
        Text.blankToNull(m.field(ImportFields.FUNDING)),
        FuzzyDate.parse(m.field(ImportFields.START)),
        FuzzyDate.parse(m.field(ImportFields.END)),
        Text.blankToNull(m.field(ImportFields.COMMUNICATION)),
        weight.matches("\\d{1,3}") ? Integer.parseInt(weight) : 1,
        unitIds,
        version);
  }

  private static Set<String> lifeSet(String codes) {
    return codes.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(codes.split(",")));
  }

  static Set<UUID> link(String responsible, List<ResponsibleUnit> tenantUnits) {
    Set<UUID> result = new LinkedHashSet<>();
    String text = responsible.toLowerCase(Locale.GERMAN);
    for (ResponsibleUnit u : tenantUnits) {
      if (u.active()
          && (text.contains(u.name().toLowerCase(Locale.GERMAN))
              || (u.shortName() != null
                  && u.shortName().length() > 2
                  && text.contains(u.shortName().toLowerCase(Locale.GERMAN))))) {
        result.add(u.id());
      }
    }
    return result;
  }
}
