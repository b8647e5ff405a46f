package de.lagebild.state.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The arithmetic of comparing districts: median, quartiles and range of the Kreise, and a verdict
 * for one district's value against a reference (the Land value, else the median) – with the
 * polarity of the indicator and, where the counts behind a share are known, a Wilson score interval
 * (95 %) as the test of significance; without counts no test is made and the verdict says so.
 */
final class Comparison {

  /** z for a two-sided 95 % interval. */
  static final double Z = 1.959963984540054;

  private Comparison() {}

  /**
   * Median, quartiles and range of the values (nulls left out); null fields when there are none.
   */
  record Spread(Double min, Double q1, Double median, Double q3, Double max, int count) {}

  static Spread spread(Collection<BigDecimal> values) {
    List<Double> v = new ArrayList<>();
    for (BigDecimal b : values) {
      if (b != null) {
        v.add(b.doubleValue());
      }
    }
    v.sort(null);
    if (v.isEmpty()) {
      return new Spread(null, null, null, null, null, 0);
    }
    return new Spread(
        v.getFirst(),
        quantile(v, 0.25),
        quantile(v, 0.5),
        quantile(v, 0.75),
        v.getLast(),
        v.size());
  }

  /** Quantile by linear interpolation between closest ranks (type 7, as R and Excel QUANTIL). */
  static double quantile(List<Double> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }

  /** A 95 % interval of a share, in the indicator's unit (share × factor). */
  record Interval(double lower, double upper) {}

  /**
   * The Wilson score interval of {@code numerator} out of {@code denominator}, scaled by {@code
   * factor} (100 for percent, 1,000 for per mille); null when the counts do not make a share.
   */
  static Interval wilson(double numerator, double denominator, double factor) {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      return null;
    }
    double p = numerator / denominator;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * denominator)) / (1 + z2 / denominator);
    double half =
        Z
            * Math.sqrt(p * (1 - p) / denominator + z2 / (4 * denominator * denominator))
            / (1 + z2 / denominator);
    return new Interval((centre - half) * factor, (centre + half) * factor);
  }

  /** The verdict for a district's value against the reference. */
  enum Verdict {
    /** significantly better (interval clear of the reference, polarity known) */
    BETTER,
    WORSE,
    /** significantly higher or lower, polarity neutral */
    HIGHER,
    LOWER,
    /** the interval contains the reference */
    NOT_DIFFERENT,
    /** no counts, no test: only the direction */
    BETTER_UNTESTED,
    WORSE_UNTESTED,
    HIGHER_UNTESTED,
    LOWER_UNTESTED,
    EQUAL,
    NO_VALUE,
    NO_REFERENCE;

    /** The colour class on the spine chart. */
    public String tone() {
      return switch (this) {
        case BETTER -> "better";
        case WORSE -> "worse";
        case BETTER_UNTESTED -> "better-untested";
        case WORSE_UNTESTED -> "worse-untested";
        case NO_VALUE, NO_REFERENCE -> "none";
        default -> "neutral";
      };
    }
  }

  /**
   * The verdict of {@code value} against {@code reference}; {@code interval} (may be null) is the
   * value's 95 % interval when the counts are known; {@code polarity} HIGHER_BETTER, LOWER_BETTER
   * or NEUTRAL.
   */
  static Verdict verdict(Double value, Double reference, Interval interval, String polarity) {
    if (value == null) {
      return Verdict.NO_VALUE;
    }
    if (reference == null) {
      return Verdict.NO_REFERENCE;
    }
    int direction;
    boolean tested = interval != null;
    if (tested) {
      if (interval.lower() > reference) {
        direction = 1;
      } else if (interval.upper() < reference) {
        direction = -1;
      } else {
        return Verdict.NOT_DIFFERENT;
      }
    } else {
      direction = Double.compare(value, reference);
      if (direction == 0) {
        return Verdict.EQUAL;
      }
    }
    boolean higherIsBetter = "HIGHER_BETTER".equals(polarity);
    boolean lowerIsBetter = "LOWER_BETTER".equals(polarity);
    if (!higherIsBetter && !lowerIsBetter) {
      return direction > 0
          ? (tested ? Verdict.HIGHER : Verdict.HIGHER_UNTESTED)
          : (tested ? Verdict.LOWER : Verdict.LOWER_UNTESTED);
    }
    boolean better = direction > 0 == higherIsBetter;
    if (tested) {
      return better ? Verdict.BETTER : Verdict.WORSE;
    }
    return better ? Verdict.BETTER_UNTESTED : Verdict.WORSE_UNTESTED;
  }
}
