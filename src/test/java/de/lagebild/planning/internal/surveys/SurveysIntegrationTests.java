package de.lagebild.planning.internal.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LimeSurvey survey imported end to end on the demo district: upload, preview (nothing written),
 * commit in one transaction; the small area suppressed in the survey page, the export, the API, the
 * atlas (stored as "." – never as a number) and the profile; free texts only after review; the raw
 * file deleted unless kept on purpose with a date, and deleted when the date has passed; the API
 * with dryRun; another district sees none of it.
 */
@IntegrationTest
class SurveysIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired SurveyRawSweep sweep;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired JsonMapper json;
  Logins logins;
  final String suffix = UUID.randomUUID().toString().substring(0, 8);

  /** Three Kreise of the demo atlas: two large, one small (three responses). */
  List<String> areas;

  LimeSurveyExport export;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
    areas =
        dsl.fetch(
                "select a.name from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.type = 'KREIS' order by a.official_key limit 3")
            .map(r -> r.get(0, String.class));
    export = new LimeSurveyExport(areas);
  }

  /** 12 in the first area, 7 in the second, 3 in the third, 1 without area, 1 incomplete. */
  List<LimeSurveyExport.Response> responses() {
    List<LimeSurveyExport.Response> list = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      list.add(r("A1", i < 7 ? "A1" : "A3", i == 2 ? "Mehr Spielplätze am Mühlgraben" : ""));
    }
    for (int i = 0; i < 7; i++) {
      list.add(r("A2", i < 2 ? "A2" : "A4", ""));
    }
    for (int i = 0; i < 3; i++) {
      list.add(r("A3", "A1", i == 0 ? "Familie Beispiel in der Lindenstraße 4 braucht Hilfe" : ""));
    }
    list.add(r("", "A1", ""));
    list.add(
        new LimeSurveyExport.Response(
            false, "A1", "A1", new boolean[3], "1", new String[] {"A1", "A1"}, ""));
    return list;
  }

  static LimeSurveyExport.Response r(String area, String q1, String q5) {
    return new LimeSurveyExport.Response(
        true, area, q1, new boolean[] {true, false, false}, "2", new String[] {"A1", "A2"}, q5);
  }

  MockMultipartFile lss() {
    return new MockMultipartFile("structure", "survey_482915.lss", "application/xml", export.lss());
  }

  MockMultipartFile csv(String name, Charset cs, boolean full) {
    return new MockMultipartFile(
        "responses", name, "text/csv", export.csv(responses(), full, cs, full ? ';' : ','));
  }

  static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as(name + " in page").isTrue();
    return m.group(1);
  }

  int count(String table) {
    return dsl.fetchCount(dsl.selectFrom(table));
  }

  String areaId(String name) {
    return String.valueOf(
        dsl.fetchValue(
            "select a.id from area a join tenant t on t.id = a.tenant_id "
                + "where t.slug = 'nordhausen' and a.name = ?",
            name));
  }

  /** Uploads, previews and commits through the pages; returns the survey's id. */
  UUID importThroughPages(boolean keepRaw) throws Exception {
    MockHttpSession session = new MockHttpSession();
    String preview =
        mvc.perform(
                multipart("/nordhausen/befragungen/import")
                    .file(lss())
                    .file(csv("antworten-1252.csv", Charset.forName("windows-1252"), true))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview).contains("Vorschau der Befragung", "Windows-1252", areas.get(1));
    assertThat(preview).contains("Noch wurde nichts gespeichert");
    String structureToken = hidden(preview, "structureToken");
    String responsesToken = hidden(preview, "responsesToken");
    var commit =
        post("/nordhausen/befragungen/import/uebernehmen")
            .session(session)
            .with(logins.as("koordination"))
            .with(csrf())
            .param("structureToken", structureToken)
            .param("responsesToken", responsesToken)
            .param("title", "Familienbefragung " + suffix)
            .param("period", "2025")
            .param("areaQuestion", "SR")
            .param("areaValue", areas.get(0), areas.get(1), areas.get(2), "Keine Antwort")
            .param(
                "areaTarget",
                areaId(areas.get(0)),
                areaId(areas.get(1)),
                areaId(areas.get(2)),
                "none")
            .param("question", "Q1", "Q2")
            .param("mode.Q1", "COMBINED")
            .param("codes.Q1", "A1", "A2")
            .param("codes.Q2", "SQ001")
            .param("text", "Q5");
    if (keepRaw) {
      commit
          .param("keepRaw", "true")
          .param("keepUntil", java.time.LocalDate.now().plusDays(30).toString());
    }
    String location =
        mvc.perform(commit)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void importedThroughThePagesWithTheSmallAreaSuppressedEverywhere() throws Exception {
    int surveysBefore = count("survey");
    UUID id = importThroughPages(false);
    assertThat(count("survey")).isEqualTo(surveysBefore + 1);
    // the raw file is not kept; the audit says so
    assertThat(dsl.fetchValue("select raw_file_name from survey where id = ?", id.toString()))
        .isNull();
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where(
                        "entity_id = ? and action = 'CREATE' and after_json like ?",
                        id.toString(),
                        "%gelöscht%")))
        .isEqualTo(1);

    String small = areaId(areas.get(2));
    String second = areaId(areas.get(1));
    // stored suppressed: no number for the small area (3) nor for the second (7, would give it
    // away)
    var cells =
        dsl.fetch(
            "select c.area_id, c.n, c.value, c.suppressed, f.label from survey_cell c "
                + "join survey_figure f on f.id = c.figure_id where f.survey_id = ?",
            id.toString());
    assertThat(cells).isNotEmpty();
    for (var c : cells) {
      String area = c.get(0, String.class);
      if (area.equals(small) || area.equals(second)) {
        assertThat(c.get(3, Boolean.class)).as(c.toString()).isTrue();
        assertThat(c.get(1)).isNull();
        assertThat(c.get(2)).isNull();
      } else {
        assertThat(c.get(1, Integer.class)).isGreaterThanOrEqualTo(5);
      }
    }
    // the atlas holds "." for them – never the number
    var atlas =
        dsl.fetch(
            "select v.area_id, v.value, v.special from indicator_value v join survey_figure f "
                + "on f.indicator_id = v.indicator_id where f.survey_id = ?",
            id.toString());
    assertThat(atlas).isNotEmpty();
    for (var v : atlas) {
      if (v.get(0, String.class).equals(small)) {
        assertThat(v.get(1)).isNull();
        assertThat(v.get(2, String.class)).isEqualTo(".");
      }
    }
    // Q1 "sehr" or "eher zufrieden" in the first area: 7 of 12
    String page = page("/nordhausen/befragungen/" + id, "lesen");
    assertThat(page).contains("Familienbefragung " + suffix, "58,3 %", areas.get(2));
    assertThat(page).doesNotContain("Mehr Spielplätze am Mühlgraben");
    String csvOut = page("/nordhausen/befragungen/" + id + "/export?format=csv", "lesen");
    assertThat(csvOut).contains("58,3 %").contains("unterdrückt (weniger als 5 Antworten)");
    // every row of the small and the second area carries "." – never its n or value
    List<String> hiddenRows =
        csvOut
            .lines()
            .filter(
                l -> l.contains(";" + areas.get(2) + ";") || l.contains(";" + areas.get(1) + ";"))
            .toList();
    assertThat(hiddenRows).isNotEmpty().allMatch(l -> l.contains(";.;.;unterdrückt"));

    JsonNode api =
        json.readTree(
            mvc.perform(get("/api/v1/nordhausen/surveys/" + id).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode f : api.get("figures")) {
      int shownN = 0;
      for (JsonNode c : f.get("cells")) {
        if (c.get("suppressed").asBoolean()) {
          assertThat(c.get("n").isNull()).isTrue();
          assertThat(c.get("value").isNull()).isTrue();
        } else {
          shownN += c.get("n").asInt();
        }
      }
      // total minus the shown: the suppressed and those without area together, never below 5
      int remainder = f.get("totalN").asInt() - shownN;
      assertThat(remainder == 0 || remainder >= 5).as(f.toString()).isTrue();
    }
    // the atlas groups the survey's indicators under the survey, after the statistics
    String atlasPage = page("/nordhausen/atlas", "lesen");
    String group = "Befragung „Familienbefragung " + suffix + "“";
    assertThat(atlasPage).contains("label=\"Statistik\"", group);
    int groupAt = atlasPage.indexOf(group);
    assertThat(atlasPage.indexOf("label=\"Statistik\"")).isLessThan(groupAt);
    String firstSurveyIndicator =
        dsl.fetchValue(
                "select i.name from indicator i join survey_figure f on f.indicator_id = i.id "
                    + "where f.survey_id = ? order by i.name limit 1",
                id.toString())
            .toString();
    assertThat(atlasPage.indexOf(firstSurveyIndicator, groupAt)).isGreaterThan(groupAt);
    // the profile of the first area shows the result; of the small one only "."
    assertThat(page("/nordhausen/atlas/gebiete/" + areaId(areas.get(0)), "koordination"))
        .contains("Befragungsergebnisse", "58,3 %");
    assertThat(page("/nordhausen/atlas/gebiete/" + small, "koordination"))
        .contains("Befragungsergebnisse", ". (unterdrückt");

    // free texts: waiting, then one released, one rejected (deleted)
    String review = page("/nordhausen/befragungen/" + id + "/freitexte", "koordination");
    assertThat(review).contains("Noch 2 Antworten offen");
    List<String> texts =
        dsl.fetch(
                "select id, text from survey_text where survey_id = ? order by position",
                id.toString())
            .map(r -> r.get(0, String.class) + "|" + r.get(1, String.class));
    assertThat(texts).hasSize(2);
    // the text of the small area carries no area
    assertThat(
            dsl.fetchValue(
                "select area_id from survey_text where survey_id = ? and text like 'Familie%'",
                id.toString()))
        .isNull();
    for (String t : texts) {
      String textId = t.substring(0, t.indexOf('|'));
      mvc.perform(
              post("/nordhausen/befragungen/" + id + "/freitexte/" + textId)
                  .with(logins.as("koordination"))
                  .with(csrf())
                  .param("decision", t.contains("Spielplätze") ? "release" : "reject"))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(dsl.fetchCount(dsl.selectFrom("survey_text").where("survey_id = ?", id.toString())))
        .isEqualTo(1);
    assertThat(page("/nordhausen/befragungen/" + id, "lesen"))
        .contains("Mehr Spielplätze am Mühlgraben")
        .doesNotContain("Lindenstraße");
    // readers cannot review
    mvc.perform(get("/nordhausen/befragungen/" + id + "/freitexte").with(logins.as("lesen")))
        .andExpect(status().isForbidden());

    // another district finds nothing
    mvc.perform(get("/saalfeld-rudolstadt/befragungen/" + id).with(logins.as("sr-koordination")))
        .andExpect(status().isNotFound());
    assertThat(page("/saalfeld-rudolstadt/befragungen", "sr-koordination"))
        .doesNotContain("Familienbefragung " + suffix);
  }

  @Test
  void aKeptRawFileIsLoggedDownloadableByCoordinatorsAndDeletedAfterItsDate() throws Exception {
    UUID id = importThroughPages(true);
    assertThat(dsl.fetchValue("select raw_file_name from survey where id = ?", id.toString()))
        .isEqualTo("antworten-1252.csv");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where("entity_id = ? and action = 'KEEP_RAW'", id.toString())))
        .isEqualTo(1);
    mvc.perform(get("/nordhausen/befragungen/" + id + "/rohdaten").with(logins.as("lesen")))
        .andExpect(status().isForbidden());
    byte[] raw =
        mvc.perform(
                get("/nordhausen/befragungen/" + id + "/rohdaten").with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(raw, Charset.forName("windows-1252"))).contains("Mühlgraben");
    // the date passes: the nightly sweep over all tenants deletes the file and logs it; a later
    // visit of the pages finds nothing left to delete
    dsl.execute(
        "update survey set raw_keep_until = ? where id = ?",
        java.time.LocalDate.now().minusDays(1),
        id.toString());
    assertThat(sweep.sweep()).isEqualTo(1);
    assertThat(sweep.sweep()).isZero();
    page("/nordhausen/befragungen", "lesen");
    assertThat(dsl.fetchValue("select raw_file from survey where id = ?", id.toString())).isNull();
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where("entity_id = ? and action = 'DELETE_RAW'", id.toString())))
        .isEqualTo(1);
    // keeping without a date is refused in German, nothing written
    int before = count("survey");
    MockHttpSession session = new MockHttpSession();
    String preview =
        mvc.perform(
                multipart("/nordhausen/befragungen/import")
                    .file(lss())
                    .file(csv("a.csv", StandardCharsets.UTF_8, false))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String refused =
        mvc.perform(
                post("/nordhausen/befragungen/import/uebernehmen")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("structureToken", hidden(preview, "structureToken"))
                    .param("responsesToken", hidden(preview, "responsesToken"))
                    .param("title", "Ohne Datum")
                    .param("period", "2025")
                    .param("areaQuestion", "SR")
                    .param("question", "Q1")
                    .param("keepRaw", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Wer die Antwortdatei aufbewahrt, muss ein Löschdatum angeben.");
    assertThat(count("survey")).isEqualTo(before);
  }

  @Test
  void theApiPreviewsWithDryRunImportsWithoutAndRefusesBadFilesInGerman() throws Exception {
    int before = count("survey");
    int indicators = count("indicator");
    String mapping =
        areas.get(0) + ";" + areas.get(0) + "\n" + areas.get(1) + ";" + areas.get(1) + "\n";
    JsonNode dry =
        json.readTree(
            mvc.perform(
                    multipart("/api/v1/nordhausen/survey-imports")
                        .file(lss())
                        .file(csv("a.csv", StandardCharsets.UTF_8, false))
                        .param("title", "API " + suffix)
                        .param("period", "2025-Q2")
                        .param("areaMapping", mapping)
                        .param("question", "Q1:COMBINED:A1,A2", "Q3")
                        .header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("used").asInt()).isEqualTo(23);
    assertThat(dry.get("minN").asInt()).isEqualTo(5);
    assertThat(dry.get("figures").size()).isEqualTo(4);
    assertThat(count("survey")).isEqualTo(before);
    assertThat(count("indicator")).isEqualTo(indicators);

    String created =
        mvc.perform(
                multipart("/api/v1/nordhausen/survey-imports")
                    .file(lss())
                    .file(csv("a.csv", StandardCharsets.UTF_8, false))
                    .param("title", "API " + suffix)
                    .param("period", "2025-Q2")
                    .param("areaMapping", mapping)
                    .param("question", "Q1:COMBINED:A1,A2", "Q3")
                    .param("dryRun", "false")
                    .header("Authorization", TOKEN))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    assertThat(count("survey")).isEqualTo(before + 1);
    assertThat(count("indicator")).isEqualTo(indicators + 4);
    mvc.perform(get(created).header("Authorization", TOKEN)).andExpect(status().isOk());

    String refused =
        mvc.perform(
                multipart("/api/v1/nordhausen/survey-imports")
                    .file(
                        new MockMultipartFile(
                            "structure", "x.lss", "text/xml", "<html></html>".getBytes()))
                    .file(csv("a.csv", StandardCharsets.UTF_8, false))
                    .param("dryRun", "false")
                    .header("Authorization", TOKEN))
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("keine LimeSurvey-Umfragestruktur");
    assertThat(count("survey")).isEqualTo(before + 1);
  }

  String page(String path, String user) throws Exception {
    return mvc.perform(get(path).with(logins.as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
