package de.lagebild.bench;

import org.jooq.DSLContext;

/**
 * The data of the state-scale benchmarks (issue 19), generated in PostgreSQL with {@code
 * generate_series}: in the demo tenant {@code nordhausen}, {@code areas} Gemeinden under the Kreis
 * 16062, {@code indicators} public indicators and a value for every indicator, Gemeinde (and the
 * Kreis) and year from 2000 – at the defaults 700 × 400 × 20 = 5.6 million values. Afterwards the
 * statistics are refreshed as an import does and the atlas revision is raised as every write does.
 */
public final class StateScaleTenant {

  private StateScaleTenant() {}

  /** The generated tenant: its id, the Kreis's id and how long the generation took. */
  public record Generated(String tenant, String kreis, long nanos) {}

  public static Generated generate(DSLContext dsl, int areas, int indicators, int periods) {
    String tenant =
        String.valueOf(dsl.fetchValue("select id from tenant where slug = 'nordhausen'"));
    String kreis =
        String.valueOf(
            dsl.fetchValue(
                "select id from area where tenant_id = ? and official_key = '16062'", tenant));
    long t0 = System.nanoTime();
    dsl.execute(
        "insert into area (tenant_id, id, type, name, official_key, parent_id, version, created_at)"
            + " select ?, md5('bench-area' || g)::uuid::text, 'GEMEINDE', 'Bench-Gemeinde ' || g,"
            + " '16062' || lpad(g::text, 3, '0'), ?, 0, now() from generate_series(1, ?) g",
        tenant,
        kreis,
        areas);
    dsl.execute(
        "insert into indicator (tenant_id, id, code, name, short_name, decimals, polarity, kind,"
            + " public_visible, position, version, created_at) select ?,"
            + " md5('bench-indicator' || g)::uuid::text, 'bench-' || g, 'Bench-Indikator ' || g,"
            + " 'Bench ' || g, 1, 'LOWER_BETTER', 'OTHER', true, 1000 + g, 0, now() from"
            + " generate_series(1, ?) g",
        tenant,
        indicators);
    dsl.execute(
        "insert into atlas_value (indicator_num, area_num, period, period_end, value, version)"
            + " select i.num, a.num, (2000 + y)::text, make_date(2000 + y, 12, 31),"
            + " round((random() * 1000)::numeric, 1), 0 from indicator i cross join area a"
            + " cross join generate_series(0, ? - 1) y where i.tenant_id = ? and i.code like"
            + " 'bench-%' and a.tenant_id = ? and (a.name like 'Bench-Gemeinde %' or a.id = ?)",
        periods, tenant, tenant, kreis);
    // as the import does after large writes (DatabaseStatistics)
    dsl.execute("analyze atlas_value");
    dsl.execute("analyze indicator");
    dsl.execute("analyze area");
    dsl.execute("update atlas_revision set revision = revision + 1 where tenant_id = ?", tenant);
    return new Generated(tenant, kreis, System.nanoTime() - t0);
  }
}
