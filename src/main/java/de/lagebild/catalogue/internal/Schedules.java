package de.lagebild.catalogue.internal;

import de.lagebild.catalogue.internal.CatalogueRows.ScheduleRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opening hours in words: one line per weekday ("Dienstag: 09:00–12:00 und 13:00–17:00 Uhr"). */
final class Schedules {

  static final String[] DAYS = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"};

  record Line(String day, String times) {}

  private Schedules() {
  }

  static List<Line> lines(List<ScheduleRow> schedules) {
    Map<Integer, List<String>> byDay = new LinkedHashMap<>();
    for (ScheduleRow s : schedules) {
      byDay.computeIfAbsent(s.weekday(), k -> new ArrayList<>())
          .add(s.opens() + "–" + s.closes() + (s.note() == null ? "" : " (" + s.note() + ")"));
    }
    List<Line> lines = new ArrayList<>();
    byDay.forEach((day, times) -> lines.add(new Line(DAYS[day - 1], String.join(" und ", times) + " Uhr")));
    return lines;
  }

  static String text(List<ScheduleRow> schedules) {
    return String.join("; ", lines(schedules).stream().map(l -> l.day() + " " + l.times()).toList());
  }
}
