package de.lagebild.platform;

import java.util.Objects;
import java.util.UUID;

/** Identifies one tenant (a district, a city or the state). */
public record TenantId(UUID value) {
  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  public static TenantId of(String value) {
    return new TenantId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
