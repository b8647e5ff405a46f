package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The GENESIS flat file (also zipped), wide sheets with a column mapping saved and reused for next
 * year's file, and large statistics imports as background jobs.
 */
@IntegrationTest
class AtlasFormatsIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static byte[] bytes(String name) throws Exception {
    try (InputStream in =
        AtlasFormatsIntegrationTests.class.getResourceAsStream("/atlas/" + name)) {
      return in.readAllBytes();
    }
  }

  int values(String indicatorName) {
    return dsl.fetchCount(
        dsl.selectFrom(
            "indicator_value v join indicator i on i.id = v.indicator_id "
                + "join tenant t on t.id = v.tenant_id where t.slug = 'nordhausen' and i.name = '"
                + indicatorName
                + "'"));
  }

  @Test
  void aZippedGenesisFlatFileThroughTheApi() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("12411-0015_de_flat.csv"));
      out.write(bytes("genesis-ffcsv-12411-0015_flat.csv"));
      out.closeEntry();
    }
    MockMultipartFile file =
        new MockMultipartFile(
            "file", "12411-0015_de_flat.zip", "application/zip", zip.toByteArray());
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("flat"))
        .andExpect(jsonPath("$.table").value("12411"))
        .andExpect(jsonPath("$.columns.length()").value(2))
        .andExpect(jsonPath("$.areasMatched").value(5))
        .andExpect(jsonPath("$.unknownAreas[0]").value("1 Schleswig-Holstein"))
        .andExpect(
            jsonPath(
                "$.problems[?(@.code == 'atlas.leadingZero')].message",
                hasItem(containsString("1 → 01"))));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.values").value(10));
    // the English flat file of the same table lands on the same indicators (variable codes)
    int indicators = dsl.fetchCount(dsl.selectFrom("indicator"));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "12411-0015_en_flat.csv",
                        "text/csv",
                        bytes("genesis-ffcsv-12411-0015_flat_en.csv")))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.values").value(10));
    assertThat(dsl.fetchCount(dsl.selectFrom("indicator"))).isEqualTo(indicators);
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "indicator_value v join area a on a.id = v.area_id join tenant t on t.id ="
                        + " a.tenant_id where t.slug = 'nordhausen' and a.official_key = '16062'"
                        + " and v.period = '2020-12-31' and v.value in (40500, 42200)")))
        .isEqualTo(2);
    // (a column may feed an indicator an earlier test created with the same short name)
    assertThat(
            dsl.fetchValue(
                "select v.flags from indicator_value v join area a on a.id = v.area_id "
                    + "join tenant t on t.id = a.tenant_id where t.slug = 'nordhausen' and a.official_key = '16056' "
                    + "and v.period = '2020-12-31' and v.value = 20100"))
        .isEqualTo("p");
  }

  @Test
  void aWideSheetMappedOnceAndNextYearsFileWithTheSavedMapping() throws Exception {
    String name = "Einwohner je Kreis " + System.nanoTime();
    MockHttpSession session = new MockHttpSession();
    MockMultipartFile first =
        new MockMultipartFile(
            "file", "einwohner.csv", "text/csv", bytes("wide-einwohner-je-jahr.csv"));
    String html =
        mvc.perform(
                multipart("/nordhausen/atlas/import")
                    .file(first)
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Breite Tabelle")
        .contains("Leere Zelle für 16056 Eisenach")
        .doesNotContain("Fehler verhindern");
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    // all three year columns feed one new indicator; the mapping is saved under a name
    mvc.perform(
            post("/nordhausen/atlas/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", m.group(1))
                .param("spalte-2", "neu")
                .param("spalte-3", "neu")
                .param("spalte-4", "neu")
                .param("speichernAls", name))
        .andExpect(status().is3xxRedirection());
    String code =
        dsl.fetchValue(
                "select code from indicator where name = 'Werte je Jahr' "
                    + "order by created_at desc limit 1")
            .toString();
    int before = dsl.fetchCount(dsl.selectFrom("indicator"));
    long written =
        dsl.fetchCount(
            dsl.selectFrom(
                "indicator_value v join indicator i on i.id = v.indicator_id "
                    + "where i.code = '"
                    + code
                    + "'"));
    assertThat(written).isEqualTo(11);
    String mappingId =
        dsl.fetchValue("select id from column_mapping where name = ?", name).toString();
    // next year: 2022 is new, 2019 gone; the saved mapping maps every year column to the same
    // indicator
    String next =
        "Schlüssel;Kreis;2021;2022\n16051;Erfurt, Stadt;213.227;214.000\n16063;Wartburgkreis;158.000;157.500\n";
    MockHttpSession session2 = new MockHttpSession();
    String html2 =
        mvc.perform(
                multipart("/nordhausen/atlas/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "einwohner-2022.csv",
                            "text/csv",
                            next.getBytes(StandardCharsets.UTF_8)))
                    .param("zuordnung", mappingId)
                    .session(session2)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html2).contains(name);
    Matcher selected =
        Pattern.compile("<option value=\"" + Pattern.quote(code) + "\" selected=\"selected\"")
            .matcher(html2);
    int count = 0;
    while (selected.find()) {
      count++;
    }
    assertThat(count).isEqualTo(2);
    Matcher m2 = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html2);
    assertThat(m2.find()).isTrue();
    mvc.perform(
            post("/nordhausen/atlas/import/uebernehmen")
                .session(session2)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", m2.group(1))
                .param("spalte-2", code)
                .param("spalte-3", code))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchCount(dsl.selectFrom("indicator"))).isEqualTo(before);
    assertThat(
            dsl.fetchValue(
                    "select v.value from indicator_value v join indicator i on i.id = v.indicator_id "
                        + "join area a on a.id = v.area_id where i.code = '"
                        + code
                        + "' and a.official_key = '16063' "
                        + "and v.period = '2022'")
                .toString())
        .startsWith("157500");
    // the API applies the saved mapping by name
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "n.csv", "text/csv", next.getBytes(StandardCharsets.UTF_8)))
                .param("savedMapping", name)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("wide"))
        .andExpect(jsonPath("$.columns[0].indicator").value("Werte je Jahr"))
        .andExpect(jsonPath("$.columns[0].create").value(false))
        .andExpect(jsonPath("$.columns[1].create").value(false));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "n.csv", "text/csv", next.getBytes(StandardCharsets.UTF_8)))
                .param("savedMapping", "gibt es nicht")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Spaltenzuordnung")));
  }

  @Test
  void aWideSheetPerIndicatorNeedsItsPeriod() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile("file", "w.csv", "text/csv", bytes("wide-je-indikator.csv"));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Zeitraum")));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .param("period", "2023")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.columns.length()").value(2))
        .andExpect(jsonPath("$.values").value(4))
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.wideTextColumn')].field").value("Hinweis"));
  }

  @Test
  void aLargeFileRunsAsABackgroundJobWithProgress() throws Exception {
    // just over the 1 MB threshold: 2,000 rows with a long name column
    String indicator = "hintergrund-" + System.nanoTime();
    StringBuilder csv = new StringBuilder("Schlüssel;Name;Indikator;Zeitraum;Wert\n");
    String padding = "x".repeat(520);
    for (int i = 0; i < 2000; i++) {
      csv.append("16062;Nordhausen ")
          .append(padding)
          .append(';')
          .append(indicator)
          .append(';')
          .append(1000 + i)
          .append(';')
          .append(i)
          .append(",5\n");
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(1_000_000);
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/nordhausen/atlas/import")
                    .file(new MockMultipartFile("file", "gross.csv", "text/csv", bytes))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("im Hintergrund");
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    String location =
        mvc.perform(
                post("/nordhausen/atlas/import/uebernehmen")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("token", m.group(1)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/nordhausen/atlas/import/auftraege/");
    String page =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    mvc.perform(get(location + "/fortschritt").with(logins.as("koordination")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                p -> p.contains("abgeschlossen") || p.contains("fehlgeschlagen"));
    assertThat(page).contains("abgeschlossen").contains("2.000 Werte übernommen");
    assertThat(values(indicator)).isEqualTo(2000);
    // the job is listed on the import page and not visible to another tenant's coordinator
    assertThat(
            mvc.perform(get("/nordhausen/atlas/import").with(logins.as("koordination")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("gross.csv");
  }
}
