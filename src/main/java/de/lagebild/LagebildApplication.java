package de.lagebild;

import de.lagebild.platform.DatabaseBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lagebild: integrated social planning for German districts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LagebildApplication {

  public static void main(String[] args) throws IOException {
    if (args.length > 0
        && List.of("backup", "restore", "export-tenant", "import-tenant").contains(args[0])) {
      quietCommandLine();
    }
    if (args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]))) {
      System.exit(DatabaseBackup.command(args, System.getenv(), System.out));
    }
    if (args.length > 0 && ("export-tenant".equals(args[0]) || "import-tenant".equals(args[0]))) {
      System.exit(de.lagebild.platform.TenantMove.command(args, System.getenv(), System.out));
    }
    prepareEmbeddedDatabaseFolder(System.getenv("LAGEBILD_DB_URL"));
    SpringApplication.run(LagebildApplication.class, args);
  }

  /** The command-line tools print their German result, not the libraries' start-up chatter. */
  private static void quietCommandLine() {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /**
   * The embedded SQLite file lives under ./data by default; the folder must exist before the pool
   * opens it.
   */
  static void prepareEmbeddedDatabaseFolder(String url) throws IOException {
    String effective = url == null || url.isBlank() ? "jdbc:sqlite:./data/lagebild.db" : url;
    if (effective.startsWith("jdbc:sqlite:") && !effective.contains(":memory:")) {
      String file = effective.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
      Path parent = Path.of(file).toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }
  }
}
