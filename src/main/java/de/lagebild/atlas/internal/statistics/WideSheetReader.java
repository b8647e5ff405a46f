package de.lagebild.atlas.internal.statistics;

import static de.lagebild.atlas.internal.statistics.StatisticsTable.*;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Cell;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Column;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Format;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * Wide sheets: one row per area, one column per indicator (with the period asked for) or per year.
 */
final class WideSheetReader {

  private WideSheetReader() {}

  /**
   * A sheet as districts keep them: one row per area (key and/or name), one column per indicator or
   * one per year. A column headed by a period (2021, 31.12.2021, 2021-Q4) holds that period;
   * otherwise the period comes from a period column, else from {@code period} (asked in the
   * wizard), else it is an error.
   */
  static Result readWide(List<String> lines, String period) {
    List<Problem> problems = new ArrayList<>();
    List<String> header =
        split(lines.get(0).replace("\uFEFF", "")).stream().map(String::strip).toList();
    int key = index(header, KEY_NAMES);
    int name = index(header, "name", "gebiet", "gemeinde", "kreis", "gebietsname", "bezeichnung");
    int periodColumn = index(header, PERIOD_NAMES);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      rows.add(lines.get(i).isBlank() ? List.of() : split(lines.get(i)));
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (i == key || i == name || i == periodColumn || header.get(i).isEmpty()) {
        continue;
      }
      int col = i;
      boolean numbers =
          rows.stream()
              .map(r -> get(r, col))
              .filter(v -> !v.isEmpty())
              .anyMatch(
                  v ->
                      v.matches("-?[\\d.,\\s]*\\d[\\d.,\\s]*\\s*[prs]{0,3}")
                          || SPECIALS.contains(v));
      if (!numbers) {
        problems.add(new Problem(1, header.get(i), "atlas.wideTextColumn", header.get(i), false));
        continue;
      }
      String p = headerPeriod(header.get(i));
      columns.add(new Column(i, header.get(i), null, p));
    }
    boolean needsPeriod = periodColumn < 0 && columns.stream().anyMatch(c -> c.period() == null);
    if (needsPeriod && (period == null || period.isBlank())) {
      problems.add(new Problem(1, "Zeitraum", "atlas.widePeriodMissing", "", true));
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> row = rows.get(i - 1);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      for (Column c : columns) {
        String p =
            c.period() != null ? c.period() : periodColumn >= 0 ? get(row, periodColumn) : period;
        if (get(row, c.index()).isEmpty()) {
          problems.add(
              new Problem(
                  i + 1,
                  c.label(),
                  "atlas.wideEmpty",
                  get(row, key) + " " + get(row, name),
                  false));
          continue;
        }
        cells.add(
            cell(
                i + 1,
                c,
                get(row, key),
                get(row, name),
                p == null ? "" : p.strip(),
                get(row, c.index()),
                problems));
      }
    }
    return new Result(Format.WIDE, null, null, columns, cells, problems, null);
  }
}
