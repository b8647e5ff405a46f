package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.AtlasTables.Job;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.TenantScope;
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
 * Large statistics imports in the background: a job row first (RUNNING), then the import in its own
 * transaction on one worker thread, then DONE with the summary or FAILED with the reason – nothing
 * half written. Progress (values processed of all) is kept in memory while the job runs; jobs cut
 * off by a stop are failed at start-up.
 */
@Service
class AtlasImportJobs {

  private static final Logger log = LoggerFactory.getLogger(AtlasImportJobs.class);

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  record JobRow(
      UUID id,
      String fileName,
      State state,
      String message,
      String summary,
      Instant startedAt,
      Instant finishedAt) {}

  private final IndicatorImport imports;
  private final TenantScope scope;
  private final TransactionTemplate tx;
  private final MessageSource messages;
  private final Clock clock;
  private final BackgroundJobs jobs;

  AtlasImportJobs(
      IndicatorImport imports,
      TenantScope scope,
      TransactionTemplate tx,
      MessageSource messages,
      Clock clock) {
    this.imports = imports;
    this.scope = scope;
    this.tx = tx;
    this.messages = messages;
    this.clock = clock;
    this.jobs = new BackgroundJobs("lagebild-atlas-import", messages, clock);
  }

  @EventListener(ApplicationReadyEvent.class)
  void failInterrupted() {
    int n =
        tx.execute(
            s ->
                scope
                    .dsl()
                    .update(scope.acrossTenants(Job.T))
                    .set(Job.STATE, State.FAILED.name())
                    .set(
                        Job.MESSAGE,
                        messages.getMessage("import.job.interrupted", null, Locale.GERMAN))
                    .set(Job.FINISHED_AT, clock.instant())
                    .where(Job.STATE.eq(State.RUNNING.name()))
                    .execute());
    if (n > 0) {
      log.warn(
          "{} statistics import job(s) were running when the application stopped; marked as failed",
          n);
    }
  }

  /**
   * Starts the import of {@code file} (deleted afterwards) for the current tenant and user; returns
   * the job id.
   */
  UUID start(Path file, String fileName, IndicatorImport.Options options) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s ->
            scope
                .insertInto(Job.T)
                .set(Job.ID, id)
                .set(Job.USER_ID, CurrentUser.get().map(u -> u.actorId()).orElse(null))
                .set(
                    Job.FILE_NAME,
                    fileName == null
                        ? null
                        : fileName.substring(0, Math.min(300, fileName.length())))
                .set(Job.STATE, State.RUNNING.name())
                .set(Job.STARTED_AT, now)
                .execute());
    jobs.submit(
        id,
        file,
        (f, progress) -> imports.commit(Files.readAllBytes(f), fileName, options, progress),
        s ->
            finish(
                id,
                State.DONE,
                null,
                messages.getMessage(
                    "atlas.import.summary",
                    new Object[] {
                      s.values(), s.created(), s.changed(), s.unchanged(), s.indicatorsCreated()
                    },
                    Locale.GERMAN)),
        message -> finish(id, State.FAILED, message, null));
    return id;
  }

  private void finish(UUID id, State state, String message, String summary) {
    tx.executeWithoutResult(
        s ->
            scope
                .update(Job.T)
                .set(Job.STATE, state.name())
                .set(Job.MESSAGE, message)
                .set(Job.SUMMARY, summary)
                .set(Job.FINISHED_AT, clock.instant())
                .where(Job.ID.eq(id))
                .execute());
  }

  Optional<JobRow> find(UUID id) {
    return scope
        .dsl()
        .select(
            Job.ID,
            Job.FILE_NAME,
            Job.STATE,
            Job.MESSAGE,
            Job.SUMMARY,
            Job.STARTED_AT,
            Job.FINISHED_AT)
        .from(scope.table(Job.T))
        .where(Job.ID.eq(id))
        .fetchOptional(AtlasImportJobs::row);
  }

  List<JobRow> recent(int limit) {
    return scope
        .dsl()
        .select(
            Job.ID,
            Job.FILE_NAME,
            Job.STATE,
            Job.MESSAGE,
            Job.SUMMARY,
            Job.STARTED_AT,
            Job.FINISHED_AT)
        .from(scope.table(Job.T))
        .orderBy(Job.STARTED_AT.desc())
        .limit(limit)
        .fetch(AtlasImportJobs::row);
  }

  Optional<BackgroundJobs.Progress> progress(UUID id) {
    return jobs.progress(id);
  }

  private static JobRow row(Record r) {
    return new JobRow(
        r.get(Job.ID),
        r.get(Job.FILE_NAME),
        State.valueOf(r.get(Job.STATE)),
        r.get(Job.MESSAGE),
        r.get(Job.SUMMARY),
        r.get(Job.STARTED_AT),
        r.get(Job.FINISHED_AT));
  }
}
