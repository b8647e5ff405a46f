package de.lagebild.atlas.internal.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Rows of the atlas tables. */
public final class AtlasRows {

  private AtlasRows() {}

  public enum AreaType {
    LAND,
    KREIS,
    GEMEINDE,
    GEMEINDETEIL,
    SOZIALRAUM
  }

  /**
   * Which end of an indicator's scale is good: decides the colours of a map and the markers of a
   * profile.
   */
  public enum Polarity {
    HIGHER_BETTER,
    LOWER_BETTER,
    NEUTRAL
  }

  public record AreaRow(
      UUID id,
      AreaType type,
      String name,
      String officialKey,
      UUID parentId,
      LocalDate validFrom,
      LocalDate validTo,
      String note,
      int version) {

    public boolean validOn(LocalDate day) {
      return (validFrom == null || !day.isBefore(validFrom))
          && (validTo == null || !day.isAfter(validTo));
    }

    public String label() {
      return name + (officialKey == null ? "" : " (" + officialKey + ")");
    }
  }

  /**
   * An indicator; a derived one names its numerator and denominator indicators and a factor (e.g.
   * 100 for a share in per cent, 1,000 for "per 1,000 inhabitants"). Counts below {@code minCount}
   * are not shown (privacy).
   */
  public record IndicatorRow(
      UUID id,
      String code,
      String name,
      String shortName,
      String definition,
      String unit,
      int decimals,
      String source,
      String licence,
      String frequency,
      Polarity polarity,
      String lifeSituation,
      String readingAid,
      Integer minCount,
      String kind,
      boolean publicVisible,
      int position,
      int version,
      UUID numeratorId,
      UUID denominatorId,
      BigDecimal factor) {

    public boolean derived() {
      return numeratorId != null && denominatorId != null;
    }
  }

  /**
   * A value, or a special value ({@code -} nothing, {@code .} unknown or secret, {@code x} not
   * sensible, {@code ...} not yet available, {@code /} not reliable) with flags ({@code p}
   * provisional, {@code r} revised, {@code s} estimated).
   */
  public record ValueRow(
      UUID indicatorId,
      UUID areaId,
      String period,
      LocalDate periodEnd,
      BigDecimal value,
      String special,
      String flags,
      UUID batchId,
      String source,
      int version) {}
}
