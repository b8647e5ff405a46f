package de.lagebild.atlas.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads official statistics as districts download them: the table CSV of GENESIS-Online and the Regionaldatenbank
 * Deutschland (semicolon, decimal comma, a header block with the table code and title, one or more header rows
 * naming the columns, data rows {@code period;key;name;value;…}, a line of underscores, notes, copyright and
 * "Stand"), and long CSV ({@code key;indicator;period;value}). Special values {@code - . x ... /} and the flags
 * {@code p r s} are kept; keys stay text (a leading zero that a spreadsheet dropped is put back and reported).
 */
final class StatisticsReader {

  enum Format { GENESIS, LONG }

  record Problem(int line, String field, String messageKey, String detail, boolean error) {}

  /** One figure: the column it came from, area key and name as written, period, number or special value, flags. */
  record Cell(int line, int column, String key, String areaName, String period, BigDecimal value, String special,
      String flags) {}

  record Column(int index, String label, String unit) {}

  record Result(Format format, String tableCode, String title, List<Column> columns, List<Cell> cells,
      List<Problem> problems, String source) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }
  }

  private static final Pattern TABLE = Pattern.compile("^Tabelle:\\s*(\\S+)");
  private static final Pattern KEY = Pattern.compile("^\\d{1,12}$");
  private static final Pattern FLAGGED = Pattern.compile("^(.*?)\\s*([prs]{1,3})$");
  private static final List<String> SPECIALS = List.of("-", ".", "x", "...", "/");

  private StatisticsReader() {
  }

  static Result read(String text) {
    List<String> lines = lines(text);
    String firstData = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (!text.contains(";")) {
      return new Result(Format.GENESIS, null, null, List.of(), List.of(), List.of(new Problem(1, "",
          "atlas.delimiter", delimiterOf(firstData), true)), null);
    }
    String header = firstData.toLowerCase(Locale.GERMAN).replace("\"", "");
    if (header.startsWith("schluessel;") || header.startsWith("schlüssel;") || header.startsWith("key;")
        || header.startsWith("ags;") || header.startsWith("ars;")) {
      return readLong(lines);
    }
    return readGenesis(lines);
  }

  /**
   * A long table in the first sheet of an XLSX (key, indicator, period, value – as shown; formulas are never
   * evaluated, their cached values are read), handed to the same reader as CSV.
   */
  static Result readXlsx(byte[] bytes) {
    org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01);
    StringBuilder csv = new StringBuilder();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(bytes))) {
      org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter(Locale.GERMANY);
      for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
          String v = cell == null ? ""
              : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                  ? (cell.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                      ? format.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
                      : cell.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.STRING
                          ? cell.getStringCellValue() : "")
                  : format.formatCellValue(cell);
          cells.add(v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        csv.append(String.join(";", cells)).append('\n');
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new de.lagebild.platform.DomainException("atlas.xlsxUnreadable");
    }
    return read(csv.toString());
  }

  private static String delimiterOf(String line) {
    return line.contains("\t") ? "Tabulator" : line.contains(",") ? "Komma" : "unbekannt";
  }

  // ---------------------------------------------------------------- GENESIS / Regionaldatenbank table

  private static Result readGenesis(List<String> lines) {
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
      boolean emptyStart = cellsOfLine.size() > 2 && cellsOfLine.get(0).isBlank() && cellsOfLine.get(1).isBlank();
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
    return new Result(Format.GENESIS, code, title, columns == null ? List.of() : columns, cells, problems, source);
  }

  private static boolean looksLikeData(List<String> cells) {
    return cells.size() >= 4 && !cells.get(0).isBlank() && KEY.matcher(cells.get(1).strip()).matches();
  }

  /** Column labels from the header rows: upper rows carry their label to the right until the next one. */
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
      result.add(new Column(c, parts.isEmpty() ? "Spalte " + (c + 1) : String.join(" – ", parts), unit));
    }
    return result;
  }

  private static boolean isUnit(String v) {
    String s = v.toLowerCase(Locale.GERMAN);
    return s.equals("anzahl") || s.equals("%") || s.equals("prozent") || s.startsWith("je ") || s.equals("eur")
        || s.equals("tsd.") || s.equals("1000") || s.equals("ha") || s.equals("km²");
  }

  // ---------------------------------------------------------------- long format

  private static Result readLong(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    List<String> header = split(lines.get(0).replace("\uFEFF", ""));
    int key = index(header, "schluessel", "schlüssel", "key", "ags", "ars");
    int indicator = index(header, "indikator", "indicator", "merkmal");
    int period = index(header, "zeitraum", "period", "periode", "jahr", "stichtag");
    int value = index(header, "wert", "value");
    int name = index(header, "name", "gebiet");
    for (String[] need : new String[][] {{"Indikator", String.valueOf(indicator)}, {"Zeitraum", String.valueOf(period)},
        {"Wert", String.valueOf(value)}}) {
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
      cells.add(cell(i + 1, columns.get(col), get(c, key), get(c, name), get(c, period), get(c, value), problems));
    }
    return new Result(Format.LONG, null, null, columns, cells, problems, null);
  }

  static int index(List<String> header, String... names) {
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.GERMAN);
      for (String n : names) {
        if (h.equals(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  static String get(List<String> cells, int i) {
    return i < 0 || i >= cells.size() ? "" : cells.get(i).strip();
  }

  // ---------------------------------------------------------------- values

  static Cell cell(int line, Column c, String key, String name, String period, String raw,
      List<Problem> problems) {
    String s = raw.strip();
    String flags = null;
    Matcher f = FLAGGED.matcher(s);
    if (f.matches() && !f.group(1).isEmpty() && (f.group(1).matches(".*\\d") || SPECIALS.contains(f.group(1)))) {
      s = f.group(1).strip();
      flags = f.group(2);
    }
    if (s.isEmpty()) {
      problems.add(new Problem(line, c.label(), "atlas.valueEmpty", key, false));
      return new Cell(line, c.index(), key, name, period, null, "...", flags);
    }
    if (SPECIALS.contains(s) || s.equals("…")) {
      return new Cell(line, c.index(), key, name, period, null, s.equals("…") ? "..." : s, flags);
    }
    BigDecimal value = number(s, line, c.label(), problems);
    return new Cell(line, c.index(), key, name, period, value, value == null ? "." : null, flags);
  }

  /** German numbers ({@code 1.234,5}); English ones ({@code 1,234.5}) are read and reported; others refused. */
  static BigDecimal number(String s, int line, String field, List<Problem> problems) {
    String t = s.replace(" ", "").replace("\u00a0", "");
    try {
      if (t.matches("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?") || t.matches("-?\\d+(,\\d+)?")) {
        return new BigDecimal(t.replace(".", "").replace(',', '.'));
      }
      if (t.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?") || t.matches("-?\\d+\\.\\d{1,2}") || t.matches("-?\\d+\\.\\d{4,}")) {
        problems.add(new Problem(line, field, "atlas.numberEnglish", s, false));
        return new BigDecimal(t.replace(",", ""));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Problem(line, field, "atlas.numberInvalid", s, true));
    return null;
  }

  /** Semicolon-separated cells; quoted cells may contain semicolons and doubled quotes. */
  static List<String> split(String line) {
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
      } else if (c == ';') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Lines, with line breaks inside quoted notes kept in their line. */
  static List<String> lines(String text) {
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
    if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1));
    }
    return lines;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
