package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.Periods;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which area a row of a statistics file means: by official key (a leading zero lost in a
 * spreadsheet put back), else by name without ", Landkreis", "Stadt" and the like (reported as a
 * warning), and among areas of the same key the one valid at the end of the row's period.
 */
final class AreaMatching {

  private AreaMatching() {}

  /**
   * The area a row means: by key (a lost leading zero put back), else by name without ", Landkreis"
   * etc.
   */
  static AreaRow area(
      StatisticsTable.Cell cell,
      String period,
      List<AreaRow> areas,
      List<StatisticsTable.Problem> problems,
      Set<String> reported) {
    LocalDate day = Periods.end(period);
    String key = cell.key();
    if (key != null && !key.isEmpty() && Set.of(1, 4, 7, 11).contains(key.length())) {
      String padded = "0" + key;
      if (reported.add("pad:" + key)) {
        problems.add(
            new StatisticsTable.Problem(
                cell.line(), "Schlüssel", "atlas.leadingZero", key + " → " + padded, false));
      }
      key = padded;
    }
    String k = key;
    List<AreaRow> byKey =
        k == null || k.isEmpty()
            ? List.of()
            : areas.stream().filter(a -> k.equals(a.officialKey())).toList();
    if (byKey.isEmpty()) {
      String name = clean(cell.areaName());
      List<AreaRow> byName = areas.stream().filter(a -> clean(a.name()).equals(name)).toList();
      if (byName.size() == 1) {
        if (reported.add("name:" + name)) {
          problems.add(
              new StatisticsTable.Problem(
                  cell.line(), "Gebiet", "atlas.matchedByName", cell.areaName(), false));
        }
        byKey = byName;
      } else {
        return null;
      }
    }
    List<AreaRow> valid = byKey.stream().filter(a -> a.validOn(day)).toList();
    if (valid.size() == 1) {
      return valid.get(0);
    }
    if (valid.size() > 1) {
      problems.add(
          new StatisticsTable.Problem(cell.line(), "Schlüssel", "atlas.keyAmbiguous", k, true));
      return null;
    }
    problems.add(
        new StatisticsTable.Problem(
            cell.line(),
            "Zeitraum",
            "atlas.outsideValidity",
            byKey.get(0).name() + ", " + Periods.label(period),
            true));
    return byKey.get(0);
  }

  static String clean(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.GERMAN).strip();
    n = n.replaceAll(",\\s*(stadt|landkreis|kreisfreie stadt|kreis|krfr\\. stadt)$", "");
    n = n.replaceAll("^(landkreis|stadt|kreisfreie stadt)\\s+", "");
    return n.strip();
  }
}
