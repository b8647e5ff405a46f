package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The goal-achievement report of the demo strategy (seed 000) as PDF and DOCX, read back with
 * PDFBox and POI.
 */
@IntegrationTest
class ReportIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;
  String strategy;
  String round;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
    strategy = DemoData.nordhausenStrategy(dsl);
    round =
        String.valueOf(
            dsl.fetchValue(
                "select id from reporting_round where strategy_id = ? and name = 'Juni 2022'",
                strategy));
  }

  byte[] download(String format) throws Exception {
    return mvc.perform(
            get("/nordhausen/strategien/" + strategy + "/bericht")
                .param("runde", round)
                .param("format", format)
                .param("statusspalte", "true")
                .with(logins.as("lesen")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", Matchers.containsString("Juni-2022")))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  @Test
  void thePdfIsTaggedHasItsFontsAndHoldsEveryMeasureAndAssessment() throws Exception {
    byte[] bytes = download("pdf");
    Path out = Path.of("target", "report-samples");
    Files.createDirectories(out);
    Files.write(out.resolve("bericht-" + TestDatabase.KIND + ".pdf"), bytes);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
      assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Bericht zur Zielerreichung");
      assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
      assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      PDFont font =
          pdf.getPage(2)
              .getResources()
              .getFont(pdf.getPage(2).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("DejaVu");
      assertThat(font.isEmbedded()).isTrue();
      String text =
          new PDFTextStripper()
              .getText(pdf)
              .replaceAll("-\\R(?=\\p{Ll})", "")
              .replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Bericht zur Zielerreichung der Armutspräventionsstrategie")
          .contains("Einschätzung Juni 2022")
          .contains("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse")
          .contains("ESFplus")
          .contains("Kinder und Familien mit Kindern")
          .contains("Seite 3 von");
    }
  }

  @Test
  void theChainSectionIsOptionalAndShowsNeedsAndIndicatorVerdicts() throws Exception {
    byte[] without = download("pdf");
    byte[] with =
        mvc.perform(
                get("/nordhausen/strategien/" + strategy + "/bericht")
                    .param("runde", round)
                    .param("format", "pdf")
                    .param("wirkungskette", "true")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    Files.createDirectories(Path.of("target", "report-samples"));
    Files.write(
        Path.of("target", "report-samples", "bericht-kette-" + TestDatabase.KIND + ".pdf"), with);
    try (PDDocument a = Loader.loadPDF(without);
        PDDocument b = Loader.loadPDF(with)) {
      String plain = new PDFTextStripper().getText(a).replaceAll("\\s+", " ");
      String chained =
          new PDFTextStripper()
              .getText(b)
              .replaceAll("-\\R(?=\\p{Ll})", "")
              .replaceAll("\\s+", " ");
      assertThat(plain).doesNotContain("Wirkungskette");
      assertThat(chained)
          .contains("Wirkungskette")
          .contains("Bedarf: Verfestigte Langzeitarbeitslosigkeit (aufgegriffen)")
          .contains("Kennzahl: Anteil der Langzeitarbeitslosen an den Arbeitslosen")
          .contains("keine aktuellen Daten")
          .contains("belegt nicht, dass die Maßnahmen");
    }
    byte[] docx =
        mvc.perform(
                get("/nordhausen/strategien/" + strategy + "/bericht")
                    .param("runde", round)
                    .param("format", "docx")
                    .param("wirkungskette", "true")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getParagraphs())
          .anyMatch(p -> p.getText().startsWith("• Bedarf: Verfestigte Langzeitarbeitslosigkeit"));
      // the tables are the same as without the chain
      assertThat(doc.getTables()).hasSize(20);
    }
  }

  @Test
  void theDocxHasOneTablePerGoalWithMeasuresAndRepeatedHeaders() throws Exception {
    byte[] bytes = download("docx");
    Files.createDirectories(Path.of("target", "report-samples"));
    Files.write(
        Path.of("target", "report-samples", "bericht-" + TestDatabase.KIND + ".docx"), bytes);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      assertThat(doc.getTables()).hasSize(20);
      int rows = doc.getTables().stream().mapToInt(t -> t.getNumberOfRows() - 1).sum();
      assertThat(rows).isEqualTo(44);
      XWPFTable first = doc.getTables().get(0);
      assertThat(first.getRow(0).isRepeatHeader()).isTrue();
      assertThat(first.getRow(0).getCell(4).getText()).isEqualTo("Einschätzung Juni 2022");
      assertThat(first.getRow(1).getCell(0).getText()).startsWith("Zur weiteren Umsetzung");
      assertThat(first.getRow(1).getCell(4).getText()).contains("ESFplus");
      assertThat(
              doc.getParagraphs().stream()
                  .anyMatch(
                      p ->
                          "Heading2".equals(p.getStyle())
                              && p.getText()
                                  .equals("Handlungsfeld: Kinder und Familien mit Kindern")))
          .isTrue();
    }
  }

  static String pdfText(byte[] bytes) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return new PDFTextStripper()
          .getText(pdf)
          .replaceAll("-\\R(?=\\p{Ll})", "")
          .replaceAll("\\s+", " ");
    }
  }

  @Test
  void theImprintIsEditablePerTenantPerStrategyAndPerReport() throws Exception {
    String tenantSaalfeld = "saalfeld-rudolstadt";
    // a reader may not edit it
    mvc.perform(
            MockMvcRequestBuilders.post("/nordhausen/strategien/" + strategy + "/impressum")
                .with(logins.as("lesen"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("scope", "mandant")
                .param("publisher", "Niemand"))
        .andExpect(status().isForbidden());
    mvc.perform(
            MockMvcRequestBuilders.post("/nordhausen/strategien/" + strategy + "/impressum")
                .with(logins.as("koordination"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("scope", "mandant")
                .param("publisher", "Landratsamt Nordhausen\nBehringstraße 3")
                .param("contact", "sozialplanung@example.invalid")
                .param("fundingNote", "Gefördert vom Freistaat Thüringen"))
        .andExpect(status().is3xxRedirection());
    int version =
        Integer.parseInt(
            String.valueOf(
                dsl.fetchValue(
                    "select coalesce(max(version), 0) from report_imprint where strategy_id = ?",
                    strategy)));
    mvc.perform(
            MockMvcRequestBuilders.post("/nordhausen/strategien/" + strategy + "/impressum")
                .with(logins.as("koordination"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("scope", "strategie")
                .param("version", String.valueOf(version))
                .param("editors", "Stab Sozialplanung und Controlling")
                .param("editorialDeadline", "30. Juni 2022")
                .param("introduction", "Erster Absatz der Einleitung.\n\nZweiter Absatz."))
        .andExpect(status().is3xxRedirection());
    String text = pdfText(download("pdf"));
    assertThat(text)
        .contains("Herausgeber Landratsamt Nordhausen Behringstraße 3")
        .contains("Redaktion Stab Sozialplanung und Controlling")
        .contains("Kontakt sozialplanung@example.invalid")
        .contains("Redaktionsschluss 30. Juni 2022")
        .contains("Gefördert vom Freistaat Thüringen")
        .contains("Erster Absatz der Einleitung. Zweiter Absatz.");
    // for one report only: the form's fields, nothing saved
    byte[] once =
        mvc.perform(
                MockMvcRequestBuilders.post("/nordhausen/strategien/" + strategy + "/bericht")
                    .with(logins.as("lesen"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("runde", round)
                    .param("format", "pdf")
                    .param("editorialDeadline", "1. Juli 2022"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(pdfText(once))
        .contains("Redaktionsschluss 1. Juli 2022")
        .contains("Herausgeber Landratsamt Nordhausen");
    assertThat(
            dsl.fetchValue(
                "select editorial_deadline from report_imprint where strategy_id = ?", strategy))
        .isEqualTo("30. Juni 2022");
    // another tenant's reports do not see it
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "report_imprint r join tenant t on t.id = r.tenant_id where t.slug = '"
                        + tenantSaalfeld
                        + "'")))
        .isZero();
  }

  @Test
  void reportsCanBeLimitedToAHandlungsfeldAUnitOrAStatusAndShowInternalFields() throws Exception {
    String field =
        String.valueOf(
            dsl.fetchValue(
                "select id from goal where strategy_id = ? and title = ?", strategy, "Senioren"));
    String onlySeniors =
        pdfText(
            mvc.perform(
                    get("/nordhausen/strategien/" + strategy + "/bericht")
                        .param("runde", round)
                        .param("format", "pdf")
                        .param("ziel", field)
                        .with(logins.as("lesen")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    assertThat(onlySeniors)
        .contains("Auswahl: Handlungsfeld")
        .contains("Senioren")
        .doesNotContain("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse")
        .doesNotContain("Kinder und Familien mit Kindern");
    String unit =
        String.valueOf(
            dsl.fetchValue(
                "select u.id from responsible_unit u join tenant t on t.id = u.tenant_id "
                    + "where t.slug = 'nordhausen' and u.name = 'Jobcenter Nordhausen'"));
    long linked =
        dsl.fetchCount(
            dsl.selectFrom(
                "measure_unit mu join measure m on m.id = mu.measure_id "
                    + "where m.strategy_id = '"
                    + strategy
                    + "' and mu.unit_id = '"
                    + unit
                    + "'"));
    assertThat(linked).isPositive();
    byte[] docx =
        mvc.perform(
                get("/nordhausen/strategien/" + strategy + "/bericht")
                    .param("runde", round)
                    .param("format", "docx")
                    .param("einheit", unit)
                    .param("intern", "true")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      int rows = doc.getTables().stream().mapToInt(t -> t.getNumberOfRows() - 1).sum();
      assertThat(rows).isEqualTo((int) linked);
      assertThat(doc.getParagraphs().stream().map(p -> p.getText()))
          .anyMatch(t -> t.equals("Auswahl: Organisationseinheit: Jobcenter Nordhausen"));
    }
    // a status nobody has: no measure table at all
    String none =
        pdfText(
            mvc.perform(
                    get("/nordhausen/strategien/" + strategy + "/bericht")
                        .param("runde", round)
                        .param("format", "pdf")
                        .param("statusfilter", "STOPPED")
                        .with(logins.as("lesen")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    assertThat(none).contains("Status: Eingestellt").doesNotContain("Verantwortlich Indikatoren");
  }
}
