package de.lagebild.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as users' spreadsheets write it: lines (a line break inside quotes stays in its line, CR LF
 * or LF, a BOM at the start removed), cells separated by a semicolon or a comma, quoted cells with
 * doubled quotes inside.
 */
public final class CsvText {

  private CsvText() {}

  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && (c == '\n' || c == '\r')) {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        lines.add(line.toString());
        line.setLength(0);
        continue;
      }
      line.append(c);
    }
    lines.add(line.toString());
    if (lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1));
    }
    return lines;
  }

  public static List<String> split(String line, char separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * The whole text as rows of cells; the separator is the one (semicolon or comma) the first line
   * uses more.
   */
  public static List<List<String>> table(String text) {
    List<String> lines = lines(text);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    String first = lines.get(0);
    char separator =
        first.chars().filter(ch -> ch == ';').count()
                >= first.chars().filter(ch -> ch == ',').count()
            ? ';'
            : ',';
    List<List<String>> table = new ArrayList<>();
    for (String l : lines) {
      table.add(split(l, separator));
    }
    return table;
  }
}
