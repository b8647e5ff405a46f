package de.lagebild.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Needs end to end: recorded through the form and the API with areas, goals and evidence, their
 * status with history, the list with filters and its exports, the prefill from an atlas figure, the
 * goal page's chain, roles and tenant separation.
 */
@IntegrationTest
class NeedsIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired JsonMapper json;
  Logins logins;
  final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  String nordhausen(String table, String where, Object... args) {
    return String.valueOf(
        dsl.fetchValue(
            "select x.id from "
                + table
                + " x join tenant t on t.id = x.tenant_id where t.slug = 'nordhausen' and "
                + where,
            args));
  }

  String goal(String code) {
    return String.valueOf(
        dsl.fetchValue(
            "select id from goal where strategy_id = ? and code = ?",
            DemoData.nordhausenStrategy(dsl),
            code));
  }

  String page(String path, String user) throws Exception {
    return mvc.perform(get(path).with(logins.as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  MockHttpServletRequestBuilder form(String path, String user) {
    return post(path).with(logins.as(user)).with(csrf());
  }

  String create(String title, String... more) throws Exception {
    MockHttpServletRequestBuilder b =
        form("/nordhausen/bedarfe/neu", "koordination")
            .param("title", title)
            .param("sourceKind", "CONFERENCE")
            .param("priority", "HIGH");
    for (int i = 0; i < more.length; i += 2) {
      b.param(more[i], more[i + 1]);
    }
    String location =
        mvc.perform(b)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/nordhausen/bedarfe/");
    return location.substring("/nordhausen/bedarfe/".length());
  }

  @Test
  void aCoordinatorRecordsANeedWithAreaGoalAndEvidenceAndTheGoalShowsIt() throws Exception {
    String area = nordhausen("area", "x.official_key = '16062'");
    String indicator = nordhausen("indicator", "x.code = 'sgb2'");
    String goal = goal("2.2.2");
    String id =
        create(
            "Jugendtreff im Ortsteil fehlt " + suffix,
            "description",
            "Jugendliche wünschen sich einen Treffpunkt.",
            "sourceNote",
            "Sozialraumkonferenz Salza, 1.2.2025",
            "lifeSituations",
            "FAMILIE",
            "areas",
            area,
            "goals",
            goal,
            "evidenceKind",
            "INDICATOR",
            "evidenceIndicator",
            indicator,
            "evidenceArea",
            area,
            "evidencePeriod",
            "2019",
            "evidenceValue",
            "9,12 %",
            "evidenceReference",
            "Thüringen 7,0 %",
            "evidenceSource",
            "",
            "evidenceNote",
            "aus dem Profil, gerundet, vorläufig");
    assertThat(dsl.fetchValue("select status from need where id = ?", id)).isEqualTo("IDENTIFIED");
    assertThat(
            dsl.fetchValue("select note from need_evidence where need_id = ? and position = 0", id))
        .as("a note with commas stays one value")
        .isEqualTo("aus dem Profil, gerundet, vorläufig");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where("entity_id = ? and action = 'CREATE' and entity_type = 'Need'", id)))
        .isEqualTo(1);

    String need = page("/nordhausen/bedarfe/" + id, "lesen");
    assertThat(need)
        .contains("Jugendtreff im Ortsteil fehlt " + suffix)
        .contains("Sozialraumkonferenz Salza, 1.2.2025")
        .contains("Quote der Personen in Bedarfsgemeinschaften (SGB II), Nordhausen, 2019: 9,12 %")
        .contains("Thüringen 7,0 %")
        .contains("Stärkung von Beteiligungsformen von Kindern und Jugendlichen");

    String strategy = DemoData.nordhausenStrategy(dsl);
    String goalPage = page("/nordhausen/strategien/" + strategy + "/ziele/" + goal, "lesen");
    assertThat(goalPage)
        .contains("Wirkungskette")
        .contains("Jugendtreff im Ortsteil fehlt " + suffix)
        .contains("9,12 %");

    // a reader sees the need but may not record, change or move one
    mvc.perform(
            form("/nordhausen/bedarfe/neu", "lesen")
                .param("title", "X")
                .param("sourceKind", "SURVEY")
                .param("priority", "LOW"))
        .andExpect(status().isForbidden());
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "fachdienst")
                .param("status", "ASSESSED")
                .param("version", "0"))
        .andExpect(status().isForbidden());
    assertThat(dsl.fetchValue("select status from need where id = ?", id)).isEqualTo("IDENTIFIED");
  }

  @Test
  void statusChangesKeepDateAndReasonAndRefuseStaleOrIncompleteChanges() throws Exception {
    String id = create("Schuldnerberatung überlastet " + suffix);
    // deferring needs a reason: nothing changes without one
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "koordination")
                .param("status", "DEFERRED")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            r ->
                assertThat(String.valueOf(r.getFlashMap().get("problem")))
                    .contains("Bitte begründen Sie"));
    assertThat(dsl.fetchValue("select status from need where id = ?", id)).isEqualTo("IDENTIFIED");
    // a date in the future is refused
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "koordination")
                .param("status", "ASSESSED")
                .param("on", "2999-01-01")
                .param("version", "0"))
        .andExpect(
            r ->
                assertThat(String.valueOf(r.getFlashMap().get("problem")))
                    .contains("nicht in der Zukunft"));
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "koordination")
                .param("status", "ASSESSED")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    // someone who opened the page before that change is told so
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "koordination")
                .param("status", "COVERED")
                .param("reason", "Neue Stelle besetzt")
                .param("version", "0"))
        .andExpect(
            r ->
                assertThat(String.valueOf(r.getFlashMap().get("problem")))
                    .contains("inzwischen von jemand anderem geändert"));
    mvc.perform(
            form("/nordhausen/bedarfe/" + id + "/status", "koordination")
                .param("status", "COVERED")
                .param("reason", "Neue Stelle besetzt")
                .param("version", "1"))
        .andExpect(status().is3xxRedirection());
    List<String> history =
        dsl.fetch(
                "select status, reason from need_status_change where need_id = ? "
                    + "order by changed_on, created_at",
                id)
            .map(r -> r.get(0) + ":" + r.get(1));
    assertThat(history)
        .containsExactly("IDENTIFIED:null", "ASSESSED:null", "COVERED:Neue Stelle besetzt");
    assertThat(page("/nordhausen/bedarfe/" + id, "lesen"))
        .contains("gedeckt")
        .contains("Neue Stelle besetzt");

    // editing with a stale version changes nothing and says why
    String answer =
        mvc.perform(
                form("/nordhausen/bedarfe/" + id + "/bearbeiten", "koordination")
                    .param("title", "Überschrieben " + suffix)
                    .param("sourceKind", "SURVEY")
                    .param("priority", "LOW")
                    .param("version", "0"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).contains("inzwischen von jemand anderem geändert");
    assertThat(dsl.fetchValue("select title from need where id = ?", id))
        .isEqualTo("Schuldnerberatung überlastet " + suffix);
  }

  @Test
  void badInputIsRefusedInGermanAndNothingIsWritten() throws Exception {
    int before = dsl.fetchCount(dsl.selectFrom("need"));
    String answer =
        mvc.perform(
                form("/nordhausen/bedarfe/neu", "koordination")
                    .param("title", "  ")
                    .param("sourceKind", "SURVEY")
                    .param("priority", "LOW"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).contains("Bitte geben Sie einen Titel an.");
    // a goal of another tenant cannot be linked
    String foreignGoal =
        String.valueOf(
            dsl.fetchValue(
                "select g.id from goal g join tenant t on t.id = g.tenant_id "
                    + "where t.slug <> 'nordhausen' limit 1"));
    if (!"null".equals(foreignGoal)) {
      assertThat(
              mvc.perform(
                      form("/nordhausen/bedarfe/neu", "koordination")
                          .param("title", "Fremdes Ziel " + suffix)
                          .param("sourceKind", "SURVEY")
                          .param("priority", "LOW")
                          .param("goals", foreignGoal))
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .contains("gibt es in keiner Strategie dieses Mandanten");
    }
    String problem =
        mvc.perform(
                post("/api/v1/nordhausen/needs")
                    .header("Authorization", TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\":\"API " + suffix + "\",\"sourceKind\":\"RUMOUR\"}"))
            .andExpect(status().is(422))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(problem).contains("Die Quelle „RUMOUR“ gibt es nicht.");
    assertThat(dsl.fetchCount(dsl.selectFrom("need"))).isEqualTo(before);
  }

  @Test
  void theApiRecordsAndListsNeedsWithFilters() throws Exception {
    String area = nordhausen("area", "x.official_key = '16062'");
    String goal = goal("2.4.3");
    String body =
        """
        {"title":"Pflegeberatung auf dem Land %s","sourceKind":"SURVEY","priority":"HIGH",
         "lifeSituations":["GESUNDHEIT"],"areaIds":["%s"],"goalIds":["%s"],
         "evidence":[{"kind":"SURVEY","areaId":"%s","period":"2024","value":"38 %% (n = 412)",
                      "source":"Seniorenbefragung"}]}
        """
            .formatted(suffix, area, goal, area);
    String created =
        mvc.perform(
                post("/api/v1/nordhausen/needs")
                    .header("Authorization", TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Map<String, Object> need = json.readValue(created, new TypeReference<>() {});
    assertThat(need.get("status")).isEqualTo("IDENTIFIED");
    assertThat(String.valueOf(need.get("goals"))).contains("2.4.3");
    assertThat(String.valueOf(need.get("evidence"))).contains("38 % (n = 412)");
    assertThat(String.valueOf(need.get("history"))).contains("IDENTIFIED");

    List<Map<String, Object>> health =
        json.readValue(
            mvc.perform(
                    get("/api/v1/nordhausen/needs")
                        .param("lifeSituation", "GESUNDHEIT")
                        .param("area", area)
                        .header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8),
            new TypeReference<>() {});
    assertThat(health)
        .extracting(m -> m.get("title"))
        .contains("Pflegeberatung auf dem Land " + suffix);
    assertThat(health)
        .allSatisfy(
            m -> assertThat(String.valueOf(m.get("lifeSituations"))).contains("GESUNDHEIT"));
    List<Map<String, Object>> covered =
        json.readValue(
            mvc.perform(
                    get("/api/v1/nordhausen/needs")
                        .param("status", "COVERED")
                        .param("goal", goal)
                        .header("Authorization", TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8),
            new TypeReference<>() {});
    assertThat(covered)
        .extracting(m -> m.get("title"))
        .doesNotContain("Pflegeberatung auf dem Land " + suffix);

    // a reader may read through the API but not record
    mvc.perform(
            post("/api/v1/nordhausen/needs")
                .with(logins.as("lesen"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"x\",\"sourceKind\":\"SURVEY\"}"))
        .andExpect(status().isForbidden());
    // another tenant does not find it
    mvc.perform(
            get("/api/v1/saalfeld-rudolstadt/needs/" + need.get("id")).with(logins.as("sr-admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/saalfeld-rudolstadt/bedarfe/" + need.get("id")).with(logins.as("sr-admin")))
        .andExpect(status().isNotFound());
    assertThat(page("/saalfeld-rudolstadt/bedarfe", "sr-admin"))
        .doesNotContain("Pflegeberatung auf dem Land " + suffix)
        .doesNotContain("Kinderarmut");
  }

  @Test
  void aNeedShowsThePublishedOffersOfItsAreasForItsLifeSituations() throws Exception {
    String id = nordhausen("need", "x.title like 'Kinderarmut:%'");
    // independently: published offers with a place in Nordhausen for the life situation FAMILIE
    List<String> expected =
        dsl.fetch(
                "select distinct o.name from offer o "
                    + "join offer_at_location ol on ol.offer_id = o.id "
                    + "join offer_location l on l.id = ol.location_id "
                    + "join area a on a.id = l.area_id "
                    + "join tenant t on t.id = o.tenant_id "
                    + "where t.slug = 'nordhausen' and o.status = 'PUBLISHED' "
                    + "and l.latitude is not null and a.official_key = '16062' "
                    + "and ',' || o.life_situations || ',' like '%,FAMILIE,%'")
            .map(r -> r.get(0, String.class));
    assertThat(expected).isNotEmpty();
    Map<String, Object> need =
        json.readValue(
            mvc.perform(get("/api/v1/nordhausen/needs/" + id).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8),
            new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> offers = (List<Map<String, Object>>) need.get("offers");
    assertThat(offers).extracting(o -> o.get("name")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(page("/nordhausen/bedarfe/" + id, "lesen"))
        .contains("Angebote in den betroffenen Gebieten")
        .contains(expected.get(0).replace("&", "&amp;"));
  }

  @Test
  void theGoalFormLinksTheNeedsTheGoalAnswers() throws Exception {
    String id = create("Wohnungslosigkeit junger Erwachsener " + suffix);
    String strategy = DemoData.nordhausenStrategy(dsl);
    String goal = goal("2.2.1");
    String edit = "/nordhausen/strategien/" + strategy + "/ziele/" + goal + "/bearbeiten";
    assertThat(page(edit, "koordination"))
        .contains("Bedarfe, auf die das Ziel antwortet")
        .contains("Wohnungslosigkeit junger Erwachsener " + suffix);
    // the goal's own fields are sent as they are, so only the links change
    org.jooq.Record g =
        dsl.fetchOne(
            "select code, title, description, success_criterion, goal_source, life_situations,"
                + " version from goal where id = ?",
            goal);
    java.util.function.IntFunction<MockHttpServletRequestBuilder> save =
        version -> {
          MockHttpServletRequestBuilder b =
              form(edit, "koordination")
                  .param("code", nz(g.get(0)))
                  .param("title", nz(g.get(1)))
                  .param("description", nz(g.get(2)))
                  .param("successCriterion", nz(g.get(3)))
                  .param("goalSource", nz(g.get(4)))
                  .param("version", String.valueOf(version))
                  .param("needsShown", "true");
          for (String l : nz(g.get(5)).split(",")) {
            if (!l.isBlank()) {
              b.param("lifeSituations", l);
            }
          }
          return b;
        };
    int version = ((Number) g.get(6)).intValue();
    mvc.perform(save.apply(version).param("needs", id)).andExpect(status().is3xxRedirection());
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("need_goal").where("need_id = ? and goal_id = ?", id, goal)))
        .isEqualTo(1);
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where("entity_id = ? and entity_type = 'GoalNeeds'", goal)))
        .isEqualTo(1);
    // unticked: the link goes
    mvc.perform(save.apply(version + 1)).andExpect(status().is3xxRedirection());
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("need_goal").where("need_id = ? and goal_id = ?", id, goal)))
        .isZero();
    // and the goal's own fields are as they were
    assertThat(
            dsl.fetchOne(
                    "select code, title, description, success_criterion, goal_source,"
                        + " life_situations from goal where id = ?",
                    goal)
                .intoList())
        .isEqualTo(g.intoList().subList(0, 6));
  }

  static String nz(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  @Test
  void theListFiltersAndExportsAsCsvAndXlsx() throws Exception {
    create("=HYPERLINK(\"http://x\") Formel " + suffix, "lifeSituations", "WOHNEN");
    String list = page("/nordhausen/bedarfe?lebenslage=WOHNEN", "lesen");
    assertThat(list).contains("Formel " + suffix).doesNotContain("Kinderarmut");

    // the map data: the areas the listed needs concern with their count, the Kreise as background
    String map =
        mvc.perform(get("/nordhausen/bedarfe/karte").with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Map<String, Object> fc = json.readValue(map, new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
    Map<String, Object> nh =
        features.stream()
            .map(f -> (Map<String, Object>) f.get("properties"))
            .filter(p -> "Nordhausen".equals(p.get("name")))
            .findFirst()
            .orElseThrow();
    int listed =
        ((Number)
                dsl.fetchValue(
                    "select count(*) from need_area na join area a on a.id = na.area_id "
                        + "join tenant t on t.id = a.tenant_id "
                        + "where t.slug = 'nordhausen' and a.official_key = '16062'"))
            .intValue();
    assertThat(nh.get("needs")).isEqualTo(listed);
    assertThat(features)
        .map(f -> (Map<String, Object>) f.get("properties"))
        .anyMatch(p -> "Jena".equals(p.get("name")) && Integer.valueOf(0).equals(p.get("needs")));

    byte[] csv =
        mvc.perform(
                get("/nordhausen/bedarfe/export")
                    .param("format", "csv")
                    .param("lebenslage", "WOHNEN")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFTitel;Status;");
    assertThat(text).contains("'=HYPERLINK").contains("erkannt").contains("Wohnen");

    byte[] xlsx =
        mvc.perform(
                get("/nordhausen/bedarfe/export").param("format", "xlsx").with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<String> titles = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Titel");
      for (Row r : sheet) {
        titles.add(r.getCell(0).getStringCellValue());
        assertThat(r.getCell(0).getCellType())
            .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      }
    }
    assertThat(titles)
        .contains("'=HYPERLINK(\"http://x\") Formel " + suffix)
        .anyMatch(t -> t.startsWith("Kinderarmut"));
  }

  @Test
  void aFigureOfTheAtlasPrefillsTheFormAndTheDemoGoalShowsTheWholeChain() throws Exception {
    String area = nordhausen("area", "x.official_key = '16062'");
    String indicator = nordhausen("indicator", "x.code = 'sgb2kinder'");
    String profile = page("/nordhausen/atlas/gebiete/" + area, "koordination");
    assertThat(profile).contains("/nordhausen/bedarfe/neu?indicator=" + indicator);
    // the reverse of the chain: needs in the area, goals measured there, offers located there
    assertThat(profile)
        .contains("Bedarfe in diesem Gebiet")
        .contains("Verfestigte Langzeitarbeitslosigkeit")
        .contains("Ziele, die in diesem Gebiet gemessen werden")
        .contains("Teilziel 2.3.1")
        .contains("Angebote in diesem Gebiet")
        .doesNotContain("Kein veröffentlichtes Angebot hat einen Standort");
    String publicProfile =
        mvc.perform(get("/nordhausen/oeffentlich/atlas/gebiete/" + area))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(publicProfile).contains("Nordhausen").doesNotContain("Bedarfe in diesem Gebiet");
    assertThat(page("/nordhausen/atlas/gebiete/" + area, "lesen"))
        .doesNotContain("/nordhausen/bedarfe/neu");
    String form =
        page(
            "/nordhausen/bedarfe/neu?indicator="
                + indicator
                + "&area="
                + area
                + "&period=2018-12&reference=31,04",
            "koordination");
    assertThat(form)
        .contains("value=\"33,91 % der Personen in BG\"")
        .contains("value=\"Dezember 2018\"")
        .contains("value=\"31,04\"");

    // the demo: goal 2.3.1 has a need with evidence, an indicator with baseline, course and
    // target, and assessed measures
    String strategy = DemoData.nordhausenStrategy(dsl);
    String goalPage =
        page("/nordhausen/strategien/" + strategy + "/ziele/" + goal("2.3.1"), "lesen");
    assertThat(goalPage)
        .contains("Verfestigte Langzeitarbeitslosigkeit")
        .contains("Thüringen:")
        .contains("Ausgangswert")
        .contains("Zielwert")
        .contains("keine aktuellen Daten")
        .contains("Letzte Einschätzung")
        .contains("kein Beleg dafür");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStrategyImportLinksGoalsToTheNeedsItNamesAndWarnsOfUnknownOnes() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String need =
        dsl.fetchValue(
                "select n.title from need n join tenant t on t.id = n.tenant_id "
                    + "where t.slug = 'nordhausen' and n.title like 'Verfestigte%'")
            .toString();
    String text =
        "Handlungsfeld 1: Arbeit\n\n"
            + "Ziel 1.1\tLangzeitarbeitslose finden Arbeit "
            + suffix
            + "\n"
            + "Bedarfe\t"
            + need.toUpperCase(java.util.Locale.GERMAN)
            + "; Ein Bedarf, den es nicht gibt\n\n"
            + "Maßnahme 1.1.1\tCoaching\n"
            + "Verantwortlich\tJobcenter\n";
    var file =
        new org.springframework.mock.web.MockMultipartFile(
            "file", "ziele.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
    Map<String, Object> dry = importStrategy(file, "Arbeit " + suffix, true);
    List<Map<String, Object>> problems = (List<Map<String, Object>>) dry.get("problems");
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.get("field")).isEqualTo("Bedarfe");
              // the line of the field (the goal's title is on line 3)
              assertThat(p.get("line")).isEqualTo(4);
              assertThat(String.valueOf(p.get("message")))
                  .contains("„Ein Bedarf, den es nicht gibt“ gibt es nicht");
            });
    assertThat(problems)
        .noneSatisfy(p -> assertThat(String.valueOf(p.get("message"))).contains(need));

    importStrategy(file, "Arbeit " + suffix, false);
    List<String> linked =
        dsl.fetch(
                "select n.title from need_goal l join need n on n.id = l.need_id "
                    + "join goal g on g.id = l.goal_id where g.title = ?",
                "Langzeitarbeitslose finden Arbeit " + suffix)
            .map(r -> r.get(0, String.class));
    assertThat(linked).containsExactly(need);
  }

  @Test
  void theStrategyTableCarriesTheNeedsAndTheImportLinksThemAgain() throws Exception {
    String strategy = DemoData.nordhausenStrategy(dsl).toString();
    List<String> demoLinks =
        dsl.fetch(
                "select g.title || ' -> ' || n.title from need_goal l join need n on n.id = l.need_id "
                    + "join goal g on g.id = l.goal_id where g.strategy_id = ? order by 1",
                strategy)
            .map(r -> r.get(0, String.class));
    assertThat(demoLinks).isNotEmpty();
    byte[] csv =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + strategy + "/export")
                    .param("format", "csv")
                    .header("Authorization", TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow()).contains(";Zielquelle;Bedarfe;");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    var file =
        new org.springframework.mock.web.MockMultipartFile(
            "file", "strategie.csv", "text/csv", csv);
    Map<String, Object> dry = importStrategy(file, "Kopie " + suffix, true);
    assertThat((List<Map<String, Object>>) dry.get("problems"))
        .noneSatisfy(p -> assertThat(p.get("field")).isEqualTo("Bedarfe"));
    importStrategy(file, "Kopie " + suffix, false);
    Object copy =
        dsl.fetchValue(
            "select s.id from strategy s join tenant t on t.id = s.tenant_id "
                + "where t.slug = 'nordhausen' and s.title = ?",
            "Kopie " + suffix);
    assertThat(copy).isNotNull();
    List<String> copiedLinks =
        dsl.fetch(
                "select g.title || ' -> ' || n.title from need_goal l join need n on n.id = l.need_id "
                    + "join goal g on g.id = l.goal_id where g.strategy_id = ? order by 1",
                copy)
            .map(r -> r.get(0, String.class));
    assertThat(copiedLinks).isEqualTo(demoLinks);
  }

  /** The strategy import of the API with the demo token; its answer (a 200 is expected). */
  Map<String, Object> importStrategy(
      org.springframework.mock.web.MockMultipartFile file, String strategy, boolean dryRun)
      throws Exception {
    return json.readValue(
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/nordhausen/strategy-imports")
                    .file(file)
                    .param("strategy", strategy)
                    .param("dryRun", String.valueOf(dryRun))
                    .header("Authorization", TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        new TypeReference<Map<String, Object>>() {});
  }
}
