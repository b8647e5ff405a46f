package de.lagebild.strategy;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a strategy. */
public record StrategyId(UUID value) {

  public StrategyId {
    Objects.requireNonNull(value, "value");
  }

  /** The UUID as text, as URLs and forms carry it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
