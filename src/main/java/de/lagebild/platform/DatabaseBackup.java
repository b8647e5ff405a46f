package de.lagebild.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backup and restore of the whole database, for {@code ./lagebild backup FILE} and {@code
 * ./lagebild restore FILE}. Never a bare file copy: SQLite is written with {@code VACUUM INTO}
 * (consistent while the application runs, and it includes what still sits in the {@code -wal} file)
 * and read back with SQLite's online restore; PostgreSQL goes through {@code pg_dump -Fc} and
 * {@code pg_restore}, which must be installed (package postgresql-client, same major version as the
 * server or newer).
 *
 * <p>A restore goes into an empty database (a fresh installation) unless {@code --replace} is
 * given; the application's instances should be stopped while it runs. A backup is checked after
 * writing (SQLite: integrity check; PostgreSQL: {@code pg_restore --list}).
 *
 * <p>Why this class is long: each of the two databases needs its own way in and out, plus the
 * checks that make a restore refuse instead of half-writing.
 */
public final class DatabaseBackup {

  /** What went wrong, in German, for the operator. */
  public static final class BackupException extends Exception {
    public BackupException(String message) {
      super(message);
    }

    public BackupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Where the database is (as the application reads it from its environment). */
  public record Target(String url, String user, String password) {

    public static Target fromEnvironment(Map<String, String> env) {
      String url = env.getOrDefault("LAGEBILD_DB_URL", "");
      return new Target(
          url.isBlank() ? "jdbc:sqlite:./data/lagebild.db" : url,
          env.getOrDefault("LAGEBILD_DB_USER", ""),
          env.getOrDefault("LAGEBILD_DB_PASSWORD", ""));
    }

    boolean sqlite() {
      return url.startsWith("jdbc:sqlite:");
    }

    boolean postgres() {
      return url.startsWith("jdbc:postgresql:");
    }
  }

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PGDUMP_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

  private DatabaseBackup() {}

  /** Writes a backup of {@code db} to {@code file} (which must not exist); returns a summary. */
  public static String backup(Target db, Path file) throws BackupException {
    if (Files.exists(file)) {
      throw new BackupException(
          "Die Datei " + file + " gibt es schon; sie wird nicht überschrieben.");
    }
    createParent(file);
    if (db.sqlite()) {
      try (Connection c = connect(db);
          Statement s = c.createStatement()) {
        s.execute("vacuum into '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new BackupException("Die Sicherung ist fehlgeschlagen: " + e.getMessage(), e);
      }
      String check = sqliteCheck(file);
      return "Sicherung geschrieben: " + file + " (" + size(file) + ", " + check + ")";
    }
    if (db.postgres()) {
      Pg pg = Pg.of(db);
      run(pg, List.of("pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", file.toString()));
      int entries = pgList(pg, file);
      return "Sicherung geschrieben: " + file + " (" + size(file) + ", " + entries + " Einträge)";
    }
    throw new BackupException("Unbekannte Datenbank-URL: " + db.url());
  }

  /**
   * Restores {@code file} into {@code db}; refuses a database that already holds Lagebild data
   * unless {@code replace}. Returns a summary.
   */
  public static String restore(Target db, Path file, boolean replace) throws BackupException {
    if (!Files.isRegularFile(file)) {
      throw new BackupException("Die Sicherungsdatei " + file + " gibt es nicht.");
    }
    byte[] head = head(file);
    if (db.sqlite()) {
      if (!startsWith(head, SQLITE_MAGIC)) {
        throw new BackupException(
            startsWith(head, PGDUMP_MAGIC)
                ? "Die Datei ist eine PostgreSQL-Sicherung; diese Installation nutzt SQLite."
                    + " Zwischen SQLite und PostgreSQL zieht diese Sicherung nicht um."
                : "Die Datei ist keine Lagebild-Sicherung (weder SQLite noch pg_dump).");
      }
      sqliteCheck(file);
      try (Connection c = connect(db);
          Statement s = c.createStatement()) {
        if (!replace && hasSchema(c)) {
          throw refuseNonEmpty();
        }
        s.executeUpdate("restore from \"" + file.toAbsolutePath() + "\"");
        return "Wiederhergestellt aus " + file + ": " + schemaVersion(c);
      } catch (SQLException e) {
        throw new BackupException("Die Wiederherstellung ist fehlgeschlagen: " + e.getMessage(), e);
      }
    }
    if (db.postgres()) {
      if (!startsWith(head, PGDUMP_MAGIC)) {
        throw new BackupException(
            startsWith(head, SQLITE_MAGIC)
                ? "Die Datei ist eine SQLite-Sicherung; diese Installation nutzt PostgreSQL."
                    + " Zwischen SQLite und PostgreSQL zieht diese Sicherung nicht um."
                : "Die Datei ist keine Lagebild-Sicherung (weder SQLite noch pg_dump).");
      }
      Pg pg = Pg.of(db);
      try (Connection c = connect(db)) {
        if (!replace && hasSchema(c)) {
          throw refuseNonEmpty();
        }
      } catch (SQLException e) {
        throw new BackupException("Die Datenbank ist nicht erreichbar: " + e.getMessage(), e);
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  "pg_restore",
                  "--no-owner",
                  "--no-privileges",
                  "--exit-on-error",
                  "--single-transaction"));
      if (replace) {
        command.addAll(List.of("--clean", "--if-exists"));
      }
      command.add(file.toString());
      run(pg, command);
      try (Connection c = connect(db)) {
        return "Wiederhergestellt aus " + file + ": " + schemaVersion(c);
      } catch (SQLException e) {
        throw new BackupException("Die Datenbank ist nicht erreichbar: " + e.getMessage(), e);
      }
    }
    throw new BackupException("Unbekannte Datenbank-URL: " + db.url());
  }

  /**
   * The command line: {@code backup FILE} or {@code restore FILE [--replace]}, with the database
   * from the environment; returns the exit code.
   */
  public static int command(String[] args, Map<String, String> env, java.io.PrintStream out) {
    Target db = Target.fromEnvironment(env);
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    boolean replace = rest.contains("--replace");
    List<String> files = rest.stream().filter(a -> !a.startsWith("--")).toList();
    if (files.size() != 1) {
      out.println(
          "Aufruf: ./lagebild backup DATEI | ./lagebild restore DATEI [--replace]"
              + " (Datenbank aus LAGEBILD_DB_URL, LAGEBILD_DB_USER, LAGEBILD_DB_PASSWORD)");
      return 2;
    }
    try {
      out.println(
          "backup".equals(args[0])
              ? backup(db, Path.of(files.get(0)))
              : restore(db, Path.of(files.get(0)), replace));
      return 0;
    } catch (BackupException e) {
      out.println(e.getMessage());
      return 1;
    }
  }

  private static BackupException refuseNonEmpty() {
    return new BackupException(
        "Die Zieldatenbank enthält schon Lagebild-Daten. Eine Sicherung wird nur in eine leere"
            + " Datenbank eingespielt; mit --replace wird der Inhalt ersetzt.");
  }

  private static Connection connect(Target db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  private static boolean hasSchema(Connection c) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if ("flyway_schema_history".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String schemaVersion(Connection c) throws SQLException {
    if (!hasSchema(c)) {
      return "keine Lagebild-Tabellen";
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select version from flyway_schema_history where success"
                    + " order by installed_rank desc limit 1")) {
      return rs.next() ? "Schema-Version " + rs.getString(1) : "ohne Schema-Version";
    }
  }

  private static String sqliteCheck(Path file) throws BackupException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("pragma integrity_check")) {
      String result = rs.next() ? rs.getString(1) : "";
      if (!"ok".equalsIgnoreCase(result)) {
        throw new BackupException("Die Sicherungsdatei ist beschädigt: " + result);
      }
      return schemaVersion(c);
    } catch (SQLException e) {
      throw new BackupException("Die Sicherungsdatei ist nicht lesbar: " + e.getMessage(), e);
    }
  }

  /** Connection data for the PostgreSQL tools, from the JDBC URL. */
  private record Pg(String host, int port, String database, String user, String password) {

    static Pg of(Target db) throws BackupException {
      try {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isBlank()) {
          throw new BackupException("Die Datenbank-URL nennt keine Datenbank: " + db.url());
        }
        String user = db.user();
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        for (String part : query.split("&")) {
          if (part.startsWith("user=") && (user == null || user.isBlank())) {
            user = part.substring(5);
          }
        }
        return new Pg(
            uri.getHost() == null ? "localhost" : uri.getHost(),
            uri.getPort() < 0 ? 5432 : uri.getPort(),
            path,
            user == null || user.isBlank() ? "postgres" : user,
            db.password());
      } catch (IllegalArgumentException e) {
        throw new BackupException("Die Datenbank-URL ist nicht lesbar: " + db.url(), e);
      }
    }
  }

  private static int pgList(Pg pg, Path file) throws BackupException {
    String listing = run(pg, List.of("pg_restore", "--list", file.toString()));
    return (int) listing.lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
  }

  /** Runs a PostgreSQL tool with the connection in its environment; returns its output. */
  private static String run(Pg pg, List<String> command) throws BackupException {
    List<String> full = new ArrayList<>(command);
    if (!command.contains("--list")) {
      full.addAll(
          1,
          List.of(
              "-h",
              pg.host(),
              "-p",
              String.valueOf(pg.port()),
              "-U",
              pg.user(),
              "-d",
              pg.database()));
    }
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    if (pg.password() != null && !pg.password().isBlank()) {
      pb.environment().put("PGPASSWORD", pg.password());
    }
    try {
      Process p = pb.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new BackupException(
            command.get(0) + " ist fehlgeschlagen (Exit " + p.exitValue() + "): " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new BackupException(
          command.get(0)
              + " wurde nicht gefunden. Für PostgreSQL braucht die Sicherung die Programme"
              + " pg_dump und pg_restore (Paket postgresql-client).",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(command.get(0) + " wurde unterbrochen.", e);
    }
  }

  private static void createParent(Path file) throws BackupException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new BackupException("Der Ordner " + parent + " lässt sich nicht anlegen.", e);
    }
  }

  private static byte[] head(Path file) throws BackupException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(16);
    } catch (IOException e) {
      throw new BackupException("Die Sicherungsdatei ist nicht lesbar: " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      return bytes >= 1 << 20
          ? String.format(java.util.Locale.GERMANY, "%.1f MB", bytes / 1048576.0)
          : String.format(java.util.Locale.GERMANY, "%d kB", Math.max(1, bytes / 1024));
    } catch (IOException e) {
      return "?";
    }
  }
}
