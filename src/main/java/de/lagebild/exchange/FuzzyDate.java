package de.lagebild.exchange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as planners write it – "III. Quartal 2019", "bis Ende 2020", "fortlaufend", "2019-2021" –
 * with the original text kept and the earliest and latest day it can mean derived from it. Text
 * that cannot be read stays as text ({@link #understood()} is false) so that nothing is lost.
 *
 * @param text the original text, trimmed
 * @param earliest first day the text can mean (null when open at the start or not understood)
 * @param latest last day the text can mean (null when open-ended or not understood)
 * @param precision how precise the text is
 */
public record FuzzyDate(String text, LocalDate earliest, LocalDate latest, Precision precision) {

  /** How precise a fuzzy date is. */
  public enum Precision {
    DAY,
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR,
    RANGE,
    OPEN_ENDED,
    UNKNOWN;

    public String labelKey() {
      return "precision." + name();
    }
  }

  public static final FuzzyDate EMPTY = new FuzzyDate("", null, null, Precision.UNKNOWN);

  public boolean understood() {
    return precision != Precision.UNKNOWN;
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("januar", 1),
          Map.entry("jan", 1),
          Map.entry("jänner", 1),
          Map.entry("februar", 2),
          Map.entry("feb", 2),
          Map.entry("märz", 3),
          Map.entry("maerz", 3),
          Map.entry("mär", 3),
          Map.entry("april", 4),
          Map.entry("apr", 4),
          Map.entry("mai", 5),
          Map.entry("juni", 6),
          Map.entry("jun", 6),
          Map.entry("juli", 7),
          Map.entry("jul", 7),
          Map.entry("august", 8),
          Map.entry("aug", 8),
          Map.entry("september", 9),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("oktober", 10),
          Map.entry("okt", 10),
          Map.entry("november", 11),
          Map.entry("nov", 11),
          Map.entry("dezember", 12),
          Map.entry("dez", 12));

  private static final Map<String, Integer> ROMAN = Map.of("i", 1, "ii", 2, "iii", 3, "iv", 4);

  private static final String YEAR = "((?:19|20)\\d{2})";
  private static final Pattern DAY = Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?" + YEAR);
  private static final Pattern ISO = Pattern.compile(YEAR + "-(\\d{2})-(\\d{2})");
  private static final Pattern NUMERIC_MONTH = Pattern.compile("(\\d{1,2})\\s?[/.]\\s?" + YEAR);
  private static final Pattern NAMED_MONTH = Pattern.compile("([a-zäöü]+)\\.?\\s+" + YEAR);
  private static final Pattern QUARTER =
      Pattern.compile(
          "(?:(i{1,3}|iv)\\.?|([1-4])\\.?)\\s*(?:quartal|qu\\.?|q\\.?)\\s*"
              + YEAR
              + "|q([1-4])\\s*[/ ]?\\s*"
              + YEAR);
  private static final Pattern HALF =
      Pattern.compile("(?:(i{1,2})\\.?|([12])\\.?)\\s*(?:halbjahr|hj\\.?)\\s*" + YEAR);
  private static final Pattern PART_OF_YEAR =
      Pattern.compile("(anfang|beginn|mitte|ende)\\s+(?:des\\s+jahres\\s+)?" + YEAR);
  private static final Pattern JUST_YEAR = Pattern.compile(YEAR);
  private static final Pattern OPEN =
      Pattern.compile(
          "fortlaufend|laufend|dauerhaft|kontinuierlich|ständig|regelmäßig|jährlich|unbefristet|dauerauftrag");

  /** Reads {@code raw}; never throws. */
  public static FuzzyDate parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return EMPTY;
    }
    String text = raw.strip().replaceAll("\\s+", " ");
    String s =
        text.toLowerCase(Locale.GERMAN)
            .replace('–', '-')
            .replace('—', '-')
            .replace("bis zum ", "bis ")
            .replace("bis spätestens ", "bis ")
            .replaceAll("^(zeitraum|termin|umsetzung|start|beginn)\\s*:\\s*", "");
    try {
      return parseNormalized(text, s);
    } catch (RuntimeException invalidCalendarDate) {
      return new FuzzyDate(text, null, null, Precision.UNKNOWN);
    }
  }

  private static FuzzyDate parseNormalized(String text, String s) {
    // ranges: "2019-2021", "01.01.2016 - 30.06.2016", "III. Quartal 2019 bis Ende 2020"
    String[] range = s.split("\\s*(?:-|\\bbis\\b)\\s*", 2);
    if (range.length == 2 && !range[0].isBlank() && !range[1].isBlank()) {
      FuzzyDate from = single(text, range[0]);
      FuzzyDate to = single(text, range[1]);
      if (from.understood()
          && to.understood()
          && from.earliest() != null
          && to.latest() != null
          && !to.latest().isBefore(from.earliest())) {
        return new FuzzyDate(text, from.earliest(), to.latest(), Precision.RANGE);
      }
    }
    // "bis Ende 2020", "spätestens 2021": open start, known end
    Matcher until = Pattern.compile("^(?:bis|spätestens|längstens)\\s+(.+)$").matcher(s);
    if (until.matches()) {
      FuzzyDate end = single(text, until.group(1));
      if (end.understood()) {
        return new FuzzyDate(text, null, end.latest(), end.precision());
      }
    }
    // "ab 2019", "seit III. Quartal 2019", "ab 2019 fortlaufend": known start, open end
    Matcher since =
        Pattern.compile(
                "^(?:ab|seit|beginnend|ab dem|ab der)\\s+(.+?)(?:\\s+fortlaufend|\\s+laufend)?$")
            .matcher(s);
    if (since.matches()) {
      FuzzyDate start = single(text, since.group(1));
      if (start.understood()) {
        return new FuzzyDate(text, start.earliest(), null, Precision.OPEN_ENDED);
      }
    }
    if (OPEN.matcher(s).find()) {
      Matcher y = JUST_YEAR.matcher(s);
      LocalDate start = y.find() ? LocalDate.of(Integer.parseInt(y.group(1)), 1, 1) : null;
      return new FuzzyDate(text, start, null, Precision.OPEN_ENDED);
    }
    return single(text, s);
  }

  private static FuzzyDate single(String text, String s) {
    s = s.strip();
    Matcher m = DAY.matcher(s);
    if (m.matches()) {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(1)));
      return new FuzzyDate(text, d, d, Precision.DAY);
    }
    m = ISO.matcher(s);
    if (m.matches()) {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return new FuzzyDate(text, d, d, Precision.DAY);
    }
    m = QUARTER.matcher(s);
    if (m.matches()) {
      int q =
          m.group(1) != null
              ? ROMAN.get(m.group(1))
              : m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(4));
      int year = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
      YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
      return new FuzzyDate(
          text, first.atDay(1), first.plusMonths(2).atEndOfMonth(), Precision.QUARTER);
    }
    m = HALF.matcher(s);
    if (m.matches()) {
      int h = m.group(1) != null ? ROMAN.get(m.group(1)) : Integer.parseInt(m.group(2));
      int year = Integer.parseInt(m.group(3));
      YearMonth first = YearMonth.of(year, h == 1 ? 1 : 7);
      return new FuzzyDate(
          text, first.atDay(1), first.plusMonths(5).atEndOfMonth(), Precision.HALF_YEAR);
    }
    m = PART_OF_YEAR.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(2));
      return switch (m.group(1)) {
        case "anfang", "beginn" ->
            new FuzzyDate(
                text, LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31), Precision.QUARTER);
        case "mitte" ->
            new FuzzyDate(
                text, LocalDate.of(year, 4, 1), LocalDate.of(year, 9, 30), Precision.HALF_YEAR);
        default ->
            new FuzzyDate(
                text, LocalDate.of(year, 10, 1), LocalDate.of(year, 12, 31), Precision.QUARTER);
      };
    }
    m = NAMED_MONTH.matcher(s);
    if (m.matches() && MONTHS.containsKey(m.group(1))) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)));
      return new FuzzyDate(text, ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH);
    }
    m = NUMERIC_MONTH.matcher(s);
    if (m.matches()) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      return new FuzzyDate(text, ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH);
    }
    m = JUST_YEAR.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      return new FuzzyDate(
          text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR);
    }
    return new FuzzyDate(text, null, null, Precision.UNKNOWN);
  }

  /** Rebuilds a value from stored columns. */
  public static FuzzyDate of(String text, LocalDate earliest, LocalDate latest, String precision) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    return new FuzzyDate(
        text,
        earliest,
        latest,
        precision == null ? Precision.UNKNOWN : Precision.valueOf(precision));
  }
}
