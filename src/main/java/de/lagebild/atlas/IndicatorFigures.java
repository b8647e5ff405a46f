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

  /**
   * An indicator; {@code code} is its short key within the tenant ("alq"); {@code kind} COUNT,
   * RATE, SHARE or OTHER.
   */
  record IndicatorInfo(
      IndicatorId id,
      String name,
      String unit,
      int decimals,
      String polarity,
      String code,
      String kind) {

    public IndicatorInfo(
        IndicatorId id, String name, String unit, int decimals, String polarity, String code) {
      this(id, name, unit, decimals, polarity, code, "OTHER");
    }

    /** A count (persons, cases): its Land value is a sum, not a level to compare with. */
    public boolean count() {
      return "COUNT".equals(kind);
    }
  }

  record AreaInfo(AreaId id, String name, String key) {}

  /**
   * One value of a course: the period, its end, the number (null for a special value) and how it
   * reads.
   */
  record Point(
      String period, String periodLabel, LocalDate periodEnd, BigDecimal value, String formatted) {}

  /**
   * The figures of one period in several areas: the newest period any of the areas has a value for,
   * and each area's point of that period (areas without one are missing).
   */
  record Latest(String period, String periodLabel, java.util.Map<AreaId, Point> points) {}

  List<IndicatorInfo> indicators();

  /** The newest common figures of an indicator in the areas (small counts shown as secret). */
  Latest latest(IndicatorId indicator, java.util.Collection<AreaId> areas);

  List<AreaInfo> areas();

  Optional<IndicatorInfo> indicator(IndicatorId id);

  Optional<AreaInfo> area(AreaId id);

  /** The values of an indicator in an area, oldest first (small counts already shown as secret). */
  List<Point> series(IndicatorId indicator, AreaId area);

  /** When values were last imported into the atlas (the newest import batch), if ever. */
  Optional<java.time.Instant> lastImport();

  /**
   * How a derived indicator (a share or rate) is computed: numerator / denominator × factor. Lets a
   * reader test a share with the counts behind it.
   */
  record Derivation(IndicatorId numerator, IndicatorId denominator, BigDecimal factor) {}

  /** The derivation of an indicator, when it is derived from two others in the atlas. */
  Optional<Derivation> derivation(IndicatorId indicator);

  /**
   * The figures of several indicators in several areas at once: for each indicator the period asked
   * for in {@code periods} (null or missing: the newest period any of the areas has), with each
   * area's point of that period (small counts shown as secret). One read for all.
   */
  java.util.Map<IndicatorId, Latest> figures(
      java.util.Map<IndicatorId, String> periods,
      java.util.Collection<IndicatorId> indicators,
      java.util.Collection<AreaId> areas);
}
