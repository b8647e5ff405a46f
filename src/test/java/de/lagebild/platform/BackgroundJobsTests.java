package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The background job runner: the work runs as the tenant that started it, its progress can be read
 * while it runs, the outcome reaches the module (result, or the German message of a domain error,
 * or the general message for anything else), and the uploaded file is gone afterwards.
 */
class BackgroundJobsTests {

  static final TenantAccess ACCESS =
      new TenantAccess(
          new TenantId(UUID.randomUUID()), "test", "Test", false, Role.COORDINATOR, Set.of());

  final StaticMessageSource messages = new StaticMessageSource();
  final BackgroundJobs jobs = new BackgroundJobs("test-jobs", messages, Clock.systemUTC());

  BackgroundJobsTests() {
    messages.addMessage(
        "import.job.error", Locale.GERMAN, "Der Import ist mit einem Fehler abgebrochen.");
    messages.addMessage("test.bad", Locale.GERMAN, "Zeile {0}: kein Datum");
  }

  @Test
  void aJobRunsAsItsTenantReportsProgressAndDeletesTheFile() throws Exception {
    Path file = Files.createTempFile("job", ".csv");
    Files.writeString(file, "a;b");
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<String> done = new CompletableFuture<>();
    UUID id = UUID.randomUUID();
    TenantContext.runAs(
        ACCESS,
        () ->
            jobs.submit(
                id,
                file,
                (f, progress) -> {
                  progress.total(4);
                  progress.done(2);
                  halfway.countDown();
                  await(go);
                  return TenantContext.access().orElseThrow().slug() + ":" + Files.readString(f);
                },
                done::complete,
                message -> done.completeExceptionally(new AssertionError(message))));
    assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
    BackgroundJobs.Progress p = jobs.progress(id).orElseThrow();
    assertThat(p.done()).isEqualTo(2);
    assertThat(p.percent()).isEqualTo(50);
    go.countDown();
    assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo("test:a;b");
    waitUntilGone(id);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void failuresReachTheModuleInGerman() throws Exception {
    CompletableFuture<String> failed = new CompletableFuture<>();
    Path file = Files.createTempFile("job", ".csv");
    TenantContext.runAs(
        ACCESS,
        () ->
            jobs.submit(
                UUID.randomUUID(),
                file,
                (f, progress) -> {
                  throw new DomainException("test.bad", 7);
                },
                r -> failed.complete("done?"),
                failed::complete));
    assertThat(failed.get(10, TimeUnit.SECONDS)).isEqualTo("Zeile 7: kein Datum");
    CompletableFuture<String> crashed = new CompletableFuture<>();
    Path other = Files.createTempFile("job", ".csv");
    TenantContext.runAs(
        ACCESS,
        () ->
            jobs.submit(
                UUID.randomUUID(),
                other,
                (f, progress) -> {
                  throw new IllegalStateException("disk full");
                },
                r -> crashed.complete("done?"),
                crashed::complete));
    assertThat(crashed.get(10, TimeUnit.SECONDS))
        .isEqualTo("Der Import ist mit einem Fehler abgebrochen.");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !Files.exists(file) && !Files.exists(other));
  }

  private void waitUntilGone(UUID id) {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jobs.progress(id).isEmpty());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
