package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.Periods;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which area a row of a statistics file means: by official key (a leading zero lost in a
 * spreadsheet put back) – a key in the file always wins, so a row never lands on an area of another
 * level by its name –, and only where the file has no key by name without ", Landkreis", "Stadt"
 * and the like (reported as a warning, when exactly one area has that name); among areas of the
 * same key the one valid at the period (see {@link #area}).
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
    return area(cell, period, areas, a -> null, false, problems, reported);
  }

  /**
   * @param successors the area that took over from a dissolved one (null: none)
   * @param toSuccessor whether a number outside an area's validity is booked on its successor
   *     (otherwise skipped)
   * @return the area, {@link #SKIPPED} for a row of a known area outside its validity that is not
   *     imported, or null for an unknown area
   */
  static AreaRow area(
      StatisticsTable.Cell cell,
      String period,
      List<AreaRow> areas,
      java.util.function.Function<AreaRow, AreaRow> successors,
      boolean toSuccessor,
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
    Index index = areas instanceof Index i ? i : new Index(areas);
    List<AreaRow> byKey = k == null || k.isEmpty() ? List.of() : index.byKey(k);
    if (byKey.isEmpty() && k != null && !k.isEmpty()) {
      // a key in the file always wins: a Gemeinde key (16072011 „Sonneberg, Stadt“) never lands
      // on the Kreis of the same name (16072) – it is an unknown area
      return null;
    }
    if (byKey.isEmpty()) {
      String name = clean(cell.areaName());
      List<AreaRow> byName = index.byName(name);
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
    // a yearly or monthly figure whose period overlaps the area's validity is the area's value
    // (2021 for an area that existed until 30.06.2021)
    LocalDate start = Periods.start(period);
    List<AreaRow> overlapping =
        byKey.stream()
            .filter(a -> a.validFrom() == null || !a.validFrom().isAfter(day))
            .filter(a -> a.validTo() == null || !a.validTo().isBefore(start))
            .toList();
    if (overlapping.size() == 1) {
      return overlapping.get(0);
    }
    AreaRow gone = byKey.get(0);
    if (cell.value() == null) {
      // "-", ".", "x" … for a period in which the area did not exist: nothing to keep
      if (reported.add("gone:" + gone.id())) {
        problems.add(
            new StatisticsTable.Problem(
                cell.line(),
                "Zeitraum",
                "atlas.outsideValiditySkipped",
                gone.name() + " (" + validity(gone) + ")",
                false));
      }
      return SKIPPED;
    }
    // a real number outside the area's validity: reported per row, skipped or booked on the
    // successor as the user chose; it never blocks the other rows
    AreaRow successor = successors.apply(gone);
    if (toSuccessor && successor != null && successor.validOn(day)) {
      problems.add(
          new StatisticsTable.Problem(
              cell.line(),
              "Zeitraum",
              "atlas.outsideValidityToSuccessor",
              gone.name() + ", " + Periods.label(period) + " → " + successor.name(),
              false));
      return successor;
    }
    problems.add(
        new StatisticsTable.Problem(
            cell.line(),
            "Zeitraum",
            "atlas.outsideValidity",
            gone.name()
                + ", "
                + Periods.label(period)
                + " ("
                + validity(gone)
                + (successor == null ? "" : "; Nachfolger: " + successor.name())
                + ")",
            false));
    return SKIPPED;
  }

  /**
   * Returned for a row that names a known area outside its validity and is not imported: not an
   * unknown area, and nothing to write.
   */
  static final AreaRow SKIPPED =
      new AreaRow(null, null, "(übersprungen)", null, null, null, null, null, 0);

  private static String validity(AreaRow a) {
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
    if (a.validTo() != null && a.validFrom() != null) {
      return "bestand vom " + a.validFrom().format(f) + " bis " + a.validTo().format(f);
    }
    if (a.validTo() != null) {
      return "bestand bis " + a.validTo().format(f);
    }
    return "besteht seit " + a.validFrom().format(f);
  }

  /**
   * The tenant's areas by official key and by cleaned name, built once per import instead of a
   * search through all areas for every cell.
   */
  static final class Index extends java.util.AbstractList<AreaRow> {
    private final List<AreaRow> areas;
    private final java.util.Map<String, List<AreaRow>> byKey = new java.util.HashMap<>();
    private final java.util.Map<String, List<AreaRow>> byName = new java.util.HashMap<>();

    Index(List<AreaRow> areas) {
      this.areas = areas;
      for (AreaRow a : areas) {
        if (a.officialKey() != null) {
          byKey.computeIfAbsent(a.officialKey(), x -> new java.util.ArrayList<>()).add(a);
        }
        byName.computeIfAbsent(clean(a.name()), x -> new java.util.ArrayList<>()).add(a);
      }
    }

    List<AreaRow> byKey(String key) {
      return byKey.getOrDefault(key, List.of());
    }

    List<AreaRow> byName(String name) {
      return byName.getOrDefault(name, List.of());
    }

    @Override
    public AreaRow get(int i) {
      return areas.get(i);
    }

    @Override
    public int size() {
      return areas.size();
    }
  }

  /** The key as matched: a leading zero lost in a spreadsheet put back. */
  static String padded(String key) {
    return key != null && !key.isEmpty() && Set.of(1, 4, 7, 11).contains(key.length())
        ? "0" + key
        : key;
  }

  static String clean(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.GERMAN).strip();
    n = n.replaceAll(",\\s*(stadt|landkreis|kreisfreie stadt|kreis|krfr\\. stadt)$", "");
    n = n.replaceAll("^(landkreis|stadt|kreisfreie stadt)\\s+", "");
    return n.strip();
  }
}
