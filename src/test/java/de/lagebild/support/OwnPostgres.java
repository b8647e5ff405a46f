package de.lagebild.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, pg_ctl on a free port),
 * for tests that stop and start the database under a running application. Uses the server binaries
 * of the machine ({@code /usr/lib/postgresql/<version>/bin}); as root the server runs as the {@code
 * postgres} user.
 */
public final class OwnPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;

  private OwnPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Creates and starts a server; skips the test (fails with {@code CI=true}) where no binaries are
   * installed.
   */
  public static OwnPostgres start() {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql");
      }
      Assumptions.abort("PostgreSQL server binaries not found: test skipped");
    }
    try {
      Path dir = Files.createTempDirectory("lagebild-own-pg");
      OwnPostgres pg = new OwnPostgres(bin.get(), dir, freePort());
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
      }
      pg.asServerUser(
          List.of(
              pg.bin.resolve("initdb").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-A",
              "trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--no-instructions"));
      pg.startServer();
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public void startServer() {
    asServerUser(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
            "start"));
  }

  /** Stops at once, as a crash or a pulled cable would: open connections break. */
  public void stopServer() {
    asServerUser(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "immediate",
            "-w",
            "stop"));
  }

  @Override
  public void close() {
    try {
      stopServer();
    } catch (RuntimeException ignored) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  private void asServerUser(List<String> command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
