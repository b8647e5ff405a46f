package de.lagebild.platform;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fresh planner statistics after large writes: without them the first pages after an import of
 * hundreds of thousands of values run on plans made for an empty table (issue 19). PostgreSQL gets
 * {@code ANALYZE} of the written tables, SQLite {@code PRAGMA optimize}. Called after the import's
 * transaction, never inside it; a failure is logged and does not fail the import.
 */
@Component
public class DatabaseStatistics {

  /** From this many written rows the statistics are refreshed. */
  public static final int LARGE = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatistics.class);

  private final DSLContext dsl;

  DatabaseStatistics(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Refreshes the statistics of the tables when {@code rows} is large. Returns whether it did. */
  public boolean afterWriting(int rows, String... tables) {
    if (rows < LARGE) {
      return false;
    }
    long started = System.nanoTime();
    try {
      if (dsl.dialect().family() == SQLDialect.POSTGRES) {
        for (String table : tables) {
          if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
          }
          dsl.execute("analyze " + table);
        }
      } else {
        dsl.execute("pragma optimize");
      }
      LOG.info(
          "Planner statistics refreshed after {} rows ({} ms)",
          rows,
          (System.nanoTime() - started) / 1_000_000);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Planner statistics not refreshed: {}", e.getMessage());
      return false;
    }
  }
}
