package de.lagebild.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other modules may read from the atlas of the current tenant: indicators, areas and an
 * indicator's course.
 */
public interface IndicatorFigures {

  /** An indicator; {@code code} is its short key within the tenant ("alq"). */
  record IndicatorInfo(
      IndicatorId id, String name, String unit, int decimals, String polarity, String code) {}

  record AreaInfo(AreaId id, String name, String key) {}

  /**
   * One value of a course: the period, its end, the number (null for a special value) and how it
   * reads.
   */
  record Point(
      String period, String periodLabel, LocalDate periodEnd, BigDecimal value, String formatted) {}

  List<IndicatorInfo> indicators();

  List<AreaInfo> areas();

  Optional<IndicatorInfo> indicator(IndicatorId id);

  Optional<AreaInfo> area(AreaId id);

  /** The values of an indicator in an area, oldest first (small counts already shown as secret). */
  List<Point> series(IndicatorId indicator, AreaId area);
}
