package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every CSV export disarms text that a spreadsheet would run as a formula – names come from
 * imports, providers and GIS files: the strategy table, the offers' access counts and the atlas
 * values.
 */
@IntegrationTest
class CsvExportIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;

  String body(ResultActions r) throws Exception {
    var result = r.andReturn();
    if (result.getRequest().isAsyncStarted()) {
      // a streamed answer (values as CSV) ends in an async dispatch
      return new String(
          mvc.perform(
                  org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                      result))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray(),
          StandardCharsets.UTF_8);
    }
    return new String(
        r.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
        StandardCharsets.UTF_8);
  }

  @Test
  void theStrategyTableDisarmsFormulas() throws Exception {
    String title = "Formel " + UUID.randomUUID().toString().substring(0, 6);
    String text =
        "Handlungsfeld 1: Test\nZiel 1.1\t=HYPERLINK(\"http://example.org\";\"klick\")\n\n"
            + "Maßnahme 1.1.1\t@SUMME(A1)\nVerantwortlich\t-Jugendamt\n";
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(
                    new MockMultipartFile(
                        "file", "f.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .param("strategy", title)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    String id = String.valueOf(dsl.fetchValue("select id from strategy where title = ?", title));
    String csv =
        body(
            mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "csv")
                    .header("Authorization", TOKEN)));
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://example.org\"\";\"\"klick\"\")\"")
        .contains(";'@SUMME(A1);")
        .contains(";'-Jugendamt;")
        .doesNotContain(";=HYPERLINK")
        .doesNotContain(";@SUMME");
  }

  @Test
  void theAccessCountsDisarmOfferNamesFromProviders() throws Exception {
    String offer =
        String.valueOf(
            dsl.fetchValue(
                "select o.id from offer o join tenant t on t.id = o.tenant_id "
                    + "where t.slug = 'nordhausen' order by o.name limit 1"));
    dsl.execute("update offer set name = '=1+2 Formelangebot' where id = ?", offer);
    String csv =
        body(
            mvc.perform(
                get("/nordhausen/angebote/verwaltung/aufrufe.csv")
                    .with(new Logins(userDetails).as("koordination"))));
    assertThat(csv).contains("\n'=1+2 Formelangebot;").doesNotContain("\n=1+2");
  }

  @Test
  void theAtlasValuesDisarmAreaNamesFromGeometryFiles() throws Exception {
    String geo =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"ARS\":\"16062099\",\"GEN\":\"=1+2\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[10.7,51.5],[10.71,51.5],[10.71,51.51],[10.7,51.51],[10.7,51.5]]]}}]}";
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "g.geojson",
                        "application/geo+json",
                        geo.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    String values = "Schlüssel;Indikator;Zeitraum;Wert\n16062099;Formeltest;2020;-4,5\n";
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "w.csv", "text/csv", values.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    String csv =
        body(
            mvc.perform(
                get("/api/v1/nordhausen/values")
                    .param("format", "csv")
                    .param(
                        "area",
                        String.valueOf(
                            dsl.fetchValue("select id from area where official_key = '16062099'")))
                    .header("Authorization", TOKEN)));
    assertThat(csv).contains(";16062099;'=1+2;2020;-4,5;;").doesNotContain(";=1+2;");
  }
}
