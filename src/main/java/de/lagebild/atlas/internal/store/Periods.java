package de.lagebild.atlas.internal.store;

import de.lagebild.platform.DomainException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods of statistical values as text: a year ({@code 2019}), a quarter ({@code 2019-Q4}), a
 * month ({@code 2019-12}) or a day ({@code 2019-12-31}); also the German spellings {@code
 * 31.12.2019}, {@code 12/2019} and {@code 4. Quartal 2019}. Each has an end date, by which periods
 * are ordered.
 */
public final class Periods {

  private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
  private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
  private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
  private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  private static final Pattern GERMAN_DAY = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$");
  private static final Pattern GERMAN_MONTH = Pattern.compile("^(\\d{1,2})/(\\d{4})$");
  private static final Pattern GERMAN_QUARTER =
      Pattern.compile("^([1-4])\\.\\s*Quartal\\s+(\\d{4})$");

  private Periods() {}

  /** The canonical text of a period, or an error naming it. */
  public static String normalise(String raw) {
    String s = raw == null ? "" : raw.strip();
    Matcher m;
    if ((m = GERMAN_DAY.matcher(s)).matches()) {
      s =
          String.format(
              "%s-%02d-%02d",
              m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    } else if ((m = GERMAN_MONTH.matcher(s)).matches()) {
      s = String.format("%s-%02d", m.group(2), Integer.parseInt(m.group(1)));
    } else if ((m = GERMAN_QUARTER.matcher(s)).matches()) {
      s = m.group(2) + "-Q" + m.group(1);
    }
    end(s);
    return s;
  }

  /** The first day of a canonical period. */
  public static LocalDate start(String period) {
    LocalDate end = end(period);
    if (YEAR.matcher(period).matches()) {
      return end.withDayOfYear(1);
    }
    if (QUARTER.matcher(period).matches()) {
      return end.withDayOfMonth(1).minusMonths(2);
    }
    if (MONTH.matcher(period).matches()) {
      return end.withDayOfMonth(1);
    }
    return end;
  }

  /** The last day of a canonical period. */
  public static LocalDate end(String period) {
    try {
      Matcher m;
      if ((m = YEAR.matcher(period)).matches()) {
        return LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
      }
      if ((m = QUARTER.matcher(period)).matches()) {
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3)
            .atEndOfMonth();
      }
      if ((m = MONTH.matcher(period)).matches()) {
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
            .atEndOfMonth();
      }
      if ((m = DAY.matcher(period)).matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
    } catch (DateTimeException e) {
      // falls through to the message
    }
    throw new DomainException("atlas.periodInvalid", period);
  }

  /** A period as people read it: "2019", "4. Quartal 2019", "Dezember 2019", "31.12.2019". */
  public static String label(String period) {
    Matcher m;
    if ((m = QUARTER.matcher(period)).matches()) {
      return m.group(2) + ". Quartal " + m.group(1);
    }
    if ((m = MONTH.matcher(period)).matches()) {
      return MONTHS[Integer.parseInt(m.group(2)) - 1] + " " + m.group(1);
    }
    if ((m = DAY.matcher(period)).matches()) {
      return m.group(3) + "." + m.group(2) + "." + m.group(1);
    }
    return period;
  }

  private static final String[] MONTHS = {
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember"
  };
}
