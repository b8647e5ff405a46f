package de.lagebild.web.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.lagebild.bench.StateScaleTenant;
import de.lagebild.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test: the soak of issue 19 (target 7). The state-scale tenant (5.6 million
 * values, {@link StateScaleTenant}) behind the real server, and {@code bench.soak.clients} clients
 * (default 2, one per core) requesting without pause for {@code bench.soak.minutes} (default 30) a
 * mix of what citizens and other systems ask most: the public profile of a random Gemeinde (HTML,
 * 400 figures), map data of a random indicator, a page of values through the API (by cursor, a
 * random indicator), the public offer search (ten searches in turn) and a static file. Every minute
 * it prints the p50/p95 per kind, the errors, the heap after the last collection of the old
 * generation and the process's RSS. Run with {@code ./lagebild mvn -Pbench test
 * -Dtest=SoakBenchmark -Dlagebild.test.db=postgres "-Dtest.jvm.args=… -Xmx256m"}. The load
 * generator runs in the same JVM as the server (its share of heap and CPU is small: it keeps only
 * the timings).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn",
      "lagebild.rate-limit.anonymous-per-minute=0"
    })
class SoakBenchmark {

  static final int MINUTES = Integer.getInteger("bench.soak.minutes", 30);
  static final int CLIENTS = Integer.getInteger("bench.soak.clients", 2);
  static final int AREAS = Integer.getInteger("bench.areas", 700);
  static final int INDICATORS = Integer.getInteger("bench.indicators", 400);
  static final int PERIODS = Integer.getInteger("bench.periods", 20);

  static final String[] KINDS = {"profile", "map-data", "values", "search", "static"};
  static final String[] SEARCHES = {
    "Beratung",
    "Familie",
    "Kita",
    "Senioren",
    "Schuldnerberatung",
    "Sport",
    "Jugend",
    "Pflege",
    "Sprachkurs",
    "Beratung Familie"
  };

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;

  @Test
  void thirtyMinutesOfMixedLoad() throws Exception {
    assumeTrue(dsl.dialect().family() == SQLDialect.POSTGRES, "PostgreSQL only");
    StateScaleTenant.Generated g = StateScaleTenant.generate(dsl, AREAS, INDICATORS, PERIODS);
    List<String> areas =
        dsl.fetch(
                "select id from area where tenant_id = ? and name like 'Bench-Gemeinde %'",
                g.tenant())
            .getValues(0, String.class);
    List<String> indicators =
        dsl.fetch(
                "select id from indicator where tenant_id = ? and code like 'bench-%'", g.tenant())
            .getValues(0, String.class);
    List<String> codes =
        dsl.fetch(
                "select code from indicator where tenant_id = ? and code like 'bench-%'",
                g.tenant())
            .getValues(0, String.class);
    System.out.printf(
        "%nBENCH soak: %d values generated in %.0f s; %d clients for %d min; heap max %d MB%n",
        ((Number)
                dsl.fetchValue(
                    "select count(*) from indicator_value where tenant_id = ?", g.tenant()))
            .longValue(),
        g.nanos() / 1e9,
        CLIENTS,
        MINUTES,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    String base = "http://127.0.0.1:" + port;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // per minute and kind: the latencies (µs) and the errors
    ConcurrentHashMap<String, List<Long>> latencies = new ConcurrentHashMap<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread t =
          Thread.ofPlatform()
              .name("soak-client-" + c)
              .start(
                  () -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int search = 0;
                    while (System.nanoTime() < end) {
                      int pick = random.nextInt(100);
                      String kind;
                      String uri;
                      if (pick < 30) {
                        kind = "profile";
                        uri =
                            base
                                + "/nordhausen/oeffentlich/atlas/gebiete/"
                                + areas.get(random.nextInt(areas.size()));
                      } else if (pick < 50) {
                        kind = "map-data";
                        uri =
                            base
                                + "/api/v1/nordhausen/map-data?indicator="
                                + indicators.get(random.nextInt(indicators.size()));
                      } else if (pick < 65) {
                        kind = "values";
                        uri =
                            base
                                + "/api/v1/nordhausen/values?size=500&indicator="
                                + codes.get(random.nextInt(codes.size()));
                      } else if (pick < 90) {
                        kind = "search";
                        uri =
                            base
                                + "/nordhausen/angebote?q="
                                + URLEncoder.encode(
                                    SEARCHES[search++ % SEARCHES.length], StandardCharsets.UTF_8);
                      } else {
                        kind = "static";
                        uri = base + "/css/lagebild.css";
                      }
                      long s = System.nanoTime();
                      int status;
                      try {
                        HttpResponse<byte[]> r =
                            http.send(
                                HttpRequest.newBuilder(URI.create(uri))
                                    .header("Accept-Encoding", "gzip")
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                      } catch (Exception e) {
                        status = -1;
                      }
                      long micros = (System.nanoTime() - s) / 1000;
                      requests.incrementAndGet();
                      if (status != 200) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 10) {
                          errorSamples.add(kind + " " + status + " " + uri);
                        }
                      }
                      latencies
                          .computeIfAbsent(
                              kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                          .add(micros);
                    }
                  });
      clients.add(t);
    }
    long started = System.nanoTime();
    List<String> report = new ArrayList<>();
    int minute = 0;
    long firstHeap = -1;
    long lastHeap = -1;
    long firstRss = -1;
    long lastRss = -1;
    double[] worstP95 = new double[KINDS.length];
    while (clients.stream().anyMatch(Thread::isAlive)) {
      long next = started + Duration.ofMinutes(minute + 1).toNanos();
      while (System.nanoTime() < next && clients.stream().anyMatch(Thread::isAlive)) {
        Thread.sleep(200);
      }
      minute++;
      StringBuilder line =
          new StringBuilder(
              String.format("BENCH soak minute %2d: requests %d", minute, requests.getAndSet(0)));
      for (int k = 0; k < KINDS.length; k++) {
        List<Long> l = latencies.remove(KINDS[k]);
        long[] v = l == null ? new long[0] : l.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        double p50 = v.length == 0 ? 0 : v[(int) ((v.length - 1) * 0.5)] / 1000.0;
        double p95 = v.length == 0 ? 0 : v[(int) ((v.length - 1) * 0.95)] / 1000.0;
        if (minute > 2) {
          worstP95[k] = Math.max(worstP95[k], p95);
        }
        line.append(String.format(" | %s n=%d p50 %.1f p95 %.1f ms", KINDS[k], v.length, p50, p95));
      }
      long heap = oldGenAfterGc();
      long rss = rss();
      if (minute == 3) {
        firstHeap = heap;
        firstRss = rss;
      }
      lastHeap = heap;
      lastRss = rss;
      line.append(
          String.format(
              " | errors %d | old gen after GC %d MB | RSS %d MB",
              errors.get(), heap / (1024 * 1024), rss / (1024 * 1024)));
      System.out.println(line);
      report.add(line.toString());
    }
    StringBuilder worst =
        new StringBuilder("BENCH soak worst minutely p95 after warm-up (minute 3 on):");
    for (int k = 0; k < KINDS.length; k++) {
      worst.append(String.format(" %s %.1f ms;", KINDS[k], worstP95[k]));
    }
    System.out.println(worst);
    System.out.printf(
        "BENCH soak: errors %d %s; old gen after GC minute 3 → end: %d → %d MB; RSS %d → %d MB%n",
        errors.get(),
        errorSamples,
        firstHeap / (1024 * 1024),
        lastHeap / (1024 * 1024),
        firstRss / (1024 * 1024),
        lastRss / (1024 * 1024));
    Files.write(Path.of("target/soak.txt"), report);
    if (errors.get() > 0) {
      throw new IllegalStateException(errors.get() + " errors, e.g. " + errorSamples);
    }
  }

  /** The old generation's use after its last collection (0 before the first). */
  private static long oldGenAfterGc() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.getCollectionUsage() != null
          && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }

  private static long rss() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }
}
