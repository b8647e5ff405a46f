package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.exchange.CsvText;
import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads official statistics as districts download them: the table CSV of GENESIS-Online and the
 * Regionaldatenbank Deutschland (semicolon, decimal comma, a header block with the table code and
 * title, one or more header rows naming the columns, data rows {@code period;key;name;value;…}, a
 * line of underscores, notes, copyright and "Stand"), and long CSV ({@code
 * key;indicator;period;value}). Special values {@code - . x ... /} and the flags {@code p r s} are
 * kept; keys stay text (a leading zero that a spreadsheet dropped is put back and reported).
 */
final class StatisticsReader {

  enum Format {
    GENESIS,
    LONG,
    FLAT,
    WIDE
  }

  record Problem(int line, String field, String messageKey, String detail, boolean error) {}

  /**
   * One figure: the column it came from, area key and name as written, period, number or special
   * value, flags.
   */
  record Cell(
      int line,
      int column,
      String key,
      String areaName,
      String period,
      BigDecimal value,
      String special,
      String flags) {}

  /**
   * A column of values; {@code period} is set when the header itself is a period (wide sheets, one
   * column per year).
   */
  record Column(int index, String label, String unit, String period) {
    Column(int index, String label, String unit) {
      this(index, label, unit, null);
    }
  }

  record Result(
      Format format,
      String tableCode,
      String title,
      List<Column> columns,
      List<Cell> cells,
      List<Problem> problems,
      String source) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }
  }

  private static final Pattern TABLE = Pattern.compile("^Tabelle:\\s*(\\S+)");
  private static final Pattern KEY = Pattern.compile("^\\d{1,12}$");
  private static final Pattern FLAGGED = Pattern.compile("^(.*?)\\s*([prs]{1,3})$");
  private static final List<String> SPECIALS = List.of("-", ".", "x", "...", "/");
  private static final String[] KEY_NAMES = {
    "schluessel",
    "schlüssel",
    "key",
    "ags",
    "ars",
    "regionalschlüssel",
    "gemeindeschlüssel",
    "kennziffer"
  };
  private static final String[] INDICATOR_NAMES = {"indikator", "indicator", "merkmal"};
  private static final String[] PERIOD_NAMES = {
    "zeitraum", "period", "periode", "jahr", "stichtag"
  };

  /** GENESIS variables whose attributes are areas. */
  private static final List<String> AREA_VARIABLES =
      List.of(
          "DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB", "GEMTEIL", "REGLKR", "REGRBZ",
          "REGGEM");

  private StatisticsReader() {}

  static Result read(String text) {
    return read(text, null);
  }

  /**
   * @param period the period of a wide sheet whose columns are indicators and that has no period
   *     column (the wizard asks for it); ignored by the other layouts
   */
  static Result read(String text, String period) {
    List<String> lines = lines(text);
    String firstData = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (!text.contains(";")) {
      return new Result(
          Format.GENESIS,
          null,
          null,
          List.of(),
          List.of(),
          List.of(new Problem(1, "", "atlas.delimiter", delimiterOf(firstData), true)),
          null);
    }
    List<String> header =
        split(firstData.replace("\uFEFF", "")).stream()
            .map(h -> h.strip().toLowerCase(Locale.GERMAN))
            .toList();
    if (header.contains("value") && (header.contains("time") || header.contains("time_code"))) {
      return readFlat(lines);
    }
    if (header.contains("zeit") && header.stream().anyMatch(h -> h.endsWith("_auspraegung_code"))) {
      return readFlatClassic(lines);
    }
    boolean keyed = index(header, KEY_NAMES) >= 0;
    if (keyed && index(header, INDICATOR_NAMES) >= 0) {
      return readLong(lines);
    }
    if (keyed || index(header, "name", "gebiet", "gemeinde", "kreis") == 0) {
      return readWide(lines, period);
    }
    return readGenesis(lines);
  }

  /**
   * A long table in the first sheet of an XLSX (key, indicator, period, value – as shown; formulas
   * are never evaluated, their cached values are read), handed to the same reader as CSV.
   */
  static Result readXlsx(byte[] bytes) {
    return readXlsx(bytes, null);
  }

  /**
   * The first sheet as a long or wide table; {@code period} as in {@link #read(String, String)}.
   */
  static Result readXlsx(byte[] bytes, String period) {
    ZipSecureFile.setMinInflateRatio(0.01);
    StringBuilder csv = new StringBuilder();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter format = new DataFormatter(Locale.GERMANY);
      for (Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
          String v =
              cell == null
                  ? ""
                  : cell.getCellType() == CellType.FORMULA
                      ? (cell.getCachedFormulaResultType() == CellType.NUMERIC
                          ? format.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
                          : cell.getCachedFormulaResultType() == CellType.STRING
                              ? cell.getStringCellValue()
                              : "")
                      : format.formatCellValue(cell);
          cells.add(
              v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        csv.append(String.join(";", cells)).append('\n');
      }
    } catch (IOException | RuntimeException e) {
      throw new DomainException("atlas.xlsxUnreadable");
    }
    return read(csv.toString(), period);
  }

  /**
   * The CSV inside a ZIP as GENESIS delivers flat files (one {@code *_flat.csv} per archive), or
   * null when the archive is something else (an XLSX). Sizes are limited: at most 200 MB unpacked
   * and 10 entries.
   */
  static byte[] unzipCsv(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      int entries = 0;
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > 10) {
          return null;
        }
        String n = e.getName().toLowerCase(Locale.ROOT);
        if (n.equals("[content_types].xml")) {
          return null;
        }
        if (!e.isDirectory() && n.endsWith(".csv")) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] buffer = new byte[65536];
          long total = 0;
          for (int r; (r = zip.read(buffer)) > 0; ) {
            total += r;
            if (total > 200L * 1024 * 1024) {
              throw new DomainException("atlas.zipTooLarge");
            }
            out.write(buffer, 0, r);
          }
          return out.toByteArray();
        }
      }
      return null;
    } catch (IOException ex) {
      throw new DomainException("atlas.zipUnreadable");
    }
  }

  private static String delimiterOf(String line) {
    return line.contains("\t") ? "Tabulator" : line.contains(",") ? "Komma" : "unbekannt";
  }

  // ---------------------------------------------------------------- GENESIS / Regionaldatenbank
  // table

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

  // ---------------------------------------------------------------- long format

  private static Result readLong(List<String> lines) {
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

  // ---------------------------------------------------------------- GENESIS flat file (ffcsv)

  /**
   * The flat file of GENESIS-Online (ffcsv, since 2024): one value per row, English column names
   * ({@code statistics_code; time; 1_variable_code; 1_variable_attribute_code;
   * 1_variable_attribute_label; …; value; value_unit; value_variable_code; value_variable_label;
   * value_q}). The variable whose attributes are areas (KREISE, GEMEIN, … or purely numeric codes)
   * gives key and name; every other variable splits the indicator ("Bevölkerungsstand – weiblich");
   * {@code value_q} carries the quality mark.
   */
  private static Result readFlat(List<String> lines) {
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
      for (int n : variables) {
        if (n != area) {
          String attribute = get(row, header.indexOf(n + "_variable_attribute_label"));
          if (!attribute.isEmpty() && !attribute.equalsIgnoreCase("insgesamt")) {
            name.append(" – ").append(attribute);
          }
        }
      }
      String u = get(row, unit);
      Column column =
          byLabel.computeIfAbsent(
              name.toString(),
              k -> {
                Column c = new Column(columns.size(), k, u.isEmpty() ? null : u);
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
  private static Result readFlatClassic(List<String> lines) {
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
        columns.add(new Column(i, parts[1].replace('_', ' '), unit));
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

  // ---------------------------------------------------------------- wide sheets

  /**
   * A sheet as districts keep them: one row per area (key and/or name), one column per indicator or
   * one per year. A column headed by a period (2021, 31.12.2021, 2021-Q4) holds that period;
   * otherwise the period comes from a period column, else from {@code period} (asked in the
   * wizard), else it is an error.
   */
  private static Result readWide(List<String> lines, String period) {
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

  /** The period a column header names, or null. */
  static String headerPeriod(String label) {
    String t = label.strip();
    if (!t.matches(
        "(\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-(Q[1-4]|\\d{2}(-\\d{2})?)|[1-4]\\. Quartal \\d{4})")) {
      return null;
    }
    try {
      return Periods.normalise(t);
    } catch (RuntimeException e) {
      return null;
    }
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

  static Cell cell(
      int line,
      Column c,
      String key,
      String name,
      String period,
      String raw,
      List<Problem> problems) {
    String s = raw.strip();
    String flags = null;
    Matcher f = FLAGGED.matcher(s);
    if (f.matches()
        && !f.group(1).isEmpty()
        && (f.group(1).matches(".*\\d") || SPECIALS.contains(f.group(1)))) {
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

  /**
   * German numbers ({@code 1.234,5}); English ones ({@code 1,234.5}) are read and reported; others
   * refused.
   */
  static BigDecimal number(String s, int line, String field, List<Problem> problems) {
    String t = s.replace(" ", "").replace("\u00a0", "");
    try {
      if (t.matches("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?") || t.matches("-?\\d+(,\\d+)?")) {
        return new BigDecimal(t.replace(".", "").replace(',', '.'));
      }
      if (t.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")
          || t.matches("-?\\d+\\.\\d{1,2}")
          || t.matches("-?\\d+\\.\\d{4,}")) {
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
    return CsvText.split(line, ';');
  }

  /** Lines, with line breaks inside quoted notes kept in their line. */
  static List<String> lines(String text) {
    return CsvText.lines(text);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
