package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database behind a real HAProxy on loopback, sessions in the
 * database: an import previewed on one instance is committed on the other in the same session, and
 * a logged-in user keeps working – every write kept – while one instance is killed with SIGKILL (it
 * runs as a separate process from the packaged jar; the other runs in this JVM).
 */
class SeveralInstancesIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"");

  @Test
  void aUserKeepsWorkingWhileOneInstanceIsKilled() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.isPostgres(), "several instances need PostgreSQL; SQLite serves one");
    Path haproxy = Path.of("/usr/sbin/haproxy");
    assertThat(haproxy).as("HAProxy (apt-get install haproxy, see .ci/run)").exists();
    Path jar = packagedJar();
    String url = TestDatabase.freshUrl();
    int portA = freePort();
    int proxyPort = freePort();
    Path logs = Files.createDirectories(Path.of("target/test-logs"));

    Process a =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=" + portA,
                "--lagebild.demo=true",
                "--lagebild.session-store=database",
                "--logging.file.name=" + logs.resolve("instance-a.log"))
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("instance-a.out").toFile())
            .start();
    Process proxy = null;
    RunningApp b = null;
    try {
      HttpClient plain = HttpClient.newHttpClient();
      awaitReady(plain, "http://127.0.0.1:" + portA, a);
      b =
          RunningApp.start(
              url,
              "--lagebild.demo=false",
              "--lagebild.session-store=database",
              "--spring.application.admin.enabled=false",
              "--logging.file.name=" + logs.resolve("instance-b.log"));
      String baseA = "http://127.0.0.1:" + portA;
      String baseB = b.base();
      int portB = URI.create(baseB).getPort();

      Path cfg = logs.resolve("haproxy.cfg");
      Files.writeString(cfg, haproxyConfig(proxyPort, portA, portB));
      proxy =
          new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString())
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve("haproxy.out").toFile())
              .start();
      String viaProxy = "http://127.0.0.1:" + proxyPort;
      awaitReady(plain, viaProxy, proxy);

      // one user, one cookie jar for all three addresses (cookies do not depend on the port)
      HttpClient user =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String login = get(user, baseA + "/login").body();
      HttpResponse<String> loggedIn =
          post(
              user,
              baseA + "/login",
              Map.of("username", "sr-koordination", "password", "demo", "_csrf", csrf(login)));
      assertThat(loggedIn.statusCode()).isEqualTo(302);
      assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

      // logged in on A, the session is known to B
      HttpResponse<String> onB = get(user, baseB + "/saalfeld-rudolstadt/angebote/verwaltung");
      assertThat(onB.statusCode()).isEqualTo(200);
      assertThat(onB.body()).contains("Kategorien");

      // preview of an offer table on A, commit on B: the upload waits in the database
      String name = "Mehrinstanz-Angebot " + UUID.randomUUID().toString().substring(0, 8);
      String csv = "Name;Träger;Straße;PLZ;Ort\n" + name + ";Träger Test;Markt 2;07318;Saalfeld\n";
      HttpResponse<String> preview =
          multipart(
              user,
              baseA + "/saalfeld-rudolstadt/angebote/import",
              csrf(get(user, baseA + "/saalfeld-rudolstadt/angebote/import").body()),
              "angebote.csv",
              csv.getBytes(StandardCharsets.UTF_8));
      assertThat(preview.statusCode()).isEqualTo(200);
      Matcher token = TOKEN.matcher(preview.body());
      assertThat(token.find()).as("preview shows a token").isTrue();
      HttpResponse<String> commit =
          post(
              user,
              baseB + "/saalfeld-rudolstadt/angebote/import/uebernehmen",
              Map.of("token", token.group(1), "_csrf", csrf(preview.body())));
      assertThat(commit.statusCode()).isEqualTo(302);
      assertThat(count(url, "select count(*) from offer where name = ?", name)).isEqualTo(1);

      // through the proxy: writes alternate between A and B; A is killed half way
      String form = get(user, viaProxy + "/saalfeld-rudolstadt/angebote/verwaltung").body();
      String prefix = "Lastwechsel " + UUID.randomUUID().toString().substring(0, 8) + " ";
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        if (i == 10) {
          a.destroyForcibly().waitFor();
        }
        HttpResponse<String> r =
            post(
                user,
                viaProxy + "/saalfeld-rudolstadt/angebote/verwaltung/kategorien",
                Map.of("name", prefix + i, "_csrf", csrf(form)));
        statuses.add(r.statusCode());
        form = get(user, viaProxy + "/saalfeld-rudolstadt/angebote/verwaltung").body();
        assertThat(form).as("still logged in after write %d", i).contains(prefix + i);
      }
      assertThat(statuses).as("every write answered with the redirect").containsOnly(302);
      assertThat(a.isAlive()).isFalse();
      assertThat(
              count(url, "select count(*) from catalogue_category where name like ?", prefix + "%"))
          .as("no write lost")
          .isEqualTo(20);
      // one session throughout, kept in the database
      assertThat(
              count(
                  url,
                  "select count(distinct session_id) from spring_session where principal_name = ?",
                  "sr-koordination"))
          .isEqualTo(1);
    } finally {
      if (proxy != null) {
        proxy.destroyForcibly();
      }
      if (b != null) {
        b.close();
      }
      a.destroyForcibly();
    }
  }

  private static String haproxyConfig(int proxyPort, int portA, int portB) {
    return """
        global
            maxconn 200
        defaults
            mode http
            timeout connect 2s
            timeout client 60s
            timeout server 60s
            retries 3
            option redispatch
        frontend web
            bind 127.0.0.1:%d
            default_backend lagebild
        backend lagebild
            balance roundrobin
            option httpchk GET /actuator/health/readiness
            server a 127.0.0.1:%d check inter 1s fall 1 rise 2
            server b 127.0.0.1:%d check inter 1s fall 1 rise 2
        """
        .formatted(proxyPort, portA, portB);
  }

  private static Path packagedJar() throws Exception {
    try (var files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("lagebild-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no packaged jar in target/ (mvn verify packages it)"));
    }
  }

  private static void awaitReady(HttpClient client, String base, Process process) throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < until) {
      assertThat(process.isAlive()).as(base + " is running").isTrue();
      try {
        if (get(client, base + "/actuator/health/readiness").statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError(base + " did not become ready");
  }

  private static long count(String url, String sql, String arg) throws Exception {
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a form with a CSRF token").isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient client, String url, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> multipart(
      HttpClient client, String url, String csrf, String fileName, byte[] content)
      throws Exception {
    String boundary = "----lagebild" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
