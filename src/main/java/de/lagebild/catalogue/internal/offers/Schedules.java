package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Opening hours in words: one line per weekday ("Dienstag: 09:00–12:00 und 13:00–17:00 Uhr"). */
public final class Schedules {

  static final String[] DAYS = {
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"
  };

  record Line(String day, String times) {}

  private Schedules() {}

  public static List<Line> lines(List<ScheduleRow> schedules) {
    Map<Integer, List<String>> byDay = new TreeMap<>();
    for (ScheduleRow s : schedules) {
      byDay
          .computeIfAbsent(s.weekday(), k -> new ArrayList<>())
          .add(s.opens() + "–" + s.closes() + (s.note() == null ? "" : " (" + s.note() + ")"));
    }
    // consecutive days with the same hours in one line: "Montag bis Freitag"
    List<Line> lines = new ArrayList<>();
    List<Integer> days = new ArrayList<>(byDay.keySet());
    for (int i = 0; i < days.size(); ) {
      String times = String.join(" und ", byDay.get(days.get(i)));
      int j = i;
      while (j + 1 < days.size()
          && days.get(j + 1) == days.get(j) + 1
          && String.join(" und ", byDay.get(days.get(j + 1))).equals(times)) {
        j++;
      }
      String label =
          j == i
              ? DAYS[days.get(i) - 1]
              : j == i + 1
                  ? DAYS[days.get(i) - 1] + " und " + DAYS[days.get(j) - 1]
                  : DAYS[days.get(i) - 1] + " bis " + DAYS[days.get(j) - 1];
      lines.add(new Line(label, times + " Uhr"));
      i = j + 1;
    }
    return lines;
  }

  public static String text(List<ScheduleRow> schedules) {
    return String.join(
        "; ", lines(schedules).stream().map(l -> l.day() + " " + l.times()).toList());
  }
}
