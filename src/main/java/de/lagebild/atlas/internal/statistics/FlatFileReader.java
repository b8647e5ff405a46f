package de.lagebild.atlas.internal.statistics;

import static de.lagebild.atlas.internal.statistics.StatisticsTable.*;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Cell;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Column;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Format;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GENESIS flat file (ffcsv) in its 2024 layout and in the classic one: one row per figure with
 * the area variable found by its code, other variables splitting the indicator, quality marks as
 * flags.
 */
final class FlatFileReader {

  private FlatFileReader() {}

  /**
   * The flat file of GENESIS-Online (ffcsv, since 2024): one value per row, English column names
   * ({@code statistics_code; time; 1_variable_code; 1_variable_attribute_code;
   * 1_variable_attribute_label; …; value; value_unit; value_variable_code; value_variable_label;
   * value_q}). The variable whose attributes are areas (KREISE, GEMEIN, … or purely numeric codes)
   * gives key and name; every other variable splits the indicator ("Bevölkerungsstand – weiblich");
   * {@code value_q} carries the quality mark.
   */
  static Result readFlat(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    List<String> header =
        split(lines.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int time = header.indexOf("time");
    int timeLabel = header.indexOf("time_label");
    int value = header.indexOf("value");
    int unit = header.indexOf("value_unit");
    int code = header.indexOf("value_variable_code");
    int label = header.indexOf("value_variable_label");
    int quality = header.indexOf("value_q");
    int statistic = header.indexOf("statistics_code");
    List<Integer> variables = new ArrayList<>();
    for (int n = 1; header.contains(n + "_variable_code"); n++) {
      variables.add(n);
    }
    if (code < 0 && label < 0) {
      problems.add(
          new Problem(1, "value_variable_code", "atlas.longHeader", "value_variable_code", true));
      return new Result(Format.FLAT, null, null, List.of(), List.of(), problems, null);
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(split(lines.get(i)));
        rowLines.add(i + 1);
      }
    }
    // the area variable: a known GENESIS code, else the one whose attribute codes are all digits
    int area = -1;
    for (int n : variables) {
      int c = header.indexOf(n + "_variable_code");
      int a = header.indexOf(n + "_variable_attribute_code");
      boolean known =
          rows.stream().anyMatch(r -> AREA_VARIABLES.contains(get(r, c).toUpperCase(Locale.ROOT)));
      boolean digits =
          !rows.isEmpty() && rows.stream().allMatch(r -> KEY.matcher(get(r, a)).matches());
      if (known || (digits && area < 0)) {
        area = n;
        if (known) {
          break;
        }
      }
    }
    if (area < 0) {
      problems.add(new Problem(1, "1_variable_code", "atlas.flatNoArea", "", true));
      return new Result(Format.FLAT, null, null, List.of(), List.of(), problems, null);
    }
    int areaKey = header.indexOf(area + "_variable_attribute_code");
    int areaName = header.indexOf(area + "_variable_attribute_label");
    List<Column> columns = new ArrayList<>();
    Map<String, Column> byLabel = new LinkedHashMap<>();
    List<Cell> cells = new ArrayList<>();
    String table = null;
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int line = rowLines.get(r);
      if (table == null && statistic >= 0 && !get(row, statistic).isEmpty()) {
        table = get(row, statistic);
      }
      StringBuilder name =
          new StringBuilder(get(row, label).isEmpty() ? get(row, code) : get(row, label));
      StringBuilder variable = new StringBuilder(get(row, code));
      for (int n : variables) {
        if (n != area) {
          String attribute = get(row, header.indexOf(n + "_variable_attribute_label"));
          if (!attribute.isEmpty()
              && !attribute.equalsIgnoreCase("insgesamt")
              && !attribute.equalsIgnoreCase("total")) {
            name.append(" – ").append(attribute);
            variable.append('-').append(get(row, header.indexOf(n + "_variable_attribute_code")));
          }
        }
      }
      String u = get(row, unit);
      String v = code < 0 ? null : variable.toString();
      Column column =
          byLabel.computeIfAbsent(
              name.toString(),
              k -> {
                Column c = new Column(columns.size(), k, u.isEmpty() ? null : u, null, v);
                columns.add(c);
                return c;
              });
      String period = time >= 0 && !get(row, time).isEmpty() ? get(row, time) : get(row, timeLabel);
      String raw = get(row, value);
      String q = quality < 0 ? "" : get(row, quality).toLowerCase(Locale.ROOT);
      String flag =
          switch (q) {
            case "p", "v" -> "p";
            case "r", "b" -> "r";
            case "s", "g" -> "s";
            default -> "";
          };
      cells.add(
          cell(line, column, get(row, areaKey), get(row, areaName), period, raw + flag, problems));
    }
    return new Result(
        Format.FLAT,
        table,
        null,
        columns,
        cells,
        problems,
        "© Statistisches Bundesamt (Destatis) /" + " Statistische Ämter des Bundes und der Länder");
  }

  /**
   * The flat file as GENESIS wrote it until 2024: {@code Zeit; 1_Merkmal_Code; 1_Auspraegung_Code;
   * 1_Auspraegung_Label; …} and one column per value, named {@code CODE__Label__Einheit}, its
   * quality mark in {@code CODE__Label__q}.
   */
  static Result readFlatClassic(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    List<String> header = split(lines.get(0)).stream().map(String::strip).toList();
    List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    int time = lower.indexOf("zeit");
    int area = -1;
    for (int n = 1; lower.contains(n + "_merkmal_code"); n++) {
      int c = lower.indexOf(n + "_merkmal_code");
      int n2 = n;
      if (lines.size() > 1
          && AREA_VARIABLES.contains(get(split(lines.get(1)), c).toUpperCase(Locale.ROOT))) {
        area = n2;
      }
    }
    if (area < 0) {
      area = 1;
    }
    int areaKey = lower.indexOf(area + "_auspraegung_code");
    int areaName = lower.indexOf(area + "_auspraegung_label");
    List<Column> columns = new ArrayList<>();
    List<Integer> qualities = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String[] parts = header.get(i).split("__");
      if (parts.length >= 2 && !parts[parts.length - 1].equalsIgnoreCase("q")) {
        String unit = parts.length >= 3 ? parts[parts.length - 1].replace('_', ' ') : null;
        columns.add(new Column(i, parts[1].replace('_', ' '), unit, null, parts[0].strip()));
        qualities.add(lower.indexOf((parts[0] + "__" + parts[1] + "__q").toLowerCase(Locale.ROOT)));
      }
    }
    if (columns.isEmpty() || areaKey < 0) {
      problems.add(new Problem(1, "", "atlas.genesisNoHeader", "", true));
      return new Result(Format.FLAT, null, null, List.of(), List.of(), problems, null);
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = split(lines.get(i));
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        String q = get(row, qualities.get(c)).toLowerCase(Locale.ROOT);
        String flag =
            q.equals("p") || q.equals("v") ? "p" : q.equals("r") ? "r" : q.equals("s") ? "s" : "";
        cells.add(
            cell(
                i + 1,
                column,
                get(row, areaKey),
                get(row, areaName),
                get(row, time),
                get(row, column.index()) + flag,
                problems));
      }
    }
    return new Result(Format.FLAT, null, null, columns, cells, problems, null);
  }
}
