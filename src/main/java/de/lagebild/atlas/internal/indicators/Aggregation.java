package de.lagebild.atlas.internal.indicators;

import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Figures for larger areas and derived indicators, done right: counts are summed; rates and shares
 * are recomputed from the summed numerators and denominators, never averaged; a missing member
 * makes the result unknown, a secret or suppressed member makes it secret (".").
 */
public final class Aggregation {

  /** A result: a number, or a special value with the reason, never both. */
  public record Figure(BigDecimal value, String special) {
    public static Figure of(BigDecimal v) {
      return new Figure(v, null);
    }

    static Figure special(String s) {
      return new Figure(null, s);
    }
  }

  private Aggregation() {}

  /** The sum of the members' counts; {@code expected} is how many members the area has. */
  public static Figure sum(List<ValueRow> members, int expected, Integer minCount) {
    if (members.size() < expected) {
      return Figure.special("...");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (ValueRow v : members) {
      if (v.value() == null) {
        return Figure.special("-".equals(v.special()) ? "-" : ".");
      }
      if (suppressed(v.value(), minCount)) {
        return Figure.special(".");
      }
      total = total.add(v.value());
    }
    return Figure.of(total);
  }

  /**
   * numerator / denominator × factor, from (summed) counts; suppressed when the numerator is below
   * the minimum.
   */
  public static Figure rate(
      Figure numerator, Figure denominator, BigDecimal factor, Integer minCount, int scale) {
    if (numerator.value() == null) {
      return Figure.special(numerator.special());
    }
    if (denominator.value() == null) {
      return Figure.special(denominator.special());
    }
    if (denominator.value().signum() == 0) {
      return Figure.special("x");
    }
    if (suppressed(numerator.value(), minCount)) {
      return Figure.special(".");
    }
    return Figure.of(
        numerator
            .value()
            .multiply(factor == null ? BigDecimal.ONE : factor)
            .divide(denominator.value(), scale, RoundingMode.HALF_UP));
  }

  public static boolean suppressed(BigDecimal count, Integer minCount) {
    return minCount != null
        && count.signum() > 0
        && count.compareTo(BigDecimal.valueOf(minCount)) < 0;
  }

  /**
   * A stored value as it may be shown: a count below the indicator's minimum becomes secret (".").
   */
  public static ValueRow visible(ValueRow v, IndicatorRow indicator) {
    if (v == null
        || v.value() == null
        || indicator.minCount() == null
        || !"COUNT".equals(indicator.kind())
        || !suppressed(v.value(), indicator.minCount())) {
      return v;
    }
    return new ValueRow(
        v.indicatorId(),
        v.areaId(),
        v.period(),
        v.periodEnd(),
        null,
        ".",
        v.flags(),
        v.batchId(),
        v.source(),
        v.version());
  }
}
