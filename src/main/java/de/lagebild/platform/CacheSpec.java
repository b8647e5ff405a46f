package de.lagebild.platform;

import java.time.Duration;

/**
 * A cache a module needs, declared as a bean: its name, its upper bound in bytes and how long an
 * unused entry stays (null: until it is pushed out). The platform builds every declared cache with
 * Caffeine behind Spring's cache abstraction ({@code CacheManager}); Spring Boot binds their
 * statistics to Micrometer ({@code cache.gets}, {@code cache.puts}, {@code cache.evictions}, …
 * tagged with the name). {@code maxAge} (null: none) bounds how long any entry stays, used or not.
 * There are no other caches: a name nobody declared is an error, so no cache grows without a bound.
 * The values must be {@link Weighed}.
 */
public record CacheSpec(String name, long maxBytes, Duration idle, Duration maxAge) {

  public CacheSpec {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache needs a bound: " + name);
    }
  }

  /** A cache whose entries stay while used ({@code maxAge}: none). */
  public CacheSpec(String name, long maxBytes, Duration idle) {
    this(name, maxBytes, idle, null);
  }

  /** A value of a cache: about how many bytes of heap it holds (keys are counted by the cache). */
  public interface Weighed {
    long bytes();
  }
}
