package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import de.lagebild.platform.DatabaseBackup.BackupException;
import de.lagebild.platform.DatabaseBackup.Target;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code ./lagebild backup} → {@code ./lagebild restore} into a fresh installation: the restored
 * application, started on the restored database, answers every page and export checked here with
 * the same bytes as the original (CSRF tokens and CSP nonces aside). On SQLite the backup is taken
 * while the original runs (its last writes may still sit in the {@code -wal} file); on PostgreSQL
 * through pg_dump/pg_restore.
 */
@IntegrationTest
class BackupRestoreIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;

  @Test
  void aBackupRestoredIntoAFreshInstallationAnswersEveryPageAndExportAlike() throws Exception {
    Logins logins = new Logins(userDetails);
    String strategy = DemoData.nordhausenStrategy(dsl);
    String goal =
        String.valueOf(
            dsl.fetchValue(
                "select id from goal where strategy_id = ? order by code limit 1", strategy));
    String area =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.name = 'Nordhausen' limit 1"));
    String need =
        String.valueOf(
            dsl.fetchValue(
                "select n.id from need n join tenant t on t.id = n.tenant_id "
                    + "where t.slug = 'nordhausen' order by n.title limit 1"));
    // a last write just before the backup: on SQLite it may still sit in the -wal file
    dsl.execute("update need set description = ? where id = ?", "Vor der Sicherung geändert", need);

    // what the original answers: API (token), public pages (anonymous), internal pages (login)
    List<String> api =
        List.of(
            "/api/v1/nordhausen/strategies/" + strategy + "/export?format=json",
            "/api/v1/nordhausen/strategies/" + strategy + "/export?format=csv",
            "/api/v1/nordhausen/needs",
            "/api/v1/nordhausen/needs/" + need,
            "/api/v1/nordhausen/surveys",
            "/api/v1/nordhausen/indicators",
            "/api/v1/nordhausen/areas",
            "/api/v1/nordhausen/import-labels");
    List<String> anonymous =
        List.of(
            "/api/v1/nordhausen/services?per_page=100",
            "/api/v1/nordhausen/hsds-export",
            "/api/v1/nordhausen/organizations",
            "/api/v1/nordhausen/taxonomy_terms",
            "/nordhausen/oeffentlich/atlas");
    List<String> pages =
        List.of(
            "/nordhausen/strategien",
            "/nordhausen/strategien/" + strategy,
            "/nordhausen/strategien/" + strategy + "/ziele/" + goal,
            "/nordhausen/bedarfe",
            "/nordhausen/bedarfe/" + need,
            "/nordhausen/bedarfe/export?format=csv",
            "/nordhausen/befragungen",
            "/nordhausen/beteiligung",
            "/nordhausen/atlas",
            "/nordhausen/atlas/gebiete/" + area,
            "/nordhausen/angebote");
    Map<String, String> before = new LinkedHashMap<>();
    for (String p : api) {
      before.put(p, original(get(p).header("Authorization", TOKEN)));
    }
    for (String p : anonymous) {
      before.put(p, original(get(p)));
    }
    for (String p : pages) {
      before.put(p, original(get(p).with(logins.as("koordination"))));
    }

    Path dir = Files.createTempDirectory("lagebild-backup");
    Path file = dir.resolve("sicherung.lagebild");
    Target source = new Target(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
    String summary = DatabaseBackup.backup(source, file);
    assertThat(summary).startsWith("Sicherung geschrieben").contains("sicherung.lagebild");
    // never over an existing file
    assertThatThrownBy(() -> DatabaseBackup.backup(source, file))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("gibt es schon");

    Target fresh =
        new Target(TestDatabase.freshUrl(), TestDatabase.user(), TestDatabase.password());
    // through the command line the launcher calls
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        DatabaseBackup.command(
            new String[] {"restore", file.toString()},
            Map.of(
                "LAGEBILD_DB_URL", fresh.url(),
                "LAGEBILD_DB_USER", fresh.user(),
                "LAGEBILD_DB_PASSWORD", fresh.password()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Wiederhergestellt", "Schema-Version");
    assertThat(exit).isZero();
    // a second restore into the now filled database is refused, nothing touched
    assertThatThrownBy(() -> DatabaseBackup.restore(fresh, file, false))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("enthält schon Lagebild-Daten");
    // a file that is no backup is refused in German
    Path junk = dir.resolve("kaputt.lagebild");
    Files.writeString(junk, "ID;Titel\n1;kein Backup\n");
    assertThatThrownBy(() -> DatabaseBackup.restore(fresh, junk, true))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("keine Lagebild-Sicherung");

    try (RunningApp restored =
        RunningApp.start(
            fresh.url(),
            // the same configuration as the original (its demo loaders find their data there
            // and write nothing)
            "--lagebild.demo=true",
            "--logging.file.name=target/test-logs/restored.log")) {
      String base = restored.base();
      HttpClient anonymousClient = HttpClient.newHttpClient();
      HttpClient loggedIn = login(base, "koordination");
      Map<String, String> after = new LinkedHashMap<>();
      for (String p : api) {
        after.put(p, fetch(anonymousClient, base + p, TOKEN));
      }
      for (String p : anonymous) {
        after.put(p, fetch(anonymousClient, base + p, null));
      }
      for (String p : pages) {
        after.put(p, fetch(loggedIn, base + p, null));
      }
      for (String p : before.keySet()) {
        assertThat(normalise(after.get(p))).as(p).isEqualTo(normalise(before.get(p)));
      }
      assertThat(after.get("/api/v1/nordhausen/needs/" + need))
          .contains("Vor der Sicherung geändert");
    }
  }

  private String original(MockHttpServletRequestBuilder request) throws Exception {
    var response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private static String fetch(HttpClient client, String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", token);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  /** A client with a session of {@code user}, logged in through the login form. */
  private static HttpClient login(String base, String user) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String form =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
    assertThat(m.find()).as("CSRF field on the login page").isTrue();
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return client;
  }

  /** Tokens that differ per request: CSRF values and CSP nonces. */
  static String normalise(String s) {
    List<String[]> rules = new ArrayList<>();
    rules.add(new String[] {"nonce=\"[^\"]*\"", "nonce=\"…\""});
    rules.add(new String[] {"(name=\"_csrf\"\\s+value=\")[^\"]*\"", "$1…\""});
    rules.add(new String[] {"(<meta name=\"_csrf\" content=\")[^\"]*\"", "$1…\""});
    String out = s;
    for (String[] r : rules) {
      out = out.replaceAll(r[0], r[1]);
    }
    return out;
  }
}
