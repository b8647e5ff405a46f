package de.lagebild.atlas.internal.statistics;

import static de.lagebild.atlas.internal.statistics.StatisticsTable.*;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Cell;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Column;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Format;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import java.util.ArrayList;
import java.util.List;

/** Long tables: one row per figure, {@code key;indicator;period;value} (CSV or the first sheet). */
final class LongTableReader {

  private LongTableReader() {}

  static Result readLong(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    List<String> header = split(lines.get(0).replace("\uFEFF", ""));
    int key = index(header, KEY_NAMES);
    int indicator = index(header, INDICATOR_NAMES);
    int period = index(header, PERIOD_NAMES);
    int value = index(header, "wert", "value");
    int name = index(header, "name", "gebiet");
    for (String[] need :
        new String[][] {
          {"Indikator", String.valueOf(indicator)},
          {"Zeitraum", String.valueOf(period)},
          {"Wert", String.valueOf(value)}
        }) {
      if (need[1].equals("-1")) {
        problems.add(new Problem(1, need[0], "atlas.longHeader", need[0], true));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(Format.LONG, null, null, List.of(), List.of(), problems, null);
    }
    List<Column> columns = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> c = split(lines.get(i));
      String code = get(c, indicator);
      int col = codes.indexOf(code);
      if (col < 0) {
        codes.add(code);
        col = codes.size() - 1;
        columns.add(new Column(col, code, null));
      }
      cells.add(
          cell(
              i + 1,
              columns.get(col),
              get(c, key),
              get(c, name),
              get(c, period),
              get(c, value),
              problems));
    }
    return new Result(Format.LONG, null, null, columns, cells, problems, null);
  }
}
