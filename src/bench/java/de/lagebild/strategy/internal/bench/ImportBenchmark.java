package de.lagebild.strategy.internal.bench;

import de.lagebild.exchange.SafeHtml;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.fixtures.StrategyGenerator;
import de.lagebild.strategy.internal.imports.ImportedTree;
import de.lagebild.strategy.internal.imports.StrategyImport;
import de.lagebild.strategy.internal.report.ReportContent;
import de.lagebild.strategy.internal.report.ReportDocxWriter;
import de.lagebild.strategy.internal.report.ReportPdfWriter;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite). 1) The import of a generated table-format file with
 * 10,000 measures and 3 rounds (reading, checking, writing in one transaction), against a plain
 * JDBC batch insert of the same rows into the same tables, measured in the same run; 2) the report
 * (PDF and DOCX) for 1,000 measures. Time and peak heap (sum of the heap pools' peaks). Run with
 * {@code ./lagebild mvn test -Dtest=ImportBenchmark -Dlagebild.test.db=sqlite|postgres
 * -Dtest.jvm.args="-Xmx256m -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED"}.
 */
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class ImportBenchmark {

  static final int MEASURES = Integer.getInteger("bench.measures", 10_000);
  static final int ROUNDS = 3;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired StrategyImport imports;
  @Autowired TenantDirectory tenants;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate tx;
  @Autowired StrategyRepository strategies;
  @Autowired MeasureRepository measures;
  @Autowired RoundRepository rounds;
  @Autowired ResponsibleUnits units;
  @Autowired ReportContent content;
  @Autowired ReportPdfWriter pdf;
  @Autowired ReportDocxWriter docx;

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1024 / 1024;
  }

  @Test
  void importAgainstPlainJdbcBatch() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    byte[] file = StrategyGenerator.tableFormat(MEASURES, ROUNDS);
    byte[] warm = StrategyGenerator.tableFormat(500, ROUNDS);
    // warm-up of both paths
    TenantContext.runAs(
        access,
        () ->
            imports.commit(
                warm,
                "warm.txt",
                null,
                new StrategyImport.Target(null, "Aufwärmen", null, null),
                null));
    jdbcBatch(access, 500);

    long[] baseline = new long[3];
    long[] imported = new long[3];
    long baselineHeap = 0;
    long importHeap = 0;
    for (int run = 0; run < 3; run++) {
      resetPeaks();
      long t0 = System.nanoTime();
      jdbcBatch(access, MEASURES);
      baseline[run] = (System.nanoTime() - t0) / 1_000_000;
      baselineHeap = Math.max(baselineHeap, peakHeapMb());

      resetPeaks();
      int r = run;
      long t1 = System.nanoTime();
      StrategyImport.Summary s =
          TenantContext.callAs(
              access,
              () ->
                  imports.commit(
                      file,
                      "bench.txt",
                      null,
                      new StrategyImport.Target(null, "Benchmark " + r, null, null),
                      null));
      imported[run] = (System.nanoTime() - t1) / 1_000_000;
      importHeap = Math.max(importHeap, peakHeapMb());
      if (s.measures() != MEASURES || s.assessments() != MEASURES * ROUNDS) {
        throw new AssertionError("import wrote " + s);
      }
    }
    long r0 = System.nanoTime();
    ImportedTree parsed = TenantContext.callAs(access, () -> imports.read(file, "bench.txt", null));
    long readMs = (System.nanoTime() - r0) / 1_000_000;
    long s0 = System.nanoTime();
    ImportedTree.walk(
        parsed.roots,
        g -> {},
        m -> m.assessments.values().forEach(a -> SafeHtml.sanitize(a.html())));
    long sanitizeMs = (System.nanoTime() - s0) / 1_000_000;
    System.out.printf(
        "%n  of which reading and checking the file: %d ms; sanitising the 30,000 texts: %d ms%n",
        readMs, sanitizeMs);
    long b = median(baseline);
    long i = median(imported);
    System.out.printf(
        "%nIMPORT BENCHMARK (%s, -Xmx%d MB, file %.1f MB, %d measures × %d rounds, %d goals)%n",
        TestDatabase.KIND,
        Runtime.getRuntime().maxMemory() / 1024 / 1024,
        file.length / 1e6,
        MEASURES,
        ROUNDS,
        goals(MEASURES));
    System.out.printf(
        "  plain JDBC batch insert: median %6d ms  runs %s  peak heap %4d MB%n",
        b, Arrays.toString(baseline), baselineHeap);
    System.out.printf(
        "  Lagebild import:         median %6d ms  runs %s  peak heap %4d MB%n",
        i, Arrays.toString(imported), importHeap);
    System.out.printf("  ratio import / plain insert: %.2f%n%n", (double) i / b);
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static int goals(int measures) {
    return (measures + 999) / 1000 + (measures + 99) / 100 + (measures + 9) / 10;
  }

  /**
   * The same rows the import writes – one strategy, 3 rounds, the goals, the measures and their
   * assessments – as prepared-statement batches of 500 in one transaction, with the texts the
   * generated file holds.
   */
  void jdbcBatch(TenantAccess access, int count) throws Exception {
    String tenant = access.tenantId().value().toString();
    boolean postgres = "postgres".equals(TestDatabase.KIND);
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      String strategy = UUID.randomUUID().toString();
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into strategy (tenant_id, id, title, status, level_names, "
                  + "visibility, version, created_at) values (?, ?, ?, 'DRAFT', 'Leitziel|Handlungsfeld|Teilziel', 'INTERNAL', 0, ?)")) {
        ps.setString(1, tenant);
        ps.setString(2, strategy);
        ps.setString(3, "JDBC " + strategy);
        time(ps, 4, now, postgres);
        ps.executeUpdate();
      }
      List<String> roundIds = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into reporting_round (tenant_id, id, strategy_id, name, "
                  + "period_start, period_end, state, version, created_at) values (?, ?, ?, ?, ?, ?, 'CLOSED', 0, ?)")) {
        for (int r = 1; r <= ROUNDS; r++) {
          String id = UUID.randomUUID().toString();
          roundIds.add(id);
          ps.setString(1, tenant);
          ps.setString(2, id);
          ps.setString(3, strategy);
          ps.setString(4, "Runde " + (2020 + r));
          date(ps, 5, LocalDate.of(2020 + r, 1, 1), postgres);
          date(ps, 6, LocalDate.of(2020 + r, 12, 31), postgres);
          time(ps, 7, now, postgres);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement g =
              c.prepareStatement(
                  "insert into goal (tenant_id, id, strategy_id, parent_id, level, "
                      + "position, code, title, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
          PreparedStatement m =
              c.prepareStatement(
                  "insert into measure (tenant_id, id, strategy_id, goal_id, "
                      + "position, code, title, responsible_text, success_criteria, weight, version, created_at) "
                      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?)");
          PreparedStatement a =
              c.prepareStatement(
                  "insert into assessment (tenant_id, id, round_id, measure_id, "
                      + "version_no, narrative, author_name, created_at) values (?, ?, ?, ?, 1, ?, 'Import', ?)")) {
        String[] open = new String[3];
        int goalPosition = 0;
        int pending = 0;
        for (int i = 0; i < count; i++) {
          for (int level = 0; level < 3; level++) {
            int every = level == 0 ? 1000 : level == 1 ? 100 : 10;
            if (i % every == 0) {
              open[level] = UUID.randomUUID().toString();
              g.setString(1, tenant);
              g.setString(2, open[level]);
              g.setString(3, strategy);
              g.setString(4, level == 0 ? null : open[level - 1]);
              g.setInt(5, level);
              g.setInt(6, goalPosition++);
              g.setString(7, (level + 1) + "." + i);
              g.setString(
                  8,
                  "Teilziel "
                      + (i / every + 1)
                      + " – Familien erreichen Beratung früh und wohnortnah");
              time(g, 9, now, postgres);
              g.addBatch();
            }
          }
          String id = UUID.randomUUID().toString();
          m.setString(1, tenant);
          m.setString(2, id);
          m.setString(3, strategy);
          m.setString(4, open[2]);
          m.setInt(5, i);
          m.setString(6, "m." + i);
          m.setString(
              7,
              "Maßnahme "
                  + (i + 1)
                  + ": Ausbau niedrigschwelliger Beratungsangebote in den Sozialräumen "
                  + "mit Sprechstunden vor Ort");
          m.setString(8, "Fachbereich Jugend, Stab Sozialplanung/Controlling");
          m.setString(9, "Anzahl der Beratungen; Erreichte Familien");
          time(m, 10, now, postgres);
          m.addBatch();
          for (String round : roundIds) {
            a.setString(1, tenant);
            a.setString(2, UUID.randomUUID().toString());
            a.setString(3, round);
            a.setString(4, id);
            a.setString(
                5,
                "<p>Stand: Die Maßnahme "
                    + (i + 1)
                    + " wird umgesetzt. Es fanden Gespräche mit Trägern "
                    + "statt; ein Konzept liegt vor.</p><ul><li>Sprechstunden in drei Orten</li><li>Auswertung im Herbst"
                    + "</li></ul>");
            time(a, 6, now, postgres);
            a.addBatch();
          }
          if (++pending % 125 == 0) {
            g.executeBatch();
            m.executeBatch();
            a.executeBatch();
          }
        }
        g.executeBatch();
        m.executeBatch();
        a.executeBatch();
      }
      c.commit();
    }
  }

  static void time(PreparedStatement ps, int i, Instant t, boolean postgres) throws SQLException {
    if (postgres) {
      ps.setTimestamp(i, Timestamp.from(t));
    } else {
      ps.setString(i, t.toString());
    }
  }

  static void date(PreparedStatement ps, int i, LocalDate d, boolean postgres) throws SQLException {
    if (postgres) {
      ps.setObject(i, d);
    } else {
      ps.setString(i, d.toString());
    }
  }

  @Test
  void reportForAThousandMeasures() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    UUID id =
        TenantContext.callAs(
            access,
            () ->
                tx.execute(
                    s ->
                        StrategyGenerator.generate(
                            strategies,
                            measures,
                            rounds,
                            units.list(),
                            "Bericht-Benchmark",
                            1000,
                            1)));
    for (int run = 0; run < 4; run++) {
      resetPeaks();
      long t0 = System.nanoTime();
      ReportContent.Report r =
          TenantContext.callAs(
              access,
              () ->
                  content.build(
                      "Landkreis Nordhausen",
                      id,
                      ReportContent.Options.of(null, true),
                      null,
                      LocalDate.now()));
      long built = (System.nanoTime() - t0) / 1_000_000;
      ByteArrayOutputStream p = new ByteArrayOutputStream();
      long t1 = System.nanoTime();
      pdf.write(r, null, p);
      long pdfMs = (System.nanoTime() - t1) / 1_000_000;
      long pdfHeap = peakHeapMb();
      resetPeaks();
      ByteArrayOutputStream d = new ByteArrayOutputStream();
      long t2 = System.nanoTime();
      docx.write(r, null, d);
      long docxMs = (System.nanoTime() - t2) / 1_000_000;
      long docxHeap = peakHeapMb();
      System.out.printf(
          "REPORT BENCHMARK run %d (%s, -Xmx%d MB, %d measures): content %d ms; PDF %d ms, %d KB, "
              + "peak heap %d MB; DOCX %d ms, %d KB, peak heap %d MB%n",
          run,
          TestDatabase.KIND,
          Runtime.getRuntime().maxMemory() / 1024 / 1024,
          r.measures(),
          built,
          pdfMs,
          p.size() / 1024,
          pdfHeap,
          docxMs,
          d.size() / 1024,
          docxHeap);
    }
  }
}
