package de.lagebild.atlas.internal;

import de.lagebild.atlas.internal.AtlasTables.Job;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Large statistics imports in the background: a job row first (RUNNING), then the import in its own transaction
 * on one worker thread, then DONE with the summary or FAILED with the reason – nothing half written. Progress
 * (values processed of all) is kept in memory while the job runs; jobs cut off by a stop are failed at start-up.
 */
@Service
class AtlasImportJobs {

  private static final Logger log = LoggerFactory.getLogger(AtlasImportJobs.class);

  enum State { RUNNING, DONE, FAILED }

  record JobRow(UUID id, String fileName, State state, String message, String summary, Instant startedAt,
      Instant finishedAt) {}

  record Progress(int done, int total, Duration elapsed) {
    public int percent() {
      return total <= 0 ? 0 : Math.min(100, (int) ((long) done * 100 / total));
    }
  }

  private static final class Counter implements IndicatorImport.Progress {
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger total = new AtomicInteger();
    final Instant started;

    Counter(Instant started) {
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

  private final IndicatorImport imports;
  private final TenantScope scope;
  private final TransactionTemplate tx;
  private final MessageSource messages;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "lagebild-atlas-import");
    t.setDaemon(true);
    return t;
  });
  private final Map<UUID, Counter> running = new ConcurrentHashMap<>();

  AtlasImportJobs(IndicatorImport imports, TenantScope scope, TransactionTemplate tx, MessageSource messages,
      Clock clock) {
    this.imports = imports;
    this.scope = scope;
    this.tx = tx;
    this.messages = messages;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void failInterrupted() {
    int n = tx.execute(s -> scope.dsl().update(scope.acrossTenants(Job.T)).set(Job.STATE, State.FAILED.name())
        .set(Job.MESSAGE, messages.getMessage("import.job.interrupted", null, Locale.GERMAN))
        .set(Job.FINISHED_AT, clock.instant()).where(Job.STATE.eq(State.RUNNING.name())).execute());
    if (n > 0) {
      log.warn("{} statistics import job(s) were running when the application stopped; marked as failed", n);
    }
  }

  /** Starts the import of {@code file} (deleted afterwards) for the current tenant and user; returns the job id. */
  UUID start(Path file, String fileName, IndicatorImport.Options options) {
    TenantAccess access = TenantContext.access().orElseThrow();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    tx.executeWithoutResult(s -> scope.insertInto(Job.T).set(Job.ID, id)
        .set(Job.USER_ID, CurrentUser.get().map(u -> u.actorId()).orElse(null))
        .set(Job.FILE_NAME, fileName == null ? null : fileName.substring(0, Math.min(300, fileName.length())))
        .set(Job.STATE, State.RUNNING.name()).set(Job.STARTED_AT, now).execute());
    Counter counter = new Counter(now);
    running.put(id, counter);
    executor.execute(new DelegatingSecurityContextRunnable(() -> TenantContext.runAs(access,
        () -> run(id, file, fileName, options, counter))));
    return id;
  }

  private void run(UUID id, Path file, String fileName, IndicatorImport.Options options, Counter counter) {
    try {
      IndicatorImport.Summary s = imports.commit(Files.readAllBytes(file), fileName, options, counter);
      finish(id, State.DONE, null, messages.getMessage("atlas.import.summary", new Object[] {s.values(), s.created(),
          s.changed(), s.unchanged(), s.indicatorsCreated()}, Locale.GERMAN));
    } catch (DomainException e) {
      finish(id, State.FAILED, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN), null);
    } catch (IOException | RuntimeException e) {
      log.error("Statistics import job {} failed", id, e);
      finish(id, State.FAILED, messages.getMessage("import.job.error", null, Locale.GERMAN), null);
    } finally {
      running.remove(id);
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Could not delete {}", file, e);
      }
    }
  }

  private void finish(UUID id, State state, String message, String summary) {
    tx.executeWithoutResult(s -> scope.update(Job.T).set(Job.STATE, state.name()).set(Job.MESSAGE, message)
        .set(Job.SUMMARY, summary).set(Job.FINISHED_AT, clock.instant()).where(Job.ID.eq(id)).execute());
  }

  Optional<JobRow> find(UUID id) {
    return scope.dsl().select(Job.ID, Job.FILE_NAME, Job.STATE, Job.MESSAGE, Job.SUMMARY, Job.STARTED_AT,
        Job.FINISHED_AT).from(scope.table(Job.T)).where(Job.ID.eq(id)).fetchOptional(AtlasImportJobs::row);
  }

  List<JobRow> recent(int limit) {
    return scope.dsl().select(Job.ID, Job.FILE_NAME, Job.STATE, Job.MESSAGE, Job.SUMMARY, Job.STARTED_AT,
        Job.FINISHED_AT).from(scope.table(Job.T)).orderBy(Job.STARTED_AT.desc()).limit(limit)
        .fetch(AtlasImportJobs::row);
  }

  Optional<Progress> progress(UUID id) {
    Counter c = running.get(id);
    return c == null ? Optional.empty()
        : Optional.of(new Progress(c.done.get(), c.total.get(), Duration.between(c.started, clock.instant())));
  }

  private static JobRow row(org.jooq.Record r) {
    return new JobRow(r.get(Job.ID), r.get(Job.FILE_NAME), State.valueOf(r.get(Job.STATE)), r.get(Job.MESSAGE),
        r.get(Job.SUMMARY), r.get(Job.STARTED_AT), r.get(Job.FINISHED_AT));
  }
}
