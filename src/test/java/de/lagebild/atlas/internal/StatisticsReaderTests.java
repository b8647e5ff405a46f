package de.lagebild.atlas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.atlas.internal.StatisticsReader.Cell;
import de.lagebild.atlas.internal.StatisticsReader.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GENESIS / Regionaldatenbank table layout in both encodings, long tables, numbers and bad files. */
class StatisticsReaderTests {

  static String fixture(String name) throws IOException {
    try (InputStream in = StatisticsReaderTests.class.getResourceAsStream("/atlas/" + name)) {
      return TextDecoder.decode(in.readAllBytes()).text();
    }
  }

  @Test
  void theTableLayoutInLatin1AndUtf8() throws IOException {
    for (String name : List.of("genesis-12411-kreise-latin1.csv", "genesis-12411-kreise-utf8.csv")) {
      StatisticsReader.Result r = StatisticsReader.read(fixture(name));
      assertThat(r.format()).isEqualTo(StatisticsReader.Format.GENESIS);
      assertThat(r.tableCode()).isEqualTo("12411-01-01-4");
      assertThat(r.title()).startsWith("Bevölkerung nach Geschlecht");
      assertThat(r.columns()).extracting(StatisticsReader.Column::label, StatisticsReader.Column::unit).containsExactly(
          tuple("Bevölkerungsstand – Insgesamt", "Anzahl"), tuple("Bevölkerungsstand – männlich", "Anzahl"),
          tuple("Bevölkerungsstand – weiblich", "Anzahl"));
      assertThat(r.cells()).hasSize(21);
      assertThat(r.problems()).noneMatch(Problem::error);
      assertThat(r.source()).startsWith("© Statistische Ämter des Bundes und der Länder");
      Cell thueringen = r.cells().get(0);
      assertThat(thueringen.key()).isEqualTo("16");
      assertThat(thueringen.value()).isEqualByComparingTo("2120237");
      assertThat(thueringen.period()).isEqualTo("31.12.2020");
      Cell nordhausen = r.cells().stream().filter(c -> c.key().equals("16062")).findFirst().orElseThrow();
      assertThat(nordhausen.value()).isEqualByComparingTo("82700");
      assertThat(nordhausen.flags()).isEqualTo("p");
      assertThat(r.cells()).extracting(Cell::special).contains(".", "-", "x", "...", "/");
    }
  }

  @Test
  void numbersInGermanAndEnglishWriting() {
    List<Problem> problems = new ArrayList<>();
    assertThat(StatisticsReader.number("1.234,5", 1, "Wert", problems)).isEqualByComparingTo(new BigDecimal("1234.5"));
    assertThat(StatisticsReader.number("7,10", 1, "Wert", problems)).isEqualByComparingTo(new BigDecimal("7.10"));
    assertThat(problems).isEmpty();
    assertThat(StatisticsReader.number("1,234.5", 2, "Wert", problems)).isEqualByComparingTo(new BigDecimal("1234.5"));
    assertThat(problems).extracting(Problem::line, Problem::messageKey, Problem::error)
        .containsExactly(tuple(2, "atlas.numberEnglish", false));
    assertThat(StatisticsReader.number("12a", 3, "Wert", problems)).isNull();
    assertThat(problems).extracting(Problem::messageKey).contains("atlas.numberInvalid");
  }

  @Test
  void aCommaSeparatedFileIsRefusedWithTheDelimiterNamed() {
    StatisticsReader.Result r = StatisticsReader.read("Schlüssel,Indikator,Zeitraum,Wert\n16062,alq,2019,7.0\n");
    assertThat(r.problems()).extracting(Problem::messageKey, Problem::detail, Problem::error)
        .containsExactly(tuple("atlas.delimiter", "Komma", true));
  }

  @Test
  void theLongLayout() throws IOException {
    StatisticsReader.Result r = StatisticsReader.read(fixture("long-alq.csv"));
    assertThat(r.format()).isEqualTo(StatisticsReader.Format.LONG);
    assertThat(r.columns()).extracting(StatisticsReader.Column::label).containsExactly("alq");
    assertThat(r.cells()).extracting(Cell::key, Cell::period).contains(tuple("1", "2020"), tuple("16056", "2022"));
  }

  @Test
  void aLongTableInAnXlsxSheet() throws IOException {
    byte[] bytes;
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Werte");
      String[][] rows = {{"Schlüssel", "Indikator", "Zeitraum", "Wert"}, {"16062", "alq", "2020", null}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < 4; c++) {
          if (rows[r][c] != null) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      sheet.getRow(1).createCell(3).setCellValue(7.9);
      wb.write(out);
      bytes = out.toByteArray();
    }
    StatisticsReader.Result r = StatisticsReader.readXlsx(bytes);
    assertThat(r.format()).isEqualTo(StatisticsReader.Format.LONG);
    assertThat(r.cells()).extracting(Cell::key, Cell::period).containsExactly(tuple("16062", "2020"));
    assertThat(r.cells().get(0).value()).isEqualByComparingTo("7.9");
  }
}
