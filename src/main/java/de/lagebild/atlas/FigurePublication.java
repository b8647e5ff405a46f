package de.lagebild.atlas;

import java.math.BigDecimal;
import java.util.List;

/**
 * How another module puts its own figures into the atlas of the current tenant (survey results of
 * the planning module): an indicator, created or described anew by its code, and its values of one
 * period. A value of null is written as secret ("."), so a suppressed figure is never stored as a
 * number in the atlas. Runs in the caller's transaction.
 */
public interface FigurePublication {

  /** The indicator; {@code kind} is SHARE, COUNT or OTHER; {@code minCount} may be null. */
  record Indicator(
      String code,
      String name,
      String shortName,
      String definition,
      String unit,
      int decimals,
      String kind,
      String source,
      Integer minCount) {}

  /** One area's value; null: suppressed. */
  record Figure(AreaId area, BigDecimal value) {}

  /** Creates or updates the indicator and writes the values of the period; returns its id. */
  IndicatorId publish(Indicator indicator, String period, List<Figure> figures, String origin);

  /**
   * After the last {@link #publish}: recomputes what the atlas derives from values – sums for
   * planning areas of several areas (a suppressed member makes the sum "."), derived rates – as an
   * import of statistics does.
   */
  void published();
}
