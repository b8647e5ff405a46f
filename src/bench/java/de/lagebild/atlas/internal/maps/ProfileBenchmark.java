package de.lagebild.atlas.internal.maps;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.util.Arrays;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (not in the suite). A generated tenant at state scale on PostgreSQL (issue
 * 19): {@code bench.areas} Gemeinden (default 700) × {@code bench.indicators} (400) × {@code
 * bench.periods} (20) values, generated in the database ({@code generate_series}), plus the Kreis's
 * figures as the reference. Measures the storage per value, and the area profile (all indicators
 * with latest value, previous value, reference) p50/p95 against the bare SQL that fetches its
 * figures (the area's values, the Kreis's values at the same periods), in the same run. Run with
 * {@code ./lagebild mvn -Pbench test -Dtest=ProfileBenchmark -Dlagebild.test.db=postgres}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class ProfileBenchmark {

  static final int AREAS = Integer.getInteger("bench.areas", 700);
  static final int INDICATORS = Integer.getInteger("bench.indicators", 400);
  static final int PERIODS = Integer.getInteger("bench.periods", 20);
  static final int RUNS = Integer.getInteger("bench.runs", 40);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired TenantDirectory tenants;
  @Autowired ProfileViews profiles;

  @Test
  void profileAtStateScale() throws Exception {
    assumeTrue(dsl.dialect().family() == SQLDialect.POSTGRES, "PostgreSQL only");
    de.lagebild.bench.StateScaleTenant.Generated g =
        de.lagebild.bench.StateScaleTenant.generate(dsl, AREAS, INDICATORS, PERIODS);
    String tenant = g.tenant();
    String kreis = g.kreis();
    long generated = g.nanos();
    long rows =
        ((Number)
                dsl.fetchValue("select count(*) from indicator_value where tenant_id = ?", tenant))
            .longValue();
    long bytes =
        ((Number) dsl.fetchValue("select pg_total_relation_size('atlas_value')")).longValue();
    UUID area =
        UUID.fromString(
            String.valueOf(
                dsl.fetchValue(
                    "select id from area where tenant_id = ? and name = 'Bench-Gemeinde "
                        + (AREAS / 2)
                        + "'",
                    tenant)));
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    long[] profile = new long[RUNS];
    long[] bare = new long[RUNS];
    int figures = 0;
    for (int run = -5; run < RUNS; run++) {
      long a = System.nanoTime();
      ProfileViews.Profile p = TenantContext.callAs(access, () -> profiles.profile(area));
      long b = System.nanoTime();
      // the bare SQL that fetches the profile's figures: the area's values and the reference's
      // values at the periods it has
      int n =
          dsl.fetch(
                  "select * from indicator_value where tenant_id = ? and area_id = ?",
                  tenant,
                  area.toString())
              .size();
      n +=
          dsl.fetch(
                  "select * from indicator_value where tenant_id = ? and area_id = ? and period ="
                      + " ?",
                  tenant,
                  kreis,
                  String.valueOf(2000 + PERIODS - 1))
              .size();
      long c = System.nanoTime();
      if (run >= 0) {
        profile[run] = b - a;
        bare[run] = c - b;
        figures = p.figures().size();
      }
      if (n == 0) {
        throw new IllegalStateException("no values");
      }
    }
    Arrays.sort(profile);
    Arrays.sort(bare);
    double p50 = profile[RUNS / 2] / 1e6;
    double p95 = profile[(int) (RUNS * 0.95) - 1] / 1e6;
    double b50 = bare[RUNS / 2] / 1e6;
    double b95 = bare[(int) (RUNS * 0.95) - 1] / 1e6;
    System.out.printf(
        "BENCH profile (postgres): %d values generated in %.0f s, %d bytes/value incl. indexes;"
            + " profile of %d figures p50 %.1f ms, p95 %.1f ms; bare SQL p50 %.1f ms, p95 %.1f"
            + " ms; ratio p95 %.2f%n",
        rows, generated / 1e9, bytes / Math.max(1, rows), figures, p50, p95, b50, b95, p95 / b95);
    exportEverything(rows);
  }

  /**
   * {@code GET /values?format=csv} of the whole tenant through the real server, the heap sampled
   * every 50 ms; run with {@code -Dtest.jvm.args=-Xmx256m} to see that the export streams.
   */
  void exportEverything(long rows) throws Exception {
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    java.net.http.HttpResponse<java.io.InputStream> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:" + port + "/api/v1/nordhausen/values?format=csv"))
                    .header("Authorization", "Bearer lgb_demo_koordination_nordhausen")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    long size = 0;
    long lines = 0;
    byte[] buffer = new byte[64 * 1024];
    try (java.io.InputStream in = response.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    long took = System.nanoTime() - t0;
    running.set(false);
    sampler.join();
    System.out.printf(
        "BENCH export (postgres): %d CSV lines (%d values in the tenant), %.0f MB in %.0f s;"
            + " heap max %d MB, used before %d MB, peak during the export %d MB; status %d%n",
        lines,
        rows,
        size / 1e6,
        took / 1e9,
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        baseline / (1024 * 1024),
        peak.get() / (1024 * 1024),
        response.statusCode());
    if (lines != rows + 1) {
      throw new IllegalStateException(
          "the export is incomplete: " + lines + " lines for " + rows + " values");
    }
  }
}
