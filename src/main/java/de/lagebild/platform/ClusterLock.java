package de.lagebild.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A named lock shared by every instance on the database, so that scheduled work runs once per
 * cluster (what ShedLock does, in one table and two statements). {@link #tryLock} takes the lock
 * for {@code hold} when nobody holds it (or its holder's time has run out, e.g. because that
 * instance was killed) – a conditional update, atomic on SQLite and PostgreSQL. The lock is kept
 * for the whole hold, also after the work ends, so that an instance whose clock or cron fires a
 * little later does not run the same work again.
 */
@Component
public class ClusterLock {

  private final DSLContext dsl;
  private final Clock clock;
  private final String me;

  ClusterLock(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
    this.me = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** Takes the lock {@code name} for {@code hold}; false when another run holds it. */
  public boolean tryLock(String name, Duration hold) {
    return tryLock(name, hold, me);
  }

  /**
   * As {@link #tryLock(String, Duration)}, for a holder named explicitly (tests: two instances).
   */
  boolean tryLock(String name, Duration hold, String holder) {
    long now = clock.millis();
    long until = now + hold.toMillis();
    // the row exists once; when two instances create it at the same moment, the second insert
    // does nothing (an insert "where not exists" would fail on the key then – the race test saw it)
    dsl.execute(
        "insert into cluster_lock (name, locked_until, locked_by) values (?, 0, '') "
            + "on conflict (name) do nothing",
        name);
    return dsl.execute(
            "update cluster_lock set locked_until = ?, locked_by = ? "
                + "where name = ? and locked_until <= ?",
            until,
            holder,
            name,
            now)
        == 1;
  }
}
