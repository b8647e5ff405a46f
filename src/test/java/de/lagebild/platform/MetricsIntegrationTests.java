package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code /actuator/prometheus} of the application as it runs (not the test slice, which switches
 * metrics export off): open to a Prometheus server with the metrics token, closed without it, with
 * requests, the database pool and background jobs in it.
 */
class MetricsIntegrationTests {

  @Test
  void prometheusReadsRequestsPoolAndJobsWithTheTokenOnly() throws Exception {
    try (RunningApp running =
        RunningApp.start(
            TestDatabase.url(),
            "--lagebild.demo=true",
            "--lagebild.metrics-token=geheim-fuer-prometheus",
            "--logging.file.name=target/test-logs/metrics.log")) {
      ConfigurableApplicationContext app = running.context();
      String base = running.base();
      HttpClient client =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      // a page and an API request, so that requests are counted
      assertThat(status(client, base + "/api/v1/nordhausen/services?per_page=1", null))
          .isEqualTo(200);
      // a background job (the queue imports use) that ends
      BackgroundJobs jobs =
          new BackgroundJobs(
              "metrics-test", app.getBean(MessageSource.class), app.getBean(Clock.class));
      Path file = Files.createTempFile("job", ".txt");
      CompletableFuture<String> result = new CompletableFuture<>();
      TenantContext.runAs(
          app.getBean(TenantDirectory.class).systemAccess("nordhausen").orElseThrow(),
          () ->
              jobs.submit(
                  UUID.randomUUID(),
                  file,
                  (f, progress) -> "fertig",
                  result::complete,
                  result::complete));
      assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("fertig");

      // without the token, or with a wrong one: no metrics
      assertThat(status(client, base + "/actuator/prometheus", null)).isNotEqualTo(200);
      assertThat(status(client, base + "/actuator/prometheus", "Bearer falsch")).isNotEqualTo(200);
      // the token opens the metrics only, not the other actuator endpoints
      assertThat(status(client, base + "/actuator/env", "Bearer geheim-fuer-prometheus"))
          .isNotEqualTo(200);
      HttpResponse<String> metrics =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                  .header("Authorization", "Bearer geheim-fuer-prometheus")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("http_server_requests_seconds_count")
          .contains("hikaricp_connections")
          .contains("jvm_memory_used_bytes")
          .containsPattern(
              "lagebild_jobs_seconds_count\\{[^}]*outcome=\"done\"[^}]*queue=\"metrics-test\"[^}]*\\} 1");
    }
  }

  private static int status(HttpClient client, String url, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
