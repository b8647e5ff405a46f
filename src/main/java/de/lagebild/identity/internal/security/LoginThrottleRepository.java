package de.lagebild.identity.internal.security;

import static de.lagebild.identity.internal.store.IdentityTables.Throttle.FAILURES;
import static de.lagebild.identity.internal.store.IdentityTables.Throttle.KEY;
import static de.lagebild.identity.internal.store.IdentityTables.Throttle.LAST_FAILURE_AT;
import static de.lagebild.identity.internal.store.IdentityTables.Throttle.T;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Failed-login counts in the database, shared by all instances (one upsert per failure, atomic on
 * both databases).
 */
@Repository
class LoginThrottleRepository {

  record Entry(int failures, Instant lastFailureAt) {}

  private static final int PURGE_EVERY = 200;

  private final DSLContext dsl;
  private final AtomicInteger sincePurge = new AtomicInteger();

  LoginThrottleRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  Optional<Entry> find(String key) {
    return dsl.select(FAILURES, LAST_FAILURE_AT)
        .from(T)
        .where(KEY.eq(key))
        .fetchOptional(r -> new Entry(r.get(FAILURES), r.get(LAST_FAILURE_AT)));
  }

  /**
   * Counts a failure; a count whose last failure lies before {@code forgetBefore} starts again at
   * one.
   */
  void recordFailure(String key, Instant now, Instant forgetBefore) {
    dsl.insertInto(T)
        .set(KEY, key)
        .set(FAILURES, 1)
        .set(LAST_FAILURE_AT, now)
        .onConflict(KEY)
        .doUpdate()
        .set(
            FAILURES,
            DSL.when(LAST_FAILURE_AT.lt(forgetBefore), DSL.inline(1)).otherwise(FAILURES.plus(1)))
        .set(LAST_FAILURE_AT, now)
        .execute();
  }

  void clear(String key) {
    dsl.deleteFrom(T).where(KEY.eq(key)).execute();
  }

  /** Deletes forgotten counts now and then, so the table stays small. */
  void purgeOccasionally(Instant forgetBefore) {
    if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
      sincePurge.set(0);
      dsl.deleteFrom(T).where(LAST_FAILURE_AT.lt(forgetBefore)).execute();
    }
  }
}
