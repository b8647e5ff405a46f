package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A database written by the previous release (the fixture in {@code src/test/resources/upgrade},
 * see its README) is migrated by Flyway to the newest schema on start, and the application serves
 * its data. SQLite only: the fixture is the embedded database a trial installation has.
 */
class UpgradeIntegrationTests {

  @Test
  void aDatabaseOfThePreviousReleaseMigratesAndWorks() throws Exception {
    Assumptions.assumeFalse(TestDatabase.isPostgres(), "the fixture is an SQLite database");
    Path dir = Files.createTempDirectory("lagebild-upgrade");
    Path db = dir.resolve("lagebild.db");
    try (InputStream in =
        new GZIPInputStream(getClass().getResourceAsStream("/upgrade/lagebild-v22-demo.db.gz"))) {
      Files.copy(in, db);
    }
    String url = "jdbc:sqlite:" + db;
    assertThat(schemaVersion(url)).isEqualTo(22);
    int newest = newestMigration();
    try (RunningApp app =
        RunningApp.start(
            url, "--lagebild.demo=false", "--logging.file.name=target/test-logs/upgrade.log")) {
      assertThat(schemaVersion(url)).isEqualTo(newest);
      HttpClient client = HttpClient.newHttpClient();
      String token = "Bearer lgb_demo_koordination_nordhausen";
      assertThat(ok(app.get(client, "/api/v1/nordhausen/needs", token)))
          .contains("Kinderarmut: jedes dritte Mitglied einer Bedarfsgemeinschaft ist ein Kind");
      assertThat(ok(app.get(client, "/api/v1/nordhausen/surveys", token)))
          .contains("Familienbefragung");
      assertThat(ok(app.get(client, "/api/v1/nordhausen/services?per_page=5", null)))
          .contains("\"total_items\":64");
      assertThat(ok(app.get(client, "/nordhausen/oeffentlich/atlas", null)))
          .contains("Sozialatlas", "Nordhausen");
      assertThat(ok(app.get(client, "/actuator/health", null))).contains("UP");
    }
  }

  private static String ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
    return r.body();
  }

  private static int schemaVersion(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select version from flyway_schema_history where success = 1"
                        + " and version is not null order by installed_rank desc limit 1")) {
      assertThat(rs.next()).isTrue();
      return Integer.parseInt(rs.getString(1));
    }
  }

  /** The highest migration version the application ships. */
  private static int newestMigration() throws Exception {
    Pattern v = Pattern.compile("^V(\\d+)__");
    Resource[] files =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:db/migration/**/V*__*.sql");
    return Arrays.stream(files)
        .map(Resource::getFilename)
        .map(v::matcher)
        .filter(Matcher::find)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .max()
        .orElseThrow();
  }
}
