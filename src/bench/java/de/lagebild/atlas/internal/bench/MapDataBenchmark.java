package de.lagebild.atlas.internal.bench;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite). Map data for 700 generated areas (60-point rings,
 * simplified geometry stored) from the real server: p50/p95 latency and bytes of {@code GET
 * /api/v1/{tenant}/map-data}, against serving the same bytes as a static file from the same server,
 * alternating, on one keep-alive connection, warm. Run with {@code ./lagebild mvn test
 * -Dtest=MapDataBenchmark -Dlagebild.test.db=sqlite|postgres}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn",
      "spring.web.resources.static-locations=classpath:/static/,file:target/bench-static/"
    })
class MapDataBenchmark {

  static final int AREAS = 700;
  static final int RUNS = Integer.getInteger("bench.runs", 300);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @LocalServerPort int port;
  @Autowired TenantDirectory tenants;
  @Autowired AreaRepository areaRepository;
  @Autowired IndicatorRepository indicatorRepository;
  @Autowired ValueRepository valueRepository;
  @Autowired TransactionTemplate tx;

  /** A square-ish ring of {@code n} points around (x, y). */
  static String ring(double x, double y, int n) {
    StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i <= n; i++) {
      double a = 2 * Math.PI * (i % n) / n;
      double r = 0.02 * (1 + 0.1 * Math.sin(5 * a));
      sb.append(i == 0 ? "" : ",")
          .append('[')
          .append(String.format(Locale.ROOT, "%.6f", x + r * Math.cos(a)))
          .append(',')
          .append(String.format(Locale.ROOT, "%.6f", y + r * Math.sin(a)))
          .append(']');
    }
    return sb.append("]]}").toString();
  }

  @Test
  void mapDataAgainstTheSameBytesAsAStaticFile() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    UUID indicator = UUID.randomUUID();
    TenantContext.runAs(
        access,
        () ->
            tx.executeWithoutResult(
                s -> {
                  Instant now = Instant.now();
                  indicatorRepository.insertIndicator(
                      new IndicatorRow(
                          indicator,
                          "bench",
                          "Benchmark-Quote",
                          "Bench",
                          null,
                          "%",
                          1,
                          null,
                          null,
                          null,
                          Polarity.LOWER_BETTER,
                          null,
                          null,
                          null,
                          "RATE",
                          true,
                          99,
                          0,
                          null,
                          null,
                          null),
                      now);
                  for (int i = 0; i < AREAS; i++) {
                    UUID id = UUID.randomUUID();
                    areaRepository.insertArea(
                        new AreaRow(
                            id,
                            AreaType.SOZIALRAUM,
                            "Planungsraum " + i,
                            null,
                            null,
                            null,
                            null,
                            null,
                            0),
                        now);
                    String g = ring(10 + (i % 35) * 0.05, 50.5 + (i / 35) * 0.05, 60);
                    areaRepository.saveGeometry(id, g, g, "generiert", now);
                    valueRepository.putValue(
                        new ValueRow(
                            indicator,
                            id,
                            "2024",
                            Periods.end("2024"),
                            BigDecimal.valueOf((i * 37) % 200 / 10.0),
                            null,
                            null,
                            null,
                            null,
                            0),
                        now);
                  }
                }));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = "Bearer lgb_demo_koordination_nordhausen";
    URI dynamic =
        URI.create(
            "http://localhost:" + port + "/api/v1/nordhausen/map-data?indicator=" + indicator);
    compare(http, "map-data", dynamic, token, "bench-map-data.geojson");
    // the public map page of the same indicator, as a visitor without login gets it
    URI page =
        URI.create(
            "http://localhost:" + port + "/nordhausen/oeffentlich/atlas/indikatoren/" + indicator);
    compare(http, "map page (HTML)", page, null, "bench-map-page.html");
  }

  /** The answer of {@code dynamic} against the same bytes served as a static file. */
  void compare(HttpClient http, String label, URI dynamic, String token, String fileName)
      throws Exception {
    HttpRequest.Builder first = HttpRequest.newBuilder(dynamic);
    if (token != null) {
      first.header("Authorization", token);
    }
    byte[] body = http.send(first.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    // under /css/ like the application's own static files (a path of one segment would be a
    // tenant's address)
    Path dir = Files.createDirectories(Path.of("target", "bench-static", "css"));
    Files.write(dir.resolve(fileName), body);
    URI file = URI.create("http://localhost:" + port + "/css/" + fileName);
    for (String encoding : new String[] {"identity", "gzip"}) {
      long[] a = new long[RUNS];
      long[] b = new long[RUNS];
      for (int i = 0; i < 50; i++) {
        get(http, dynamic, token, encoding);
        get(http, file, null, encoding);
      }
      long bytesDynamic = 0;
      long bytesStatic = 0;
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        bytesDynamic = fetch(http, dynamic, token, encoding);
        a[i] = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        bytesStatic = fetch(http, file, null, encoding);
        b[i] = System.nanoTime() - t1;
      }
      Arrays.sort(a);
      Arrays.sort(b);
      double p50a = a[RUNS / 2] / 1e6;
      double p95a = a[(int) (RUNS * 0.95)] / 1e6;
      double p50b = b[RUNS / 2] / 1e6;
      double p95b = b[(int) (RUNS * 0.95)] / 1e6;
      System.out.printf(
          "%nMAP DATA BENCHMARK %s (%s, %d areas, %d runs, warm, Accept-Encoding: %s)%n",
          label, TestDatabase.KIND, AREAS, RUNS, encoding);
      System.out.printf(
          "  %s:    p50 %.2f ms  p95 %.2f ms  %d bytes on the wire%n",
          label, p50a, p95a, bytesDynamic);
      System.out.printf(
          "  static file: p50 %.2f ms  p95 %.2f ms  %d bytes on the wire%n",
          p50b, p95b, bytesStatic);
      System.out.printf("  ratio p50 %.2f  p95 %.2f%n%n", p50a / p50b, p95a / p95b);
    }
  }

  static long get(HttpClient http, URI uri, String token, String encoding) throws Exception {
    long t0 = System.nanoTime();
    fetch(http, uri, token, encoding);
    return System.nanoTime() - t0;
  }

  /** One request; the bytes as they came over the wire (compressed when the server did). */
  static long fetch(HttpClient http, URI uri, String token, String encoding) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri).header("Accept-Encoding", encoding);
    if (token != null) {
      r.header("Authorization", token);
    }
    HttpResponse<byte[]> response = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(uri + " -> " + response.statusCode());
    }
    return response.body().length;
  }
}
