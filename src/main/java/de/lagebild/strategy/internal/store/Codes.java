package de.lagebild.strategy.internal.store;

import java.util.Comparator;

/** Codes of goals and measures ("1.2.10"). */
public final class Codes {

  private Codes() {}

  /** Goal codes in natural order: 1.2 before 1.10. */
  public static final Comparator<String> ORDER =
      (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
          int c =
              x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                  ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                  : x[i].compareTo(y[i]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };
}
