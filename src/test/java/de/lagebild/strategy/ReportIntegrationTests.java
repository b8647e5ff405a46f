package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The goal-achievement report of the demo strategy (seed 000) as PDF and DOCX, read back with PDFBox and POI. */
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
    strategy = de.lagebild.support.DemoData.nordhausenStrategy(dsl);
    round = String.valueOf(dsl.fetchValue("select id from reporting_round where strategy_id = ? and name = 'Juni 2022'",
        strategy));
  }

  byte[] download(String format) throws Exception {
    return mvc.perform(get("/nordhausen/strategien/" + strategy + "/bericht").param("runde", round)
            .param("format", format).param("status", "true").with(logins.as("lesen")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("Juni-2022")))
        .andReturn().getResponse().getContentAsByteArray();
  }

  @Test
  void thePdfIsTaggedHasItsFontsAndHoldsEveryMeasureAndAssessment() throws Exception {
    byte[] bytes = download("pdf");
    Path out = Path.of("target", "report-samples");
    Files.createDirectories(out);
    Files.write(out.resolve("bericht-" + de.lagebild.support.TestDatabase.KIND + ".pdf"), bytes);
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
      assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Bericht zur Zielerreichung");
      assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
      assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      PDFont font = pdf.getPage(2).getResources().getFont(pdf.getPage(2).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("DejaVu");
      assertThat(font.isEmbedded()).isTrue();
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("Bericht zur Zielerreichung der Armutspräventionsstrategie")
          .contains("Einschätzung Juni 2022")
          .contains("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse")
          .contains("ESFplus")
          .contains("Kinder und Familien mit Kindern")
          .contains("Seite 3 von");
    }
  }

  @Test
  void theDocxHasOneTablePerGoalWithMeasuresAndRepeatedHeaders() throws Exception {
    byte[] bytes = download("docx");
    Files.createDirectories(Path.of("target", "report-samples"));
    Files.write(Path.of("target", "report-samples", "bericht-" + de.lagebild.support.TestDatabase.KIND + ".docx"), bytes);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      assertThat(doc.getTables()).hasSize(20);
      int rows = doc.getTables().stream().mapToInt(t -> t.getNumberOfRows() - 1).sum();
      assertThat(rows).isEqualTo(44);
      XWPFTable first = doc.getTables().get(0);
      assertThat(first.getRow(0).isRepeatHeader()).isTrue();
      assertThat(first.getRow(0).getCell(4).getText()).isEqualTo("Einschätzung Juni 2022");
      assertThat(first.getRow(1).getCell(0).getText()).startsWith("Zur weiteren Umsetzung");
      assertThat(first.getRow(1).getCell(4).getText()).contains("ESFplus");
      assertThat(doc.getParagraphs().stream().anyMatch(p -> "Heading2".equals(p.getStyle())
          && p.getText().equals("Handlungsfeld: Kinder und Familien mit Kindern"))).isTrue();
    }
  }
}
