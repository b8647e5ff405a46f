package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moving a tenant: the demo district exported as a ZIP and imported into a fresh installation holds
 * every row of every table alike (the atlas' internal numbers aside, which the target gives anew),
 * answers the same API requests, and an import that would clash or a damaged file is refused with
 * nothing written. On PostgreSQL also the path from an embedded SQLite trial to PostgreSQL.
 */
@IntegrationTest
class TenantMoveIntegrationTests extends DatabaseProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DSLContext dsl;
  @Autowired MockMvc mvc;

  @Value("${spring.datasource.url}")
  String url;

  private static DatabaseBackup.Target target(String url) {
    return new DatabaseBackup.Target(url, TestDatabase.user(), TestDatabase.password());
  }

  @Test
  void aTenantMovesToAFreshInstallationWithEverything() throws Exception {
    Path dir = Files.createTempDirectory("lagebild-move");
    Path zip = dir.resolve("nordhausen.zip");
    String exported = TenantMove.export(target(url), "nordhausen", zip);
    assertThat(exported).contains("Mandant 'nordhausen' exportiert");
    Map<String, List<String>> before = tables(zip);
    // the tenant's data is all there: strategy, rounds, atlas values, catalogue, audit, members
    assertThat(before.get("measure")).hasSizeGreaterThan(40);
    assertThat(before.get("assessment")).isNotEmpty();
    assertThat(before.get("atlas_value")).hasSizeGreaterThan(100);
    assertThat(before.get("offer")).hasSizeGreaterThan(50);
    assertThat(before.get("audit_event")).isNotEmpty();
    assertThat(before.get("app_user"))
        .isNotEmpty()
        .allMatch(r -> r.contains("\"password_hash\":null"));
    // no credentials: API tokens stay behind
    assertThat(before).doesNotContainKey("api_token");
    assertThat(dsl.fetchCount(dsl.selectFrom("api_token"))).isPositive();
    // nothing of the other tenant
    String other =
        dsl.fetchValue("select id from tenant where slug = 'saalfeld-rudolstadt'").toString();
    before.values().forEach(rows -> assertThat(rows).noneMatch(r -> r.contains(other)));

    String fresh = TestDatabase.freshUrl();
    String imported = TenantMove.importInto(target(fresh), zip);
    assertThat(imported).contains("Mandant 'nordhausen' eingespielt");
    Path again = dir.resolve("again.zip");
    TenantMove.export(target(fresh), "nordhausen", again);
    assertThat(tables(again)).isEqualTo(before);

    // new accounts carry no password and no platform rights
    try (Connection c =
            DriverManager.getConnection(fresh, TestDatabase.user(), TestDatabase.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from app_user where password_hash is not null or"
                        + " platform_admin = true")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }

    // the moved tenant answers like the original
    try (RunningApp moved =
        RunningApp.start(
            fresh,
            "--lagebild.demo=false",
            "--spring.application.admin.enabled=false",
            "--logging.file.name=target/test-logs/moved.log")) {
      // nobody there can administer it yet: the moved accounts have no password, so the start
      // issued the one-time setup link for the first administrator
      assertThat(count(fresh, "select count(*) from setup_token where used_at is null"))
          .isEqualTo(1);
      HttpClient client = HttpClient.newHttpClient();
      String indicator =
          dsl.fetchValue(
                  "select i.id from indicator i join tenant t on t.id = i.tenant_id where t.slug ="
                      + " 'nordhausen' and i.public_visible = true order by i.id limit 1")
              .toString();
      for (String path :
          List.of(
              "/api/v1/nordhausen/services?per_page=500",
              "/api/v1/nordhausen/hsds-export",
              "/nordhausen/oeffentlich/atlas/karten-daten?indicator="
                  + indicator
                  + "&period=2020&level=kreis")) {
        String original =
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        HttpResponse<String> there =
            client.send(
                HttpRequest.newBuilder(URI.create(moved.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(there.statusCode()).as(path).isEqualTo(200);
        assertThat(JSON.readTree(there.body())).as(path).isEqualTo(JSON.readTree(original));
      }
    }

    // once only; a damaged file changes nothing
    long tenants = count(fresh, "select count(*) from tenant");
    assertThatThrownBy(() -> TenantMove.importInto(target(fresh), zip))
        .hasMessageContaining("gibt es in dieser Installation schon");
    Path damaged = dir.resolve("damaged.zip");
    rewrite(zip, damaged, "tables/goal.jsonl");
    String empty = TestDatabase.freshUrl();
    assertThatThrownBy(() -> TenantMove.importInto(target(empty), damaged))
        .hasMessageContaining("Prüfsumme");
    assertThat(count(fresh, "select count(*) from tenant")).isEqualTo(tenants);
  }

  @Test
  void goalsMeasuredByTheLandsIndicatorsFindTheirLandOrAreNamedWhenLeftOut() throws Exception {
    String tenant = dsl.fetchValue("select id from tenant where slug = 'nordhausen'").toString();
    String goal =
        dsl.fetchValue(
                "select g.id from goal g where g.tenant_id = ? order by g.position limit 1", tenant)
            .toString();
    String indicator =
        dsl.fetchValue(
                "select i.id from indicator i join tenant t on t.id = i.tenant_id where t.slug ="
                    + " 'thueringen' and i.code = 'alq'")
            .toString();
    String area =
        dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id where t.slug ="
                    + " 'thueringen' and a.official_key = '16062'")
            .toString();
    String link = java.util.UUID.randomUUID().toString();
    dsl.execute(
        "insert into goal_indicator (tenant_id, id, goal_id, indicator_id, area_id, baseline_value,"
            + " baseline_period, target_value, target_period, created_at, land) select tenant_id,"
            + " ?, id, ?, ?, 7.0, '2019', 6.0, '2025', created_at, ? from goal where id = ?",
        link,
        indicator,
        area,
        true,
        goal);
    try {
      Path dir = Files.createTempDirectory("lagebild-move-land");
      Path district = dir.resolve("nordhausen.zip");
      TenantMove.export(target(url), "nordhausen", district);
      try (ZipFile f = new ZipFile(district.toFile())) {
        JsonNode links =
            JSON.readTree(f.getInputStream(f.getEntry("manifest.json"))).path("landLinks");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("land").asString()).isEqualTo("thueringen");
        assertThat(links.get(0).path("indicatorCode").asString()).isEqualTo("alq");
        assertThat(links.get(0).path("areaKey").asString()).isEqualTo("16062");
      }

      // an installation without the Land: the district comes in whole, the link is left out and
      // named
      String alone = TestDatabase.freshUrl();
      String summary = TenantMove.importInto(target(alone), district);
      assertThat(summary)
          .contains("Mandant 'nordhausen' eingespielt")
          .contains("0 mit dem Land dieser Installation verbunden")
          .contains("1 nicht übernommen")
          .contains("(Land 'thueringen')");
      assertThat(count(alone, "select count(*) from goal_indicator where id = '" + link + "'"))
          .isZero();
      assertThat(
              count(
                  alone,
                  "select count(*) from goal_indicator gi join tenant t on t.id = gi.tenant_id"
                      + " where t.slug = 'nordhausen'"))
          .isEqualTo(
              dsl.fetchCount(dsl.selectFrom("goal_indicator").where("tenant_id = ?", tenant)) - 1);

      // the state platform: the Land moved first, then the district finds its indicator and area
      Path land = dir.resolve("thueringen.zip");
      TenantMove.export(target(url), "thueringen", land);
      String platform = TestDatabase.freshUrl();
      TenantMove.importInto(target(platform), land);
      assertThat(TenantMove.importInto(target(platform), district))
          .contains("1 mit dem Land dieser Installation verbunden")
          .doesNotContain("nicht übernommen");
      assertThat(
              count(
                  platform,
                  "select count(*) from goal_indicator gi join indicator i on i.id ="
                      + " gi.indicator_id join area a on a.id = gi.area_id join tenant t on t.id ="
                      + " i.tenant_id where gi.id = '"
                      + link
                      + "' and gi.land = true and t.slug = 'thueringen' and i.code = 'alq' and"
                      + " a.official_key = '16062'"))
          .isEqualTo(1);
    } finally {
      dsl.execute("delete from goal_indicator where id = ?", link);
    }
  }

  @Test
  void fromTheEmbeddedTrialToPostgresql() throws Exception {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "needs a PostgreSQL server");
    Path dir = Files.createTempDirectory("lagebild-trial");
    String sqlite = "jdbc:sqlite:" + dir.resolve("trial.db");
    try (RunningApp trial =
        RunningApp.start(
            sqlite,
            "--lagebild.demo=true",
            "--spring.application.admin.enabled=false",
            "--logging.file.name=target/test-logs/trial.log")) {
      assertThat(trial.base()).startsWith("http");
    }
    Path zip = dir.resolve("saalfeld.zip");
    TenantMove.export(new DatabaseBackup.Target(sqlite, "", ""), "saalfeld-rudolstadt", zip);
    String pg = TestDatabase.freshUrl();
    assertThat(TenantMove.importInto(target(pg), zip)).contains("eingespielt");
    Path back = dir.resolve("back.zip");
    TenantMove.export(target(pg), "saalfeld-rudolstadt", back);
    assertThat(tables(back)).isEqualTo(tables(zip));
  }

  /**
   * Each table's rows as canonical JSON, sorted; the atlas' internal numbers replaced by the id (or
   * text) of the row they stand for.
   */
  private static Map<String, List<String>> tables(Path zip) throws Exception {
    Map<String, List<JsonNode>> raw = new TreeMap<>();
    try (ZipFile f = new ZipFile(zip.toFile())) {
      JsonNode manifest = JSON.readTree(f.getInputStream(f.getEntry("manifest.json")));
      for (JsonNode t : manifest.path("tables")) {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = f.getInputStream(f.getEntry(t.path("file").asString()))) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
              rows.add(JSON.readTree(line));
            }
          }
        }
        raw.put(t.path("table").asString(), rows);
      }
    }
    Map<String, Map<Long, String>> keys = new HashMap<>();
    for (var e :
        Map.of("area", "id", "indicator", "id", "value_batch", "id", "value_source", "text")
            .entrySet()) {
      Map<Long, String> m = new HashMap<>();
      raw.getOrDefault(e.getKey(), List.of())
          .forEach(r -> m.put(r.path("num").asLong(), r.path(e.getValue()).asString()));
      keys.put(e.getKey(), m);
    }
    Map<String, List<String>> out = new TreeMap<>();
    raw.forEach(
        (table, rows) -> {
          List<String> canonical = new ArrayList<>();
          for (JsonNode r : rows) {
            ObjectNode o = (ObjectNode) r.deepCopy();
            o.remove("num");
            o.remove("platform_admin");
            for (var ref :
                Map.of(
                        "indicator_num", "indicator",
                        "area_num", "area",
                        "batch_num", "value_batch",
                        "source_num", "value_source")
                    .entrySet()) {
              if ("atlas_value".equals(table)
                  && o.has(ref.getKey())
                  && !o.get(ref.getKey()).isNull()) {
                o.put(ref.getKey(), keys.get(ref.getValue()).get(o.get(ref.getKey()).asLong()));
              }
            }
            canonical.add(JSON.writeValueAsString(new TreeMap<>(JSON.convertValue(o, Map.class))));
          }
          canonical.sort(null);
          out.put(table, canonical);
        });
    return out;
  }

  private static void rewrite(Path from, Path to, String damage) throws Exception {
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] body = in.getInputStream(e).readAllBytes();
        if (e.getName().equals(damage)) {
          body =
              new String(body, StandardCharsets.UTF_8)
                  .replaceFirst("\"title\":\"", "\"title\":\"X")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(body);
        out.closeEntry();
      }
    }
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
