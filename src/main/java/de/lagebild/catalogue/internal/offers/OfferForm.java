package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The offer form: its fields read from a request into content, and empty rows for new hours and
 * contacts.
 */
final class OfferForm {

  static final int SCHEDULE_ROWS = 3;
  static final int CONTACT_ROWS = 1;

  private OfferForm() {}

  /** The content as typed; numbers that are no numbers are reported in {@code problems}. */
  static OfferContent read(HttpServletRequest r, List<OfferRules.Problem> problems) {
    List<ScheduleRow> schedules = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String day = r.getParameter("tag-" + i);
      if (day == null) {
        continue;
      }
      String opens = Text.blankToNull(r.getParameter("von-" + i));
      String closes = Text.blankToNull(r.getParameter("bis-" + i));
      if (day.isBlank() && opens == null && closes == null) {
        continue;
      }
      int weekday = day.matches("[1-7]") ? Integer.parseInt(day) : 0;
      schedules.add(
          new ScheduleRow(
              weekday,
              opens == null ? "" : opens,
              closes == null ? "" : closes,
              Text.blankToNull(r.getParameter("hinweis-" + i))));
    }
    List<ContactRow> contacts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = Text.blankToNull(r.getParameter("kontakt-name-" + i));
      if (name != null) {
        contacts.add(
            new ContactRow(
                name,
                Text.blankToNull(r.getParameter("kontakt-rolle-" + i)),
                Text.blankToNull(r.getParameter("kontakt-email-" + i)),
                Text.blankToNull(r.getParameter("kontakt-telefon-" + i))));
      }
    }
    return new OfferContent(
        r.getParameter("name"),
        r.getParameter("description"),
        r.getParameter("cost"),
        r.getParameter("costNote"),
        number(r.getParameter("ageFrom"), "ageFrom", problems),
        number(r.getParameter("ageTo"), "ageTo", problems),
        values(r, "languages"),
        values(r, "targetGroups"),
        values(r, "lifeSituations"),
        r.getParameter("url"),
        r.getParameter("email"),
        r.getParameter("phone"),
        r.getParameter("applicationProcess"),
        ids(r, "categories", problems),
        ids(r, "locations", problems),
        schedules,
        contacts,
        number(r.getParameter("places"), "places", problems));
  }

  private static List<String> values(HttpServletRequest r, String name) {
    String[] v = r.getParameterValues(name);
    return v == null ? List.of() : Arrays.stream(v).filter(s -> !s.isBlank()).toList();
  }

  private static List<UUID> ids(
      HttpServletRequest r, String name, List<OfferRules.Problem> problems) {
    List<UUID> ids = new ArrayList<>();
    for (String v : values(r, name)) {
      try {
        ids.add(UUID.fromString(v.strip()));
      } catch (IllegalArgumentException e) {
        problems.add(new OfferRules.Problem(name, "catalogue.rule.choice", v));
      }
    }
    return ids;
  }

  private static Integer number(String text, String field, List<OfferRules.Problem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new OfferRules.Problem(field, "catalogue.rule.ageNumber", text));
      return null;
    }
  }

  /** The rows the form shows: the offer's hours and then empty ones to fill in. */
  static List<ScheduleRow> scheduleRows(OfferContent c) {
    List<ScheduleRow> rows = new ArrayList<>(c == null ? List.of() : c.schedules());
    for (int i = 0; i < SCHEDULE_ROWS; i++) {
      rows.add(new ScheduleRow(0, "", "", null));
    }
    return rows;
  }

  static List<ContactRow> contactRows(OfferContent c) {
    List<ContactRow> rows = new ArrayList<>(c == null ? List.of() : c.contacts());
    for (int i = 0; i < CONTACT_ROWS; i++) {
      rows.add(new ContactRow("", null, null, null));
    }
    return rows;
  }

  static OfferContent empty() {
    return new OfferContent(
        "",
        null,
        "FREE",
        null,
        null,
        null,
        List.of("de"),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
