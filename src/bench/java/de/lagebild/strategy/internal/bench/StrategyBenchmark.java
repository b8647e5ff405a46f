package de.lagebild.strategy.internal.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.fixtures.StrategyGenerator;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.tree.StrategyTree;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite: its name does not end in Tests). Server time of the
 * strategy overview and the dashboard for a generated strategy of 2,000 measures × 5 rounds,
 * against a trivial page of the same application (the tenant's start page) measured in the same
 * run. Run with {@code ./lagebild mvn test -Dtest=StrategyBenchmark
 * -Dlagebild.test.db=sqlite|postgres}.
 */
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class StrategyBenchmark {

  static final int WARMUP = 30;
  static final int RUNS = Integer.getInteger("bench.runs", 200);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired TenantDirectory tenants;
  @Autowired StrategyRepository strategies;
  @Autowired MeasureRepository measures;
  @Autowired RoundRepository rounds;
  @Autowired ResponsibleUnits units;
  @Autowired TransactionTemplate tx;
  @Autowired UserDetailsService userDetails;
  @Autowired StrategyTree tree;

  @Test
  void overviewAndDashboardAgainstATrivialPage() throws Exception {
    long t0 = System.nanoTime();
    UUID[] id = new UUID[1];
    TenantContext.runAs(
        tenants.systemAccess("nordhausen").orElseThrow(),
        () ->
            tx.executeWithoutResult(
                s ->
                    id[0] =
                        StrategyGenerator.generate(
                            strategies, measures, rounds, units.list(), "Benchmark", 2000, 5)));
    long generated = (System.nanoTime() - t0) / 1_000_000;
    Logins logins = new Logins(userDetails);
    RequestBuilder trivial = get("/nordhausen").with(logins.as("koordination"));
    RequestBuilder overview =
        get("/nordhausen/strategien/" + id[0]).with(logins.as("koordination"));
    RequestBuilder dashboard =
        get("/nordhausen/strategien/" + id[0] + "/dashboard").with(logins.as("koordination"));
    double[][] t = {new double[RUNS], new double[RUNS], new double[RUNS]};
    for (int i = 0; i < WARMUP + RUNS; i++) {
      RequestBuilder[] order = {trivial, overview, dashboard};
      for (int k = 0; k < 3; k++) {
        long s = System.nanoTime();
        mvc.perform(order[k]).andExpect(status().isOk());
        if (i >= WARMUP) {
          t[k][i - WARMUP] = (System.nanoTime() - s) / 1e6;
        }
      }
    }
    // the same tree without HTTP and rendering: how much of the page time is data
    double[] build = new double[RUNS];
    TenantContext.runAs(
        tenants.systemAccess("nordhausen").orElseThrow(),
        () -> {
          for (int i = 0; i < WARMUP + RUNS; i++) {
            long s = System.nanoTime();
            tree.build(id[0], null, StrategyTree.Filter.NONE, LocalDate.now());
            if (i >= WARMUP) {
              build[i - WARMUP] = (System.nanoTime() - s) / 1e6;
            }
          }
        });
    String db = TestDatabase.KIND;
    System.out.printf(
        "%nBENCH strategy db=%s measures=2000 rounds=5 assessments=10000 generate_ms=%d runs=%d%n",
        db, generated, RUNS);
    System.out.printf(
        "BENCH tree-build-only p50_ms=%.2f p95_ms=%.2f%n", pct(build, 50), pct(build, 95));
    String[] names = {"trivial", "overview", "dashboard"};
    for (int k = 0; k < 3; k++) {
      System.out.printf(
          "BENCH %s p50_ms=%.2f p95_ms=%.2f ratio_p50=%.1f ratio_p95=%.1f%n",
          names[k],
          pct(t[k], 50),
          pct(t[k], 95),
          pct(t[k], 50) / pct(t[0], 50),
          pct(t[k], 95) / pct(t[0], 95));
    }
  }

  static double pct(double[] values, int p) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.round(p / 100.0 * (s.length - 1)))];
  }
}
