package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.exchange.CsvText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every statistics reader produces – columns, cells (one figure each: area key and name as
 * written, period, number or special value, flags), problems with line and field – and the rules
 * they share: German numbers, special values {@code - . x ... /}, flags {@code p r s}, header
 * names.
 */
final class StatisticsTable {

  private StatisticsTable() {}

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
  /**
   * A value column: its label, unit, the period it stands for (wide sheets) and, where the file has
   * one, the variable code (GENESIS {@code BEV001}, with the codes of split variables, e.g. {@code
   * BEV001-GESW}) – the same in the German and the English flat file.
   */
  record Column(int index, String label, String unit, String period, String code) {
    Column(int index, String label, String unit, String period) {
      this(index, label, unit, period, null);
    }

    Column(int index, String label, String unit) {
      this(index, label, unit, null, null);
    }

    /** What identifies the column across downloads: the variable code, else the label. */
    String identity() {
      return code != null && !code.isBlank() ? code : label;
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

  static final Pattern KEY = Pattern.compile("^\\d{1,12}$");
  static final Pattern FLAGGED = Pattern.compile("^(.*?)\\s*([prs]{1,3})$");
  static final List<String> SPECIALS = List.of("-", ".", "x", "...", "/");
  static final String[] KEY_NAMES = {
    "schluessel",
    "schlüssel",
    "key",
    "ags",
    "ars",
    "regionalschlüssel",
    "gemeindeschlüssel",
    "kennziffer"
  };
  static final String[] INDICATOR_NAMES = {"indikator", "indicator", "merkmal"};
  static final String[] PERIOD_NAMES = {"zeitraum", "period", "periode", "jahr", "stichtag"};

  /** GENESIS variables whose attributes are areas. */
  static final List<String> AREA_VARIABLES =
      List.of(
          "DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB", "GEMTEIL", "REGLKR", "REGRBZ",
          "REGGEM");

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
    return CsvText.lines(text, ';');
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
