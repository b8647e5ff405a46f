package de.lagebild.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database an integration test run uses, chosen by the system property {@code lagebild.test.db}
 * ({@code sqlite} or {@code postgres}; Maven's failsafe runs every integration test once with
 * each). PostgreSQL gets a fresh database per JVM on the server named by {@code
 * LAGEBILD_TEST_PG_URL} (default 127.0.0.1:5432, user postgres). Without a reachable server the
 * PostgreSQL run is skipped locally, and fails when {@code CI=true}.
 */
public final class TestDatabase {

  public static final String KIND = System.getProperty("lagebild.test.db", "sqlite");
  private static String url;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(KIND);
  }

  public static synchronized String url() {
    if (url == null) {
      url = isPostgres() ? createPostgresDatabase() : createSqliteFile();
    }
    return url;
  }

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", () -> isPostgres() ? pgUser() : "");
    registry.add("spring.datasource.password", () -> isPostgres() ? pgPassword() : "");
    smallPools(registry);
  }

  /**
   * Every cached test context keeps its own pool; idle pools give their connections back so that
   * the run stays below the server's connection limit (100 by default).
   */
  private static void smallPools(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
  }

  /**
   * Binds the application to another, empty database of this run's kind (tests that need their own
   * data).
   */
  public static void registerFresh(DynamicPropertyRegistry registry) {
    String fresh = freshUrl();
    registry.add("spring.datasource.url", () -> fresh);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    smallPools(registry);
  }

  /** Another, empty database on the same server (for tests that need a first start). */
  public static String freshUrl() {
    return isPostgres() ? createPostgresDatabase() : createSqliteFile();
  }

  public static String user() {
    return isPostgres() ? pgUser() : "";
  }

  public static String password() {
    return isPostgres() ? pgPassword() : "";
  }

  private static String createSqliteFile() {
    try {
      Path dir = Files.createTempDirectory("lagebild-test");
      return "jdbc:sqlite:" + dir.resolve("lagebild.db");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pgBase() {
    String base =
        System.getenv().getOrDefault("LAGEBILD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    return base.endsWith("/") ? base : base + "/";
  }

  private static String pgUser() {
    return System.getenv().getOrDefault("LAGEBILD_TEST_PG_USER", "postgres");
  }

  private static String pgPassword() {
    return System.getenv().getOrDefault("LAGEBILD_TEST_PG_PASSWORD", "");
  }

  private static boolean leftoversDropped;

  /**
   * The databases of earlier runs (once per test JVM): those nobody is connected to. Without this
   * every run leaves a few databases behind on the developer's server.
   */
  private static synchronized void dropLeftovers(Statement s) throws SQLException {
    if (leftoversDropped) {
      return;
    }
    leftoversDropped = true;
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "select datname from pg_database d where datname like 'lagebild_it_%' and not exists"
                + " (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String n : names) {
      s.execute("drop database if exists " + n);
    }
  }

  private static String createPostgresDatabase() {
    String name = "lagebild_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(pgBase() + "postgres", pgUser(), pgPassword());
        Statement s = c.createStatement()) {
      dropLeftovers(s);
      s.execute("create database " + name);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL is not reachable at " + pgBase() + " but CI=true requires it", e);
      }
      Assumptions.abort(
          "PostgreSQL not reachable at "
              + pgBase()
              + " ("
              + e.getMessage()
              + "): PostgreSQL integration tests skipped. Set CI=true to make this a failure.");
    }
    return pgBase() + name;
  }
}
