package de.lagebild.platform.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import de.lagebild.platform.CacheSpec;
import java.util.List;
import java.util.UUID;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches of all modules ({@link CacheSpec} beans), each bounded by the bytes of its values and
 * keys, recording statistics for the metrics. Spring Boot's cache metrics bind every cache of this
 * manager at start-up.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

  @Bean
  CaffeineCacheManager cacheManager(List<CacheSpec> specs) {
    CaffeineCacheManager manager = new CaffeineCacheManager();
    manager.setAllowNullValues(false);
    // only the declared caches: no cache without a bound comes into being on demand
    manager.setCacheNames(List.of());
    for (CacheSpec spec : specs) {
      Caffeine<Object, Object> builder =
          Caffeine.newBuilder()
              .maximumWeight(spec.maxBytes())
              .weigher((Object key, Object value) -> weight(spec.name(), key, value))
              .recordStats();
      if (spec.idle() != null) {
        builder.expireAfterAccess(spec.idle());
      }
      if (spec.maxAge() != null) {
        builder.expireAfterWrite(spec.maxAge());
      }
      manager.registerCustomCache(spec.name(), builder.build());
    }
    return manager;
  }

  static int weight(String cache, Object key, Object value) {
    if (!(value instanceof CacheSpec.Weighed w)) {
      throw new IllegalArgumentException(
          "cache " + cache + " holds only weighed values, not " + value.getClass().getName());
    }
    long keyBytes =
        switch (key) {
          case String s -> 40 + 2L * s.length();
          case UUID u -> 32;
          default -> 64;
        };
    // the entry itself (Caffeine's node, the map slot)
    return (int) Math.min(Integer.MAX_VALUE, w.bytes() + keyBytes + 64);
  }
}
