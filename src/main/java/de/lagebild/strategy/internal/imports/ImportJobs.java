package de.lagebild.strategy.internal.imports;

import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.Jobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Strategy imports of large files as background jobs ({@link Jobs}): the import is one transaction;
 * the job's page shows its progress (goals and measures written) and links to the strategy it made.
 */
@Service
class ImportJobs {

  static final String KIND = "STRATEGY_IMPORT";

  private final StrategyImport imports;
  private final Jobs jobs;
  private final MessageSource messages;

  ImportJobs(StrategyImport imports, Jobs jobs, MessageSource messages) {
    this.imports = imports;
    this.jobs = jobs;
    this.messages = messages;
  }

  /** Starts the import of {@code file} (deleted afterwards) and returns the job id at once. */
  UUID start(Path file, String fileName, String format, StrategyImport.Target target) {
    return jobs.start(
        KIND,
        file,
        fileName,
        format == null ? "auto" : format,
        (f, progress) -> imports.commit(Files.readAllBytes(f), fileName, format, target, progress),
        s ->
            new Jobs.Outcome(
                s.strategyId(),
                messages.getMessage(
                    "import.job.summary",
                    new Object[] {
                      s.goals(), s.measures(), s.assessments(), s.updated(), s.unchanged()
                    },
                    Locale.GERMAN)));
  }

  Optional<Jobs.Job> find(UUID id) {
    return jobs.find(KIND, id);
  }

  List<Jobs.Job> recent(int limit) {
    return jobs.recent(KIND, limit);
  }

  Optional<BackgroundJobs.Progress> progress(UUID id) {
    return jobs.progress(id);
  }

  void failInterrupted() {
    jobs.failInterrupted();
  }

  int failAbandoned() {
    return jobs.failAbandoned();
  }
}
