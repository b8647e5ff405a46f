package de.lagebild.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The calendar of the districts Lagebild serves: dates and months are those of Germany
 * (Europe/Berlin), whatever zone the server runs in. Instants stay UTC; only "which day is it"
 * needs a zone.
 */
public final class LocalCalendar {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private LocalCalendar() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  public static YearMonth thisMonth(Clock clock) {
    return YearMonth.now(clock.withZone(ZONE));
  }
}
