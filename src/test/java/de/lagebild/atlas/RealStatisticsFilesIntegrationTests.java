package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.IntegrationTest;
import de.lagebild.support.TestDatabase;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Official tables as they are downloaded (issue 15). Dissolved and merged areas (item 1): special
 * values for periods in which an area did not exist are skipped with a note, a period that overlaps
 * the validity is the area's, and a real number outside the validity is reported per row – skipped,
 * or booked on the successor – without blocking the other rows. On the real Regionaldatenbank table
 * 13211-02-05-4 (Göttingen and Osterode merged on 1 November 2016) and on a fixture after the
 * layout of 12411 (Eisenach after 1 July 2021). Row dimensions and periods above the header (items
 * 2 and 3): the real tables 22411-02-03-4 (Geschlecht) and 13111-07-05-4 (Stichtag above the
 * header, Wirtschaftszweig). A database of its own: the tests add areas and indicators.
 */
@IntegrationTest
class RealStatisticsFilesIntegrationTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService userDetails;

  static MockMultipartFile file(String resource, String name) throws Exception {
    try (InputStream in = RealStatisticsFilesIntegrationTests.class.getResourceAsStream(resource)) {
      return new MockMultipartFile("file", name, "text/csv", in.readAllBytes());
    }
  }

  String tenant() {
    return String.valueOf(dsl.fetchValue("select id from tenant where slug = 'nordhausen'"));
  }

  String area(String type, String name, String key, LocalDate from, LocalDate to) {
    String id = UUID.randomUUID().toString();
    dsl.execute(
        "insert into area (tenant_id, id, type, name, official_key, valid_from, valid_to, version,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)",
        tenant(),
        id,
        type,
        name,
        key,
        from,
        to,
        Timestamp.from(Instant.now()));
    return id;
  }

  /** The numbers stored for an area and period, as plain text („7896“). */
  List<String> values(String key, String period) {
    return dsl
        .fetch(
            "select v.value from indicator_value v join area a on a.id = v.area_id "
                + "where a.tenant_id = ? and a.official_key = ? and v.period = ? "
                + "and v.value is not null",
            tenant(),
            key,
            period)
        .getValues(0, BigDecimal.class)
        .stream()
        .map(v -> v.stripTrailingZeros().toPlainString())
        .toList();
  }

  int rows(String key, String period) {
    return dsl.fetchCount(
        dsl.selectFrom(
            "indicator_value v join area a on a.id = v.area_id where a.tenant_id = '"
                + tenant()
                + "' and a.official_key = '"
                + key
                + "' and v.period = '"
                + period
                + "'"));
  }

  @Test
  void aRealTableWithMergedKreiseImportsWhole() throws Exception {
    area("LAND", "Niedersachsen", "03", null, null);
    String old = area("KREIS", "Göttingen (bis 2016)", "03152", null, LocalDate.of(2016, 10, 31));
    String osterode = area("KREIS", "Osterode am Harz", "03156", null, LocalDate.of(2016, 10, 31));
    String merged = area("KREIS", "Göttingen", "03159", LocalDate.of(2016, 11, 1), null);
    for (String p : List.of(old, osterode)) {
      dsl.execute(
          "insert into area_successor (tenant_id, predecessor_id, successor_id, effective_on,"
              + " weight) values (?, ?, ?, ?, 1)",
          tenant(),
          p,
          merged,
          LocalDate.of(2016, 11, 1));
    }
    // the table as downloaded: all German Kreise 2015-2020, Windows-1252
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file("/demo/atlas/statistics/13211-02-05-4.csv", "13211-02-05-4.csv"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty())
        .andExpect(jsonPath("$.summary.values").isNumber())
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.outsideValiditySkipped')].message")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("Göttingen"))));
    // before the merger: the old Kreise; the new one has no 2015 row (its "-" skipped)
    assertThat(values("03152", "2015")).contains("7896");
    assertThat(values("03156", "2015")).contains("2342");
    assertThat(rows("03159", "2015")).isZero();
    // 2016 overlaps both: the new Kreis has its figures, the old ones keep their "-" as theirs
    assertThat(values("03159", "2016")).contains("10098");
    assertThat(values("03152", "2016")).isEmpty();
    assertThat(rows("03152", "2016")).isPositive();
    // after the merger: nothing for the old Kreise, the new one's figures
    assertThat(rows("03152", "2017")).isZero();
    assertThat(values("03159", "2020")).contains("10568");
    // the Thuringian rows of the same file arrive as well
    assertThat(values("16062", "2020")).isNotEmpty();
  }

  @Test
  void aNumberAfterTheMergerIsReportedAndSkippedOrBookedOnTheSuccessor() throws Exception {
    MockMultipartFile fixture =
        file("/atlas/genesis-12411-eisenach-after-merger.csv", "eisenach.csv");
    // preview: no error, the specials of 2021 skipped with a note, each number reported per row
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(fixture)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty())
        .andExpect(jsonPath("$.problems[?(@.code == 'atlas.outsideValiditySkipped')]").isNotEmpty())
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.outsideValidity')].line")
                .value(org.hamcrest.Matchers.hasItems(10, 12)));
    // commit as proposed: the good rows arrive, Eisenach's numbers do not
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(fixture)
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.values").isNumber());
    assertThat(values("16062", "2022-12-31")).contains("81800");
    assertThat(rows("16056", "2022-12-31")).isZero();
    assertThat(rows("16063", "2022-12-31")).isZero();
    // again, booked on the successor: 2022 goes to the Wartburgkreis; 2023 does not, because
    // the file has the Wartburgkreis' own figure for 2023 – the file's own figure wins
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(fixture)
                .param("dryRun", "false")
                .param("toSuccessor", "true")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@.code == 'atlas.successorHasOwnValue')]").isNotEmpty());
    assertThat(values("16063", "2022-12-31")).contains("42100");
    assertThat(values("16063", "2023-12-31")).contains("157500").doesNotContain("42000");
    assertThat(rows("16056", "2022-12-31")).isZero();
  }

  @Test
  void rowDimensionsAndAPeriodAboveTheHeaderImportAsDownloaded() throws Exception {
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file("/atlas/real/22411-02-03-4.csv", "22411-02-03-4.csv"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty())
        .andExpect(jsonPath("$.columns.length()").value(27))
        .andExpect(
            jsonPath("$.columns[*].label")
                .value(org.hamcrest.Matchers.hasItem("Pflegebedürftige – weiblich")));
    assertThat(values("16062", "2019-12-31")).contains("2548", "3820", "6368");
    // the next download of the same table lands on the same indicators (item 6): the preview
    // proposes the existing ones, a second commit creates none
    int indicators = dsl.fetchCount(dsl.selectFrom("indicator"));
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file("/atlas/real/22411-02-03-4.csv", "22411-02-03-4.csv"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.table").value("22411-02-03-4"))
        .andExpect(jsonPath("$.columns[?(@.create == true)]").isEmpty())
        .andExpect(jsonPath("$.summary.indicatorsCreated").value(0));
    assertThat(dsl.fetchCount(dsl.selectFrom("indicator"))).isEqualTo(indicators);
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file("/atlas/real/13111-07-05-4_2020.csv", "13111-07-05-4_2020.csv"))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty());
    assertThat(values("16062", "2020-06-30")).contains("447");
    // never two rows on the same indicator, area and period
    assertThat(
            dsl.fetchCount(
                dsl.select(
                        org.jooq.impl.DSL.field("indicator_id"),
                        org.jooq.impl.DSL.field("area_id"),
                        org.jooq.impl.DSL.field("period"))
                    .from("indicator_value")
                    .groupBy(
                        org.jooq.impl.DSL.field("indicator_id"),
                        org.jooq.impl.DSL.field("area_id"),
                        org.jooq.impl.DSL.field("period"))
                    .having(org.jooq.impl.DSL.count().gt(1))))
        .isZero();
  }

  /** Levels by key (item 4): a key in the file always wins over a name of another level. */
  @Test
  void aKeyAlwaysWinsOverANameOfAnotherLevel() throws Exception {
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file("/atlas/levels-by-key.csv", "levels.csv"))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        // the Kreis by its key, Nordhausen by its name (no key) – nothing else
        .andExpect(jsonPath("$.areasMatched").value(2))
        .andExpect(
            jsonPath("$.unknownAreas")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "16072011 Sonneberg, Stadt", "16051000 Erfurt, Stadt")))
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.matchedByName')].message")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("Nordhausen"))));
  }

  /**
   * Per-row problems never hide good rows (item 7): with an error in one row, the valid rows can be
   * imported on request and the problems downloaded as a list; without the request nothing is
   * written.
   */
  @Test
  void validRowsImportOnRequestAndTheProblemsDownload() throws Exception {
    MockMultipartFile file = file("/atlas/long-alq.csv", "long-alq.csv");
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent());
    assertThat(values("16073", "2020")).doesNotContain("6.1");
    mvc.perform(
            multipart("/api/v1/nordhausen/indicator-imports")
                .file(file)
                .param("dryRun", "false")
                .param("skipInvalid", "true")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.skippedRows").value(1));
    assertThat(values("16073", "2020")).contains("6.1");
    // the wizard: preview, then the list of problems as CSV
    org.springframework.mock.web.MockHttpSession session =
        new org.springframework.mock.web.MockHttpSession();
    de.lagebild.support.Logins logins = new de.lagebild.support.Logins(userDetails);
    String html =
        mvc.perform(
                multipart("/nordhausen/atlas/import")
                    .file(file)
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Nur die gültigen Zeilen übernehmen").contains("In 1 Zeilen");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).isTrue();
    String csv =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/nordhausen/atlas/import/hinweise")
                    .param("token", token.group(1))
                    .session(session)
                    .with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains("Zeile;Feld;Art;Hinweis").contains("7;Zeitraum;Fehler");
  }

  /**
   * Unknown areas (item 5): the real 13211-02-05-4 lists all German Kreise; the wizard offers to
   * create the missing ones from the file's keys and names, with level and parent from the key. In
   * the other demo tenant, so that the areas of the other tests stay as they are.
   */
  @Test
  void missingAreasAreCreatedFromTheFilesKeys() throws Exception {
    org.springframework.mock.web.MockHttpSession session =
        new org.springframework.mock.web.MockHttpSession();
    de.lagebild.support.Logins logins = new de.lagebild.support.Logins(userDetails);
    String html =
        mvc.perform(
                multipart("/saalfeld-rudolstadt/atlas/import")
                    .file(file("/demo/atlas/statistics/13211-02-05-4.csv", "13211-02-05-4.csv"))
                    .session(session)
                    .with(logins.as("sr-koordination"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).containsPattern("Die \\d{3} fehlenden Gebiete");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).isTrue();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/saalfeld-rudolstadt/atlas/import/uebernehmen")
                .param("token", token.group(1))
                .param("gebieteAnlegen", "true")
                .session(session)
                .with(logins.as("sr-koordination"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    String sr =
        String.valueOf(dsl.fetchValue("select id from tenant where slug = 'saalfeld-rudolstadt'"));
    // München (09162) as a Kreis under Bayern (09), with its unemployment of 2020
    var muenchen =
        dsl.fetchOne(
            "select a.id, a.type, p.official_key from area a left join area p on p.id = a.parent_id"
                + " where a.tenant_id = ? and a.official_key = '09162'",
            sr);
    assertThat(muenchen).isNotNull();
    assertThat(muenchen.get(1, String.class)).isEqualTo("KREIS");
    assertThat(muenchen.get(2, String.class)).isEqualTo("09");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "indicator_value where tenant_id = '"
                        + sr
                        + "' and area_id = '"
                        + muenchen.get(0, String.class)
                        + "' and period = '2020' and value is not null")))
        .isPositive();
    // each created area is in the audit log
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "audit_event where tenant_id = '"
                        + sr
                        + "' and summary like 'Gebiet aus Statistikdatei angelegt: 09162%'")))
        .isEqualTo(1);
  }
}
