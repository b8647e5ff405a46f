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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table CSV of GENESIS-Online and the Regionaldatenbank Deutschland: a header block with the
 * table code and title, header rows naming the columns, data rows {@code period;key;name;value;…},
 * a line of underscores, notes, copyright and "Stand".
 */
final class GenesisTableReader {

  private static final Pattern TABLE = Pattern.compile("^(?:GENESIS-)?Tabelle:\\s*(\\S+)");

  private GenesisTableReader() {}

  /**
   * A period stated above the header instead of in a column: „Stichtag: 30.06.2020“, „Jahr: 2016“,
   * „31.12.2019“, „Stichtag 31.12. – 2019“.
   */
  private static final Pattern BLOCK_PERIOD =
      Pattern.compile(
          "(?i)^(?:(?:stichtag|jahr|berichtsjahr|zeitraum|zeit)\\s*:?\\s*)?"
              + "(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4})$");

  private static final Pattern BLOCK_DAY_YEAR =
      Pattern.compile("(?i)^(?:stichtag\\s*)?(\\d{1,2})\\.(\\d{1,2})\\.\\s*[–-]\\s*(\\d{4})$");

  static Result readGenesis(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    String code = null;
    String title = null;
    String source = null;
    String blockPeriod = null;
    String unitLine = null;
    List<List<String>> headerRows = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    List<Column> columns = null;
    int first = 3;
    // value columns split by the text of row dimensions (Geschlecht, Altersgruppe …)
    Map<String, Column> split = new LinkedHashMap<>();
    boolean footer = false;
    for (int i = 0; i < lines.size(); i++) {
      int no = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("___")) {
        footer = true;
        continue;
      }
      if (footer) {
        if (line.startsWith("©") || line.startsWith("(C)")) {
          source = line.strip();
        }
        continue;
      }
      List<String> cellsOfLine = split(line);
      Matcher t = TABLE.matcher(cellsOfLine.get(0));
      if (t.find()) {
        code = t.group(1);
        continue;
      }
      boolean emptyStart =
          cellsOfLine.size() > 2 && cellsOfLine.get(0).isBlank() && cellsOfLine.get(1).isBlank();
      if (columns == null && emptyStart) {
        headerRows.add(cellsOfLine);
        continue;
      }
      int keyColumn = keyColumn(cellsOfLine, blockPeriod);
      if (columns == null && keyColumn < 0) {
        String text = String.join(" ", cellsOfLine).strip();
        String period = blockPeriod(text);
        if (period != null && blockPeriod == null) {
          blockPeriod = period;
        } else if (!text.isEmpty()) {
          if (title == null) {
            title = text;
          }
          if (UNIT_IN_PARENTHESES.matcher(text).find()) {
            unitLine = text;
          }
        }
        continue;
      }
      if (columns == null) {
        first = firstValueColumn(headerRows, keyColumn);
        columns = columns(headerRows, cellsOfLine.size(), first);
        if (columns.isEmpty()) {
          problems.add(new Problem(no, "", "atlas.genesisNoHeader", "", true));
          break;
        }
      }
      if (keyColumn < 0) {
        problems.add(new Problem(no, "", "atlas.lineIgnored", abbreviate(line), false));
        continue;
      }
      String period = keyColumn == 1 ? cellsOfLine.get(0).strip() : blockPeriod;
      String key = cellsOfLine.get(keyColumn).strip();
      String name =
          cellsOfLine.size() > keyColumn + 1 ? cellsOfLine.get(keyColumn + 1).strip() : "";
      List<String> dims = new ArrayList<>();
      for (int d = keyColumn + 2; d < first && d < cellsOfLine.size(); d++) {
        String v = cellsOfLine.get(d).strip();
        if (!v.isEmpty()) {
          dims.add(v);
        }
      }
      String dimension = String.join(" – ", dims);
      for (Column c : columns) {
        String raw = c.index() < cellsOfLine.size() ? cellsOfLine.get(c.index()) : "";
        Column target = c;
        if (!dimension.isEmpty()) {
          target =
              split.computeIfAbsent(
                  c.index() + "|" + dimension,
                  k ->
                      new Column(
                          SPLIT_BASE + split.size(),
                          c.label() + " – " + dimension,
                          c.unit(),
                          c.period()));
        }
        cells.add(cell(no, target, key, name, period, raw, problems));
      }
    }
    if (columns == null && problems.isEmpty()) {
      problems.add(new Problem(0, "", "atlas.genesisNoData", "", true));
    }
    List<Column> result = columns == null ? List.of() : columns;
    if (!split.isEmpty()) {
      result = List.copyOf(split.values());
    }
    result = withUnits(result, unitLine);
    return new Result(Format.GENESIS, code, title, result, cells, problems, source);
  }

  /** A unit in parentheses at the end of a label or title: „Hektarerträge (dt/ha)“. */
  private static final Pattern UNIT_IN_PARENTHESES = Pattern.compile("\\(([^()]{1,15})\\)\\s*$");

  /**
   * Columns without a unit row take the unit from the end of their label („Hektarerträge (dt/ha)“)
   * or of the table's title („… (Anzahl)“); labels stay whole.
   */
  static List<Column> withUnits(List<Column> columns, String title) {
    String fromTitle = null;
    if (title != null) {
      Matcher m = UNIT_IN_PARENTHESES.matcher(title);
      if (m.find() && unitLike(m.group(1).strip())) {
        fromTitle = m.group(1).strip();
      }
    }
    List<Column> result = new ArrayList<>(columns.size());
    for (Column c : columns) {
      String unit = c.unit();
      if (unit == null) {
        Matcher m = UNIT_IN_PARENTHESES.matcher(c.label());
        unit = m.find() && unitLike(m.group(1).strip()) ? m.group(1).strip() : fromTitle;
      }
      result.add(unit == c.unit() ? c : new Column(c.index(), c.label(), unit, c.period()));
    }
    return result;
  }

  /**
   * What reads as a unit in parentheses – „Anzahl“, „%“, „EUR“, „dt/ha“, „km²“ – and not as a code
   * such as the Wirtschaftszweig „(A)“ or „(B-F)“.
   */
  static boolean unitLike(String v) {
    return isUnit(v)
        || v.matches(".*[/²³%€].*")
        || Set.of(
                "personen",
                "euro",
                "tonnen",
                "t",
                "kg",
                "stunden",
                "std.",
                "tage",
                "jahre",
                "mio.",
                "mrd.")
            .contains(v.toLowerCase(Locale.GERMAN));
  }

  /** Where the columns split by row dimensions are numbered from (the file's own stay below). */
  static final int SPLIT_BASE = 1000;

  /**
   * The column of the area key: 1 after a period column ({@code 2020;16062;Nordhausen;…}), 0 when
   * the period stands above the table ({@code 16062;Nordhausen;…}); -1 for a line that is no data.
   */
  private static int keyColumn(List<String> cells, String blockPeriod) {
    if (cells.size() >= 4
        && !cells.get(0).isBlank()
        && KEY.matcher(cells.get(1).strip()).matches()) {
      return 1;
    }
    if (blockPeriod != null
        && cells.size() >= 3
        && KEY.matcher(cells.get(0).strip()).matches()
        && !cells.get(1).isBlank()) {
      return 0;
    }
    return -1;
  }

  /**
   * The first value column: the header rows leave the columns of period, key, name and row
   * dimensions empty (the fewest empty cells at the start of a header row count).
   */
  private static int firstValueColumn(List<List<String>> headerRows, int keyColumn) {
    int first = Integer.MAX_VALUE;
    for (List<String> row : headerRows) {
      int blank = 0;
      while (blank < row.size() && row.get(blank).isBlank()) {
        blank++;
      }
      if (blank < row.size()) {
        first = Math.min(first, blank);
      }
    }
    int least = keyColumn + 2;
    return first == Integer.MAX_VALUE ? least : Math.max(least, first);
  }

  /** The period of a line above the header, as written (null: not a period). */
  static String blockPeriod(String text) {
    String s = text.strip();
    Matcher m = BLOCK_PERIOD.matcher(s);
    if (m.matches()) {
      return m.group(1);
    }
    m = BLOCK_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return String.format(
          "%02d.%02d.%s", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }
    return null;
  }

  /**
   * Column labels from the header rows: upper rows carry their label to the right until the next
   * one, but never past the end of the group above (13211-02-05-4: the empty cell under „Arbeits-
   * losenquote“ is the quota of all, not the „langzeitarbeitslos“ of the group before).
   */
  private static List<Column> columns(List<List<String>> headerRows, int width, int first) {
    List<Column> result = new ArrayList<>();
    String[][] carried = new String[headerRows.size()][width];
    for (int r = 0; r < headerRows.size(); r++) {
      String last = "";
      for (int c = first; c < width; c++) {
        String v = c < headerRows.get(r).size() ? headerRows.get(r).get(c).strip() : "";
        for (int above = 0; above < r && c > first; above++) {
          if (!carried[above][c].equals(carried[above][c - 1])) {
            last = ""; // a new group starts above
          }
        }
        if (!v.isEmpty()) {
          last = v;
        }
        carried[r][c] = r < headerRows.size() - 1 ? last : v;
      }
    }
    // a row that names a variable over all its columns („Nationalität“, „Geschlecht“) labels the
    // values of the row below: „Nationalität: Ausländer(innen)“
    boolean[] nameRow = new boolean[headerRows.size()];
    for (int r = 0; r < headerRows.size() - 1; r++) {
      // written out in every column, not a heading written once and spanning the columns
      java.util.Set<String> distinct = new java.util.HashSet<>();
      int filled = 0;
      for (int c = first; c < width; c++) {
        String v = c < headerRows.get(r).size() ? headerRows.get(r).get(c).strip() : "";
        if (!v.isEmpty()) {
          distinct.add(v);
          filled++;
        }
      }
      nameRow[r] =
          distinct.size() == 1
              && width - first > 1
              && filled == width - first
              && !isUnit(distinct.iterator().next());
    }
    for (int c = first; c < width; c++) {
      List<String> parts = new ArrayList<>();
      String unit = null;
      for (int r = 0; r < headerRows.size(); r++) {
        String v = carried[r][c];
        if (v == null || v.isEmpty()) {
          continue;
        }
        if (nameRow[r] && carried[r + 1][c] != null && !carried[r + 1][c].isEmpty()) {
          parts.add(v + ": " + carried[r + 1][c]);
          r++;
        } else if (r == headerRows.size() - 1 && headerRows.size() > 1 && isUnit(v)) {
          unit = v;
        } else if (!parts.contains(v)) {
          parts.add(v);
        }
      }
      result.add(
          new Column(c, parts.isEmpty() ? "Spalte " + (c + 1) : String.join(" – ", parts), unit));
    }
    return result;
  }

  private static boolean isUnit(String v) {
    String s = v.toLowerCase(Locale.GERMAN);
    return s.equals("anzahl")
        || s.equals("%")
        || s.equals("prozent")
        || s.startsWith("je ")
        || s.equals("eur")
        || s.equals("tsd.")
        || s.equals("1000")
        || s.equals("ha")
        || s.equals("km²");
  }
}
