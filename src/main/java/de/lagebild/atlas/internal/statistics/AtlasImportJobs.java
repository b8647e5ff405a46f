package de.lagebild.atlas.internal.statistics;

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
 * Statistics imports of large files as background jobs ({@link Jobs}): the import is one
 * transaction; the job's page shows its progress (values processed of all).
 */
@Service
class AtlasImportJobs {

  /**
   * The tables a value import writes (indicators and areas too: the planner joins them to the
   * values, and without statistics it sorts a whole tenant's values instead of walking the key).
   */
  static final String[] VALUE_TABLES = {
    "atlas_value", "atlas_value_history", "indicator", "area", "value_source"
  };

  private final de.lagebild.platform.DatabaseStatistics statistics;

  static final String KIND = "STATISTICS_IMPORT";

  private final IndicatorImport imports;
  private final Jobs jobs;
  private final MessageSource messages;

  AtlasImportJobs(
      IndicatorImport imports,
      Jobs jobs,
      MessageSource messages,
      de.lagebild.platform.DatabaseStatistics statistics) {
    this.statistics = statistics;
    this.imports = imports;
    this.jobs = jobs;
    this.messages = messages;
  }

  /** Starts the import of {@code file} (deleted afterwards) and returns the job id at once. */
  UUID start(Path file, String fileName, IndicatorImport.Options options) {
    return jobs.start(
        KIND,
        file,
        fileName,
        null,
        (f, progress) -> {
          IndicatorImport.Summary s =
              imports.commit(Files.readAllBytes(f), fileName, options, progress);
          statistics.afterWriting(s.values(), VALUE_TABLES);
          return s;
        },
        s ->
            new Jobs.Outcome(
                null,
                messages.getMessage(
                    "atlas.import.summary",
                    new Object[] {
                      s.values(), s.created(), s.changed(), s.unchanged(), s.indicatorsCreated()
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
}
