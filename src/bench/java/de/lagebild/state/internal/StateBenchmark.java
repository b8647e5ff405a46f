package de.lagebild.state.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.lagebild.identity.SharedItem;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.internal.state.StatePlatform;
import de.lagebild.identity.internal.tenants.TenantAdministration;
import de.lagebild.identity.internal.tenants.TenantKind;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite). The state platform at the size of a Land on PostgreSQL:
 * the demo Land Thüringen with 23 member districts – the two demo districts and 21 generated ones,
 * each holding a copy of Nordhausen's strategy (44 measures, its rounds and assessments) and
 * sharing everything – and, in the Land's atlas, {@code bench.indicators} indicators (30) × {@code
 * bench.gemeinden} Gemeinden (450) plus the Kreise and the Land × {@code bench.periods} (20) years:
 * about 1/20 of the state-scale tenant of issue 19. Measures the overview of districts and the
 * comparison of the 30 indicators across the Kreise (p50/p95 of {@code bench.runs} runs after 5
 * warm-ups) against the bare SQL that fetches the same figures, in the same loop. Run with {@code
 * ./lagebild mvn -Pbench test -Dtest=StateBenchmark -Dlagebild.test.db=postgres}.
 */
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class StateBenchmark {

  static final int DISTRICTS = Integer.getInteger("bench.districts", 23);
  static final int INDICATORS = Integer.getInteger("bench.indicators", 30);
  static final int GEMEINDEN = Integer.getInteger("bench.gemeinden", 450);
  static final int PERIODS = Integer.getInteger("bench.periods", 20);
  static final int RUNS = Integer.getInteger("bench.runs", 40);

  /** Strategy tables in the order of their references, with the columns that hold their ids. */
  static final List<String> STRATEGY_TABLES =
      List.of("strategy", "goal", "measure", "reporting_round", "assessment", "assessment_review");

  static final List<String> ID_COLUMNS =
      List.of(
          "id", "strategy_id", "goal_id", "parent_id", "measure_id", "round_id", "assessment_id");

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired DSLContext dsl;
  @Autowired TenantDirectory tenants;
  @Autowired TenantAdministration administration;
  @Autowired StatePlatform platform;
  @Autowired DistrictOverview overview;
  @Autowired DistrictComparison comparison;
  @Autowired TransactionTemplate tx;

  @Test
  void overviewAndComparisonOfALand() {
    assumeTrue(dsl.dialect().family() == SQLDialect.POSTGRES, "PostgreSQL only");
    long t0 = System.nanoTime();
    String nordhausen = id("nordhausen");
    List<String> keys =
        dsl.fetch(
                "select a.official_key from area a join tenant t on t.id = a.tenant_id where"
                    + " t.slug = 'thueringen' and a.type = 'KREIS' and a.official_key not in"
                    + " ('16062', '16073') order by a.official_key")
            .getValues(0, String.class);
    for (int d = 0; d < DISTRICTS - 2 && d < keys.size(); d++) {
      String slug = "bench-kreis-" + keys.get(d);
      administration.create(
          new TenantAdministration.NewTenant(
              slug, "Bench-Kreis " + keys.get(d), TenantKind.LANDKREIS, keys.get(d), false),
          null,
          false);
      String tenant = id(slug);
      copyStrategy(nordhausen, tenant);
      platform.assign(slug, "thueringen");
      share(slug);
    }
    share("nordhausen");
    share("saalfeld-rudolstadt");
    String land = id("thueringen");
    String landArea =
        String.valueOf(
            dsl.fetchValue(
                "select id from area where tenant_id = ? and official_key = '16'", land));
    dsl.execute(
        "insert into area (tenant_id, id, type, name, official_key, parent_id, version, created_at)"
            + " select ?, md5('bench-gemeinde' || g)::uuid::text, 'GEMEINDE', 'Bench-Gemeinde ' ||"
            + " g, '16099' || lpad(g::text, 3, '0'), ?, 0, now() from generate_series(1, ?) g",
        land,
        landArea,
        GEMEINDEN);
    dsl.execute(
        "insert into indicator (tenant_id, id, code, name, short_name, decimals, polarity, kind,"
            + " public_visible, position, version, created_at) select ?,"
            + " md5('bench-indicator' || g)::uuid::text, 'bench-' || g, 'Bench-Indikator ' || g,"
            + " 'Bench ' || g, 1, 'LOWER_BETTER', 'RATE', true, 1000 + g, 0, now() from"
            + " generate_series(1, ?) g",
        land,
        INDICATORS);
    dsl.execute(
        "insert into atlas_value (indicator_num, area_num, period, period_end, value, version)"
            + " select i.num, a.num, (2000 + y)::text, make_date(2000 + y, 12, 31),"
            + " round((random() * 100)::numeric, 1), 0 from indicator i cross join area a"
            + " cross join generate_series(0, ? - 1) y where i.tenant_id = ? and i.code like"
            + " 'bench-%' and a.tenant_id = ? and a.type in ('GEMEINDE', 'KREIS', 'LAND')",
        PERIODS, land, land);
    dsl.execute("analyze atlas_value");
    dsl.execute("analyze indicator");
    dsl.execute("analyze area");
    dsl.execute("analyze assessment");
    dsl.execute("analyze measure");
    dsl.execute("update atlas_revision set revision = revision + 1 where tenant_id = ?", land);
    long generated = System.nanoTime() - t0;
    long values =
        ((Number) dsl.fetchValue("select count(*) from indicator_value where tenant_id = ?", land))
            .longValue();
    long measures =
        ((Number)
                dsl.fetchValue(
                    "select count(*) from measure m join state_member s on s.district_id ="
                        + " m.tenant_id where s.state_id = ?",
                    land))
            .longValue();

    TenantAccess access = tenants.systemAccess("thueringen").orElseThrow();
    var indicators =
        TenantContext.callAs(
            access,
            () ->
                comparison.indicators().stream()
                    .filter(i -> i.code().startsWith("bench-"))
                    .toList());
    long[] over = new long[RUNS];
    long[] overBare = new long[RUNS];
    long[] cmp = new long[RUNS];
    long[] cmpBare = new long[RUNS];
    int rows = 0;
    int cells = 0;
    for (int run = -5; run < RUNS; run++) {
      long a = System.nanoTime();
      List<DistrictOverview.Row> r = TenantContext.callAs(access, overview::rows);
      long b = System.nanoTime();
      int bare = bareOverview(land);
      long c = System.nanoTime();
      List<DistrictComparison.Row> k =
          TenantContext.callAs(access, () -> comparison.compare(indicators, null));
      long d = System.nanoTime();
      int bareValues = bareComparison(land);
      long e = System.nanoTime();
      if (bare == 0 || bareValues == 0) {
        throw new IllegalStateException("bare SQL found nothing");
      }
      if (run >= 0) {
        over[run] = b - a;
        overBare[run] = c - b;
        cmp[run] = d - c;
        cmpBare[run] = e - d;
        rows = r.size();
        cells = k.stream().mapToInt(x -> x.cells().size()).sum();
      }
    }
    System.out.printf(
        "BENCH state (postgres): generated in %.0f s: %d districts, %d measures, %d atlas values"
            + " in the Land%n",
        generated / 1e9, rows, measures, values);
    report("overview of districts", rows + " rows", over, overBare);
    report("comparison of " + indicators.size() + " indicators", cells + " cells", cmp, cmpBare);
  }

  static void report(String what, String size, long[] timed, long[] bare) {
    Arrays.sort(timed);
    Arrays.sort(bare);
    double p50 = timed[RUNS / 2] / 1e6;
    double p95 = timed[(int) (RUNS * 0.95) - 1] / 1e6;
    double b50 = bare[RUNS / 2] / 1e6;
    double b95 = bare[(int) (RUNS * 0.95) - 1] / 1e6;
    System.out.printf(
        "BENCH state: %s (%s): p50 %.1f ms, p95 %.1f ms; bare SQL p50 %.1f ms, p95 %.1f ms;"
            + " ratio p95 %.2f%n",
        what, size, p50, p95, b50, b95, p95 / b95);
  }

  /**
   * The same figures as the overview by hand: per member district its strategies, the status mix of
   * the newest assessment per measure in its latest closed round, the current round's assessed
   * measures, published offers, the newest import and the funding.
   */
  int bareOverview(String land) {
    int n = 0;
    n +=
        dsl.fetch(
                "select s.tenant_id, s.id, s.title, s.status, s.valid_from, s.decision_ref,"
                    + " (select count(*) from measure m where m.strategy_id = s.id) from strategy"
                    + " s join state_member sm on sm.district_id = s.tenant_id where sm.state_id ="
                    + " ?",
                land)
            .size();
    n +=
        dsl.fetch(
                "select r.strategy_id, a.status_code, count(*) from (select distinct on"
                    + " (a.round_id, a.measure_id) a.round_id, a.measure_id, a.status_code from"
                    + " assessment a join state_member sm on sm.district_id = a.tenant_id where"
                    + " sm.state_id = ? order by a.round_id, a.measure_id, a.version_no desc) a"
                    + " join reporting_round r on r.id = a.round_id group by r.strategy_id,"
                    + " r.id, a.status_code",
                land)
            .size();
    n +=
        dsl.fetch(
                "select o.tenant_id, count(*) from offer o join state_member sm on"
                    + " sm.district_id = o.tenant_id where sm.state_id = ? and o.status ="
                    + " 'PUBLISHED' group by o.tenant_id",
                land)
            .size();
    n +=
        dsl.fetch(
                "select b.tenant_id, max(b.created_at) from value_batch b join state_member sm"
                    + " on sm.district_id = b.tenant_id where sm.state_id = ? group by"
                    + " b.tenant_id",
                land)
            .size();
    n +=
        dsl.fetch(
                "select f.tenant_id, sum(f.amount) from planning_funding f join state_member sm"
                    + " on sm.district_id = f.tenant_id where sm.state_id = ? group by"
                    + " f.tenant_id",
                land)
            .size();
    return n;
  }

  /**
   * The same figures as the comparison: the newest year of the 30 indicators in the Kreise and the
   * Land.
   */
  int bareComparison(String land) {
    return dsl.fetch(
            "select v.indicator_id, v.area_id, v.value from indicator_value v join indicator i on"
                + " i.id = v.indicator_id join area a on a.id = v.area_id where v.tenant_id = ?"
                + " and i.code like 'bench-%' and a.type in ('KREIS', 'LAND') and v.period = ?",
            land, String.valueOf(2000 + PERIODS - 1))
        .size();
  }

  private String id(String slug) {
    return String.valueOf(dsl.fetchValue("select id from tenant where slug = ?", slug));
  }

  private void share(String slug) {
    TenantContext.runAs(
        tenants.systemAccess(slug).orElseThrow(),
        () ->
            tx.executeWithoutResult(
                s -> platform.saveSettings(EnumSet.allOf(SharedItem.class), Map.of())));
  }

  /**
   * Copies the strategy tables of one tenant into another, with new ids (md5 of the old id and the
   * tenant) and the references between them mapped the same way.
   */
  private void copyStrategy(String from, String to) {
    for (String table : STRATEGY_TABLES) {
      List<String> columns =
          dsl.fetch(
                  "select column_name from information_schema.columns where table_name = ? and"
                      + " table_schema = 'public' order by ordinal_position",
                  table)
              .getValues(0, String.class);
      List<String> select = new ArrayList<>();
      for (String c : columns) {
        if (c.equals("tenant_id")) {
          select.add("'" + to + "'");
        } else if (ID_COLUMNS.contains(c)) {
          select.add(
              "case when "
                  + c
                  + " is null then null else md5("
                  + c
                  + " || '"
                  + to
                  + "')::uuid::text end");
        } else {
          select.add(c);
        }
      }
      dsl.execute(
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") select "
              + String.join(", ", select)
              + " from "
              + table
              + " where tenant_id = ?",
          from);
    }
  }
}
