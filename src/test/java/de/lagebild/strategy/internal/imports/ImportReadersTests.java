package de.lagebild.strategy.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import de.lagebild.platform.DomainException;
import de.lagebild.strategy.internal.export.StrategyTableExport;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * The key-value, DOCX and own-layout readers on fixtures and generated files, including hostile
 * ones.
 */
class ImportReadersTests {

  static byte[] resource(String path) throws IOException {
    try (InputStream in = ImportReadersTests.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  static List<Node> measures(ImportedTree t) {
    List<Node> result = new ArrayList<>();
    ImportedTree.walk(t.roots, g -> {}, result::add);
    return result;
  }

  // ------------------------------------------------------------------ key-value blocks

  @Test
  void keyValueBlocksWithTheirVariations() throws IOException {
    String text = new String(resource("/imports/zielvereinbarung.txt"), StandardCharsets.UTF_8);
    assertThat(KeyValueReader.looksLike(text)).isTrue();
    ImportedTree t = KeyValueReader.read(text);
    assertThat(t.getErrors()).isEmpty();
    assertThat(t.levelNames).containsExactly("Handlungsfeld", "Ziel");
    assertThat(t.roots)
        .extracting(n -> n.code, n -> n.title)
        .containsExactly(tuple("1", "Bildung und Teilhabe"), tuple("2", "Gesundheit im Alter"));
    Node goal = t.roots.get(0).children.get(0);
    assertThat(goal.code).isEqualTo("1.1");
    assertThat(goal.fields)
        .containsEntry(
            ImportFields.INDICATORS, "Anteil der Kinder mit Förderbedarf, die gefördert werden")
        .containsEntry(ImportFields.GOAL_SOURCE, "Fachtag Frühe Bildung am 04.05.2021");

    List<Node> m = measures(t);
    assertThat(m).extracting(n -> n.code).containsExactly("1.1.1", "1.1.2", "2.1.1");
    Node first = m.get(0);
    assertThat(first.fields)
        .containsEntry(ImportFields.INDICATORS, "Zahl der Sprachkitas")
        .containsEntry(ImportFields.TARGET_GROUPS, "Kinder von 1 bis 6 Jahren")
        .containsEntry(ImportFields.COSTS, "Bundesprogramm, Eigenanteil 10 %")
        .containsEntry(ImportFields.RESPONSIBLE, "Jugendamt")
        .containsEntry(ImportFields.START, "III. Quartal 2021")
        .containsEntry(ImportFields.END, "bis Ende 2023")
        .containsEntry(ImportFields.COMMUNICATION, "Jugendhilfeausschuss");
    // unknown labels are kept and reported with their line
    assertThat(first.extras).containsEntry("Ansprechpartner", "Frau Beispiel, Tel. 03631 000000");
    assertThat(t.problems)
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .contains(
            tuple(15, "Ansprechpartner", "import.unknownLabel"),
            tuple(39, "Finanzierungspartner", "import.unknownLabel"));
    // trailing dot, the title running on, the long label, an empty value, an assessment
    Node second = m.get(1);
    assertThat(second.title).isEqualTo("Elternbriefe in einfacher Sprache und in fünf Sprachen");
    assertThat(second.fields)
        .containsEntry(ImportFields.END, "fortlaufend")
        .containsEntry(ImportFields.START, "01.10.2021")
        .doesNotContainKey(ImportFields.TARGET_GROUPS);
    assertThat(second.assessments.get("Juni 2022").html())
        .contains("<p>Zwei Sprachen liegen vor.</p>");
    assertThat(t.rounds).containsExactly("Juni 2022");
    // the Handlungsfeld title on the next line
    assertThat(m.get(2).extras).containsEntry("Finanzierungspartner", "Krankenkassen");
  }

  @Test
  void aGoalAgreementFormWithEmptyValuesQuestionsAndASignatureBlock() throws IOException {
    String text =
        new String(resource("/imports/zielvereinbarung-formular.txt"), StandardCharsets.UTF_8);
    assertThat(KeyValueReader.looksLike(text)).isTrue();
    ImportedTree t = KeyValueReader.read(text);
    assertThat(t.getErrors()).isEmpty();
    Node goal = t.roots.get(0).children.get(0);
    assertThat(goal.code).isEqualTo("3.1");
    assertThat(goal.fields)
        .containsEntry(
            ImportFields.INDICATORS, "Anteil der Schulabgänger ohne Anschluss sinkt unter 5 %");
    List<Node> m = measures(t);
    assertThat(m).extracting(n -> n.code).containsExactly("3.1.1", "3.1.2");
    Node first = m.get(0);
    assertThat(first.fields)
        .containsEntry(ImportFields.RESPONSIBLE, "Jugendberufsagentur")
        .containsEntry(ImportFields.TARGET_GROUPS, "Schülerinnen und Schüler der Klassen 7 bis 10")
        .containsEntry(ImportFields.START, "01.02.2024")
        .containsEntry(ImportFields.END, "31.07.2026")
        .containsEntry(ImportFields.COSTS, "45.000 € jährlich")
        .containsEntry(ImportFields.PARTNERS, "Agentur für Arbeit, Schulamt")
        // "Kommunikation⇥" is empty and glues nothing into the costs above
        .doesNotContainKey(ImportFields.COMMUNICATION);
    assertThat(first.extras).isEmpty();
    Node second = m.get(1);
    assertThat(second.fields)
        .containsEntry(ImportFields.RESPONSIBLE, "Sozialamt")
        .containsEntry(ImportFields.START, "09/2024")
        .containsEntry(ImportFields.END, "fortlaufend")
        .containsEntry(ImportFields.INDICATORS, "Zahl der Patenschaften")
        // the signature block is not appended to the last measure
        .containsEntry(ImportFields.COSTS, "Landesprogramm „Übergänge“")
        .doesNotContainKey(ImportFields.COMMUNICATION);
    assertThat(second.extras).isEmpty();
    assertThat(String.join(" ", second.fields.values())).doesNotContain("Unterschrift", "Datum");
    assertThat(t.problems)
        .extracting(Problem::line, Problem::messageKey, Problem::detail)
        .contains(tuple(26, "import.trailer", "5"), tuple(5, "import.codeTrailingDot", "3"))
        .isNotEmpty();
    assertThat(t.problems).noneMatch(p -> p.messageKey().equals("import.unknownLabel"));
  }

  @Test
  void aTenantsOwnLabelsExtendTheDictionary() {
    String text =
        "Handlungsfeld 1: A\nZiel 1.1\tB\nMaßnahme 1.1.1\tC\nZuständiges Dezernat\tDezernat II\n"
            + "Maßnahme 1.1.2\tD\nZuständiges Dezernat\tDezernat III\n";
    assertThat(measures(KeyValueReader.read(text)).get(0).extras)
        .containsEntry("Zuständiges Dezernat", "Dezernat II");
    ImportedTree own =
        KeyValueReader.read(
            text,
            new ImportFields.Labels(
                java.util.Map.of("Zuständiges Dezernat", ImportFields.RESPONSIBLE)));
    assertThat(measures(own))
        .extracting(n -> n.fields.get(ImportFields.RESPONSIBLE))
        .containsExactly("Dezernat II", "Dezernat III");
    assertThat(own.problems).noneMatch(p -> p.messageKey().equals("import.unknownLabel"));
  }

  @Test
  void theDocumentedDictionaryHasEverySpelling() throws IOException {
    String doc =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("doc/import-labels.md"), StandardCharsets.UTF_8);
    ImportFields.builtIn()
        .forEach(
            (spelling, field) ->
                assertThat(doc)
                    .as(spelling)
                    .contains("`" + spelling + "`")
                    .contains("| " + field + " |"));
  }

  @Test
  void keyValueProblemsHaveTheirLine() {
    ImportedTree t =
        KeyValueReader.read(
            "Maßnahme 1.1.1\tEtwas\nHandlungsfeld 1: A\nZiel 1.1\tB\nZiel 1.1\tC\n");
    assertThat(t.getErrors())
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(1, "Maßnahme", "import.measureBeforeGoal"),
            tuple(4, "Nr.", "import.duplicateCode"));
  }

  // ------------------------------------------------------------------ DOCX

  @Test
  void aDocxWrittenByLibreOfficeGivesTheSameTreeAsTheText() throws IOException {
    ImportedTree text =
        TableFormatReader.read(
            new String(
                resource("/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt"),
                StandardCharsets.UTF_8));
    ImportedTree docx =
        DocxTableReader.read(resource("/imports/libreoffice-bericht-zielerreichung-2022.docx"));
    assertThat(docx.getErrors()).isEmpty();
    assertThat(docx.getGoalCount()).isEqualTo(27);
    assertThat(docx.getMeasureCount()).isEqualTo(44);
    assertThat(docx.getRoundName()).isEqualTo("Juni 2022");
    List<Node> a = measures(text);
    List<Node> b = measures(docx);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).title).isEqualTo(a.get(i).title);
      assertThat(b.get(i).code).isEqualTo(a.get(i).code);
      assertThat(b.get(i).fields).isEqualTo(a.get(i).fields);
      assertThat(TableFormatReader.plain(b.get(i).assessments.get("Juni 2022").html()))
          .isEqualTo(TableFormatReader.plain(a.get(i).assessments.get("Juni 2022").html()));
    }
    assertThat(docx.problems)
        .extracting(Problem::location)
        .allMatch(l -> l.startsWith("Tabelle") || l.startsWith("Absatz"));
  }

  /**
   * A table as Word writes it: a heading row merged over four columns, lists and paragraphs inside
   * cells.
   */
  static byte[] generatedDocx(boolean withTable) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("Bericht zur Zielerreichung");
      doc.createParagraph().createRun().setText("Leitziel: Teilhabe für alle");
      if (withTable) {
        XWPFTable table = doc.createTable(4, 4);
        XWPFTableRow heading = table.getRow(0);
        heading.getCell(0).setText("Handlungsfeld : Familien");
        CTTcPr pr = heading.getCell(0).getCTTc().addNewTcPr();
        pr.addNewGridSpan().setVal(BigInteger.valueOf(4));
        while (heading.getTableCells().size() > 1) {
          heading.removeCell(1);
        }
        String[] header = {
          "Maßnahme", "Verantwortlich", "Indikatoren", "Einschätzung Dezember 2024"
        };
        for (int c = 0; c < 4; c++) {
          table.getRow(1).getCell(c).setText(header[c]);
        }
        XWPFTableRow row = table.getRow(2);
        row.getCell(0).setText("Familienzentren ausbauen");
        row.getCell(1).setText("Jugendamt");
        row.getCell(2).setText("Zahl der Zentren");
        XWPFTableCell assessment = row.getCell(3);
        assessment.setText("Zwei Zentren eröffnet.");
        for (String item : List.of("Nordhausen", "Ellrich")) {
          XWPFParagraph p = assessment.addParagraph();
          p.setNumID(BigInteger.ONE);
          p.createRun().setText(item);
        }
        XWPFTableRow second = table.getRow(3);
        second.getCell(0).setText("Elternkurse");
        second.getCell(1).setText("Gesundheitsamt");
        second.getCell(2).setText("Teilnehmende");
        second.getCell(3).setText("läuft");
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aGeneratedDocxWithMergedHeadingsAndLists() throws IOException {
    ImportedTree t = DocxTableReader.read(generatedDocx(true));
    assertThat(t.getErrors()).isEmpty();
    assertThat(t.roots).extracting(n -> n.title).containsExactly("Teilhabe für alle");
    Node field = t.roots.get(0).children.get(0);
    assertThat(field.title).isEqualTo("Familien");
    assertThat(field.location).isEqualTo("Tabelle 1, Zeile 1");
    assertThat(field.measures)
        .extracting(n -> n.title)
        .containsExactly("Familienzentren ausbauen", "Elternkurse");
    assertThat(field.measures.get(0).assessments.get("Dezember 2024").html())
        .isEqualTo("<p>Zwei Zentren eröffnet.</p><ul><li>Nordhausen</li><li>Ellrich</li></ul>");
    assertThat(t.problems).isEmpty();
  }

  @Test
  void aDocxWithoutTablesIsAnError() throws IOException {
    ImportedTree t = DocxTableReader.read(generatedDocx(false));
    assertThat(t.getErrors())
        .extracting(Problem::field, Problem::messageKey)
        .contains(tuple("Tabelle", "import.docxNoTables"));
  }

  /** A .docx whose document part inflates a thousandfold. */
  static byte[] zipBomb(String entry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(entry));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 60; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void zipBombsAreRefusedWithAMessage() throws IOException {
    byte[] docx = zipBomb("word/document.xml");
    assertThat(docx.length).isLessThan(200_000);
    assertThatThrownBy(() -> DocxTableReader.read(docx))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("import.zipBomb");
    byte[] xlsx = zipBomb("xl/workbook.xml");
    assertThatThrownBy(() -> OwnLayoutReader.readXlsx(xlsx))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("import.zipBomb");
  }

  // ------------------------------------------------------------------ own layout

  @Test
  void csvCellsWithQuotesLineBreaksAndNeutralisedFormulas() {
    List<List<String>> rows =
        OwnLayoutReader.Csv.parse(
            "\uFEFFID;Titel\r\n1;\"Zeile eins\nZeile \"\"zwei\"\"\"\r\n2;'=1+1\r\n");
    assertThat(rows)
        .containsExactly(
            List.of("ID", "Titel"),
            List.of("1", "Zeile eins\nZeile \"zwei\""),
            List.of("2", "'=1+1"));
    assertThat(OwnLayoutReader.unneutralise("'=1+1")).isEqualTo("=1+1");
    assertThat(OwnLayoutReader.unneutralise("'Hallo")).isEqualTo("'Hallo");
  }

  @Test
  void xlsxFormulasAreNeverEvaluated() throws IOException {
    byte[] bytes;
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = wb.createSheet("Strategie");
      String[] header = StrategyTableExport.FIXED.toArray(String[]::new);
      XSSFRow h = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      XSSFRow goal = sheet.createRow(1);
      goal.createCell(0).setCellValue("g1");
      goal.createCell(2).setCellValue("Ziel");
      goal.createCell(3).setCellValue(1);
      goal.createCell(4).setCellValue("Handlungsfeld");
      goal.createCell(6).setCellValue("Familie");
      XSSFRow measure = sheet.createRow(2);
      measure.createCell(0).setCellValue("m1");
      measure.createCell(1).setCellValue("g1");
      measure.createCell(2).setCellValue("Maßnahme");
      // a formula that a spreadsheet would run; its cached value is "Kita" – taken as text, never
      // run
      measure.createCell(6).setCellFormula("HYPERLINK(\"http://example.invalid\",\"Kita\")");
      measure.getCell(6).setCellValue("Kita");
      wb.write(out);
      bytes = out.toByteArray();
    }
    ImportedTree t = OwnLayoutReader.readXlsx(bytes);
    assertThat(t.getErrors()).isEmpty();
    assertThat(t.roots.get(0).measures.get(0).title).isEqualTo("Kita");
    assertThat(t.problems)
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(3, "Titel", "import.formula"));
  }

  @Test
  void theOwnLayoutNamesMissingColumnsAndBadParents() {
    ImportedTree t = OwnLayoutReader.readCsv("ID;Eltern-ID;Art;Ebene\n");
    assertThat(t.getErrors()).extracting(Problem::field).containsExactly("Nr.", "Titel");
    ImportedTree u =
        OwnLayoutReader.readCsv(
            "ID;Eltern-ID;Art;Ebene;Nr.;Titel\n"
                + "a;;Ziel;1;1;Familie\nb;x;Maßnahme;;1.1;Kita\nc;a;Ziel;neun;1.2;Bildung\n");
    assertThat(u.getErrors())
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(
            tuple(3, "Eltern-ID", "import.layoutParent"), tuple(4, "Ebene", "import.layoutLevel"));
  }
}
