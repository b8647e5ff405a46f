package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.OwnPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under traffic and comes back: requests fail within seconds with a German
 * 503 (page and problem+json, with Retry-After), health turns DOWN, and once the server is back the
 * same running application answers again – no restart. Runs against a PostgreSQL server of its own
 * (only in the PostgreSQL run), which it stops with {@code pg_ctl -m immediate} and starts again.
 */
@EnabledIfSystemProperty(named = "lagebild.test.db", matches = "postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/lagebild-outage.log"})
class DatabaseOutageIntegrationTests {

  static OwnPostgres pg;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    pg = OwnPostgres.start();
    registry.add("spring.datasource.url", pg::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Answer(int status, String body, String retryAfter, long millis) {}

  Answer get(String path, String accept) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Accept", accept)
                  .timeout(Duration.ofSeconds(40))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.body(),
          r.headers().firstValue("Retry-After").orElse(null),
          (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException(path + ": " + e, e);
    }
  }

  @Test
  void requestsFailFastInGermanDuringAnOutageAndRecoverWithoutRestart() throws Exception {
    String strategy =
        String.valueOf(
            dsl.fetchValue(
                "select s.id from strategy s join tenant t on t.id = s.tenant_id where t.slug ="
                    + " 'nordhausen' and s.visibility = 'PUBLIC'"));
    String page = "/nordhausen/oeffentlich/strategien/" + strategy;
    String api = "/api/v1/nordhausen/areas";
    assertThat(get(page, "text/html").status()).isEqualTo(200);
    assertThat(get(api, "application/json").status()).isEqualTo(200);

    // traffic during the whole test
    List<Answer> traffic = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread load =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (running.get()) {
                    traffic.add(get(api, "application/json"));
                    traffic.add(get(page, "text/html"));
                  }
                });

    pg.stopServer();
    Answer html = get(page, "text/html");
    assertThat(html.status()).isEqualTo(503);
    assertThat(html.millis()).isLessThan(8_000);
    assertThat(html.body())
        .contains("Vorübergehend nicht erreichbar")
        .contains("die Datenbank nicht antwortet")
        .doesNotContain("Whitelabel")
        .doesNotContain("Exception");
    assertThat(html.retryAfter()).isEqualTo("30");
    Answer json = get(api, "application/json");
    assertThat(json.status()).isEqualTo(503);
    assertThat(json.millis()).isLessThan(8_000);
    assertThat(json.body())
        .contains("\"title\":\"Vorübergehend nicht erreichbar\"")
        .contains("Datenbank");
    Answer health = get("/actuator/health", "application/json");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body()).contains("DOWN");
    assertThat(health.millis()).isLessThan(8_000);
    assertThat(get("/actuator/health/readiness", "application/json").status()).isEqualTo(503);

    pg.startServer();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Answer back = get(page, "text/html");
    while (back.status() != 200 && System.nanoTime() < deadline) {
      back = get(page, "text/html");
    }
    assertThat(back.status())
        .as("the page answers again after the database is back")
        .isEqualTo(200);
    assertThat(get(api, "application/json").status()).isEqualTo(200);
    assertThat(get("/actuator/health", "application/json").body()).contains("UP");

    running.set(false);
    load.join();
    assertThat(traffic).isNotEmpty();
    assertThat(traffic)
        .allSatisfy(
            a -> {
              assertThat(a.status()).isIn(200, 503);
              assertThat(a.millis()).isLessThan(8_000);
            });
    assertThat(traffic).anySatisfy(a -> assertThat(a.status()).isEqualTo(503));
  }
}
