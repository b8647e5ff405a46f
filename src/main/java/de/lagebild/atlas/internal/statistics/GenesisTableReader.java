package de.lagebild.atlas.internal.statistics;

import static de.lagebild.atlas.internal.statistics.StatisticsTable.*;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Cell;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Column;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Format;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table CSV of GENESIS-Online and the Regionaldatenbank Deutschland: a header block with the
 * table code and title, header rows naming the columns, data rows {@code period;key;name;value;…},
 * a line of underscores, notes, copyright and "Stand".
 */
final class GenesisTableReader {

  private static final Pattern TABLE = Pattern.compile("^Tabelle:\\s*(\\S+)");

  private GenesisTableReader() {}

  static Result readGenesis(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    String code = null;
    String title = null;
    String source = null;
    List<List<String>> headerRows = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    List<Column> columns = null;
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
      if (columns == null && !looksLikeData(cellsOfLine)) {
        String text = String.join(" ", cellsOfLine).strip();
        if (title == null && !text.isEmpty()) {
          title = text;
        }
        continue;
      }
      if (columns == null) {
        columns = columns(headerRows, cellsOfLine.size());
        if (columns.isEmpty()) {
          problems.add(new Problem(no, "", "atlas.genesisNoHeader", "", true));
          break;
        }
      }
      if (!looksLikeData(cellsOfLine)) {
        problems.add(new Problem(no, "", "atlas.lineIgnored", abbreviate(line), false));
        continue;
      }
      String period = cellsOfLine.get(0).strip();
      String key = cellsOfLine.get(1).strip();
      String name = cellsOfLine.size() > 2 ? cellsOfLine.get(2).strip() : "";
      for (Column c : columns) {
        String raw = c.index() < cellsOfLine.size() ? cellsOfLine.get(c.index()) : "";
        cells.add(cell(no, c, key, name, period, raw, problems));
      }
    }
    if (columns == null && problems.isEmpty()) {
      problems.add(new Problem(0, "", "atlas.genesisNoData", "", true));
    }
    return new Result(
        Format.GENESIS,
        code,
        title,
        columns == null ? List.of() : columns,
        cells,
        problems,
        source);
  }

  private static boolean looksLikeData(List<String> cells) {
    return cells.size() >= 4
        && !cells.get(0).isBlank()
        && KEY.matcher(cells.get(1).strip()).matches();
  }

  /**
   * Column labels from the header rows: upper rows carry their label to the right until the next
   * one.
   */
  private static List<Column> columns(List<List<String>> headerRows, int width) {
    List<Column> result = new ArrayList<>();
    String[][] carried = new String[headerRows.size()][width];
    for (int r = 0; r < headerRows.size(); r++) {
      String last = "";
      for (int c = 3; c < width; c++) {
        String v = c < headerRows.get(r).size() ? headerRows.get(r).get(c).strip() : "";
        if (!v.isEmpty()) {
          last = v;
        }
        carried[r][c] = r < headerRows.size() - 1 ? last : v;
      }
    }
    for (int c = 3; c < width; c++) {
      List<String> parts = new ArrayList<>();
      String unit = null;
      for (int r = 0; r < headerRows.size(); r++) {
        String v = carried[r][c];
        if (v == null || v.isEmpty()) {
          continue;
        }
        if (r == headerRows.size() - 1 && headerRows.size() > 1 && isUnit(v)) {
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
