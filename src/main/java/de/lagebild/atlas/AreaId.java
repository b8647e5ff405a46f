package de.lagebild.atlas;

import java.util.UUID;

/** The identifier of an area of the atlas (a Land, Kreis, Gemeinde or planning area). */
public record AreaId(UUID value) {

  public AreaId {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static AreaId of(UUID value) {
    return value == null ? null : new AreaId(value);
  }

  /** The UUID as text, as URLs and forms carry it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
