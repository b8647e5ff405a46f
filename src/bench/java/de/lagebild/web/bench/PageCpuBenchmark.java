package de.lagebild.web.bench;

import de.lagebild.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test. Server CPU per request (issue 19, target 4): the CPU time of Tomcat's
 * request threads, read with {@link ThreadMXBean} before and after each request of one client on
 * one keep-alive connection, for the busiest HTML pages against a static file of the same server in
 * the same run. Pages: the public offer search (words, words with filters), the public strategy
 * page, and the strategy overview and the start page of a logged-in coordinator. Run with {@code
 * ./lagebild mvn -Pbench test -Dtest=PageCpuBenchmark -Dlagebild.test.db=postgres|sqlite}; with
 * {@code -Dbench.jfr=true} a JFR recording of the measured phase is written to {@code
 * target/page-cpu.jfr}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn",
      "lagebild.rate-limit.anonymous-per-minute=0"
    })
class PageCpuBenchmark {

  static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  static final int RUNS = Integer.getInteger("bench.runs", 500);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Test
  void pagesAgainstAStaticFile() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .build();
    HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + port;
    login(http, base, "koordination", "demo");
    String strategy =
        String.valueOf(
            dsl.fetchValue(
                "select s.id from strategy s join tenant t on t.id = s.tenant_id where t.slug ="
                    + " 'nordhausen' order by s.created_at limit 1"));
    Map<String, Object[]> pages = new LinkedHashMap<>();
    pages.put("static file (css)", new Object[] {anonymous, base + "/css/lagebild.css"});
    pages.put(
        "static file (css), no gzip",
        new Object[] {anonymous, base + "/css/lagebild.css", "identity"});
    pages.put("static file (svg icon)", new Object[] {anonymous, base + "/img/favicon.svg"});
    pages.put(
        "public offer search, words",
        new Object[] {anonymous, base + "/nordhausen/angebote?q=" + enc("Beratung Familie")});
    pages.put(
        "public offer search, words + filters",
        new Object[] {
          anonymous, base + "/nordhausen/angebote?q=" + enc("Beratung") + "&kostenlos=true&alter=8"
        });
    pages.put(
        "public strategy page",
        new Object[] {anonymous, base + "/nordhausen/oeffentlich/strategien/" + strategy});
    pages.put("start page, logged in", new Object[] {http, base + "/nordhausen"});
    pages.put(
        "strategy overview, logged in",
        new Object[] {http, base + "/nordhausen/strategien/" + strategy});
    // -Dbench.pages=regex: only these pages (and the static files), e.g. for a JFR profile of one
    String only = System.getProperty("bench.pages");
    if (only != null) {
      pages.keySet().removeIf(n -> !n.startsWith("static") && !n.matches(only));
    }
    List<String> names = new ArrayList<>(pages.keySet());
    for (String name : names) {
      int status = status(pages.get(name));
      System.out.printf("BENCH page %s -> %d%n", name, status);
    }
    long[][] cpu = new long[names.size()][RUNS];
    long[][] wall = new long[names.size()][RUNS];
    Object jfr = null;
    for (int i = -WARMUP; i < RUNS; i++) {
      if (i == 0) {
        requestThreads = null;
      }
      if (i == 0 && Boolean.getBoolean("bench.jfr")) {
        jfr = startRecording();
      }
      for (int k = 0; k < names.size(); k++) {
        Object[] page = pages.get(names.get(k));
        long c0 = serverCpu();
        long w0 = System.nanoTime();
        int status = status(page);
        long w1 = System.nanoTime();
        long c1 = serverCpu();
        if (status != 200) {
          throw new IllegalStateException(names.get(k) + " answered " + status);
        }
        if (i >= 0) {
          cpu[k][i] = c1 - c0;
          wall[k][i] = w1 - w0;
        }
      }
    }
    if (jfr != null) {
      stopRecording(jfr);
    }
    System.out.printf(
        "%nBENCH page-cpu db=%s runs=%d warmup=%d (CPU of the request threads; wall on loopback)%n",
        TestDatabase.KIND, RUNS, WARMUP);
    double staticCpu = pct(cpu[0], 50);
    for (int k = 0; k < names.size(); k++) {
      System.out.printf(
          "BENCH %-38s cpu p50 %.3f ms, mean %.3f ms (%.1fx static) | wall p50 %.2f ms p95 %.2f"
              + " ms%n",
          names.get(k),
          pct(cpu[k], 50) / 1e6,
          Arrays.stream(cpu[k]).average().orElse(0) / 1e6,
          pct(cpu[k], 50) / staticCpu,
          pct(wall[k], 50) / 1e6,
          pct(wall[k], 95) / 1e6);
    }
  }

  private long[] requestThreads;

  /**
   * CPU time of all Tomcat request threads (only one works at a time: one client). The threads are
   * listed once (listing them stops every thread at a safepoint); the pool keeps its threads.
   */
  private long serverCpu() {
    if (requestThreads == null) {
      requestThreads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().contains("-exec-"))
              .mapToLong(Thread::threadId)
              .toArray();
    }
    long sum = 0;
    for (long id : requestThreads) {
      long c = threads.getThreadCpuTime(id);
      if (c > 0) {
        sum += c;
      }
    }
    return sum;
  }

  private static Object startRecording() throws Exception {
    var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
    recording.start();
    return recording;
  }

  private static void stopRecording(Object r) throws Exception {
    var recording = (jdk.jfr.Recording) r;
    recording.stop();
    recording.dump(java.nio.file.Path.of("target/page-cpu.jfr"));
    recording.close();
  }

  private static int status(Object[] page) throws Exception {
    HttpClient http = (HttpClient) page[0];
    String encoding = page.length > 2 ? (String) page[2] : "gzip";
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create((String) page[1]))
                .header("Accept-Encoding", encoding)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return r.statusCode();
  }

  private static void login(HttpClient http, String base, String user, String password)
      throws Exception {
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static double pct(long[] values, int p) {
    long[] s = values.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.round(p / 100.0 * (s.length - 1)))];
  }
}
