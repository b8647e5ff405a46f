package de.lagebild.strategy.internal.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.fixtures.StrategyGenerator;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange of whole strategies: own layout export → import into an empty tenant → export is
 * identical (ids aside); re-import updates instead of duplicating; imports are one transaction;
 * background jobs; bad files.
 */
@IntegrationTest
@TestPropertySource(properties = "lagebild.import.background-from-bytes=100000")
class StrategyExchangeIntegrationTests extends DatabaseProperties {

  static final String DEMO_TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired StrategyImport imports;
  @Autowired ImportJobs jobs;
  @Autowired TenantDirectory tenants;
  @Autowired TransactionTemplate tx;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  byte[] export(String tenant, String id, String format, Object... auth) throws Exception {
    var request =
        get("/api/v1/" + tenant + "/strategies/" + id + "/export").param("format", format);
    if (auth.length == 0) {
      request.header("Authorization", DEMO_TOKEN);
    } else {
      request.with(logins.as((String) auth[0]));
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  /**
   * A new tenant without any strategy, created by the platform administrator (who administers it).
   */
  String emptyTenant() throws Exception {
    String slug = "leer-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Leerer Kreis " + slug)
                .param("slug", slug)
                .param("kind", "LANDKREIS"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "strategy s join tenant t on t.id = s.tenant_id where t.slug = '"
                        + slug
                        + "'")))
        .isZero();
    return slug;
  }

  String importFile(String tenant, String user, MockMultipartFile file, String title)
      throws Exception {
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/" + tenant + "/strategien/import")
                    .file(file)
                    .session(session)
                    .with(logins.as(user))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String location =
        mvc.perform(
                post("/" + tenant + "/strategien/import/uebernehmen")
                    .session(session)
                    .with(logins.as(user))
                    .with(csrf())
                    .param("token", token(html))
                    .param("title", title))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return location.replaceAll(".*/strategien/", "");
  }

  static String token(String html) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("preview offers the commit step").isTrue();
    return m.group(1);
  }

  /**
   * Replaces the ids of the first table by those in the same row of the second (columns ID and
   * Eltern-ID).
   */
  static List<List<String>> mapIds(List<List<String>> exported, List<List<String>> reimported) {
    assertThat(exported).hasSameSizeAs(reimported);
    Map<String, String> ids = new HashMap<>();
    for (int i = 1; i < exported.size(); i++) {
      ids.put(exported.get(i).get(0), reimported.get(i).get(0));
    }
    List<List<String>> result = new ArrayList<>();
    for (List<String> row : exported) {
      List<String> copy = new ArrayList<>(row);
      if (result.size() > 0) {
        copy.set(0, ids.getOrDefault(row.get(0), row.get(0)));
        copy.set(1, ids.getOrDefault(row.get(1), row.get(1)));
      }
      result.add(copy);
    }
    return result;
  }

  @Test
  void csvExportImportedIntoAnEmptyTenantExportsIdentically() throws Exception {
    String source = DemoData.nordhausenStrategy(dsl);
    byte[] first = export("nordhausen", source, "csv");
    String tenant = emptyTenant();
    String copy =
        importFile(
            tenant,
            "admin",
            new MockMultipartFile("file", "strategie.csv", "text/csv", first),
            "Kopie");
    byte[] second = export(tenant, copy, "csv", "admin");
    List<List<String>> a = OwnLayoutReader.Csv.parse(new String(first, UTF_8));
    List<List<String>> b = OwnLayoutReader.Csv.parse(new String(second, UTF_8));
    assertThat(a).hasSize(27 + 44 + 1);
    // the needs are the tenant's, not the strategy's: the empty tenant has none to link, so its
    // column „Bedarfe“ stays empty (the demo goals name needs, so the first export has some)
    assertThat(column(a, "Bedarfe")).anyMatch(v -> !v.isBlank());
    assertThat(column(b, "Bedarfe")).allMatch(String::isBlank);
    assertThat(withoutNeeds(mapIds(a, b))).isEqualTo(b);
    // identical files once the ids are those of the copy (and without the needs)
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    try (var csv = de.lagebild.exchange.CsvOutput.excel(expected)) {
      withoutNeeds(mapIds(a, b)).forEach(csv::row);
    }
    assertThat(new String(second, UTF_8)).isEqualTo(expected.toString(UTF_8));
    // the units named in the file now exist in the new tenant, and rounds were created with their
    // names
    assertThat(dsl.fetchCount(dsl.selectFrom("reporting_round where strategy_id = '" + copy + "'")))
        .isEqualTo(
            dsl.fetchCount(dsl.selectFrom("reporting_round where strategy_id = '" + source + "'")));
  }

  @Test
  void xlsxExportImportedIntoAnEmptyTenantExportsIdentically() throws Exception {
    String source = DemoData.nordhausenStrategy(dsl);
    byte[] first = export("nordhausen", source, "xlsx");
    String tenant = emptyTenant();
    String copy =
        importFile(
            tenant,
            "admin",
            new MockMultipartFile(
                "file",
                "strategie.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                first),
            "Kopie");
    byte[] second = export(tenant, copy, "xlsx", "admin");
    List<List<String>> a = cells(first);
    List<List<String>> b = cells(second);
    assertThat(a).hasSize(27 + 44 + 1);
    assertThat(withoutNeeds(mapIds(a, b))).isEqualTo(b);
  }

  static List<String> column(List<List<String>> table, String name) {
    int c = table.get(0).indexOf(name);
    assertThat(c).as(name).isNotNegative();
    return table.subList(1, table.size()).stream().map(r -> c < r.size() ? r.get(c) : "").toList();
  }

  /** The table with the column „Bedarfe“ emptied. */
  static List<List<String>> withoutNeeds(List<List<String>> table) {
    int c = table.get(0).indexOf("Bedarfe");
    List<List<String>> out = new ArrayList<>();
    out.add(table.get(0));
    for (List<String> row : table.subList(1, table.size())) {
      List<String> copy = new ArrayList<>(row);
      if (c < copy.size()) {
        copy.set(c, "");
      }
      out.add(copy);
    }
    return out;
  }

  /** The cells of the first sheet as text. */
  static List<List<String>> cells(byte[] xlsx) throws Exception {
    List<List<String>> out = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        out.add(cells);
      }
    }
    return out;
  }

  @Test
  void reimportingTheOwnExportChangesNothingAndAnEditedFileUpdatesInPlace() throws Exception {
    String tenant = emptyTenant();
    byte[] seed = seed();
    String id =
        importFile(
            tenant,
            "admin",
            new MockMultipartFile("file", "bericht.txt", "text/plain", seed),
            "Bericht");
    byte[] csv = export(tenant, id, "csv", "admin");
    TenantAccess access = tenants.systemAccess(tenant).orElseThrow();
    StrategyImport.Plan same =
        TenantContext.callAs(
            access,
            () -> imports.plan(imports.read(csv, "s.csv", null), UUID.fromString(id), null));
    assertThat(same.counts())
        .containsEntry(StrategyImport.ChangeKind.UNCHANGED, 71)
        .containsEntry(StrategyImport.ChangeKind.NEW, 0)
        .containsEntry(StrategyImport.ChangeKind.CHANGED, 0)
        .containsEntry(StrategyImport.ChangeKind.MISSING, 0);
    // the seed itself (no codes, matched by title) is unchanged too
    StrategyImport.Plan seedAgain =
        TenantContext.callAs(
            access,
            () -> imports.plan(imports.read(seed, "bericht.txt", null), UUID.fromString(id), null));
    assertThat(seedAgain.counts()).containsEntry(StrategyImport.ChangeKind.UNCHANGED, 71);

    // edit: one measure renamed in place (same code), one removed, one added, one assessment
    // rewritten
    String text = new String(csv, UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    int renamed = indexOf(lines, ";Maßnahme;;Maßnahme;1.1.1;");
    lines.set(
        renamed,
        lines.get(renamed).replace(";Zur weiteren Umsetzung", ";GEÄNDERT: Zur weiteren Umsetzung"));
    int removed = indexOf(lines, ";Maßnahme;;Maßnahme;1.1.2;");
    String removedLine = lines.remove(removed);
    lines.add(
        removed,
        removedLine
            .replaceFirst("^[^;]+;", "neu-1;")
            .replace(";1.1.2;", ";1.1.99;")
            .replaceFirst(
                ";Maßnahme;;Maßnahme;1.1.99;[^;]*;",
                ";Maßnahme;;Maßnahme;1.1.99;Eine neue Maßnahme;"));
    byte[] edited = (String.join("\r\n", lines) + "\r\n").getBytes(UTF_8);
    StrategyImport.Plan plan =
        TenantContext.callAs(
            access,
            () -> imports.plan(imports.read(edited, "s.csv", null), UUID.fromString(id), null));
    assertThat(plan.counts())
        .containsEntry(StrategyImport.ChangeKind.NEW, 1)
        .containsEntry(StrategyImport.ChangeKind.CHANGED, 1)
        .containsEntry(StrategyImport.ChangeKind.MISSING, 1)
        .containsEntry(StrategyImport.ChangeKind.UNCHANGED, 69);
    assertThat(plan.changes())
        .filteredOn(c -> c.kind() == StrategyImport.ChangeKind.CHANGED)
        .singleElement()
        .satisfies(c -> assertThat(c.fields()).containsExactly("Titel"));

    // the comparison page shows the same, then the commit applies it
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/" + tenant + "/strategien/import")
                    .session(session)
                    .file(new MockMultipartFile("file", "s.csv", "text/csv", edited))
                    .with(logins.as("admin"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String compare =
        mvc.perform(
                post("/" + tenant + "/strategien/import/abgleich")
                    .session(session)
                    .with(logins.as("admin"))
                    .with(csrf())
                    .param("token", token(html))
                    .param("strategy", id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(compare)
        .contains("Fehlt in der Datei")
        .contains("Eine neue Maßnahme")
        .contains("GEÄNDERT");
    mvc.perform(
            post("/" + tenant + "/strategien/import/uebernehmen")
                .session(session)
                .with(logins.as("admin"))
                .with(csrf())
                .param("token", token(compare))
                .param("strategy", id))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'")))
        .isEqualTo(45);
    assertThat(
            dsl.fetchValue("select title from measure where strategy_id = ? and code = '1.1.1'", id)
                .toString())
        .startsWith("GEÄNDERT");
    assertThat(
            dsl.fetchValue(
                    "select count(*) from measure where strategy_id = ? and code = '1.1.99'", id)
                .toString())
        .isEqualTo("1");
    assertThat(
            dsl.fetchValue(
                    "select version from measure where strategy_id = ? and code = '1.1.1'", id)
                .toString())
        .isEqualTo("1");
    // another tenant's script cannot aim its import at this strategy
    int measures = dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'"));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(new MockMultipartFile("file", "s.csv", "text/csv", edited))
                .param("strategy", id)
                .param("dryRun", "false")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isNotFound());
    assertThat(dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'")))
        .isEqualTo(measures);
  }

  /**
   * Every field of a goal agreement arrives in every export (issue 15): the form layout with its
   * other wordings imported through the API, then the JSON export with internal fields, the CSV and
   * the XLSX each carry start, end, costs, partners, target groups, responsible and indicator.
   */
  @Test
  void everyImportedFieldOfAGoalAgreementIsInEveryExportFormat() throws Exception {
    byte[] form;
    try (InputStream in =
        StrategyExchangeIntegrationTests.class.getResourceAsStream(
            "/imports/zielvereinbarung-formular.txt")) {
      form = in.readAllBytes();
    }
    String answer =
        mvc.perform(
                multipart("/api/v1/nordhausen/strategy-imports")
                    .file(new MockMultipartFile("file", "zielvereinbarung.txt", "text/plain", form))
                    .param("dryRun", "false")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = Pattern.compile("\"strategyId\":\"([0-9a-f-]{36})\"").matcher(answer);
    assertThat(m.find()).as(answer).isTrue();
    String id = m.group(1);
    List<String> expected =
        List.of(
            "Berufsorientierung an allen Regelschulen",
            "Jugendberufsagentur",
            "Schülerinnen und Schüler der Klassen 7 bis 10",
            "01.02.2024",
            "31.07.2026",
            "45.000 € jährlich",
            "Agentur für Arbeit, Schulamt",
            "Zahl der Patenschaften",
            "09/2024",
            "fortlaufend",
            "Landesprogramm „Übergänge“");
    String json =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "json")
                    .param("internal", "true")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    assertThat(json)
        .contains("\"start\":\"01.02.2024\"")
        .contains("\"end\":\"31.07.2026\"")
        .contains("\"costs\":\"45.000 € jährlich\"")
        .contains("\"partners\":\"Agentur für Arbeit, Schulamt\"")
        .contains("Zeitraum: 01.02.2024 – 31.07.2026")
        .contains("Kosten: 45.000 € jährlich")
        .doesNotContain("Unterschrift");
    String csv =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "csv")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    byte[] xlsx =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "xlsx")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    StringBuilder cells = new StringBuilder();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter f = new DataFormatter();
      for (Row r : book.getSheetAt(0)) {
        r.forEach(c -> cells.append(f.formatCellValue(c)).append('\n'));
      }
    }
    // the report as DOCX and PDF with the internal fields
    byte[] docx =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "docx")
                    .param("internal", "true")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String docxText;
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      docxText = extractor.getText();
    }
    byte[] pdf =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "pdf")
                    .param("internal", "true")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String pdfText;
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      pdfText =
          new org.apache.pdfbox.text.PDFTextStripper()
              .getText(doc)
              .replace("\u00ad", "")
              .replaceAll("-\\R", "")
              .replaceAll("\\s+", " ");
    }
    for (String value : expected) {
      assertThat(json).as("JSON: " + value).contains(value);
      assertThat(csv).as("CSV: " + value).contains(value);
      assertThat(cells.toString()).as("XLSX: " + value).contains(value);
      assertThat(docxText.replaceAll("\\s+", " ")).as("DOCX: " + value).contains(value);
      assertThat(pdfText).as("PDF: " + value).contains(value.replaceAll("\\s+", " "));
    }
  }

  /** A tenant's own label spellings (issue 15): saved through the API, used by the next import. */
  @Test
  void ownLabelSpellingsAreSavedAndUsed() throws Exception {
    String text =
        "Handlungsfeld 1: Eigene Bezeichnungen\nZiel 1.1\tZiel mit eigener Angabe\n"
            + "Maßnahme 1.1.1\tMaßnahme mit Dezernat\nZuständiges Dezernat\tDezernat II\n";
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(new MockMultipartFile("file", "z.txt", "text/plain", text.getBytes(UTF_8)))
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.problems[0].code")
                .value("import.unknownLabel"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/nordhausen/import-labels")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"own\":{\"Zuständiges Dezernat\":\"Nicht-Feld\"}}")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/nordhausen/import-labels")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"own\":{\"Zuständiges Dezernat\":\"Verantwortlich\"}}")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.own['Zuständiges Dezernat']")
                .value("Verantwortlich"));
    String answer =
        mvc.perform(
                multipart("/api/v1/nordhausen/strategy-imports")
                    .file(
                        new MockMultipartFile("file", "z.txt", "text/plain", text.getBytes(UTF_8)))
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    assertThat(answer).doesNotContain("import.unknownLabel").contains("Dezernat II");
    assertThat(answer).contains("\"Verantwortlich\":\"Dezernat II\"");
    // another district does not have them
    mvc.perform(get("/api/v1/saalfeld-rudolstadt/import-labels").with(logins.as("sr-admin")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.own")
                .isEmpty());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/nordhausen/import-labels")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"own\":{}}")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk());
  }

  static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + part);
  }

  static byte[] seed() throws Exception {
    try (InputStream in =
        StrategyExchangeIntegrationTests.class.getResourceAsStream(
            "/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt")) {
      return in.readAllBytes();
    }
  }

  @Test
  void anImportThatFailsHalfwayWritesNothing() throws Exception {
    String tenant = emptyTenant();
    TenantAccess access = tenants.systemAccess(tenant).orElseThrow();
    int goals = dsl.fetchCount(dsl.selectFrom("goal"));
    int units = dsl.fetchCount(dsl.selectFrom("responsible_unit"));
    StrategyImport.ProgressListener dies =
        new StrategyImport.ProgressListener() {
          @Override
          public void total(int n) {}

          @Override
          public void done(int n) {
            if (n == 50) {
              throw new IllegalStateException("process killed");
            }
          }
        };
    byte[] csv = export("nordhausen", DemoData.nordhausenStrategy(dsl), "csv");
    assertThatThrownBy(
            () ->
                TenantContext.callAs(
                    access,
                    () ->
                        imports.commit(
                            csv,
                            "s.csv",
                            null,
                            new StrategyImport.Target(null, "Abbruch", null, null),
                            dies)))
        .hasMessageContaining("killed");
    assertThat(dsl.fetchCount(dsl.selectFrom("goal"))).isEqualTo(goals);
    assertThat(dsl.fetchCount(dsl.selectFrom("responsible_unit"))).isEqualTo(units);
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy where title = 'Abbruch'"))).isZero();
  }

  @Test
  void aJobLeftRunningByACrashIsFailed() {
    String tenantId = dsl.fetchValue("select id from tenant where slug = 'nordhausen'").toString();
    UUID crashed = UUID.randomUUID();
    UUID alive = UUID.randomUUID();
    long now = System.currentTimeMillis();
    // crashed: its instance stopped writing its heartbeat two minutes ago
    runningJob(tenantId, crashed, now - 120_000);
    // alive: another instance wrote its heartbeat a moment ago
    runningJob(tenantId, alive, now - 2_000);
    jobs.failInterrupted();
    assertThat(dsl.fetchValue("select state from background_job where id = ?", crashed.toString()))
        .isEqualTo("FAILED");
    assertThat(
            dsl.fetchValue("select message from background_job where id = ?", crashed.toString())
                .toString())
        .containsAnyOf("beendet", "nicht mehr antwortet");
    // SQLite serves one instance: at its start every RUNNING job was cut off; on PostgreSQL a job
    // with a fresh heartbeat runs elsewhere and is left alone – until its heartbeat is old
    assertThat(dsl.fetchValue("select state from background_job where id = ?", alive.toString()))
        .isEqualTo(TestDatabase.isPostgres() ? "RUNNING" : "FAILED");
    if (TestDatabase.isPostgres()) {
      dsl.execute(
          "update background_job set heartbeat_at = ? where id = ?",
          now - 61_000,
          alive.toString());
      assertThat(jobs.failAbandoned()).isEqualTo(1);
      assertThat(dsl.fetchValue("select state from background_job where id = ?", alive.toString()))
          .isEqualTo("FAILED");
    }
  }

  private void runningJob(String tenantId, UUID id, long heartbeat) {
    dsl.insertInto(org.jooq.impl.DSL.table("background_job"))
        .set(org.jooq.impl.DSL.field("tenant_id", String.class), tenantId)
        .set(org.jooq.impl.DSL.field("id", String.class), id.toString())
        .set(org.jooq.impl.DSL.field("kind", String.class), "STRATEGY_IMPORT")
        .set(org.jooq.impl.DSL.field("state", String.class), "RUNNING")
        .set(
            org.jooq.impl.DSL.field("started_at", de.lagebild.platform.Types.INSTANT),
            java.time.Instant.now().minusSeconds(180))
        .set(org.jooq.impl.DSL.field("heartbeat_at", Long.class), heartbeat)
        .execute();
  }

  @Test
  void docxKeyValueAndBadFilesThroughTheWizard() throws Exception {
    String tenant = emptyTenant();
    byte[] docx;
    try (InputStream in =
        getClass().getResourceAsStream("/imports/libreoffice-bericht-zielerreichung-2022.docx")) {
      docx = in.readAllBytes();
    }
    String id =
        importFile(
            tenant,
            "admin",
            new MockMultipartFile("file", "bericht.docx", "application/octet-stream", docx),
            "Aus Word");
    assertThat(dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'")))
        .isEqualTo(44);
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "assessment a join measure m on m.id = a.measure_id "
                        + "where m.strategy_id = '"
                        + id
                        + "'")))
        .isEqualTo(44);
    byte[] keyValue;
    try (InputStream in = getClass().getResourceAsStream("/imports/zielvereinbarung.txt")) {
      keyValue = in.readAllBytes();
    }
    String kv =
        importFile(
            tenant,
            "admin",
            new MockMultipartFile("file", "ziele.txt", "text/plain", keyValue),
            "Zielvereinbarung");
    assertThat(dsl.fetchValue("select level_names from strategy where id = ?", kv).toString())
        .contains("Handlungsfeld")
        .contains("Ziel");
    assertThat(
            dsl.fetchValue(
                "select start_text from measure where strategy_id = ? and code = '1.1.1'", kv))
        .isEqualTo("III. Quartal 2021");
    assertThat(
            dsl.fetchValue(
                "select value from node_extra_field where strategy_id = ? and label = ?",
                kv,
                "Ansprechpartner"))
        .isEqualTo("Frau Beispiel, Tel. 03631 000000");
    // the measure page shows the extra field
    String measureId =
        dsl.fetchValue("select id from measure where strategy_id = ? and code = '1.1.1'", kv)
            .toString();
    String page =
        mvc.perform(
                get("/" + tenant + "/strategien/" + kv + "/massnahmen/" + measureId)
                    .with(logins.as("admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Ansprechpartner").contains("Frau Beispiel");

    int strategies = dsl.fetchCount(dsl.selectFrom("strategy"));
    byte[] noTables = ImportReadersTests.generatedDocx(false);
    String html =
        mvc.perform(
                multipart("/" + tenant + "/strategien/import")
                    .file(
                        new MockMultipartFile(
                            "file", "leer.docx", "application/octet-stream", noTables))
                    .with(logins.as("admin"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("enthält keine Tabelle").doesNotContain("name=\"token\"");
    mvc.perform(
            multipart("/" + tenant + "/strategien/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "bombe.docx",
                        "application/octet-stream",
                        ImportReadersTests.zipBomb("word/document.xml")))
                .with(logins.as("admin"))
                .with(csrf())
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent())
        .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("Zip-Bombe")));
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(strategies);
  }

  @Test
  void largeFilesRunAsJobsWithProgress() throws Exception {
    String tenant = emptyTenant();
    byte[] big = StrategyGenerator.tableFormat(400, 1);
    assertThat(big.length).isGreaterThan(100_000);
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/" + tenant + "/strategien/import")
                    .session(session)
                    .file(new MockMultipartFile("file", "gross.txt", "text/plain", big))
                    .with(logins.as("admin"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("im Hintergrund");
    String location =
        mvc.perform(
                post("/" + tenant + "/strategien/import/uebernehmen")
                    .session(session)
                    .with(logins.as("admin"))
                    .with(csrf())
                    .param("token", token(html))
                    .param("title", "Groß"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).contains("/strategien/import/auftraege/");
    String state =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> {
                  String s =
                      mvc.perform(get(location + "/fortschritt").with(logins.as("admin")))
                          .andExpect(status().isOk())
                          .andReturn()
                          .getResponse()
                          .getContentAsString();
                  assertThat(s).doesNotContain("fehlgeschlagen");
                  return s;
                },
                s -> s.contains("abgeschlossen"));
    assertThat(state).contains("abgeschlossen").contains("Zur Strategie");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "measure m join strategy s on s.id = m.strategy_id "
                        + "where s.title = 'Groß'")))
        .isEqualTo(400);
    // another tenant cannot see the job
    mvc.perform(get(location.replace("/" + tenant + "/", "/nordhausen/")).with(logins.as("admin")))
        .andExpect(status().isNotFound());
  }
}
