package de.lagebild.platform;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Runs long imports one at a time on a background thread of their own, in the tenant and security
 * context of the request that started them, and keeps their progress in memory while they run. The
 * job rows (started, done, failed) stay with the module that owns them: it is told the outcome –
 * the result, or a German message (the message of a {@link DomainException}, otherwise a general
 * one, with the cause in the log). The uploaded file is deleted when the job ends, whatever the
 * outcome.
 */
public final class BackgroundJobs {

  private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

  /** Told how far a job has got: how many units of work there are, and how many are done. */
  public interface Listener {
    void total(int n);

    void done(int n);
  }

  /** What a running job has done so far. */
  public record Progress(int done, int total, Duration elapsed) {
    public int percent() {
      return total <= 0 ? 0 : Math.min(100, (int) ((long) done * 100 / total));
    }

    /** Done, total, percent and seconds, for a progress message {@code {0} of {1} ({2} %) …}. */
    public Object[] messageArguments() {
      return new Object[] {done, total, percent(), elapsed.toSeconds()};
    }
  }

  /** The work of a job, reading the uploaded file and reporting progress. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Path file, Listener progress) throws IOException;
  }

  private static final class Tracker implements Listener {
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger total = new AtomicInteger();
    final Instant started;

    Tracker(Instant started) {
      this.started = started;
    }

    @Override
    public void total(int n) {
      total.set(n);
    }

    @Override
    public void done(int n) {
      done.set(n);
    }
  }

  private final String name;
  private final MessageSource messages;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<UUID, Tracker> running = new ConcurrentHashMap<>();

  /** A queue of jobs on one daemon thread called {@code threadName}. */
  public BackgroundJobs(String threadName, MessageSource messages, Clock clock) {
    this.name = threadName;
    this.messages = messages;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Queues job {@code id}: {@code work} runs on the background thread as the current tenant and
   * user; then {@code done} gets its result, or {@code failed} the reason in German; {@code file}
   * is deleted afterwards.
   */
  public <T> void submit(
      UUID id, Path file, Work<T> work, Consumer<T> done, Consumer<String> failed) {
    TenantAccess access = TenantContext.access().orElseThrow();
    Tracker tracker = new Tracker(clock.instant());
    running.put(id, tracker);
    executor.execute(
        new DelegatingSecurityContextRunnable(
            () ->
                TenantContext.runAs(
                    access,
                    () -> {
                      String outcome = "failed";
                      try {
                        T result = work.run(file, tracker);
                        done.accept(result);
                        outcome = "done";
                      } catch (DomainException e) {
                        outcome = "refused";
                        failed.accept(
                            messages.getMessage(
                                e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN));
                      } catch (IOException | RuntimeException e) {
                        log.error("Background job {} ({}) failed", id, name, e);
                        failed.accept(messages.getMessage("import.job.error", null, Locale.GERMAN));
                      } finally {
                        // lagebild_jobs_seconds{queue,outcome} on /actuator/prometheus
                        Metrics.timer("lagebild.jobs", "queue", name, "outcome", outcome)
                            .record(Duration.between(tracker.started, clock.instant()));
                        running.remove(id);
                        try {
                          Files.deleteIfExists(file);
                        } catch (IOException e) {
                          log.warn("Could not delete {}", file, e);
                        }
                      }
                    })));
  }

  /** The jobs queued or running here, with their progress. */
  public Map<UUID, Progress> runningHere() {
    Map<UUID, Progress> all = new java.util.HashMap<>();
    running.keySet().forEach(id -> progress(id).ifPresent(p -> all.put(id, p)));
    return all;
  }

  /** The progress of a job while it runs (empty before it is queued here and after it ended). */
  public Optional<Progress> progress(UUID id) {
    Tracker t = running.get(id);
    return t == null
        ? Optional.empty()
        : Optional.of(
            new Progress(
                t.done.get(), t.total.get(), Duration.between(t.started, clock.instant())));
  }
}
