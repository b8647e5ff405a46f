package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The caches (issue 19, target 3): Caffeine behind Spring's cache abstraction, every one bounded by
 * bytes, none created on demand, statistics in Micrometer.
 */
@IntegrationTest
class CachesIntegrationTests extends DatabaseProperties {

  @Autowired CacheManager caches;
  @Autowired MeterRegistry meters;
  @Autowired List<CacheSpec> specs;
  @Autowired MockMvc mvc;
  @Autowired org.jooq.DSLContext dsl;

  private record Blob(byte[] data) implements CacheSpec.Weighed {
    @Override
    public long bytes() {
      return 16L + data.length;
    }
  }

  @Test
  void everyCacheIsBoundedByBytesAndRecordsStatistics() {
    assertThat(caches.getCacheNames())
        .containsExactlyInAnyOrderElementsOf(specs.stream().map(CacheSpec::name).toList())
        .contains(
            "map-data", "parsed-statistics", "area-shapes", "area-lists", "catalogue-snapshots");
    for (CacheSpec spec : specs) {
      var nativeCache = ((CaffeineCache) caches.getCache(spec.name())).getNativeCache();
      assertThat(nativeCache.policy().eviction().orElseThrow().getMaximum())
          .as(spec.name())
          .isEqualTo(spec.maxBytes());
      assertThat(nativeCache.policy().isRecordingStats()).as(spec.name()).isTrue();
    }
    // no cache without a bound comes into being by asking for it
    assertThat(caches.getCache("unbounded")).isNull();
  }

  @Test
  void aCacheNeverHoldsMoreBytesThanItsBound() {
    var cache = (CaffeineCache) caches.getCache("area-lists");
    long bound = cache.getNativeCache().policy().eviction().orElseThrow().getMaximum();
    try {
      for (int i = 0; i < 100; i++) {
        cache.put("blob-" + i, new Blob(new byte[256 * 1024]));
      }
      cache.getNativeCache().cleanUp();
      long weighted =
          cache.getNativeCache().policy().eviction().orElseThrow().weightedSize().getAsLong();
      assertThat(weighted).isPositive().isLessThanOrEqualTo(bound);
      assertThat(cache.getNativeCache().estimatedSize()).isLessThan(100);
      // only weighed values
      assertThatThrownBy(() -> cache.put("text", "not weighed"))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      cache.clear();
    }
  }

  @Test
  void cacheUseIsInTheMetrics() throws Exception {
    Object indicator =
        dsl.fetchValue(
            "select i.id from indicator i join tenant t on t.id = i.tenant_id where t.slug ="
                + " 'nordhausen' and i.public_visible = true order by i.position limit 1");
    String map = "/api/v1/nordhausen/map-data?indicator=" + indicator;
    mvc.perform(get(map)).andExpect(status().isOk());
    mvc.perform(get(map)).andExpect(status().isOk());
    var hits =
        meters.find("cache.gets").tag("cache", "map-data").tag("result", "hit").functionCounter();
    assertThat(hits).isNotNull();
    assertThat(hits.count()).isGreaterThanOrEqualTo(1);
    assertThat(meters.find("cache.size").tag("cache", "map-data").gauge()).isNotNull();
  }
}
