package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Loading official statistics into the demo atlas: wizard and API, matching, specials, history, bad
 * input.
 */
@IntegrationTest
class AtlasImportIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static MockMultipartFile fixture(String name) throws Exception {
    try (InputStream in = AtlasImportIntegrationTests.class.getResourceAsStream("/atlas/" + name)) {
      return new MockMultipartFile("file", name, "text/csv", in.readAllBytes());
    }
  }

  int values() {
    return dsl.fetchCount(
        dsl.selectFrom(
            "indicator_value v join tenant t on t.id = v.tenant_id "
                + "where t.slug = 'nordhausen'"));
  }

  @Test
  void aRegionaldatenbankTableThroughTheWizard() throws Exception {
    int before = values();
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/nordhausen/atlas/import")
                    .file(fixture("genesis-12411-kreise-latin1.csv"))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("12411-01-01-4")
        .contains("Windows-1252")
        .contains("Bevölkerungsstand – Insgesamt")
        .contains("Atlantis")
        .doesNotContain("Fehler verhindern");
    assertThat(values()).isEqualTo(before);
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    mvc.perform(
            post("/nordhausen/atlas/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", m.group(1))
                .param("spalte-3", "neu")
                .param("spalte-5", "skip"))
        .andExpect(status().is3xxRedirection());
    // 6 known areas × 2 columns (Insgesamt and männlich as new indicators; weiblich skipped); the
    // demo's own
    // indicators stay untouched, so that other tests still see the figures of seed 004
    assertThat(values()).isEqualTo(before + 12);
    assertThat(
            dsl.fetchValue(
                "select v.flags from indicator_value v join indicator i on i.id = v.indicator_id "
                    + "join area a on a.id = v.area_id join tenant t on t.id = a.tenant_id where t.slug = 'nordhausen' "
                    + "and i.name like 'Bevölkerungsstand – Insgesamt%' and a.official_key = '16062' and v.period = '2020-12-31'"))
        .isEqualTo("p");
    assertThat(
            dsl.fetchValue(
                "select v.special from indicator_value v join indicator i on i.id = v.indicator_id "
                    + "join area a on a.id = v.area_id join tenant t on t.id = a.tenant_id where t.slug = 'nordhausen' "
                    + "and i.name like 'Bevölkerungsstand – männlich%' and a.official_key = '16063'"))
        .isEqualTo("-");
  }

  @Test
  void theApiPreviewsAndCommitsAndKeepsRevisedValuesInTheHistory() throws Exception {
    MockMultipartFile utf8 = fixture("genesis-12411-kreise-utf8.csv");
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(utf8)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("genesis"))
        .andExpect(jsonPath("$.encoding", containsString("UTF-8")))
        .andExpect(jsonPath("$.columns.length()").value(3))
        .andExpect(jsonPath("$.areasMatched").value(6))
        .andExpect(jsonPath("$.unknownAreas[0]").value("99999 Atlantis, Landkreis"))
        .andExpect(jsonPath("$.summary").doesNotExist());
    String code = "geheimtest-" + System.nanoTime();
    String csv =
        "Schlüssel;Indikator;Zeitraum;Wert\n16062;"
            + code
            + ";2020;7,9\n16073;"
            + code
            + ";2020;6,1\n";
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.created").value(2));
    String id = String.valueOf(dsl.fetchValue("select id from indicator where name = ?", code));
    assertThat(
            mvc.perform(
                    MockMvcRequestBuilders.get("/api/v1/nordhausen/map-data")
                        .param("indicator", id)
                        .header("Authorization", TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("\"value\":7.9");
    String revised = csv.replace("7,9", "8,0");
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "b.csv", "text/csv", revised.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.changed").value(1))
        .andExpect(jsonPath("$.summary.unchanged").value(1));
    // the cached map data follows the change
    assertThat(
            mvc.perform(
                    MockMvcRequestBuilders.get("/api/v1/nordhausen/map-data")
                        .param("indicator", id)
                        .header("Authorization", TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("\"value\":8,")
        .doesNotContain("7.9");
    assertThat(
            dsl.fetchValue(
                    "select count(*) from atlas_value_history h join area a on a.num = h.area_num "
                        + "join tenant t on t.id = a.tenant_id where t.slug = 'nordhausen' "
                        + "and a.official_key = '16062' and h.period = '2020'")
                .toString())
        .isEqualTo("1");
    assertThat(code).isNotEmpty();
  }

  @Test
  void badFilesGiveLineAndFieldAndWriteNothing() throws Exception {
    int before = values();
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(fixture("long-alq.csv"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Zeile 7")))
        .andExpect(jsonPath("$.detail", containsString("Zeitraum")));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(fixture("long-alq.csv"))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.problems[?(@.code == 'atlas.outsideValidity')].message",
                Matchers.hasItem(containsString("Eisenach, 2022"))))
        // a number outside the area's validity is reported, but does not block the other rows
        .andExpect(
            jsonPath(
                "$.problems[?(@.code == 'atlas.outsideValidity')].error",
                Matchers.everyItem(Matchers.is(false))))
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.leadingZero')].line", Matchers.hasItem(6)));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "k.csv",
                        "text/csv",
                        "Schlüssel,Indikator,Zeitraum,Wert\n".getBytes()))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Fehler")));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "n.csv",
                        "text/csv",
                        "Schlüssel;Indikator;Zeitraum;Wert\n16062;alq;2020;sieben\n"
                            .getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", TOKEN))
        .andExpect(jsonPath("$.problems[0].line").value(2))
        .andExpect(jsonPath("$.problems[0].field").value("alq"))
        .andExpect(jsonPath("$.problems[0].message", containsString("„sieben“ ist keine Zahl")));
    assertThat(values()).isEqualTo(before);
  }

  static MockMultipartFile geo(String json) {
    return new MockMultipartFile(
        "file", "g.geojson", "application/geo+json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void geometryImportChecksCrsAndRingsAndAddsNewAreas() throws Exception {
    // a crs member naming a projected system: reprojected (issue 15), not refused
    String projected =
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
            + "{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"GEN\":\"UTM-Gebiet\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[630000,5700000],[631000,5700000],[631000,5701000],[630000,5700000]]]}}]}";
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(geo(projected))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.crs", containsString("25832")))
        .andExpect(jsonPath("$.features").value(1));
    // UTM coordinates without a crs member are recognised by their size
    String utm =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"GEN\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[630000,5700000],"
            + "[631000,5700000],[631000,5701000],[630000,5700000]]]}}]}";
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(geo(utm))
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("projiziert")));
    int areas = dsl.fetchCount(dsl.selectFrom("area"));
    String bowtie =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"ARS\":\"16062001\",\"GEN\":\"Schleife\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[10.7,51.5],[10.8,51.6],[10.8,51.5],[10.7,51.6]]]}}]}";
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(geo(bowtie))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Gebiet 1")));
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(geo(bowtie))
                .header("Authorization", TOKEN))
        .andExpect(jsonPath("$.problems[?(@.code == 'atlas.geojsonRingClosed')]").isNotEmpty())
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.geojsonSelfIntersection')].error").value(true));
    String gemeinde =
        bowtie
            .replace(
                "[[[10.7,51.5],[10.8,51.6],[10.8,51.5],[10.7,51.6]]]",
                "[[[10.7,51.5],[10.8,51.5],[10.8,51.6],[10.7,51.6],[10.7,51.5]]]")
            .replace("Schleife", "Neustadt");
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(geo(gemeinde))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.newAreas[0]").value("16062001 Neustadt"));
    assertThat(dsl.fetchCount(dsl.selectFrom("area"))).isEqualTo(areas + 1);
    // the new Gemeinde lies in its Kreis, found by the first five digits of its key
    assertThat(
            dsl.fetchValue(
                "select p.official_key from area a join area p on p.id = a.parent_id "
                    + "where a.official_key = '16062001'"))
        .isEqualTo("16062");
  }
}
