package de.lagebild.atlas;

import java.util.UUID;

/** The identifier of an indicator of the atlas. */
public record IndicatorId(UUID value) {

  public IndicatorId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static IndicatorId of(UUID value) {
    return value == null ? null : new IndicatorId(value);
  }

  /** The UUID as text, as URLs and forms carry it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
