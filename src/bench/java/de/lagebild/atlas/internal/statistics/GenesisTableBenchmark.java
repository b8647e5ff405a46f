package de.lagebild.atlas.internal.statistics;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (not in the suite). The real GENESIS table 12411-0018 (517 KB, 401 Kreise ×
 * 34 columns × 6 dates = 81,838 cells, Windows-1252) through the wizard's import: preview and
 * commit (median of 3 after a warm-up), against the streaming long-table import of the values it
 * writes (the 23 Thuringian Kreise of the demo tenant) in the same run. Run with {@code ./lagebild
 * mvn -Pbench test -Dtest=GenesisTableBenchmark -Dlagebild.test.db=sqlite|postgres}.
 */
@SpringBootTest(
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class GenesisTableBenchmark {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired IndicatorImport imports;
  @Autowired StreamingValueImport streaming;
  @Autowired TenantDirectory tenants;

  static long median(long[] t) {
    long[] s = Arrays.copyOfRange(t, 1, t.length);
    Arrays.sort(s);
    return s[s.length / 2];
  }

  @Test
  void aRealRegionaldatenbankTableAgainstTheStreamingImport() throws Exception {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/demo/atlas/statistics/12411-0018.csv")) {
      bytes = in.readAllBytes();
    }
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    long[] preview = new long[4];
    long[] commit = new long[4];
    long[] stream = new long[4];
    int[] values = new int[1];
    for (int run = 0; run < 4; run++) {
      // the preview parses (as after an upload); the commit that follows reuses the parse
      imports.forgetParsed();
      long t0 = System.nanoTime();
      IndicatorImport.Preview p =
          TenantContext.callAs(
              access, () -> imports.preview(bytes, IndicatorImport.Options.of(null)));
      preview[run] = System.nanoTime() - t0;
      values[0] = p.values();
      // the mapping that the preview proposes, as the wizard sends it: new indicators the first
      // time, the same ones on the next runs
      Map<Integer, String> mapping = new HashMap<>();
      long t1 = System.nanoTime();
      IndicatorImport.Summary s =
          TenantContext.callAs(
              access,
              () ->
                  imports.commit(
                      bytes, "12411-0018.csv", IndicatorImport.Options.of(mapping), null));
      commit[run] = System.nanoTime() - t1;
      // the same values as a long table through the streaming import
      Path file = Files.createTempFile("long", ".csv");
      StatisticsTable.Result read =
          StatisticsReader.read(
              new String(bytes, java.nio.charset.Charset.forName("windows-1252")));
      Map<Integer, String> labels = new HashMap<>();
      read.columns().forEach(c -> labels.put(c.index(), c.label()));
      int written = 0;
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write("Schlüssel;Indikator;Zeitraum;Wert\n");
        for (StatisticsTable.Cell c : read.cells()) {
          if (c.key() != null && c.key().startsWith("16") && c.value() != null) {
            w.write(
                c.key()
                    + ";long-"
                    + c.column()
                    + ";"
                    + c.period()
                    + ";"
                    + c.value().toPlainString().replace('.', ',')
                    + "\n");
            written++;
          }
        }
      }
      long t2 = System.nanoTime();
      TenantContext.callAs(
          access,
          () -> {
            try {
              return streaming.commit(file, "long.csv");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      stream[run] = System.nanoTime() - t2;
      Files.delete(file);
      System.out.printf(
          "BENCH run %d: preview %.0f ms, commit %.0f ms (%d values), streaming %.0f ms (%d rows)%n",
          run, preview[run] / 1e6, commit[run] / 1e6, s.values(), stream[run] / 1e6, written);
    }
    System.out.printf(
        "BENCH 12411-0018 (%s): preview %.0f ms, commit %.0f ms, streaming long table %.0f ms;"
            + " ratio commit/streaming %.2f, (preview+commit)/streaming %.2f; %d values%n",
        TestDatabase.KIND,
        median(preview) / 1e6,
        median(commit) / 1e6,
        median(stream) / 1e6,
        (double) median(commit) / median(stream),
        (double) (median(preview) + median(commit)) / median(stream),
        values[0]);
  }
}
