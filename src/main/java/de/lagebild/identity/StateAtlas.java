package de.lagebild.identity;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Land's indicator set as its districts see it: a district that belongs to a Land and
 * subscribes to its atlas reads it – live, without a copy – in the Land's scope, without any role.
 */
public interface StateAtlas {

  /** The Land the current tenant subscribes to: its name and slug. */
  record Subscription(String landName, String landSlug) {}

  /** The current tenant's subscription, when it belongs to a Land and subscribes to its atlas. */
  Optional<Subscription> subscription();

  /** Runs {@code read} in the scope of the Land the current tenant subscribes to; else empty. */
  <T> Optional<T> readLand(Supplier<T> read);
}
