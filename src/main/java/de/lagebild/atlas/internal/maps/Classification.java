package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.platform.DomainException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classes of a choropleth map: quantiles, equal intervals, natural breaks (Jenks) or manual breaks,
 * and a colour-blind-safe sequential palette (ColorBrewer OrRd for "higher is worse", its reverse
 * for "higher is better", PuBu where no end is good).
 */
final class Classification {

  enum Method {
    QUANTILE,
    EQUAL,
    JENKS,
    MANUAL
  }

  static final String[] BAD_HIGH = {"#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"};
  static final String[] NEUTRAL = {"#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d"};

  /** Upper bounds of the classes (the last is the maximum) and their colours. */
  record Classes(double[] breaks, String[] colours, double min) {
    int classOf(double v) {
      for (int i = 0; i < breaks.length; i++) {
        if (v <= breaks[i]) {
          return i;
        }
      }
      return breaks.length - 1;
    }

    String colour(double v) {
      return colours[classOf(v)];
    }
  }

  private Classification() {}

  static Classes classify(
      double[] values, Method method, int count, double[] manual, Polarity polarity) {
    if (values.length == 0) {
      return new Classes(new double[0], new String[0], 0);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int k = Math.max(2, Math.min(5, Math.min(count, distinct(sorted))));
    double[] breaks =
        switch (method) {
          case QUANTILE -> quantiles(sorted, k);
          case EQUAL -> equal(sorted, k);
          case JENKS -> jenks(sorted, k);
          case MANUAL -> manual(sorted, manual);
        };
    String[] palette = palette(polarity);
    String[] colours = new String[breaks.length];
    for (int i = 0; i < breaks.length; i++) {
      // spread the classes over the palette
      colours[i] =
          palette[
              breaks.length == 1
                  ? 0
                  : Math.round((float) i * (palette.length - 1) / (breaks.length - 1))];
    }
    return new Classes(breaks, colours, sorted[0]);
  }

  static String[] palette(Polarity polarity) {
    return switch (polarity) {
      case LOWER_BETTER -> BAD_HIGH;
      case HIGHER_BETTER -> reversed(BAD_HIGH);
      case NEUTRAL -> NEUTRAL;
    };
  }

  private static String[] reversed(String[] a) {
    String[] r = new String[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private static int distinct(double[] sorted) {
    int n = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[i - 1]) {
        n++;
      }
    }
    return n;
  }

  static double[] quantiles(double[] sorted, int k) {
    List<Double> b = new ArrayList<>();
    for (int i = 1; i < k; i++) {
      double q = sorted[(int) Math.ceil(i * sorted.length / (double) k) - 1];
      if (b.isEmpty() || q > b.get(b.size() - 1)) {
        b.add(q);
      }
    }
    if (b.isEmpty() || sorted[sorted.length - 1] > b.get(b.size() - 1)) {
      b.add(sorted[sorted.length - 1]);
    }
    return b.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] equal(double[] sorted, int k) {
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = i == k - 1 ? max : min + (max - min) * (i + 1) / k;
    }
    return b;
  }

  /**
   * Jenks natural breaks by dynamic programming (minimises the squared deviations within classes).
   */
  static double[] jenks(double[] sorted, int k) {
    int n = sorted.length;
    double[][] lower = new double[n + 1][k + 1];
    double[][] variance = new double[n + 1][k + 1];
    for (int j = 1; j <= k; j++) {
      lower[1][j] = 1;
      for (int i = 2; i <= n; i++) {
        variance[i][j] = Double.POSITIVE_INFINITY;
      }
    }
    for (int l = 2; l <= n; l++) {
      double sum = 0;
      double sumSquares = 0;
      double w = 0;
      double v = 0;
      for (int m = 1; m <= l; m++) {
        int i3 = l - m + 1;
        double val = sorted[i3 - 1];
        w++;
        sum += val;
        sumSquares += val * val;
        v = sumSquares - (sum * sum) / w;
        int i4 = i3 - 1;
        if (i4 != 0) {
          for (int j = 2; j <= k; j++) {
            if (variance[l][j] >= v + variance[i4][j - 1]) {
              lower[l][j] = i3;
              variance[l][j] = v + variance[i4][j - 1];
            }
          }
        }
      }
      lower[l][1] = 1;
      variance[l][1] = v;
    }
    double[] b = new double[k];
    b[k - 1] = sorted[n - 1];
    int count = n;
    for (int j = k; j >= 2; j--) {
      int id = (int) lower[count][j] - 2;
      b[j - 2] = sorted[Math.max(0, id)];
      count = (int) lower[count][j] - 1;
    }
    return Arrays.stream(b).distinct().toArray();
  }

  static double[] manual(double[] sorted, double[] manual) {
    if (manual == null || manual.length == 0) {
      throw new DomainException("atlas.breaksMissing");
    }
    double[] m = manual.clone();
    Arrays.sort(m);
    List<Double> b = new ArrayList<>();
    for (double v : m) {
      if (v < sorted[sorted.length - 1]) {
        b.add(v);
      }
    }
    b.add(sorted[sorted.length - 1]);
    return b.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
