package de.lagebild.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background jobs of every module (imports of large files) and their rows in one table, told
 * apart by kind: the row is written first (RUNNING), the work runs in the background in its own
 * transaction ({@link BackgroundJobs}), and the row ends DONE with a summary and the id of what it
 * made, or FAILED with the reason in German – nothing half written.
 *
 * <p>On PostgreSQL several instances may share the database: the instance that runs a job writes
 * its progress and a heartbeat into the row every few seconds, so that any instance shows the
 * progress, and any instance fails a RUNNING job whose heartbeat is older than a minute (its
 * instance was killed). On the embedded SQLite file (one instance, and a heartbeat would wait for
 * the import's write lock) a job still RUNNING when the application starts was cut off by a stop
 * and is marked FAILED.
 */
@Component
public class Jobs {

  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * A job as its page shows it; {@code resultId} is what it made (a strategy, say), if anything.
   */
  public record Job(
      UUID id,
      String kind,
      String fileName,
      String format,
      State state,
      String message,
      UUID resultId,
      String summary,
      Instant startedAt,
      Instant finishedAt) {}

  /** What a finished job made and how its page sums it up. */
  public record Outcome(UUID resultId, String summary) {}

  static final TenantTable T = TenantTable.named("background_job");
  static final Field<UUID> ID = T.id("id");
  static final Field<String> KIND = T.text("kind");
  static final Field<UUID> USER_ID = T.id("user_id");
  static final Field<String> FILE_NAME = T.text("file_name");
  static final Field<String> FORMAT = T.text("format");
  static final Field<String> STATE = T.text("state");
  static final Field<String> MESSAGE = T.text("message");
  static final Field<UUID> RESULT_ID = T.id("result_id");
  static final Field<String> SUMMARY = T.text("summary");
  static final Field<Instant> STARTED_AT = T.instant("started_at");
  static final Field<Instant> FINISHED_AT = T.instant("finished_at");
  static final Field<String> INSTANCE_ID = T.text("instance_id");
  static final Field<Long> HEARTBEAT_AT = T.field("heartbeat_at", org.jooq.impl.SQLDataType.BIGINT);
  static final Field<Integer> PROGRESS_DONE =
      T.field("progress_done", org.jooq.impl.SQLDataType.INTEGER);
  static final Field<Integer> PROGRESS_TOTAL =
      T.field("progress_total", org.jooq.impl.SQLDataType.INTEGER);

  /** A RUNNING job whose heartbeat is older than this has lost its instance. */
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofSeconds(60);

  static final Field<?>[] ALL = {
    ID, KIND, FILE_NAME, FORMAT, STATE, MESSAGE, RESULT_ID, SUMMARY, STARTED_AT, FINISHED_AT
  };

  private final TenantScope scope;
  private final TransactionTemplate tx;
  private final MessageSource messages;
  private final Clock clock;
  private final BackgroundJobs runner;
  private final String instance =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  Jobs(TenantScope scope, TransactionTemplate tx, MessageSource messages, Clock clock) {
    this.scope = scope;
    this.tx = tx;
    this.messages = messages;
    this.clock = clock;
    this.runner = new BackgroundJobs("lagebild-jobs", messages, clock);
  }

  private boolean shared() {
    return scope.dsl().dialect().family() == org.jooq.SQLDialect.POSTGRES;
  }

  /**
   * Jobs cut off by the end of the previous process: failed, with nothing written. On PostgreSQL
   * only those whose heartbeat is old – the others run on another instance.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void failInterrupted() {
    if (shared()) {
      failAbandoned();
      return;
    }
    int n = failRunning("job.interrupted", org.jooq.impl.DSL.trueCondition());
    if (n > 0) {
      log.warn("{} background job(s) were running when the application stopped; marked failed", n);
    }
  }

  /** Marks the RUNNING jobs of every tenant that match {@code which} failed, with the message. */
  private int failRunning(String messageKey, org.jooq.Condition which) {
    Integer n =
        tx.execute(
            s ->
                scope
                    .dsl()
                    .update(scope.acrossTenants(T))
                    .set(STATE, State.FAILED.name())
                    .set(MESSAGE, messages.getMessage(messageKey, null, Locale.GERMAN))
                    .set(FINISHED_AT, clock.instant())
                    .where(STATE.eq(State.RUNNING.name()))
                    .and(which)
                    .execute());
    return n == null ? 0 : n;
  }

  /** Writes progress and heartbeat of the jobs running here (PostgreSQL). */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelayString = "${lagebild.jobs.heartbeat:5s}",
      initialDelayString = "${lagebild.jobs.heartbeat:5s}")
  public void heartbeat() {
    if (!shared()) {
      return;
    }
    long now = clock.millis();
    runner
        .runningHere()
        .forEach(
            (id, p) ->
                scope
                    .dsl()
                    .update(scope.acrossTenants(T))
                    .set(HEARTBEAT_AT, now)
                    .set(INSTANCE_ID, instance)
                    .set(PROGRESS_DONE, p.done())
                    .set(PROGRESS_TOTAL, p.total())
                    .where(ID.eq(id).and(STATE.eq(State.RUNNING.name())))
                    .execute());
  }

  /**
   * Fails the RUNNING jobs whose instance stopped writing its heartbeat a minute ago (killed, or
   * cut off from the database); returns how many (PostgreSQL).
   */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelayString = "${lagebild.jobs.sweep:20s}",
      initialDelayString = "${lagebild.jobs.sweep:20s}")
  public int failAbandoned() {
    if (!shared()) {
      return 0;
    }
    long limit = clock.millis() - ABANDONED_AFTER.toMillis();
    int n =
        failRunning(
            "job.abandoned",
            HEARTBEAT_AT
                .lt(limit)
                .or(HEARTBEAT_AT.isNull().and(STARTED_AT.lt(Instant.ofEpochMilli(limit)))));
    if (n > 0) {
      log.warn("{} background job(s) lost their instance; marked failed", n);
    }
    return n;
  }

  /**
   * Starts {@code work} on {@code file} (deleted afterwards) in the background for the current
   * tenant and user and returns the job's id at once; {@code outcome} sums up its result.
   */
  public <T> UUID start(
      String kind,
      Path file,
      String fileName,
      String format,
      BackgroundJobs.Work<T> work,
      Function<T, Outcome> outcome) {
    UUID id = UUID.randomUUID();
    UUID user =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                    != null
                && org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                        .getPrincipal()
                    instanceof ActorPrincipal a
            ? a.actorId()
            : null;
    tx.executeWithoutResult(
        s ->
            scope
                .insertInto(T)
                .set(ID, id)
                .set(KIND, kind)
                .set(USER_ID, user)
                .set(FILE_NAME, fileName == null ? null : abbreviate(fileName, 300))
                .set(FORMAT, format == null ? null : abbreviate(format, 20))
                .set(STATE, State.RUNNING.name())
                .set(STARTED_AT, clock.instant())
                .set(INSTANCE_ID, instance)
                .set(HEARTBEAT_AT, clock.millis())
                .execute());
    runner.submit(
        id,
        file,
        work,
        result -> {
          Outcome o = outcome.apply(result);
          finish(id, State.DONE, null, o.resultId(), o.summary());
        },
        message -> finish(id, State.FAILED, message, null, null));
    return id;
  }

  private void finish(UUID id, State state, String message, UUID resultId, String summary) {
    tx.executeWithoutResult(
        s ->
            scope
                .update(T)
                .set(STATE, state.name())
                .set(MESSAGE, message)
                .set(RESULT_ID, resultId)
                .set(SUMMARY, summary == null ? null : abbreviate(summary, 500))
                .set(FINISHED_AT, clock.instant())
                .where(ID.eq(id))
                .execute());
  }

  /** A job of this tenant and kind. */
  public Optional<Job> find(String kind, UUID id) {
    return scope
        .dsl()
        .select(ALL)
        .from(scope.table(T))
        .where(ID.eq(id).and(KIND.eq(kind)))
        .fetchOptional(Jobs::job);
  }

  /** The tenant's last jobs of a kind, newest first. */
  public List<Job> recent(String kind, int limit) {
    return scope
        .dsl()
        .select(ALL)
        .from(scope.table(T))
        .where(KIND.eq(kind))
        .orderBy(STARTED_AT.desc())
        .limit(limit)
        .fetch(Jobs::job);
  }

  /**
   * The progress of a running job: from this instance when it runs here, otherwise as its instance
   * last wrote it (PostgreSQL).
   */
  public Optional<BackgroundJobs.Progress> progress(UUID id) {
    Optional<BackgroundJobs.Progress> here = runner.progress(id);
    if (here.isPresent() || !shared()) {
      return here;
    }
    return scope
        .dsl()
        .select(PROGRESS_DONE, PROGRESS_TOTAL, STARTED_AT)
        .from(scope.table(T))
        .where(ID.eq(id).and(STATE.eq(State.RUNNING.name())))
        .fetchOptional(
            r ->
                new BackgroundJobs.Progress(
                    r.get(PROGRESS_DONE) == null ? 0 : r.get(PROGRESS_DONE),
                    r.get(PROGRESS_TOTAL) == null ? 0 : r.get(PROGRESS_TOTAL),
                    java.time.Duration.between(r.get(STARTED_AT), clock.instant())));
  }

  private static Job job(Record r) {
    return new Job(
        r.get(ID),
        r.get(KIND),
        r.get(FILE_NAME),
        r.get(FORMAT),
        State.valueOf(r.get(STATE)),
        r.get(MESSAGE),
        r.get(RESULT_ID),
        r.get(SUMMARY),
        r.get(STARTED_AT),
        r.get(FINISHED_AT));
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
