package de.lagebild.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the {@link UploadStash} of each kind of import, all on the database and one working
 * directory of this instance; copies there older than a day are removed at start.
 */
@Component
public class UploadStashes {

  private final DSLContext dsl;
  private final TransactionTemplate tx;
  private final Path dir;

  UploadStashes(DSLContext dsl, TransactionTemplate tx) throws IOException {
    this.dsl = dsl;
    this.tx = tx;
    this.dir =
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lagebild-imports"));
    removeAbandoned();
  }

  /** The stash of one kind of import, e.g. {@code strategy}. */
  public UploadStash stash(String kind) {
    return new UploadStash(kind, dir, dsl, tx);
  }

  private void removeAbandoned() throws IOException {
    Instant limit = Instant.now().minus(Duration.ofDays(1));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        try {
          if (Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // another instance on this machine removed it first
        }
      }
    }
  }
}
