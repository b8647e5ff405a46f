package de.lagebild.strategy.internal.imports;

import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.StrategyTables.ImportJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of large files run here, one at a time, in the background: the job row is written first
 * (RUNNING), the import itself is one transaction, and the row ends DONE or FAILED. Progress (goals
 * and measures written, of how many) lives in memory while the job runs. A job still RUNNING when
 * the application starts was cut off by a crash or a kill; its transaction never committed, so it
 * is marked FAILED and nothing of it is in the database.
 */
@Service
class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  record Job(
      UUID id,
      String fileName,
      String format,
      State state,
      String message,
      UUID strategyId,
      String summary,
      Instant startedAt,
      Instant finishedAt) {}

  private final StrategyImport imports;
  private final TenantScope scope;
  private final TransactionTemplate tx;
  private final MessageSource messages;
  private final Clock clock;
  private final BackgroundJobs jobs;

  ImportJobs(
      StrategyImport imports,
      TenantScope scope,
      TransactionTemplate tx,
      MessageSource messages,
      Clock clock) {
    this.imports = imports;
    this.scope = scope;
    this.tx = tx;
    this.messages = messages;
    this.clock = clock;
    this.jobs = new BackgroundJobs("lagebild-import", messages, clock);
  }

  /** Jobs cut off by the end of the previous process: failed, with nothing written. */
  @EventListener(ApplicationReadyEvent.class)
  void failInterrupted() {
    int n =
        tx.execute(
            s ->
                scope
                    .dsl()
                    .update(scope.acrossTenants(ImportJob.T))
                    .set(ImportJob.STATE, State.FAILED.name())
                    .set(
                        ImportJob.MESSAGE,
                        messages.getMessage("import.job.interrupted", null, Locale.GERMAN))
                    .set(ImportJob.FINISHED_AT, clock.instant())
                    .where(ImportJob.STATE.eq(State.RUNNING.name()))
                    .execute());
    if (n > 0) {
      log.warn("{} import job(s) were running when the application stopped; marked as failed", n);
    }
  }

  /**
   * Starts the import of {@code file} (deleted afterwards) in the background for the current tenant
   * and user and returns the job id at once.
   */
  UUID start(Path file, String fileName, String format, StrategyImport.Target target) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s ->
            scope
                .insertInto(ImportJob.T)
                .set(ImportJob.ID, id)
                .set(ImportJob.USER_ID, CurrentUser.get().map(u -> u.actorId()).orElse(null))
                .set(ImportJob.FILE_NAME, fileName == null ? null : abbreviate(fileName, 300))
                .set(ImportJob.FORMAT, format == null ? "auto" : abbreviate(format, 10))
                .set(ImportJob.STATE, State.RUNNING.name())
                .set(ImportJob.STARTED_AT, now)
                .execute());
    jobs.submit(
        id,
        file,
        (f, progress) -> imports.commit(Files.readAllBytes(f), fileName, format, target, progress),
        s ->
            finish(
                id,
                State.DONE,
                null,
                s.strategyId(),
                messages.getMessage(
                    "import.job.summary",
                    new Object[] {
                      s.goals(), s.measures(), s.assessments(), s.updated(), s.unchanged()
                    },
                    Locale.GERMAN)),
        message -> finish(id, State.FAILED, message, null, null));
    return id;
  }

  private void finish(UUID id, State state, String message, UUID strategyId, String summary) {
    tx.executeWithoutResult(
        s ->
            scope
                .update(ImportJob.T)
                .set(ImportJob.STATE, state.name())
                .set(ImportJob.MESSAGE, message)
                .set(ImportJob.STRATEGY_ID, strategyId)
                .set(ImportJob.SUMMARY, summary)
                .set(ImportJob.FINISHED_AT, clock.instant())
                .where(ImportJob.ID.eq(id))
                .execute());
  }

  Optional<Job> find(UUID id) {
    return scope
        .dsl()
        .select(ImportJob.ALL)
        .from(scope.table(ImportJob.T))
        .where(ImportJob.ID.eq(id))
        .fetchOptional(ImportJobs::job);
  }

  /** The tenant's last jobs, newest first. */
  List<Job> recent(int limit) {
    return scope
        .dsl()
        .select(ImportJob.ALL)
        .from(scope.table(ImportJob.T))
        .orderBy(ImportJob.STARTED_AT.desc())
        .limit(limit)
        .fetch(ImportJobs::job);
  }

  Optional<BackgroundJobs.Progress> progress(UUID id) {
    return jobs.progress(id);
  }

  private static Job job(Record r) {
    return new Job(
        r.get(ImportJob.ID),
        r.get(ImportJob.FILE_NAME),
        r.get(ImportJob.FORMAT),
        State.valueOf(r.get(ImportJob.STATE)),
        r.get(ImportJob.MESSAGE),
        r.get(ImportJob.STRATEGY_ID),
        r.get(ImportJob.SUMMARY),
        r.get(ImportJob.STARTED_AT),
        r.get(ImportJob.FINISHED_AT));
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
