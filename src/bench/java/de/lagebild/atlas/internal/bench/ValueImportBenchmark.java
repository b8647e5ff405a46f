package de.lagebild.atlas.internal.bench;

import de.lagebild.atlas.internal.statistics.IndicatorImport;
import de.lagebild.atlas.internal.statistics.StreamingValueImport;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite). The streaming import of a generated long CSV with
 * 1,000,000 values (22 Kreise × 100 indicators × 455 years) against the database's bulk path for
 * the same rows in the same run: PostgreSQL {@code COPY … FROM STDIN}, SQLite a prepared JDBC batch
 * (it has no COPY). Time and peak heap. Run with {@code ./lagebild mvn test
 * -Dtest=ValueImportBenchmark -Dlagebild.test.db=postgres|sqlite -Dtest.jvm.args="-Xmx512m
 * -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED"}.
 */
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class ValueImportBenchmark {

  static final int INDICATORS = 100;
  static final int FIRST_YEAR = 1570;
  static final int YEARS = Integer.getInteger("bench.years", 455);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired StreamingValueImport streaming;
  @Autowired AreaRepository areaRepository;
  IndicatorRepository indicatorRepository;
  @Autowired TenantDirectory tenants;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;

  static void resetPeaks() {
    System.gc();
    java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .forEach(p -> p.resetPeakUsage());
  }

  static long peakHeapMb() {
    return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        / 1024
        / 1024;
  }

  @Test
  void millionValuesAgainstTheBulkPath() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    List<AreaRow> areas =
        TenantContext.callAs(
            access,
            () ->
                areaRepository.areas().stream()
                    .filter(a -> a.type() == AtlasRows.AreaType.KREIS && a.validTo() == null)
                    .toList());
    Path file = Files.createTempFile("values", ".csv");
    long rows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Schlüssel;Indikator;Zeitraum;Wert\n");
      for (int i = 0; i < INDICATORS; i++) {
        for (int y = 0; y < YEARS; y++) {
          for (AreaRow a : areas) {
            w.write(
                a.officialKey()
                    + ";imp-"
                    + i
                    + ";"
                    + (FIRST_YEAR + y)
                    + ";"
                    + ((i * 31 + y * 7) % 1000)
                    + ","
                    + (y % 10)
                    + "\n");
            rows++;
          }
        }
      }
    }
    // the bulk path's indicators
    List<UUID> baseline = new ArrayList<>();
    TenantContext.runAs(
        access,
        () ->
            tx.executeWithoutResult(
                s -> {
                  for (int i = 0; i < INDICATORS; i++) {
                    UUID id = UUID.randomUUID();
                    indicatorRepository.insertIndicator(
                        new IndicatorRow(
                            id,
                            "copy-" + i,
                            "copy " + i,
                            "c" + i,
                            null,
                            null,
                            1,
                            null,
                            null,
                            null,
                            Polarity.NEUTRAL,
                            null,
                            null,
                            null,
                            "OTHER",
                            false,
                            1000 + i,
                            0,
                            null,
                            null,
                            null),
                        Instant.now());
                    baseline.add(id);
                  }
                }));
    String tenant = access.tenantId().value().toString();
    resetPeaks();
    long t0 = System.nanoTime();
    bulk(tenant, baseline, areas);
    long bulkMs = (System.nanoTime() - t0) / 1_000_000;
    long bulkHeap = peakHeapMb();
    resetPeaks();
    long t1 = System.nanoTime();
    IndicatorImport.Summary s =
        TenantContext.callAs(
            access,
            () -> {
              try {
                return streaming.commit(file, "values.csv");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long importMs = (System.nanoTime() - t1) / 1_000_000;
    long importHeap = peakHeapMb();
    if (s.created() != rows) {
      throw new AssertionError("imported " + s + " of " + rows);
    }
    System.out.printf(
        "%nVALUE IMPORT BENCHMARK (%s, -Xmx%d MB, %,d values, file %.1f MB)%n",
        TestDatabase.KIND,
        Runtime.getRuntime().maxMemory() / 1024 / 1024,
        rows,
        Files.size(file) / 1e6);
    System.out.printf(
        "  bulk path (%s): %,d ms  peak heap %d MB%n",
        "postgres".equals(TestDatabase.KIND) ? "COPY FROM STDIN" : "prepared JDBC batch",
        bulkMs,
        bulkHeap);
    System.out.printf("  streaming import: %,d ms  peak heap %d MB%n", importMs, importHeap);
    System.out.printf("  ratio import / bulk: %.2f%n%n", (double) importMs / bulkMs);
    Files.deleteIfExists(file);
  }

  void bulk(String tenant, List<UUID> indicators, List<AreaRow> areas) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      // the stored values refer to numbers (V17)
      java.util.Map<UUID, Integer> nums = new java.util.HashMap<>();
      try (var st = c.createStatement();
          var rs =
              st.executeQuery("select id, num from indicator union all select id, num from area")) {
        while (rs.next()) {
          nums.put(UUID.fromString(rs.getString(1)), rs.getInt(2));
        }
      }
      if ("postgres".equals(TestDatabase.KIND)) {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (UUID i : indicators) {
          for (int y = 0; y < YEARS; y++) {
            for (AreaRow a : areas) {
              chunk
                  .append(nums.get(i))
                  .append(',')
                  .append(nums.get(a.id()))
                  .append(',')
                  .append(FIRST_YEAR + y)
                  .append(',')
                  .append(FIRST_YEAR + y)
                  .append("-12-31,")
                  .append(y % 1000)
                  .append(".5,0")
                  .append('\n');
            }
          }
          copy.copyIn(
              "COPY atlas_value (indicator_num, area_num, period, period_end, value, version)"
                  + " FROM STDIN WITH (FORMAT csv)",
              new StringReader(chunk.toString()));
          chunk.setLength(0);
        }
      } else {
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into atlas_value (indicator_num, area_num, period, period_end, value,"
                    + " version) values (?, ?, ?, ?, ?, 0)")) {
          int n = 0;
          for (UUID i : indicators) {
            for (int y = 0; y < YEARS; y++) {
              for (AreaRow a : areas) {
                ps.setInt(1, nums.get(i));
                ps.setInt(2, nums.get(a.id()));
                ps.setString(3, String.valueOf(FIRST_YEAR + y));
                ps.setString(4, (FIRST_YEAR + y) + "-12-31");
                ps.setBigDecimal(5, new BigDecimal(y % 1000 + ".5"));
                ps.addBatch();
                if (++n % 5000 == 0) {
                  ps.executeBatch();
                }
              }
            }
          }
          ps.executeBatch();
        }
      }
      c.commit();
    }
  }
}
