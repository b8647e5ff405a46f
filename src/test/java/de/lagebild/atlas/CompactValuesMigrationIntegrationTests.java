package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * V17 converts the values of an installation written with the old layout (UUID columns, one row per
 * value with its own id and tenant) into the compact one: every value, its source, batch and
 * history arrive, the view shows them as before, and new areas and indicators get numbers.
 */
class CompactValuesMigrationIntegrationTests {

  private static final String T1 = "00000000-0000-0000-0000-00000000000a";
  private static final String T2 = "00000000-0000-0000-0000-00000000000b";

  @Test
  void existingValuesAreConvertedAndReadAsBefore() throws Exception {
    String url = TestDatabase.freshUrl();
    String vendor = TestDatabase.isPostgres() ? "postgresql" : "sqlite";
    var config =
        Flyway.configure()
            .dataSource(url, TestDatabase.user(), TestDatabase.password())
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    config.target("16").load().migrate();
    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
      DSLContext dsl =
          DSL.using(c, TestDatabase.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.SQLITE);
      String ts = "2020-01-01 00:00:00+00";
      for (String t : List.of(T1, T2)) {
        String s = t.substring(t.length() - 1);
        dsl.execute(
            "insert into tenant (id, slug, name, kind, public_visible, version, created_at)"
                + " values (?, ?, ?, 'LANDKREIS', false, 0, "
                + at()
                + ")",
            t,
            "kreis-" + s,
            "Kreis " + s,
            ts);
        for (int a = 1; a <= 3; a++) {
          dsl.execute(
              "insert into area (tenant_id, id, type, name, official_key, version, created_at)"
                  + " values (?, ?, 'GEMEINDE', ?, ?, 0, "
                  + at()
                  + ")",
              t,
              id(s, "a" + a),
              "Gemeinde " + a,
              "1606200" + a,
              ts);
        }
        dsl.execute(
            "insert into indicator (tenant_id, id, code, name, short_name, decimals, polarity,"
                + " kind, public_visible, position, version, created_at) values (?, ?, 'alo',"
                + " 'Arbeitslose', 'Alo', 1, 'LOWER_BETTER', 'OTHER', false, 0, 0, "
                + at()
                + ")",
            t,
            id(s, "i1"),
            ts);
        dsl.execute(
            "insert into value_batch (tenant_id, id, file_name, format, rows_read, created_at)"
                + " values (?, ?, 'werte.csv', 'CSV', 6, "
                + at()
                + ")",
            t,
            id(s, "b1"),
            ts);
        for (int a = 1; a <= 3; a++) {
          for (int y = 2019; y <= 2020; y++) {
            boolean special = a == 3 && y == 2020;
            dsl.execute(
                "insert into indicator_value (tenant_id, id, indicator_id, area_id, period,"
                    + " period_end, value, special, flags, batch_id, source, version, created_at)"
                    + " values (?, ?, ?, ?, ?, "
                    + date()
                    + ", ?, ?, ?, ?, ?, ?, "
                    + at()
                    + ")",
                t,
                id(s, "v" + a + y),
                id(s, "i1"),
                id(s, "a" + a),
                String.valueOf(y),
                y + "-12-31",
                special ? null : new java.math.BigDecimal(a + "." + (y - 2010)),
                special ? "." : null,
                a == 1 ? "p" : null,
                id(s, "b1"),
                "Quelle " + s,
                y == 2020 ? 1 : 0,
                ts);
          }
        }
        dsl.execute(
            "insert into indicator_value_history (tenant_id, id, value_id, value, batch_id,"
                + " replaced_at) values (?, ?, ?, 1.5, ?, "
                + at()
                + ")",
            t,
            id(s, "h1"),
            id(s, "v12020"),
            id(s, "b1"),
            ts);
      }
    }

    config.target("latest").load().migrate();

    try (Connection c =
        DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
      DSLContext dsl =
          DSL.using(c, TestDatabase.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.SQLITE);
      assertThat(dsl.fetchValue("select count(*) from atlas_value").toString()).isEqualTo("12");
      for (String t : List.of(T1, T2)) {
        String s = t.substring(t.length() - 1);
        var rows =
            dsl.fetch(
                "select indicator_id, area_id, period, period_end, value, special, flags,"
                    + " batch_id, source, version from indicator_value where tenant_id = ?",
                t);
        assertThat(rows).hasSize(6);
        var first =
            dsl.fetchOne(
                "select * from indicator_value where area_id = ? and period = '2020'", id(s, "a1"));
        assertThat(first.get("indicator_id").toString()).isEqualTo(id(s, "i1"));
        assertThat(first.get("area_id").toString()).isEqualTo(id(s, "a1"));
        assertThat(first.get("period").toString()).isEqualTo("2020");
        assertThat(first.get("period_end").toString()).startsWith("2020-12-31");
        assertThat(new java.math.BigDecimal(first.get("value").toString()))
            .isEqualByComparingTo("1.10");
        assertThat(first.get("flags")).hasToString("p");
        assertThat(first.get("batch_id").toString()).isEqualTo(id(s, "b1"));
        assertThat(first.get("source")).hasToString("Quelle " + s);
        assertThat(first.get("version").toString()).isEqualTo("1");
        var special =
            dsl.fetchOne(
                "select * from indicator_value where area_id = ? and period = '2020'", id(s, "a3"));
        assertThat(special.get("value")).isNull();
        assertThat(special.get("special")).hasToString(".");
        // the history of the revised value, by its indicator, area and period
        var history =
            dsl.fetch(
                "select h.period, h.value, b.id from atlas_value_history h join area a on a.num ="
                    + " h.area_num join indicator i on i.num = h.indicator_num join value_batch b"
                    + " on b.num = h.batch_num where h.tenant_id = ? and a.id = ? and i.id = ?",
                t,
                id(s, "a1"),
                id(s, "i1"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get(0).toString()).isEqualTo("2020");
        assertThat(new java.math.BigDecimal(history.get(0).get(1).toString()))
            .isEqualByComparingTo("1.5");
        assertThat(history.get(0).get(2).toString()).isEqualTo(id(s, "b1"));
      }
      // one source text per tenant
      assertThat(dsl.fetchValue("select count(*) from value_source").toString()).isEqualTo("2");
      // a new area and a new indicator get the next numbers
      dsl.execute(
          "insert into area (tenant_id, id, type, name, version, created_at) values (?, ?,"
              + " 'GEMEINDE', 'Neu', 0, "
              + at()
              + ")",
          T1,
          id("a", "a9"),
          "2021-01-01 00:00:00+00");
      Object max = dsl.fetchValue("select max(num) from area where id <> ?", id("a", "a9"));
      Object next = dsl.fetchValue("select num from area where id = ?", id("a", "a9"));
      assertThat(((Number) next).intValue()).isEqualTo(((Number) max).intValue() + 1);
    }
  }

  private static String at() {
    return TestDatabase.isPostgres() ? "cast(? as timestamptz)" : "?";
  }

  private static String date() {
    return TestDatabase.isPostgres() ? "cast(? as date)" : "?";
  }

  /** A fixed UUID per tenant suffix and name. */
  private static String id(String tenant, String name) {
    return java.util.UUID.nameUUIDFromBytes((tenant + "/" + name).getBytes()).toString();
  }
}
