package de.lagebild.identity.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.lagebild.platform.LagebildProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) for requests without login, one per client address: {@code
 * anonymousPerMinute} tokens, refilled evenly over a minute. On PostgreSQL the buckets live in the
 * table {@code rate_limit_bucket} (select for update), so every instance behind a load balancer
 * counts the same requests; an SQLite installation runs as one process and keeps them in memory.
 * Expired rows are removed every few thousand requests.
 */
@Component
class RateLimits {

  /** The answer for one request: allowed, or the seconds to wait. */
  record Decision(boolean allowed, long retryAfterSeconds) {}

  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

  private final int perMinute;
  private final BucketConfiguration configuration;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private final Cache<String, Bucket> local =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
  private final AtomicLong requests = new AtomicLong();

  RateLimits(LagebildProperties lagebild, DataSource dataSource, DSLContext dsl) {
    this.perMinute = lagebild.rateLimit().anonymousPerMinute();
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(Math.max(1, perMinute))
                    .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1))
                    .build())
            .build();
    this.shared =
        dsl.dialect().family() == SQLDialect.POSTGRES
            ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build()
            : null;
  }

  boolean enabled() {
    return perMinute > 0;
  }

  /** Takes one token of the client's bucket. */
  Decision take(String client) {
    String key = "anon:" + client;
    Bucket bucket =
        shared != null
            ? shared.builder().build(key, () -> configuration)
            : local.get(
                key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (shared != null && requests.incrementAndGet() % 5_000 == 0) {
      try {
        shared.removeExpired(1_000);
      } catch (RuntimeException e) {
        LOG.warn("Expired rate limit buckets not removed: {}", e.getMessage());
      }
    }
    return probe.isConsumed()
        ? new Decision(true, 0)
        : new Decision(
            false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
  }
}
