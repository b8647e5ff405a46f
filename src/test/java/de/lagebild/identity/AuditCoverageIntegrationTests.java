package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of every module leaves an entry in the audit log. The endpoints are taken
 * from the handler mappings: each POST/PUT/PATCH/DELETE endpoint needs a scenario here that
 * performs a real, successful write – or an entry in {@link #WRITES_NOTHING} saying why it writes
 * nothing – so a new endpoint without either fails this test.
 */
@IntegrationTest
class AuditCoverageIntegrationTests extends DatabaseProperties {

  /** Write endpoints that change no data, with the reason. */
  static final Map<String, String> WRITES_NOTHING =
      Map.ofEntries(
          Map.entry(
              "POST /{tenant}/atlas/import",
              "Vorschau einer Statistikdatei; übernommen wird mit …/uebernehmen"),
          Map.entry("POST /{tenant}/strategien/import", "Vorschau einer Strategiedatei"),
          Map.entry(
              "POST /{tenant}/strategien/import/abgleich",
              "Vergleich mit einer bestehenden Strategie"),
          Map.entry("POST /{tenant}/angebote/import", "Vorschau einer Angebotstabelle"),
          Map.entry(
              "POST /{tenant}/atlas/planungsraeume/geometrie", "Vorschau einer Geometriedatei"),
          Map.entry(
              "POST /{tenant}/atlas/planungsraeume/geometrie/vorschau",
              "erneute Vorschau derselben Geometriedatei mit anderer Ebene oder Eigenschaft"),
          Map.entry(
              "POST /setup/{token}",
              "legt den ersten Plattform-Administrator an, bevor es einen Mandanten gibt "
                  + "(steht im Anwendungsprotokoll)"),
          Map.entry(
              "POST /{tenant}/strategien/{id}/bericht",
              "erzeugt den Bericht als Download (Impressum nur für diesen Bericht)"),
          Map.entry(
              "POST /{tenant}/befragungen/import",
              "Vorschau einer Befragung; die Dateien bleiben nur in der Sitzung"),
          Map.entry(
              "POST /{tenant}/befragungen/import/vorschau",
              "erneute Vorschau derselben Befragung mit anderer Gebietszuordnung oder Auswahl"),
          Map.entry("ANY /error", "Fehlerseite"));

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";
  static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", "smtp"))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired de.lagebild.identity.internal.audit.AuditLabels labels;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  @Autowired de.lagebild.identity.internal.tenants.TenantAdministration tenantAdministration;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Logins logins;
  final String suffix = UUID.randomUUID().toString().substring(0, 6);

  /** One write: what to send (after any preparation, whose own audit entries do not count). */
  @FunctionalInterface
  interface Scenario {
    RequestBuilder prepare() throws Exception;
  }

  @Test
  void everyWriteEndpointLeavesAnAuditEntry() throws Exception {
    logins = new Logins(userDetails);
    Map<String, Scenario> scenarios = scenarios();
    Set<String> endpoints = writeEndpoints();
    Set<String> uncovered = new TreeSet<>(endpoints);
    uncovered.removeAll(scenarios.keySet());
    uncovered.removeAll(WRITES_NOTHING.keySet());
    assertThat(uncovered)
        .as("write endpoints without a scenario here (add one, or say why it writes nothing)")
        .isEmpty();
    Set<String> stale = new TreeSet<>(scenarios.keySet());
    stale.removeAll(endpoints);
    assertThat(stale).as("scenarios for endpoints that no longer exist").isEmpty();

    List<String> unaudited = new ArrayList<>();
    for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
      RequestBuilder request = e.getValue().prepare();
      int before = audits();
      MvcResult result = mvc.perform(request).andReturn();
      int status = result.getResponse().getStatus();
      if (status >= 400) {
        unaudited.add(
            e.getKey()
                + " failed with "
                + status
                + ": "
                + result
                    .getResponse()
                    .getContentAsString()
                    .replaceAll("\\s+", " ")
                    .substring(
                        0,
                        Math.min(
                            400,
                            result
                                .getResponse()
                                .getContentAsString()
                                .replaceAll("\\s+", " ")
                                .length())));
      } else if (audits() <= before) {
        unaudited.add(e.getKey() + " wrote no audit entry");
      }
    }
    assertThat(unaudited).isEmpty();
    everyFieldAndCodeHasAGermanLabel();
  }

  /**
   * After every write endpoint has run: each field name stored in the log has a German label, and
   * each code value (upper case, e.g. {@code SUBMITTED}) reads as German on the log page.
   */
  void everyFieldAndCodeHasAGermanLabel() {
    Set<String> missing = new TreeSet<>();
    for (var r : dsl.fetch("select before_json, after_json from audit_event")) {
      for (int i = 0; i < 2; i++) {
        String text = r.get(i, String.class);
        if (text == null) {
          continue;
        }
        Map<String, Object> fields =
            json.readValue(
                text, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        for (var f : fields.entrySet()) {
          if (labels.fieldOrNull(f.getKey()) == null) {
            missing.add("Feld " + f.getKey());
          }
          Object v = f.getValue();
          if (v != null
              && de.lagebild.identity.internal.audit.AuditLabels.CODE
                  .matcher(String.valueOf(v))
                  .matches()
              && labels.valueOrNull(f.getKey(), v) == null) {
            missing.add("Wert " + f.getKey() + "=" + v);
          }
        }
      }
    }
    assertThat(missing).as("audit fields and codes without a German label").isEmpty();
  }

  int audits() {
    return dsl.fetchCount(dsl.selectFrom("audit_event"));
  }

  Set<String> writeEndpoints() {
    Set<String> result = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          result.add("ANY " + pattern);
        }
        for (RequestMethod m : methods) {
          if (m == RequestMethod.POST
              || m == RequestMethod.PUT
              || m == RequestMethod.PATCH
              || m == RequestMethod.DELETE) {
            result.add(m + " " + pattern);
          }
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------------

  String value(String sql, Object... args) {
    return String.valueOf(dsl.fetchValue(sql, args));
  }

  String nordhausen(String table, String where, Object... args) {
    return value(
        "select x.id from "
            + table
            + " x join tenant t on t.id = x.tenant_id where t.slug = 'nordhausen' and "
            + where,
        args);
  }

  String sr(String table, String where, Object... args) {
    return value(
        "select x.id from "
            + table
            + " x join tenant t on t.id = x.tenant_id where t.slug = "
            + "'saalfeld-rudolstadt' and "
            + where,
        args);
  }

  MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, String user) {
    return b.with(logins.as(user)).with(csrf());
  }

  String html(RequestBuilder b) throws Exception {
    return mvc.perform(b).andReturn().getResponse().getContentAsString();
  }

  static String token(String html) {
    Matcher m = HIDDEN_TOKEN.matcher(html);
    assertThat(m.find())
        .as("preview token in: " + html.substring(0, Math.min(500, html.length())))
        .isTrue();
    return m.group(1);
  }

  static MockMultipartFile file(String part, String name, String type, String content) {
    return new MockMultipartFile(part, name, type, content.getBytes(StandardCharsets.UTF_8));
  }

  void ok(RequestBuilder b) throws Exception {
    int status = mvc.perform(b).andReturn().getResponse().getStatus();
    assertThat(status).as("preparation " + b).isLessThan(400);
  }

  Map<String, Scenario> scenarios() {
    String strategy = DemoData.nordhausenStrategy(dsl);
    String base = "/nordhausen/strategien/" + strategy;
    Map<String, Scenario> s = new LinkedHashMap<>();

    // identity
    s.put(
        "POST /{tenant}/verwaltung/freigaben",
        () -> {
          // Saalfeld-Rudolstadt keeps what it shares and shares its offers too, or stops sharing
          // them
          List<String> shared =
              new ArrayList<>(
                  dsl.fetch(
                          "select x.item from sharing_setting x join tenant t on t.id = x.tenant_id"
                              + " where t.slug = 'saalfeld-rudolstadt' and x.shared = ?",
                          true)
                      .getValues(0, String.class));
          if (!shared.remove("OFFERS")) {
            shared.add("OFFERS");
          }
          var request = as(post("/saalfeld-rudolstadt/verwaltung/freigaben"), "sr-admin");
          shared.forEach(i -> request.param("shared", i));
          return request;
        });
    s.put(
        "POST /{tenant}/verwaltung/freigaben/abonnement",
        () -> {
          // Saalfeld-Rudolstadt subscribes to the Land's atlas, or ends it
          var row =
              dsl.fetchOptional(
                  "select x.subscribed, x.version from state_subscription x join tenant t on t.id"
                      + " = x.tenant_id where t.slug = 'saalfeld-rudolstadt'");
          boolean subscribed = row.map(r -> r.get(0, Boolean.class)).orElse(false);
          int version = row.map(r -> r.get(1, Integer.class)).orElse(-1);
          return as(post("/saalfeld-rudolstadt/verwaltung/freigaben/abonnement"), "sr-admin")
              .param("subscribed", String.valueOf(!subscribed))
              .param("version", String.valueOf(version));
        });
    s.put(
        "POST /plattform/laender/{district}",
        () -> {
          String slug = "audit-kreis-" + suffix;
          tenantAdministration.create(
              new de.lagebild.identity.internal.tenants.TenantAdministration.NewTenant(
                  slug,
                  "Audit-Kreis " + suffix,
                  de.lagebild.identity.internal.tenants.TenantKind.LANDKREIS,
                  null,
                  false),
              null,
              false);
          return as(post("/plattform/laender/" + slug), "admin").param("land", "thueringen");
        });
    s.put(
        "POST /{tenant}/foerderung",
        () ->
            as(post("/nordhausen/foerderung"), "koordination")
                .param("source", "ESF Plus " + suffix)
                .param("amount", "51.500")
                .param("periodStart", "2024-01-01")
                .param("periodEnd", "2024-12-31"));
    s.put(
        "POST /{tenant}/foerderung/{id}/entfernen",
        () -> {
          String grant = nordhausen("planning_funding", "x.source = ?", "ESF Plus " + suffix);
          return as(post("/nordhausen/foerderung/" + grant + "/entfernen"), "koordination")
              .param("version", "0");
        });
    String user = "audit-" + suffix;
    s.put(
        "POST /{tenant}/verwaltung/benutzer/neu",
        () ->
            as(post("/nordhausen/verwaltung/benutzer/neu"), "admin")
                .param("displayName", "Audit Test")
                .param("username", user)
                .param("email", user + "@example.org")
                .param("password", "geheim-genug-123")
                .param("role", "READER"));
    s.put(
        "POST /{tenant}/verwaltung/benutzer/bestehend",
        () ->
            as(post("/nordhausen/verwaltung/benutzer/bestehend"), "admin")
                .param("username", "sr-lesen")
                .param("email", "sr-lesen@demo.lagebild.invalid")
                .param("role", "READER"));
    s.put(
        "POST /{tenant}/verwaltung/benutzer/{id}",
        () -> {
          String membership =
              nordhausen(
                  "membership",
                  "x.user_id = (select id from app_user where username = ?)",
                  "sr-lesen");
          return as(post("/nordhausen/verwaltung/benutzer/" + membership), "admin")
              .param("role", "COORDINATOR")
              .param("version", value("select version from membership where id = ?", membership));
        });
    s.put(
        "POST /{tenant}/verwaltung/benutzer/{id}/entfernen",
        () ->
            as(
                post(
                    "/nordhausen/verwaltung/benutzer/"
                        + nordhausen(
                            "membership",
                            "x.user_id = (select id from app_user where username = ?)",
                            "sr-lesen")
                        + "/entfernen"),
                "admin"));
    s.put(
        "POST /{tenant}/verwaltung/einheiten",
        () ->
            as(post("/nordhausen/verwaltung/einheiten"), "admin")
                .param("name", "Audit-Einheit " + suffix)
                .param("active", "true"));
    s.put(
        "POST /{tenant}/verwaltung/einheiten/{id}",
        () -> {
          String unit = nordhausen("responsible_unit", "x.name = ?", "Audit-Einheit " + suffix);
          return as(post("/nordhausen/verwaltung/einheiten/" + unit), "admin")
              .param("name", "Audit-Einheit " + suffix)
              .param("shortName", "AE")
              .param("active", "true")
              .param("version", value("select version from responsible_unit where id = ?", unit));
        });
    s.put(
        "POST /{tenant}/verwaltung/einstellungen",
        () ->
            as(post("/nordhausen/verwaltung/einstellungen"), "admin")
                .param("name", "Landkreis Nordhausen")
                .param("kind", "LANDKREIS")
                .param("officialKey", "16062")
                .param("publicVisible", "true")
                .param("version", value("select version from tenant where slug = 'nordhausen'")));
    s.put(
        "POST /{tenant}/verwaltung/logo",
        () ->
            multipart("/nordhausen/verwaltung/logo")
                .file(new MockMultipartFile("logo", "logo.png", "image/png", png()))
                .with(logins.as("admin"))
                .with(csrf()));
    s.put(
        "POST /profil/passwort",
        () ->
            as(post("/profil/passwort"), user)
                .param("current", "geheim-genug-123")
                .param("next", "noch-geheimer-456"));
    s.put(
        "POST /plattform/mandanten",
        () ->
            as(post("/plattform/mandanten"), "admin")
                .param("name", "Audit-Kreis " + suffix)
                .param("slug", "audit-" + suffix)
                .param("kind", "LANDKREIS"));
    s.put(
        "POST /{tenant}/profil/tokens",
        () -> as(post("/nordhausen/profil/tokens"), "lesen").param("name", "Audit " + suffix));
    s.put(
        "POST /{tenant}/profil/tokens/{id}/widerrufen",
        () ->
            as(
                post(
                    "/nordhausen/profil/tokens/"
                        + value("select id from api_token where name = ?", "Audit " + suffix)
                        + "/widerrufen"),
                "lesen"));

    // atlas
    String kreis = nordhausen("area", "x.official_key = '16062'");
    s.put(
        "POST /{tenant}/atlas/import/uebernehmen",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/nordhausen/atlas/import")
                      .file(
                          file(
                              "file",
                              "werte.csv",
                              "text/csv",
                              "Schlüssel;Indikator;Zeitraum;Wert\n16062;Audit A "
                                  + suffix
                                  + ";2020;1\n"))
                      .session(session)
                      .with(logins.as("koordination"))
                      .with(csrf()));
          return as(post("/nordhausen/atlas/import/uebernehmen"), "koordination")
              .session(session)
              .param("token", token(preview));
        });
    s.put(
        "POST /api/v1/{tenant}/indicator-imports",
        () ->
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    file(
                        "file",
                        "werte.csv",
                        "text/csv",
                        "Schlüssel;Indikator;Zeitraum;Wert\n16062;Audit B " + suffix + ";2020;2\n"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN));
    s.put(
        "POST /api/v1/{tenant}/geometry-imports",
        () ->
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(
                    file(
                        "file",
                        "g.geojson",
                        "application/geo+json",
                        "{\"type\":\"FeatureCollection\",\"features\":["
                            + "{\"type\":\"Feature\",\"properties\":{\"ARS\":\"16062098\",\"GEN\":\"Auditdorf\"},\"geometry\":"
                            + "{\"type\":\"Polygon\",\"coordinates\":[[[10.7,51.5],[10.71,51.5],[10.71,51.51],[10.7,51.51],"
                            + "[10.7,51.5]]]}}]}"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN));
    s.put(
        "PUT /api/v1/{tenant}/import-labels",
        () ->
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/nordhausen/import-labels")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"own\":{\"Audit-Bezeichnung " + suffix + "\":\"Partner\"}}")
                .header("Authorization", TOKEN));
    s.put(
        "POST /{tenant}/atlas/planungsraeume",
        () ->
            as(post("/nordhausen/atlas/planungsraeume"), "koordination")
                .param("name", "Audit-Raum " + suffix)
                .param("schluessel", "AR-" + suffix)
                .param("gebiete", kreis)
                .param("gebiete", nordhausen("area", "x.official_key = '16061'")));
    s.put(
        "POST /{tenant}/atlas/planungsraeume/geometrie/uebernehmen",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/nordhausen/atlas/planungsraeume/geometrie")
                      .file(
                          file(
                              "file",
                              "sr.geojson",
                              "application/geo+json",
                              "{\"type\":\"FeatureCollection\",\"features\":["
                                  + "{\"type\":\"Feature\",\"properties\":{\"SR\":\"SR-"
                                  + suffix
                                  + "\",\"NAME\":\"Audit-Sozialraum\"},"
                                  + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10.72,51.5],[10.73,51.5],[10.73,51.51],"
                                  + "[10.72,51.51],[10.72,51.5]]]}}]}"))
                      .param("schluesselEigenschaft", "SR")
                      .param("nameEigenschaft", "NAME")
                      .session(session)
                      .with(logins.as("koordination"))
                      .with(csrf()));
          return as(post("/nordhausen/atlas/planungsraeume/geometrie/uebernehmen"), "koordination")
              .session(session)
              .param("token", token(preview))
              .param("schluesselEigenschaft", "SR")
              .param("nameEigenschaft", "NAME");
        });
    s.put(
        "POST /{tenant}/atlas/indikatoren/{id}/bearbeiten",
        () -> {
          String indicator = nordhausen("indicator", "x.name = ?", "Audit B " + suffix);
          return as(
                  post("/nordhausen/atlas/indikatoren/" + indicator + "/bearbeiten"),
                  "koordination")
              .param("name", "Audit B " + suffix)
              .param("shortName", "Audit B")
              .param("kind", "COUNT")
              .param("decimals", "0")
              .param("polarity", "NEUTRAL")
              .param("version", value("select version from indicator where id = ?", indicator));
        });

    // strategy
    String newStrategy = "Audit-Strategie " + suffix;
    s.put(
        "POST /{tenant}/strategien/neu",
        () ->
            as(post("/nordhausen/strategien/neu"), "koordination")
                .param("title", newStrategy)
                .param("levelNames", "Handlungsfeld, Ziel")
                .param("status", "DRAFT")
                .param("visibility", "INTERNAL"));
    s.put(
        "POST /{tenant}/strategien/{id}/bearbeiten",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          return as(post("/nordhausen/strategien/" + id + "/bearbeiten"), "koordination")
              .param("title", newStrategy)
              .param("kind", "Seniorenplan")
              .param("levelNames", "Handlungsfeld, Ziel")
              .param("status", "DRAFT")
              .param("visibility", "INTERNAL")
              .param("version", value("select version from strategy where id = ?", id));
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele",
        () ->
            as(
                    post(
                        "/nordhausen/strategien/"
                            + nordhausen("strategy", "x.title = ?", newStrategy)
                            + "/ziele"),
                    "koordination")
                .param("code", "1")
                .param("title", "Erstes Handlungsfeld"));
    s.put(
        "POST /{tenant}/strategien/{id}/massnahmen",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          ok(
              as(post("/nordhausen/strategien/" + id + "/ziele"), "koordination")
                  .param("code", "2")
                  .param("title", "Zweites Handlungsfeld"));
          return as(post("/nordhausen/strategien/" + id + "/massnahmen"), "koordination")
              .param("goal", value("select id from goal where strategy_id = ? and code = '1'", id))
              .param("code", "1.1")
              .param("title", "Erste Maßnahme");
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele/{goalId}/verschieben",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          String second = value("select id from goal where strategy_id = ? and code = '2'", id);
          return as(
                  post("/nordhausen/strategien/" + id + "/ziele/" + second + "/verschieben"),
                  "koordination")
              .param(
                  "parent", value("select id from goal where strategy_id = ? and code = '1'", id))
              .param("version", value("select version from goal where id = ?", second));
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele/{goalId}/reihenfolge",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          ok(
              as(post("/nordhausen/strategien/" + id + "/ziele"), "koordination")
                  .param("code", "3")
                  .param("title", "Drittes Handlungsfeld"));
          return as(
                  post(
                      "/nordhausen/strategien/"
                          + id
                          + "/ziele/"
                          + value("select id from goal where strategy_id = ? and code = '3'", id)
                          + "/reihenfolge"),
                  "koordination")
              .param("richtung", "hoch");
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele/{goalId}/bearbeiten",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          String goal = value("select id from goal where strategy_id = ? and code = '1'", id);
          return as(
                  post("/nordhausen/strategien/" + id + "/ziele/" + goal + "/bearbeiten"),
                  "koordination")
              .param("code", "1")
              .param("title", "Erstes Handlungsfeld (geändert)")
              .param("version", value("select version from goal where id = ?", goal));
        });
    s.put(
        "POST /{tenant}/strategien/{id}/massnahmen/{measureId}/bearbeiten",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          String measure = value("select id from measure where strategy_id = ?", id);
          return as(
                  post("/nordhausen/strategien/" + id + "/massnahmen/" + measure + "/bearbeiten"),
                  "koordination")
              .param("code", "1.1")
              .param("title", "Erste Maßnahme (geändert)")
              .param("goalId", value("select goal_id from measure where id = ?", measure))
              .param("startText", "III. Quartal 2025")
              .param("endText", "bis Ende 2026")
              .param("weight", "1")
              .param("version", value("select version from measure where id = ?", measure));
        });
    s.put(
        "POST /{tenant}/strategien/{id}/massnahmen/{measureId}/meilensteine",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          return as(
                  post(
                      "/nordhausen/strategien/"
                          + id
                          + "/massnahmen/"
                          + value("select id from measure where strategy_id = ?", id)
                          + "/meilensteine"),
                  "koordination")
              .param("title", "Liste liegt vor")
              .param("due", "III. Quartal 2025");
        });
    s.put(
        "POST /{tenant}/strategien/{id}/massnahmen/{measureId}/meilensteine/{milestoneId}/erledigt",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          String measure = value("select id from measure where strategy_id = ?", id);
          return as(
                  post(
                      "/nordhausen/strategien/"
                          + id
                          + "/massnahmen/"
                          + measure
                          + "/meilensteine/"
                          + value("select id from milestone where measure_id = ?", measure)
                          + "/erledigt"),
                  "koordination")
              .param("doneOn", "2025-09-30");
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele/{goalId}/indikatoren",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          return as(
                  post(
                      "/nordhausen/strategien/"
                          + id
                          + "/ziele/"
                          + value("select id from goal where strategy_id = ? and code = '1'", id)
                          + "/indikatoren"),
                  "koordination")
              .param("indicator", nordhausen("indicator", "x.name = ?", "Audit B " + suffix))
              .param("area", kreis);
        });
    s.put(
        "POST /{tenant}/strategien/{id}/ziele/{goalId}/indikatoren/{linkId}/entfernen",
        () -> {
          String id = nordhausen("strategy", "x.title = ?", newStrategy);
          String goal = value("select id from goal where strategy_id = ? and code = '1'", id);
          return as(
              post(
                  "/nordhausen/strategien/"
                      + id
                      + "/ziele/"
                      + goal
                      + "/indikatoren/"
                      + value("select id from goal_indicator where goal_id = ?", goal)
                      + "/entfernen"),
              "koordination");
        });
    // a round of the test's own strategy, so that the demo strategy's dashboard stays as the other
    // tests expect
    String round = "Audit-Runde " + suffix;
    s.put(
        "POST /{tenant}/strategien/{id}/runden",
        () ->
            as(
                    post(
                        "/nordhausen/strategien/"
                            + nordhausen("strategy", "x.title = ?", newStrategy)
                            + "/runden"),
                    "koordination")
                .param("name", round));
    s.put(
        "POST /{tenant}/runden/{roundId}/status",
        () -> {
          String r = nordhausen("reporting_round", "x.name = ?", round);
          return as(post("/nordhausen/runden/" + r + "/status"), "koordination")
              .param("state", "OPEN")
              .param("version", value("select version from reporting_round where id = ?", r));
        });
    s.put(
        "POST /{tenant}/runden/{roundId}/veroeffentlichung",
        () -> {
          String r = nordhausen("reporting_round", "x.name = ?", round);
          return as(post("/nordhausen/runden/" + r + "/veroeffentlichung"), "koordination")
              .param("publish", "true")
              .param("version", value("select version from reporting_round where id = ?", r));
        });
    s.put(
        "POST /{tenant}/runden/{roundId}/massnahmen/{measureId}",
        () ->
            as(
                    post(
                        "/nordhausen/runden/"
                            + nordhausen("reporting_round", "x.name = ?", round)
                            + "/massnahmen/"
                            + value(
                                "select id from measure where strategy_id = ?",
                                nordhausen("strategy", "x.title = ?", newStrategy))),
                    "koordination")
                .param("statusCode", "IN_PROGRESS")
                .param("narrative", "Audit"));
    s.put(
        "POST /{tenant}/einschaetzungen/{assessmentId}/pruefung",
        () ->
            as(
                    post(
                        "/nordhausen/einschaetzungen/"
                            + value(
                                "select id from assessment where round_id = ?",
                                nordhausen("reporting_round", "x.name = ?", round))
                            + "/pruefung"),
                    "koordination")
                .param("decision", "ACCEPTED"));
    // the status catalogue of the other demo tenant: Nordhausen's dashboard columns stay as other
    // tests expect
    String code = "AUDIT_" + suffix.toUpperCase().replaceAll("[^A-Z]", "X");
    s.put(
        "POST /{tenant}/verwaltung/status",
        () ->
            as(post("/saalfeld-rudolstadt/verwaltung/status"), "sr-admin")
                .param("code", code)
                .param("label", "Audit")
                .param("defaultProgress", "10")
                .param("colour", "#005a9c")
                .param("symbol", "◆"));
    s.put(
        "POST /{tenant}/verwaltung/status/{id}",
        () ->
            as(
                    post(
                        "/saalfeld-rudolstadt/verwaltung/status/"
                            + value(
                                "select x.id from status_option x join tenant t on t.id = x.tenant_id "
                                    + "where t.slug = 'saalfeld-rudolstadt' and x.code = ?",
                                code)),
                    "sr-admin")
                .param("label", "Audit geändert")
                .param("defaultProgress", "20")
                .param("colour", "#005a9c")
                .param("symbol", "◆")
                .param("active", "true"));
    s.put(
        "POST /{tenant}/strategien/{id}/impressum",
        () ->
            as(post(base + "/impressum"), "koordination")
                .param("scope", "strategie")
                .param("publisher", "Landkreis Nordhausen, Audit " + suffix)
                .param(
                    "version",
                    String.valueOf(
                        dsl.fetchOptional(
                                "select version from report_imprint where strategy_id = ?",
                                strategy)
                            .map(r -> r.get(0))
                            .orElse(0))));
    String agreement =
        "Handlungsfeld 1: Audit\nZiel 1.1\tEin Ziel\n\nMaßnahme 1.1.1\tEine Maßnahme\n";
    s.put(
        "POST /api/v1/{tenant}/strategy-imports",
        () ->
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(file("file", "z.txt", "text/plain", agreement))
                .param("dryRun", "false")
                .param("strategy", "Audit-Import API " + suffix)
                .header("Authorization", TOKEN));
    s.put(
        "POST /{tenant}/strategien/import/uebernehmen",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/nordhausen/strategien/import")
                      .file(file("file", "z.txt", "text/plain", agreement))
                      .session(session)
                      .with(logins.as("koordination"))
                      .with(csrf()));
          return as(post("/nordhausen/strategien/import/uebernehmen"), "koordination")
              .session(session)
              .param("token", token(preview))
              .param("title", "Audit-Import " + suffix);
        });

    // catalogue, in the other demo tenant (its catalogue is empty; Nordhausen's stays as the other
    // tests expect);
    // the provider account anbieter2 becomes a provider there too
    s.put(
        "POST /{tenant}/angebote/verwaltung/organisationen",
        () -> {
          ok(
              as(post("/saalfeld-rudolstadt/verwaltung/benutzer/bestehend"), "sr-admin")
                  .param("username", "anbieter2")
                  .param("email", "anbieter2@demo.lagebild.invalid")
                  .param("role", "PROVIDER"));
          return as(
                  post("/saalfeld-rudolstadt/angebote/verwaltung/organisationen"),
                  "sr-koordination")
              .param("name", "Audit-Träger " + suffix)
              .param("email", "audit@example.org");
        });
    s.put(
        "POST /{tenant}/angebote/verwaltung/orte",
        () ->
            as(post("/saalfeld-rudolstadt/angebote/verwaltung/orte"), "sr-koordination")
                .param("organisation", sr("organization", "x.name = ?", "Audit-Träger " + suffix))
                .param("name", "Audit-Ort " + suffix)
                .param("street", "Markt 1")
                .param("postalCode", "99734")
                .param("city", "Nordhausen")
                .param("latitude", "51,5050")
                .param("longitude", "10,7910"));
    s.put(
        "POST /{tenant}/angebote/verwaltung/anbieter-konten",
        () ->
            as(post("/saalfeld-rudolstadt/angebote/verwaltung/anbieter-konten"), "sr-koordination")
                .param("user", value("select id from app_user where username = 'anbieter2'"))
                .param("organisation", sr("organization", "x.name = ?", "Audit-Träger " + suffix)));
    s.put(
        "POST /{tenant}/angebote/neu",
        () ->
            offer(post("/saalfeld-rudolstadt/angebote/neu"), "anbieter2")
                .param("organisation", sr("organization", "x.name = ?", "Audit-Träger " + suffix))
                .param("name", "Audit-Angebot " + suffix));
    s.put(
        "POST /{tenant}/angebote/{id}/status",
        () ->
            as(
                    post(
                        "/saalfeld-rudolstadt/angebote/"
                            + sr("offer", "x.name = ?", "Audit-Angebot " + suffix)
                            + "/status"),
                    "sr-koordination")
                .param("status", "PUBLISHED"));
    s.put(
        "POST /{tenant}/angebote/{id}/bearbeiten",
        () -> {
          String offer = sr("offer", "x.name = ?", "Audit-Angebot " + suffix);
          return offer(post("/saalfeld-rudolstadt/angebote/" + offer + "/bearbeiten"), "anbieter2")
              .param("name", "Audit-Angebot " + suffix)
              .param("description", "Geändert")
              .param("version", value("select version from offer where id = ?", offer));
        });
    s.put(
        "POST /{tenant}/angebote/verwaltung/pruefung/{change}/zurueckgeben",
        () ->
            as(
                    post(
                        "/saalfeld-rudolstadt/angebote/verwaltung/pruefung/"
                            + value(
                                "select id from offer_change where offer_id = ? "
                                    + "and state = 'SUBMITTED'",
                                sr("offer", "x.name = ?", "Audit-Angebot " + suffix))
                            + "/zurueckgeben"),
                    "sr-koordination")
                .param("comment", "Bitte Zeiten nennen."));
    s.put(
        "POST /{tenant}/angebote/verwaltung/pruefung/{change}/uebernehmen",
        () -> {
          String offer = sr("offer", "x.name = ?", "Audit-Angebot " + suffix);
          ok(
              offer(post("/saalfeld-rudolstadt/angebote/" + offer + "/bearbeiten"), "anbieter2")
                  .param("name", "Audit-Angebot " + suffix)
                  .param("description", "Montags 9 bis 11 Uhr")
                  .param("version", value("select version from offer where id = ?", offer)));
          return as(
              post(
                  "/saalfeld-rudolstadt/angebote/verwaltung/pruefung/"
                      + value(
                          "select id from offer_change where "
                              + "offer_id = ? and state = 'SUBMITTED'",
                          offer)
                      + "/uebernehmen"),
              "sr-koordination");
        });
    s.put(
        "POST /{tenant}/angebote/{id}/bestaetigen",
        () ->
            as(
                post(
                    "/saalfeld-rudolstadt/angebote/"
                        + sr("offer", "x.name = ?", "Audit-Angebot " + suffix)
                        + "/bestaetigen"),
                "anbieter2"));
    s.put(
        "POST /{tenant}/angebote/verwaltung/erinnern/{organization}",
        () -> {
          String offer = sr("offer", "x.name = ?", "Audit-Angebot " + suffix);
          dsl.execute("update offer set last_verified_at = null where id = ?", offer);
          return as(
              post(
                  "/saalfeld-rudolstadt/angebote/verwaltung/erinnern/"
                      + sr("organization", "x.name = ?", "Audit-Träger " + suffix)),
              "sr-koordination");
        });
    s.put(
        "POST /{tenant}/angebote/verwaltung/kategorien",
        () ->
            as(post("/saalfeld-rudolstadt/angebote/verwaltung/kategorien"), "sr-koordination")
                .param("name", "Audit-Oberkategorie " + suffix));
    s.put(
        "POST /{tenant}/angebote/verwaltung/kategorien/{id}/umbenennen",
        () ->
            as(
                    post(
                        "/saalfeld-rudolstadt/angebote/verwaltung/kategorien/"
                            + sr(
                                "catalogue_category", "x.name = ?", "Audit-Oberkategorie " + suffix)
                            + "/umbenennen"),
                    "sr-koordination")
                .param("name", "Audit-Kategorie " + suffix));
    s.put(
        "POST /{tenant}/angebote/verwaltung/kategorien/{id}/verschieben",
        () -> {
          String parent = sr("catalogue_category", "x.name = ?", "Audit-Kategorie " + suffix);
          ok(
              as(post("/saalfeld-rudolstadt/angebote/verwaltung/kategorien"), "sr-koordination")
                  .param("name", "Unter A " + suffix)
                  .param("parent", parent));
          ok(
              as(post("/saalfeld-rudolstadt/angebote/verwaltung/kategorien"), "sr-koordination")
                  .param("name", "Unter B " + suffix)
                  .param("parent", parent));
          return as(
                  post(
                      "/saalfeld-rudolstadt/angebote/verwaltung/kategorien/"
                          + sr("catalogue_category", "x.name = ?", "Unter B " + suffix)
                          + "/verschieben"),
                  "sr-koordination")
              .param("richtung", "hoch");
        });
    s.put(
        "POST /{tenant}/angebote/verwaltung/kategorien/{id}/loeschen",
        () ->
            as(
                post(
                    "/saalfeld-rudolstadt/angebote/verwaltung/kategorien/"
                        + sr("catalogue_category", "x.name = ?", "Unter A " + suffix)
                        + "/loeschen"),
                "sr-koordination"));
    s.put(
        "POST /{tenant}/angebote/import/uebernehmen",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/saalfeld-rudolstadt/angebote/import")
                      .file(
                          file(
                              "file",
                              "a.csv",
                              "text/csv",
                              "Name;Träger;Straße;PLZ;Ort\nAudit-Import-Angebot "
                                  + suffix
                                  + ";Audit-Träger "
                                  + suffix
                                  + ";Markt 2;99734;Nordhausen\n"))
                      .session(session)
                      .with(logins.as("sr-koordination"))
                      .with(csrf()));
          return as(post("/saalfeld-rudolstadt/angebote/import/uebernehmen"), "sr-koordination")
              .session(session)
              .param("token", token(preview));
        });
    s.put(
        "POST /{tenant}/angebote/import/vorschau",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/saalfeld-rudolstadt/angebote/import")
                      .file(file("file", "b.csv", "text/csv", "Einrichtung;Betreiber\nA;B\n"))
                      .session(session)
                      .with(logins.as("sr-koordination"))
                      .with(csrf()));
          return as(post("/saalfeld-rudolstadt/angebote/import/vorschau"), "sr-koordination")
              .session(session)
              .param("token", token(preview))
              .param("feld_organization", "Betreiber")
              .param("speichernAls", "Audit-Zuordnung " + suffix);
        });
    s.put(
        "POST /api/v1/{tenant}/hsds-imports",
        () ->
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(
                    "{\"contents\":[{\"name\":\"Audit-HSDS "
                        + suffix
                        + "\","
                        + "\"organization\":{\"name\":\"Audit-HSDS-Träger "
                        + suffix
                        + "\"}}]}")
                .param("dryRun", "false")
                .header("Authorization", TOKEN));
    // planning: needs
    s.put(
        "POST /{tenant}/bedarfe/neu",
        () ->
            as(post("/nordhausen/bedarfe/neu"), "koordination")
                .param("title", "Audit-Bedarf " + suffix)
                .param("sourceKind", "CONFERENCE")
                .param("priority", "HIGH")
                .param("lifeSituations", "FAMILIE")
                .param("areas", nordhausen("area", "x.official_key = '16062'"))
                .param("evidenceKind", "MINUTES")
                .param("evidenceNote", "Protokoll"));
    s.put(
        "POST /{tenant}/bedarfe/{id}/bearbeiten",
        () -> {
          String need = needFor("Audit-Bedarf 2 " + suffix);
          return as(post("/nordhausen/bedarfe/" + need + "/bearbeiten"), "koordination")
              .param("title", "Audit-Bedarf 2 " + suffix + " geändert")
              .param("sourceKind", "SURVEY")
              .param("priority", "LOW")
              .param("version", "0");
        });
    s.put(
        "POST /{tenant}/bedarfe/{id}/status",
        () -> {
          String need = needFor("Audit-Bedarf 3 " + suffix);
          return as(post("/nordhausen/bedarfe/" + need + "/status"), "koordination")
              .param("status", "DEFERRED")
              .param("reason", "Haushaltssperre")
              .param("version", "0");
        });
    s.put(
        "POST /api/v1/{tenant}/needs",
        () ->
            post("/api/v1/nordhausen/needs")
                .header("Authorization", TOKEN)
                .contentType("application/json")
                .content(
                    "{\"title\":\"API-Bedarf "
                        + suffix
                        + "\",\"sourceKind\":\"EXPERT\",\"priority\":\"MEDIUM\"}"));
    s.put(
        "POST /{tenant}/beteiligung/neu",
        () ->
            as(post("/nordhausen/beteiligung/neu"), "koordination")
                .param("title", "Audit-Werkstatt " + suffix)
                .param("format", "WORKSHOP")
                .param("heldOn", "2025-05-05")
                .param("groupName", "Fachkräfte")
                .param("groupPeople", "12"));
    s.put(
        "POST /{tenant}/beteiligung/{id}/bearbeiten",
        () -> {
          ok(
              as(post("/nordhausen/beteiligung/neu"), "koordination")
                  .param("title", "Audit-Forum " + suffix)
                  .param("format", "FORUM")
                  .param("heldOn", "2025-06-06"));
          String event = nordhausen("participation_event", "x.title = ?", "Audit-Forum " + suffix);
          return as(post("/nordhausen/beteiligung/" + event + "/bearbeiten"), "koordination")
              .param("title", "Audit-Forum " + suffix + " geändert")
              .param("format", "FORUM")
              .param("heldOn", "2025-06-07")
              .param("results", "Ergebnis")
              .param("version", "0");
        });
    // planning: surveys (LimeSurvey)
    s.put(
        "POST /{tenant}/befragungen/import/uebernehmen",
        () -> {
          MockHttpSession session = new MockHttpSession();
          String preview =
              html(
                  multipart("/nordhausen/befragungen/import")
                      .file(survey().get(0))
                      .file(survey().get(1))
                      .session(session)
                      .with(logins.as("koordination"))
                      .with(csrf()));
          return as(post("/nordhausen/befragungen/import/uebernehmen"), "koordination")
              .session(session)
              .param("structureToken", hidden(preview, "structureToken"))
              .param("responsesToken", hidden(preview, "responsesToken"))
              .param("title", "Audit-Befragung " + suffix)
              .param("period", "2025")
              .param("areaQuestion", "SR")
              .param("areaValue", "Nordhausen")
              .param("areaTarget", nordhausen("area", "x.official_key = '16062'"))
              .param("question", "Q1")
              .param("mode.Q1", "EACH")
              .param("text", "Q5");
        });
    s.put(
        "POST /{tenant}/befragungen/einstellungen",
        () -> {
          Object version =
              dsl.fetchValue(
                  "select s.version from survey_setting s join tenant t on t.id = s.tenant_id "
                      + "where t.slug = 'saalfeld-rudolstadt'");
          return as(post("/saalfeld-rudolstadt/befragungen/einstellungen"), "sr-koordination")
              .param("minN", "6")
              .param("version", version == null ? "0" : String.valueOf(version));
        });
    s.put(
        "POST /{tenant}/befragungen/{id}/freitexte/{text}",
        () -> {
          String survey = apiSurvey("Audit-Freitexte " + suffix, null);
          String text =
              dsl.fetchValue(
                      "select id from survey_text where survey_id = ? order by id limit 1", survey)
                  .toString();
          return as(
                  post("/nordhausen/befragungen/" + survey + "/freitexte/" + text), "koordination")
              .param("decision", "release");
        });
    s.put(
        "POST /{tenant}/befragungen/{id}/rohdaten/loeschen",
        () -> {
          String survey =
              apiSurvey(
                  "Audit-Rohdaten " + suffix, java.time.LocalDate.now().plusDays(10).toString());
          return as(
              post("/nordhausen/befragungen/" + survey + "/rohdaten/loeschen"), "koordination");
        });
    s.put(
        "POST /api/v1/{tenant}/survey-imports",
        () ->
            multipart("/api/v1/nordhausen/survey-imports")
                .file(survey().get(0))
                .file(survey().get(1))
                .param("title", "Audit-API-Befragung " + suffix)
                .param("areaMapping", "Nordhausen;16062")
                .param("question", "Q1")
                .param("dryRun", "false")
                .header("Authorization", TOKEN));
    return s;
  }

  /** A LimeSurvey structure and response export of 8 responses in Nordhausen, with free texts. */
  List<MockMultipartFile> survey() {
    var export =
        new de.lagebild.planning.internal.surveys.LimeSurveyExport(List.of("Nordhausen", "Erfurt"));
    List<de.lagebild.planning.internal.surveys.LimeSurveyExport.Response> responses =
        new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      responses.add(
          new de.lagebild.planning.internal.surveys.LimeSurveyExport.Response(
              true,
              "A1",
              "A" + (1 + i % 4),
              new boolean[] {true, i % 2 == 0, false},
              String.valueOf(i % 3),
              new String[] {"A1", "A2"},
              "Freitext " + i));
    }
    return List.of(
        new MockMultipartFile("structure", "survey.lss", "application/xml", export.lss()),
        new MockMultipartFile(
            "responses",
            "antworten.csv",
            "text/csv",
            export.csv(responses, false, java.nio.charset.StandardCharsets.UTF_8, ',')));
  }

  /** A survey imported through the API, optionally keeping the raw file; returns its id. */
  String apiSurvey(String title, String keepRawUntil) throws Exception {
    var request =
        multipart("/api/v1/nordhausen/survey-imports")
            .file(survey().get(0))
            .file(survey().get(1))
            .param("title", title)
            .param("areaMapping", "Nordhausen;16062")
            .param("question", "Q1")
            .param("textQuestion", "Q5")
            .param("dryRun", "false")
            .header("Authorization", TOKEN);
    if (keepRawUntil != null) {
      request.param("keepRawUntil", keepRawUntil);
    }
    String location = mvc.perform(request).andReturn().getResponse().getHeader("Location");
    assertThat(location).as("survey import " + title).isNotNull();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as(name + " in page").isTrue();
    return m.group(1);
  }

  /** A need recorded through the form, for the scenarios that change one. */
  String needFor(String title) throws Exception {
    ok(
        as(post("/nordhausen/bedarfe/neu"), "koordination")
            .param("title", title)
            .param("sourceKind", "STATISTICS")
            .param("priority", "MEDIUM"));
    return nordhausen("need", "x.title = ?", title);
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The fields every offer form needs (as the provider's form sends them). */
  MockHttpServletRequestBuilder offer(MockHttpServletRequestBuilder b, String user) {
    String location = sr("offer_location", "x.name = ?", "Audit-Ort " + suffix);
    return as(b, user)
        .param("cost", "FREE")
        .param("languages", "de")
        .param("targetGroups", "FAMILIEN")
        .param("lifeSituations", "FAMILIE")
        .param("locations", location)
        .param("tag-0", "2")
        .param("von-0", "09:30")
        .param("bis-0", "11:00");
  }
}
