package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Planning areas built from Kreise: outline, summed counts, recomputed shares, validity, access.
 */
@IntegrationTest
class PlanningAreaIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  String id(String sql, Object... args) {
    return String.valueOf(dsl.fetchValue(sql, args));
  }

  String area(String tenant, String key) {
    return id(
        "select a.id from area a join tenant t on t.id = a.tenant_id where t.slug = ? and a.official_key = ?",
        tenant,
        key);
  }

  BigDecimal value(String areaId, String code) {
    Object v =
        dsl.fetchValue(
            "select v.value from indicator_value v join indicator i on i.id = v.indicator_id "
                + "where v.area_id = ? and i.code = ? order by v.period_end desc limit 1",
            areaId,
            code);
    return v == null ? null : new BigDecimal(v.toString());
  }

  BigDecimal valueOf(String areaId, String indicatorId) {
    Object v =
        dsl.fetchValue(
            "select value from indicator_value where area_id = ? and indicator_id = ?",
            areaId,
            indicatorId);
    return v == null ? null : new BigDecimal(v.toString());
  }

  @Test
  void theDemoPlanningAreaSumsCountsAndRecomputesShares() throws Exception {
    String planned =
        id(
            "select a.id from area a join tenant t on t.id = a.tenant_id where t.slug = 'nordhausen' "
                + "and a.name = 'Kooperationsraum Nordthüringen (Demo)'");
    String[] members = {
      area("nordhausen", "16062"), area("nordhausen", "16064"), area("nordhausen", "16065")
    };
    BigDecimal population = BigDecimal.ZERO;
    BigDecimal old = BigDecimal.ZERO;
    BigDecimal sharesAveraged = BigDecimal.ZERO;
    for (String m : members) {
      population = population.add(value(m, "bevoelkerung"));
      old = old.add(value(m, "ab65"));
      sharesAveraged = sharesAveraged.add(value(m, "anteil65"));
    }
    assertThat(value(planned, "bevoelkerung")).isEqualByComparingTo(population);
    assertThat(value(planned, "ab65")).isEqualByComparingTo(old);
    BigDecimal share =
        old.multiply(BigDecimal.valueOf(100)).divide(population, 4, RoundingMode.HALF_UP);
    assertThat(value(planned, "anteil65").setScale(4, RoundingMode.HALF_UP))
        .isEqualByComparingTo(share);
    // recomputed from the sums, which is not the average of the three shares
    assertThat(sharesAveraged.divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP))
        .isNotEqualByComparingTo(share);
    // a rate without numerator and denominator is never averaged
    assertThat(value(planned, "alq")).isNull();
    // its outline is one polygon (the three Kreise touch), shown on the planning-area level only
    String alq =
        id(
            "select i.id from indicator i join tenant t on t.id = i.tenant_id where t.slug = 'nordhausen' "
                + "and i.code = 'anteil65'");
    mvc.perform(
            get("/api/v1/nordhausen/map-data")
                .param("indicator", alq)
                .param("level", "sozialraum")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                    "$.features[?(@.properties.name == 'Kooperationsraum Nordthüringen (Demo)')]"
                        + ".geometry.type")
                .value("Polygon"));
    mvc.perform(
            get("/api/v1/nordhausen/map-data")
                .param("indicator", alq)
                .header("Authorization", TOKEN))
        .andExpect(jsonPath("$.features.length()").value(23));
    String page =
        mvc.perform(get("/nordhausen/atlas/planungsraeume").with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Kooperationsraum Nordthüringen (Demo)")
        .contains("Kyffhäuserkreis")
        .doesNotContain("Planungsraum anlegen");
  }

  @Test
  void aCoordinatorBuildsAPlanningAreaAndBadRequestsAreRefused() throws Exception {
    String gera = area("nordhausen", "16052");
    String jena = area("nordhausen", "16053");
    String name = "Ostthüringen Test " + System.nanoTime();
    String location =
        mvc.perform(
                post("/nordhausen/atlas/planungsraeume")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("name", name)
                    .param("gebiete", gera, jena))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String created = id("select a.id from area a where a.name = ?", name);
    assertThat(location).isEqualTo("/nordhausen/atlas/gebiete/" + created);
    assertThat(value(created, "bevoelkerung"))
        .isEqualByComparingTo(value(gera, "bevoelkerung").add(value(jena, "bevoelkerung")));
    assertThat(dsl.fetchValue("select type from area where id = ?", created))
        .isEqualTo("SOZIALRAUM");
    String profile =
        mvc.perform(get(location).with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(profile).contains(name).contains("Planungsraum aus 2 Gebieten: Gera, Jena");
    // one member only, no name, a name twice: the form again with the reason, nothing written
    int areas = dsl.fetchCount(dsl.selectFrom("area"));
    String one =
        mvc.perform(
                post("/nordhausen/atlas/planungsraeume")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("name", "Nur einer")
                    .param("gebiete", gera))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(one).contains("mindestens zwei Gebiete").contains("value=\"Nur einer\"");
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", " ")
                .param("gebiete", gera, jena))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", name)
                .param("gebiete", gera, jena))
        .andExpect(status().isUnprocessableContent());
    // an area of another tenant is not found; a reader may not build planning areas
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", "Fremd")
                .param("gebiete", gera, area("saalfeld-rudolstadt", "16073")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume")
                .with(logins.as("lesen"))
                .with(csrf())
                .param("name", "Leser")
                .param("gebiete", gera, jena))
        .andExpect(status().isForbidden());
    assertThat(dsl.fetchCount(dsl.selectFrom("area"))).isEqualTo(areas);
  }

  @Test
  void validityDecidesWhichMembersCount() throws Exception {
    // Eisenach (valid until 30 June 2021) and the Wartburgkreis: for 2019 both are summed
    String eisenach = area("nordhausen", "16056");
    String wartburg = area("nordhausen", "16063");
    String name = "Westthüringen Test " + System.nanoTime();
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", name)
                .param("gebiete", eisenach, wartburg))
        .andExpect(status().is3xxRedirection());
    String created = id("select a.id from area a where a.name = ?", name);
    assertThat(value(created, "bevoelkerung"))
        .isEqualByComparingTo(value(eisenach, "bevoelkerung").add(value(wartburg, "bevoelkerung")));
    // a later figure of the enlarged Wartburgkreis alone makes the sum, Eisenach no longer being
    // valid
    String code = "einwohner-" + System.nanoTime();
    String csv = "Schlüssel;Indikator;Zeitraum;Wert\n16063;" + code + ";2022;158000\n";
    mvc.perform(
            MockMvcRequestBuilders.multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "e.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    // an imported indicator is "sonstiger Wert" until the coordinator says it is a count: then it
    // is summed
    String indicatorId = id("select id from indicator where name = ?", code);
    assertThat(valueOf(created, indicatorId)).isNull();
    String form =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + indicatorId + "/bearbeiten")
                    .with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("name=\"version\" value=\"0\"");
    mvc.perform(
            post("/nordhausen/atlas/indikatoren/" + indicatorId + "/bearbeiten")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", "Einwohner (Test)")
                .param("shortName", "Einwohner")
                .param("kind", "COUNT")
                .param("decimals", "0")
                .param("polarity", "NEUTRAL")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    assertThat(valueOf(created, indicatorId)).isEqualByComparingTo("158000");
    // a stale version is refused; bad fields come back with the reason
    mvc.perform(
            post("/nordhausen/atlas/indikatoren/" + indicatorId + "/bearbeiten")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", "Alt")
                .param("shortName", "Alt")
                .param("kind", "COUNT")
                .param("decimals", "0")
                .param("polarity", "NEUTRAL")
                .param("version", "0"))
        .andExpect(status().isConflict());
    String bad =
        mvc.perform(
                post("/nordhausen/atlas/indikatoren/" + indicatorId + "/bearbeiten")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("name", "X")
                    .param("shortName", "X")
                    .param("kind", "COUNT")
                    .param("decimals", "zwei")
                    .param("polarity", "NEUTRAL")
                    .param("version", "1"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bad).contains("Im Feld „Nachkommastellen“ steht „zwei“");
    mvc.perform(
            post("/nordhausen/atlas/indikatoren/" + indicatorId + "/bearbeiten")
                .with(logins.as("lesen"))
                .with(csrf())
                .param("name", "X")
                .param("shortName", "X")
                .param("version", "1"))
        .andExpect(status().isForbidden());
    assertThat(dsl.fetchValue("select name from indicator where id = ?", indicatorId))
        .isEqualTo("Einwohner (Test)");
  }

  @Test
  void ownPlanningAreasFromGeoJsonThroughTheWizard() throws Exception {
    String suffix = String.valueOf(System.nanoTime() % 100000);
    String geo =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"sr\":\"SR-A"
            + suffix
            + "\",\"bez\":\"Altstadt "
            + suffix
            + "\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10.78,51.50],[10.80,51.50],[10.80,51.51],"
            + "[10.78,51.51],[10.78,51.50]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"sr\":\"SR-B"
            + suffix
            + "\",\"bez\":\"Nordstadt "
            + suffix
            + "\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10.78,51.51],[10.80,51.51],[10.80,51.52],"
            + "[10.78,51.52],[10.78,51.51]]]}}]}";
    MockHttpSession session = new MockHttpSession();
    String preview =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "sozialraeume.geojson",
                            "application/geo+json",
                            geo.getBytes(StandardCharsets.UTF_8)))
                    .param("schluesselEigenschaft", "sr")
                    .param("nameEigenschaft", "bez")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("Altstadt " + suffix)
        .contains("kein amtlicher Schlüssel")
        .contains("Neue Gebiete")
        .doesNotContain("Fehler verhindern");
    assertThat(dsl.fetchCount(dsl.selectFrom("area").where("name = ?", "Altstadt " + suffix)))
        .isZero();
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview);
    assertThat(m.find()).isTrue();
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume/geometrie/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", m.group(1))
                .param("schluesselEigenschaft", "sr")
                .param("nameEigenschaft", "bez"))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchValue("select type from area where name = ?", "Altstadt " + suffix))
        .isEqualTo("SOZIALRAUM");
    assertThat(
            dsl.fetchValue(
                "select a.official_key from area a join area_geometry g on g.area_id = a.id "
                    + "where a.name = ?",
                "Nordstadt " + suffix))
        .isEqualTo("SR-B" + suffix);
  }
}
