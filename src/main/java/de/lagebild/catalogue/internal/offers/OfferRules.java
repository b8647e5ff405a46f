package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Cost;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.exchange.SafeHtml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an offer and a location must satisfy, with a German message per field: names present, ages
 * from 0 to 120 and not reversed, links only {@code http(s)} (a {@code javascript:} link is
 * refused), e-mail addresses of the usual form, opening hours that end after they start and do not
 * overlap on a day, coordinates that exist and lie in Germany (swapped latitude and longitude are
 * recognised), codes from the known lists. Descriptions are sanitised.
 */
public final class OfferRules {

  public record Problem(String field, String messageKey, String detail) {}

  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
  private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$");

  private OfferRules() {}

  /**
   * The content as it is stored: texts trimmed, description sanitised, lists without duplicates.
   */
  public static OfferContent clean(OfferContent c) {
    return new OfferContent(
        strip(c.name()),
        SafeHtml.sanitize(c.description()),
        c.cost() == null ? "FREE" : c.cost(),
        strip(c.costNote()),
        c.ageFrom(),
        c.ageTo(),
        distinct(c.languages()),
        distinct(c.targetGroups()),
        distinct(c.lifeSituations()),
        strip(c.url()),
        strip(c.email()),
        strip(c.phone()),
        SafeHtml.sanitize(c.applicationProcess()),
        c.categories() == null ? List.of() : c.categories().stream().distinct().toList(),
        c.locations() == null ? List.of() : c.locations().stream().distinct().toList(),
        c.schedules() == null
            ? List.of()
            : c.schedules().stream()
                .sorted(
                    Comparator.comparing(ScheduleRow::weekday).thenComparing(ScheduleRow::opens))
                .toList(),
        c.contacts() == null
            ? List.of()
            : c.contacts().stream()
                .filter(k -> k.name() != null && !k.name().isBlank())
                .map(
                    k ->
                        new ContactRow(
                            k.name().strip(), strip(k.role()), strip(k.email()), strip(k.phone())))
                .toList(),
        c.places());
  }

  public static List<Problem> check(
      OfferContent c, Set<UUID> knownCategories, Set<UUID> ownLocations) {
    List<Problem> p = new ArrayList<>();
    if (c.places() != null && (c.places() < 1 || c.places() > 100_000)) {
      p.add(new Problem("places", "catalogue.rule.places", String.valueOf(c.places())));
    }
    if (c.name() == null || c.name().isBlank()) {
      p.add(new Problem("name", "catalogue.rule.nameMissing", ""));
    } else if (c.name().length() > 300) {
      p.add(new Problem("name", "catalogue.rule.tooLong", "300"));
    }
    if (c.description() != null && c.description().length() > 20000) {
      p.add(new Problem("description", "catalogue.rule.tooLong", "20000"));
    }
    try {
      Cost.valueOf(c.cost());
    } catch (IllegalArgumentException | NullPointerException e) {
      p.add(new Problem("cost", "catalogue.rule.choice", String.valueOf(c.cost())));
    }
    age(c.ageFrom(), "ageFrom", p);
    age(c.ageTo(), "ageTo", p);
    if (c.ageFrom() != null && c.ageTo() != null && c.ageFrom() > c.ageTo()) {
      p.add(new Problem("ageTo", "catalogue.rule.ageReversed", c.ageFrom() + "–" + c.ageTo()));
    }
    url(c.url(), "url", p);
    email(c.email(), "email", p);
    codes(c.languages(), CatalogueRows.LANGUAGES, "languages", p);
    codes(c.targetGroups(), CatalogueRows.TARGET_GROUPS, "targetGroups", p);
    codes(c.lifeSituations(), CatalogueRows.LIFE_SITUATIONS, "lifeSituations", p);
    for (UUID category : c.categories()) {
      if (!knownCategories.contains(category)) {
        p.add(new Problem("categories", "catalogue.rule.categoryUnknown", category.toString()));
      }
    }
    for (UUID location : c.locations()) {
      if (!ownLocations.contains(location)) {
        p.add(new Problem("locations", "catalogue.rule.locationForeign", location.toString()));
      }
    }
    schedules(c.schedules(), p);
    for (ContactRow k : c.contacts()) {
      email(k.email(), "contacts", p);
    }
    return p;
  }

  static void schedules(List<ScheduleRow> schedules, List<Problem> p) {
    List<ScheduleRow> valid = new ArrayList<>();
    for (ScheduleRow s : schedules) {
      String label = day(s.weekday()) + " " + s.opens() + "–" + s.closes();
      if (s.weekday() < 1 || s.weekday() > 7) {
        p.add(new Problem("schedules", "catalogue.rule.weekday", String.valueOf(s.weekday())));
        continue;
      }
      if (s.opens() == null
          || s.closes() == null
          || !TIME.matcher(s.opens()).matches()
          || !TIME.matcher(s.closes()).matches()) {
        p.add(new Problem("schedules", "catalogue.rule.timeInvalid", label));
        continue;
      }
      if (minutes(s.closes()) <= minutes(s.opens())) {
        p.add(new Problem("schedules", "catalogue.rule.endsBeforeStart", label));
        continue;
      }
      for (ScheduleRow other : valid) {
        if (other.weekday() == s.weekday()
            && minutes(s.opens()) < minutes(other.closes())
            && minutes(other.opens()) < minutes(s.closes())) {
          p.add(
              new Problem(
                  "schedules",
                  "catalogue.rule.overlap",
                  label + " / " + other.opens() + "–" + other.closes()));
        }
      }
      valid.add(s);
    }
  }

  public static List<Problem> check(LocationRow l) {
    List<Problem> p = new ArrayList<>();
    if (l.name() == null || l.name().isBlank()) {
      p.add(new Problem("name", "catalogue.rule.nameMissing", ""));
    }
    if (l.postalCode() != null
        && !l.postalCode().isBlank()
        && !l.postalCode().strip().matches("\\d{5}")) {
      p.add(new Problem("postalCode", "catalogue.rule.postalCode", l.postalCode()));
    }
    BigDecimal lat = l.latitude();
    BigDecimal lon = l.longitude();
    if ((lat == null) != (lon == null)) {
      p.add(
          new Problem(lat == null ? "latitude" : "longitude", "catalogue.rule.coordinateHalf", ""));
    } else if (lat != null) {
      double la = lat.doubleValue();
      double lo = lon.doubleValue();
      if (la < -90 || la > 90 || lo < -180 || lo > 180) {
        p.add(
            new Problem(
                "latitude",
                "catalogue.rule.coordinateRange",
                lat.toPlainString() + ", " + lon.toPlainString()));
      } else if (inGermany(lo, la)) {
        p.add(
            new Problem(
                "latitude",
                "catalogue.rule.coordinateSwapped",
                lat.toPlainString() + ", " + lon.toPlainString()));
      } else if (!inGermany(la, lo)) {
        p.add(
            new Problem(
                "latitude",
                "catalogue.rule.coordinateOutside",
                lat.toPlainString() + ", " + lon.toPlainString()));
      }
    }
    return p;
  }

  private static boolean inGermany(double lat, double lon) {
    return lat >= 47.2 && lat <= 55.1 && lon >= 5.8 && lon <= 15.1;
  }

  /**
   * Parses a decimal coordinate written with a comma or a dot; null when empty; an error when not a
   * number.
   */
  public static BigDecimal coordinate(String text, String field, List<Problem> p) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(',', '.')).setScale(6, RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      p.add(new Problem(field, "catalogue.rule.coordinateNumber", text));
      return null;
    }
  }

  static int minutes(String time) {
    if (time.equals("24:00")) {
      return 24 * 60;
    }
    try {
      LocalTime t = LocalTime.parse(time);
      return t.getHour() * 60 + t.getMinute();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  static String day(int weekday) {
    return switch (weekday) {
      case 1 -> "Mo";
      case 2 -> "Di";
      case 3 -> "Mi";
      case 4 -> "Do";
      case 5 -> "Fr";
      case 6 -> "Sa";
      case 7 -> "So";
      default -> "?";
    };
  }

  private static void age(Integer age, String field, List<Problem> p) {
    if (age != null && (age < 0 || age > 120)) {
      p.add(new Problem(field, "catalogue.rule.ageRange", String.valueOf(age)));
    }
  }

  public static void url(String url, String field, List<Problem> p) {
    if (url == null || url.isBlank()) {
      return;
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    if (!(u.startsWith("https://") || u.startsWith("http://"))
        || u.contains(" ")
        || u.contains("<")
        || u.contains("\"")) {
      p.add(new Problem(field, "catalogue.rule.url", url));
    }
  }

  public static void email(String email, String field, List<Problem> p) {
    if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
      p.add(new Problem(field, "catalogue.rule.email", email));
    }
  }

  private static void codes(
      List<String> values, List<String> allowed, String field, List<Problem> p) {
    for (String v : values) {
      if (!allowed.contains(v)) {
        p.add(new Problem(field, "catalogue.rule.choice", v));
      }
    }
  }

  private static List<String> distinct(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
