package de.lagebild.strategy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Scripts with personal API tokens: the import API (dry run and commit) and the export, scoped to
 * one tenant.
 */
@IntegrationTest
class StrategyApiIntegrationTests extends DatabaseProperties {

  static final String DEMO_TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static MockMultipartFile seed() throws Exception {
    try (InputStream in =
        StrategyApiIntegrationTests.class.getResourceAsStream(
            "/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt")) {
      return new MockMultipartFile("file", "bericht.txt", "text/plain", in.readAllBytes());
    }
  }

  @Test
  void aDryRunAnswersTheTreeAndWritesNothing() throws Exception {
    int before = dsl.fetchCount(dsl.selectFrom("strategy"));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.format").value("table"))
        .andExpect(jsonPath("$.rounds[0]").value("Juni 2022"))
        .andExpect(jsonPath("$.counts.Leitziel").value(2))
        .andExpect(jsonPath("$.counts.Handlungsfeld").value(5))
        .andExpect(jsonPath("$.counts.Teilziel").value(20))
        .andExpect(jsonPath("$.counts.Maßnahme").value(44))
        .andExpect(
            jsonPath("$.tree[0].children[0].measures[0].fields.Verantwortlich")
                .value("Geschäftsbereich 1, Stab Sozialplanung und Controlling"))
        .andExpect(jsonPath("$.tree[0].children[0].measures[0].code").value("1.1.1"))
        .andExpect(
            jsonPath(
                "$.tree[0].children[0].measures[0].assessments['Juni 2022'].text",
                containsString("ESFplus")))
        .andExpect(jsonPath("$.problems[0].line").value(84))
        .andExpect(jsonPath("$.problems[0].location").value("Zeile 84"))
        .andExpect(jsonPath("$.problems[0].message", containsString("übersprungen")))
        .andExpect(jsonPath("$.strategyId").doesNotExist());
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(before);
  }

  @Test
  void withoutDryRunTheStrategyIsCreated() throws Exception {
    String body =
        mvc.perform(
                multipart("/api/v1/nordhausen/strategy-imports")
                    .file(seed())
                    .param("dryRun", "false")
                    .param("strategy", "API-Import Armutsprävention")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.strategyId").isNotEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = body.replaceAll("(?s).*\"strategyId\":\"([^\"]+)\".*", "$1");
    assertThat(dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'")))
        .isEqualTo(44);
    mvc.perform(
            get("/api/v1/nordhausen/strategies/" + id + "/export")
                .param("format", "json")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.measures").value(44))
        .andExpect(jsonPath("$.round.name").value("Juni 2022"));
    mvc.perform(
            get("/api/v1/nordhausen/strategies/" + id + "/export")
                .param("format", "pdf")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));
  }

  @Test
  void tokensAreScopedToTheirTenantAndRole() throws Exception {
    mvc.perform(
            multipart("/api/v1/saalfeld-rudolstadt/strategy-imports")
                .file(seed())
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType("application/problem+json"));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .header("Authorization", "Bearer lgb_erfunden"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().string(containsString("unbekannt oder widerrufen")));
    mvc.perform(get("/api/v1/nordhausen/strategies/" + UUID.randomUUID() + "/export"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType("application/problem+json;charset=UTF-8"));

    // a reader creates a token in the profile: it reads, but cannot import
    var created =
        mvc.perform(
                post("/nordhausen/profil/tokens")
                    .with(logins.as("lesen"))
                    .with(csrf())
                    .param("name", "Auswertungsskript"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String secret = (String) created.getFlashMap().get("newToken");
    assertThat(secret).startsWith("lgb_");
    String strategy = DemoData.nordhausenStrategy(dsl);
    mvc.perform(
            get("/api/v1/nordhausen/strategies/" + strategy + "/export")
                .header("Authorization", "Bearer " + secret))
        .andExpect(status().isOk());
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .header("Authorization", "Bearer " + secret))
        .andExpect(status().isForbidden());
    // revoked: refused at once
    String tokenId =
        String.valueOf(dsl.fetchValue("select id from api_token where name = 'Auswertungsskript'"));
    mvc.perform(
            post("/nordhausen/profil/tokens/" + tokenId + "/widerrufen")
                .with(logins.as("lesen"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/api/v1/nordhausen/strategies/" + strategy + "/export")
                .header("Authorization", "Bearer " + secret))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theTableExportHasOneRowPerNodeAndNeutralisesFormulas() throws Exception {
    String body =
        mvc.perform(
                multipart("/api/v1/nordhausen/strategy-imports")
                    .file(seed())
                    .param("dryRun", "false")
                    .param("strategy", "Export-Test")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = body.replaceAll("(?s).*\"strategyId\":\"([^\"]+)\".*", "$1");
    dsl.execute(
        "update measure set title = '=HYPERLINK(\"http://x\")' where strategy_id = ? and code = '1.1.1'",
        id);
    byte[] csv =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "csv")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFID;Eltern-ID;Art;Ebene");
    assertThat(text).contains("Juni 2022: Einschätzung");
    assertThat(text).contains(";\"'=HYPERLINK(\"\"http://x\"\")\";");
    byte[] xlsx =
        mvc.perform(
                get("/api/v1/nordhausen/strategies/" + id + "/export")
                    .param("format", "xlsx")
                    .header("Authorization", DEMO_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(27 + 44);
      boolean found = false;
      for (var row : sheet) {
        var cell = row.getCell(6);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        found |= cell.getStringCellValue().equals("'=HYPERLINK(\"http://x\")");
      }
      assertThat(found).isTrue();
    }
  }

  @Test
  void theApiIsDocumentedInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/v1/{tenant}/strategy-imports")))
        .andExpect(content().string(containsString("/api/v1/{tenant}/strategies/{id}/export")))
        .andExpect(content().string(containsString("dryRun")));
  }

  @Test
  void badInputIsAProblemWithAGermanDetail() throws Exception {
    byte[] binary = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2};
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(
                    new MockMultipartFile(
                        "file", "bericht.docx", "application/octet-stream", binary))
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(
            jsonPath("$.detail", containsString("Word-Dokument konnte nicht gelesen werden")));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .param("format", "pdf")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("nicht unterstützt")));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .param("format", "xlsx")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("keine xlsx-Datei")));
    // an error in the file: with the place and field, and nothing written
    int before = dsl.fetchCount(dsl.selectFrom("strategy"));
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "x.txt",
                        "text/plain",
                        "Leitziel: A\t\nMaßnahme\tIndikatoren\tEinschätzung 2023\nTun\tZahl\tgut\n"
                            .getBytes(UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", DEMO_TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Zeile 2, Feld „Verantwortlich“")));
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(before);
    // a browser session without CSRF token is still refused on the API
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(seed())
                .with(logins.as("koordination")))
        .andExpect(status().isForbidden());
  }
}
