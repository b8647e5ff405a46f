package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Planner statistics after large imports (issue 19, target 5): from 10,000 written rows PostgreSQL
 * analyses the value tables, SQLite runs {@code PRAGMA optimize}; smaller writes leave them alone.
 */
@IntegrationTest
class DatabaseStatisticsIntegrationTests extends DatabaseProperties {

  @Autowired DatabaseStatistics statistics;
  @Autowired DSLContext dsl;

  @Test
  void largeWritesRefreshThePlannerStatistics() {
    assertThat(statistics.afterWriting(9_999, "atlas_value")).isFalse();
    assertThat(statistics.afterWriting(10_000, "atlas_value", "atlas_value_history")).isTrue();
    if (dsl.dialect().family() == SQLDialect.POSTGRES) {
      assertThat(
              dsl.fetchValue(
                  "select last_analyze from pg_stat_user_tables where relname = 'atlas_value'"))
          .isNotNull();
    }
  }
}
