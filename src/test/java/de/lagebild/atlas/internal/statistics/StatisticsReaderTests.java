package de.lagebild.atlas.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Cell;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.exchange.TextDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The GENESIS / Regionaldatenbank table layout in both encodings, long tables, numbers and bad
 * files.
 */
class StatisticsReaderTests {

  static String fixture(String name) throws IOException {
    try (InputStream in = StatisticsReaderTests.class.getResourceAsStream("/atlas/" + name)) {
      return TextDecoder.decode(in.readAllBytes()).text();
    }
  }

  @Test
  void theTableLayoutInLatin1AndUtf8() throws IOException {
    for (String name :
        List.of("genesis-12411-kreise-latin1.csv", "genesis-12411-kreise-utf8.csv")) {
      StatisticsTable.Result r = StatisticsReader.read(fixture(name));
      assertThat(r.format()).isEqualTo(StatisticsTable.Format.GENESIS);
      assertThat(r.tableCode()).isEqualTo("12411-01-01-4");
      assertThat(r.title()).startsWith("Bevölkerung nach Geschlecht");
      assertThat(r.columns())
          .extracting(StatisticsTable.Column::label, StatisticsTable.Column::unit)
          .containsExactly(
              tuple("Bevölkerungsstand – Insgesamt", "Anzahl"),
              tuple("Bevölkerungsstand – männlich", "Anzahl"),
              tuple("Bevölkerungsstand – weiblich", "Anzahl"));
      assertThat(r.cells()).hasSize(21);
      assertThat(r.problems()).noneMatch(Problem::error);
      assertThat(r.source()).startsWith("© Statistische Ämter des Bundes und der Länder");
      Cell thueringen = r.cells().get(0);
      assertThat(thueringen.key()).isEqualTo("16");
      assertThat(thueringen.value()).isEqualByComparingTo("2120237");
      assertThat(thueringen.period()).isEqualTo("31.12.2020");
      Cell nordhausen =
          r.cells().stream().filter(c -> c.key().equals("16062")).findFirst().orElseThrow();
      assertThat(nordhausen.value()).isEqualByComparingTo("82700");
      assertThat(nordhausen.flags()).isEqualTo("p");
      assertThat(r.cells()).extracting(Cell::special).contains(".", "-", "x", "...", "/");
    }
  }

  @Test
  void numbersInGermanAndEnglishWriting() {
    List<Problem> problems = new ArrayList<>();
    assertThat(StatisticsTable.number("1.234,5", 1, "Wert", problems))
        .isEqualByComparingTo(new BigDecimal("1234.5"));
    assertThat(StatisticsTable.number("7,10", 1, "Wert", problems))
        .isEqualByComparingTo(new BigDecimal("7.10"));
    assertThat(problems).isEmpty();
    assertThat(StatisticsTable.number("1,234.5", 2, "Wert", problems))
        .isEqualByComparingTo(new BigDecimal("1234.5"));
    assertThat(problems)
        .extracting(Problem::line, Problem::messageKey, Problem::error)
        .containsExactly(tuple(2, "atlas.numberEnglish", false));
    assertThat(StatisticsTable.number("12a", 3, "Wert", problems)).isNull();
    assertThat(problems).extracting(Problem::messageKey).contains("atlas.numberInvalid");
  }

  @Test
  void aCommaSeparatedFileIsRefusedWithTheDelimiterNamed() {
    StatisticsTable.Result r =
        StatisticsReader.read("Schlüssel,Indikator,Zeitraum,Wert\n16062,alq,2019,7.0\n");
    assertThat(r.problems())
        .extracting(Problem::messageKey, Problem::detail, Problem::error)
        .containsExactly(tuple("atlas.delimiter", "Komma", true));
  }

  static String real(String name) throws IOException {
    try (var in = StatisticsReaderTests.class.getResourceAsStream("/atlas/real/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.Charset.forName("windows-1252"));
    }
  }

  /**
   * Regionaldatenbank 13211-02-05-4 as downloaded: the empty cell under a new group („Arbeitslosen-
   * quote …“) is that group's total, not the last label of the group before („langzeitarbeitslos“).
   */
  @Test
  void aLowerHeaderIsNotCarriedIntoTheNextGroup() throws IOException {
    String text;
    try (var in =
        StatisticsReaderTests.class.getResourceAsStream(
            "/demo/atlas/statistics/13211-02-05-4.csv")) {
      text = new String(in.readAllBytes(), java.nio.charset.Charset.forName("windows-1252"));
    }
    StatisticsTable.Result r = StatisticsReader.read(text);
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label)
        .contains(
            "Arbeitslose",
            "Arbeitslose – langzeitarbeitslos",
            "Arbeitslosenquote bez. abh. zivile Erwerbspers.",
            "Arbeitslosenquote bez. auf alle zivile Erwerbsp.",
            "Arbeitslosenquote bez. auf alle zivile Erwerbsp. – Frauen")
        .doesNotContain("Arbeitslosenquote bez. auf alle zivile Erwerbsp. – langzeitarbeitslos");
    int all =
        r.columns().stream()
            .filter(c -> c.label().equals("Arbeitslosenquote bez. auf alle zivile Erwerbsp."))
            .findFirst()
            .orElseThrow()
            .index();
    // Thüringen and Nordhausen 2019, as the file has them
    assertThat(
            r.cells().stream()
                .filter(c -> c.column() == all && "2019".equals(c.period()))
                .filter(c -> "16".equals(c.key()) || "16062".equals(c.key()))
                .map(c -> c.key() + "=" + c.value().toPlainString()))
        .containsExactlyInAnyOrder("16=5.3", "16062=7.0");
  }

  /** Regionaldatenbank 22411-02-03-4 as downloaded: Geschlecht as a row dimension. */
  @Test
  void aRowDimensionSplitsTheColumns() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(real("22411-02-03-4.csv"));
    assertThat(r.problems()).noneMatch(Problem::error);
    // 9 value columns × männlich, weiblich, Insgesamt; no column read from the text dimension
    assertThat(r.columns()).hasSize(27);
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label)
        .contains(
            "Pflegebedürftige – männlich",
            "Pflegebedürftige – weiblich",
            "Pflegebedürftige – Insgesamt")
        .noneMatch(l -> l.startsWith("Spalte"));
    var byLabel = new java.util.HashMap<Integer, String>();
    r.columns().forEach(c -> byLabel.put(c.index(), c.label()));
    var nordhausen2019 =
        r.cells().stream()
            .filter(c -> "16062".equals(c.key()) && "31.12.2019".equals(c.period()))
            .filter(c -> byLabel.get(c.column()).startsWith("Pflegebedürftige – "))
            .collect(
                java.util.stream.Collectors.toMap(
                    c -> byLabel.get(c.column()), c -> c.value().toPlainString()));
    assertThat(nordhausen2019)
        .containsEntry("Pflegebedürftige – männlich", "2548")
        .containsEntry("Pflegebedürftige – weiblich", "3820")
        .containsEntry("Pflegebedürftige – Insgesamt", "6368");
    // never two figures for the same column, area and period
    assertThat(
            r.cells().stream().map(c -> c.column() + "|" + c.key() + "|" + c.period()).distinct())
        .hasSize(r.cells().size());
  }

  /**
   * Regionaldatenbank 13111-07-05-4 as downloaded: the period above the header, rows that start
   * with the key, a row dimension, and header rows that name their variable in every column.
   */
  @Test
  void aPeriodAboveTheTableAndRowsStartingWithTheKey() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(real("13111-07-05-4_2020.csv"));
    assertThat(r.problems()).noneMatch(Problem::error);
    // the table code from „GENESIS-Tabelle:“, the unit from the title block („… (Anzahl)“)
    assertThat(r.tableCode()).isEqualTo("13111-07-05-4");
    assertThat(r.columns()).extracting(StatisticsTable.Column::unit).containsOnly("Anzahl");
    assertThat(r.cells()).isNotEmpty().allMatch(c -> "30.06.2020".equals(c.period()));
    var label =
        "Nationalität: Insgesamt – Geschlecht: Insgesamt – Land- und Forstwirtschaft, Fischerei (A)";
    int column =
        r.columns().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().index();
    assertThat(
            r.cells().stream()
                .filter(c -> c.column() == column && "16062".equals(c.key()))
                .map(c -> c.value().toPlainString()))
        .containsExactly("447");
  }

  @Test
  void unitsFromTheLabelOrTheTitleAndLabelsWhole() {
    var columns =
        GenesisTableReader.withUnits(
            List.of(
                new StatisticsTable.Column(3, "Hektarerträge (dt/ha)", null),
                new StatisticsTable.Column(4, "Betriebe", null),
                new StatisticsTable.Column(5, "Fläche", "ha")),
            "Landwirtschaftliche Betriebe (Anzahl)");
    assertThat(columns)
        .extracting(StatisticsTable.Column::label, StatisticsTable.Column::unit)
        .containsExactly(
            tuple("Hektarerträge (dt/ha)", "dt/ha"),
            tuple("Betriebe", "Anzahl"),
            tuple("Fläche", "ha"));
  }

  @Test
  void periodsAboveTheHeaderAsTheyAreWritten() {
    assertThat(GenesisTableReader.blockPeriod("Stichtag: 30.06.2020")).isEqualTo("30.06.2020");
    assertThat(GenesisTableReader.blockPeriod("Jahr: 2016")).isEqualTo("2016");
    assertThat(GenesisTableReader.blockPeriod("31.12.2019")).isEqualTo("31.12.2019");
    assertThat(GenesisTableReader.blockPeriod("Stichtag 31.12. – 2019")).isEqualTo("31.12.2019");
    assertThat(GenesisTableReader.blockPeriod("Fortschreibung des Bevölkerungsstandes")).isNull();
  }

  /** A fixture after the published layout: „Jahr: 2016“ above the header, key first. */
  @Test
  void aSmallTableWithTheYearAboveTheHeader() {
    String text =
        "Tabelle: 99999-01-01-4\nTesttabelle\nJahr: 2016\n;;Anzahl\n"
            + "16062;Nordhausen, Landkreis;12\n16073;Saalfeld-Rudolstadt, Landkreis;-\n";
    StatisticsTable.Result r = StatisticsReader.read(text);
    assertThat(r.problems()).noneMatch(Problem::error);
    assertThat(r.cells())
        .extracting(Cell::key, Cell::period)
        .containsExactly(tuple("16062", "2016"), tuple("16073", "2016"));
  }

  @Test
  void theLongLayout() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(fixture("long-alq.csv"));
    assertThat(r.format()).isEqualTo(StatisticsTable.Format.LONG);
    assertThat(r.columns()).extracting(StatisticsTable.Column::label).containsExactly("alq");
    assertThat(r.cells())
        .extracting(Cell::key, Cell::period)
        .contains(tuple("1", "2020"), tuple("16056", "2022"));
  }

  @Test
  void aLongTableInAnXlsxSheet() throws IOException {
    byte[] bytes;
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Werte");
      String[][] rows = {
        {"Schlüssel", "Indikator", "Zeitraum", "Wert"}, {"16062", "alq", "2020", null}
      };
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
    StatisticsTable.Result r = StatisticsReader.readXlsx(bytes);
    assertThat(r.format()).isEqualTo(StatisticsTable.Format.LONG);
    assertThat(r.cells())
        .extracting(Cell::key, Cell::period)
        .containsExactly(tuple("16062", "2020"));
    assertThat(r.cells().get(0).value()).isEqualByComparingTo("7.9");
  }

  @Test
  void theGenesisFlatFileOf2024() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(fixture("genesis-ffcsv-12411-0015_flat.csv"));
    assertThat(r.format()).isEqualTo(StatisticsTable.Format.FLAT);
    assertThat(r.tableCode()).isEqualTo("12411");
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label, StatisticsTable.Column::unit)
        .containsExactlyInAnyOrder(
            tuple("Bevölkerungsstand – weiblich", "Anzahl"),
            tuple("Bevölkerungsstand – männlich", "Anzahl"));
    assertThat(r.cells()).hasSize(12);
    assertThat(r.problems()).noneMatch(Problem::error);
    Cell nordhausenMale =
        r.cells().stream()
            .filter(
                c ->
                    c.key().equals("16062")
                        && r.columns().get(c.column()).label().endsWith("männlich"))
            .findFirst()
            .orElseThrow();
    assertThat(nordhausenMale.value()).isEqualByComparingTo("40500");
    assertThat(nordhausenMale.flags()).isEqualTo("p");
    assertThat(nordhausenMale.period()).isEqualTo("31.12.2020");
    assertThat(nordhausenMale.areaName()).isEqualTo("Nordhausen, Landkreis");
    Cell land = r.cells().stream().filter(c -> c.key().equals("1")).findFirst().orElseThrow();
    assertThat(land.value()).isEqualByComparingTo("1450000");
    assertThat(land.flags()).isEqualTo("r");
    Cell eisenachFemale =
        r.cells().stream()
            .filter(c -> c.key().equals("16056") && c.value() != null)
            .findFirst()
            .orElseThrow();
    assertThat(eisenachFemale.value()).isEqualByComparingTo("20100");
    assertThat(r.cells()).extracting(Cell::special).contains(".", "-", "x", "...", "/");
    // final values ("e") carry no flag
    assertThat(r.cells().stream().filter(c -> c.key().equals("16051")))
        .allMatch(c -> c.flags() == null);
  }

  @Test
  void theGermanAndTheEnglishFlatFileGiveTheSameVariableCodes() throws IOException {
    StatisticsTable.Result de = StatisticsReader.read(fixture("genesis-ffcsv-12411-0015_flat.csv"));
    StatisticsTable.Result en =
        StatisticsReader.read(fixture("genesis-ffcsv-12411-0015_flat_en.csv"));
    assertThat(en.columns())
        .extracting(StatisticsTable.Column::label)
        .containsExactlyInAnyOrder("Population – male", "Population – female");
    assertThat(de.columns().stream().map(StatisticsTable.Column::identity).sorted().toList())
        .containsExactly("BEVSTD-GESM", "BEVSTD-GESW")
        .isEqualTo(en.columns().stream().map(StatisticsTable.Column::identity).sorted().toList());
    assertThat(StatisticsReader.read(fixture("genesis-ffcsv-classic_flat.csv")).columns())
        .extracting(StatisticsTable.Column::code)
        .doesNotContainNull();
  }

  @Test
  void theFlatFileIsTakenOutOfItsZipAndAnXlsxIsNot() throws IOException {
    byte[] csv;
    try (InputStream in =
        getClass().getResourceAsStream("/atlas/genesis-ffcsv-12411-0015_flat.csv")) {
      csv = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("12411-0015_de_flat.csv"));
      zip.write(csv);
      zip.closeEntry();
    }
    assertThat(StatisticsReader.unzipCsv(out.toByteArray())).isEqualTo(csv);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("a").createRow(0).createCell(0).setCellValue("Schlüssel");
      wb.write(xlsx);
    }
    assertThat(StatisticsReader.unzipCsv(xlsx.toByteArray())).isNull();
  }

  @Test
  void theClassicFlatFile() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(fixture("genesis-ffcsv-classic_flat.csv"));
    assertThat(r.format()).isEqualTo(StatisticsTable.Format.FLAT);
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label, StatisticsTable.Column::unit)
        .containsExactly(
            tuple("Bevoelkerungsstand", "Anzahl"),
            tuple("Arbeitslosenquote alle zivilen Erwerbspersonen", "Prozent"));
    assertThat(r.cells()).hasSize(6);
    Cell nordhausen =
        r.cells().stream()
            .filter(c -> c.key().equals("16062") && c.column() == 9)
            .findFirst()
            .orElseThrow();
    assertThat(nordhausen.value()).isEqualByComparingTo("82700");
    assertThat(nordhausen.flags()).isEqualTo("p");
    assertThat(nordhausen.period()).isEqualTo("2020");
    assertThat(
            r.cells().stream()
                .filter(c -> c.key().equals("16062") && c.column() == 11)
                .findFirst()
                .orElseThrow()
                .value())
        .isEqualByComparingTo("7.9");
    assertThat(r.cells().stream().filter(c -> c.key().equals("16063")).map(Cell::special).toList())
        .containsExactly(".", "x");
  }

  @Test
  void aWideSheetWithOneColumnPerYear() throws IOException {
    StatisticsTable.Result r = StatisticsReader.read(fixture("wide-einwohner-je-jahr.csv"));
    assertThat(r.format()).isEqualTo(StatisticsTable.Format.WIDE);
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label, StatisticsTable.Column::period)
        .containsExactly(tuple("2019", "2019"), tuple("2020", "2020"), tuple("2021", "2021"));
    assertThat(r.cells()).hasSize(11);
    Cell wartburg =
        r.cells().stream()
            .filter(c -> c.key().equals("16063") && c.period().equals("2021"))
            .findFirst()
            .orElseThrow();
    assertThat(wartburg.value()).isEqualByComparingTo("158000");
    assertThat(wartburg.areaName()).isEqualTo("Wartburgkreis");
    // an empty cell is no value (Eisenach ceased on 30 June 2021)
    assertThat(r.cells()).noneMatch(c -> c.key().equals("16056") && c.period().equals("2021"));
    assertThat(r.problems())
        .extracting(Problem::line, Problem::field, Problem::messageKey)
        .containsExactly(tuple(5, "2021", "atlas.wideEmpty"));
  }

  @Test
  void aWideSheetWithOneColumnPerIndicatorNeedsAPeriodAndLeavesTextColumnsOut() throws IOException {
    String text = fixture("wide-je-indikator.csv");
    StatisticsTable.Result without = StatisticsReader.read(text);
    assertThat(without.format()).isEqualTo(StatisticsTable.Format.WIDE);
    assertThat(without.problems())
        .filteredOn(Problem::error)
        .extracting(Problem::field, Problem::messageKey)
        .containsExactly(tuple("Zeitraum", "atlas.widePeriodMissing"));
    StatisticsTable.Result r = StatisticsReader.read(text, "2023");
    assertThat(r.problems()).noneMatch(Problem::error);
    assertThat(r.problems())
        .extracting(Problem::field, Problem::messageKey)
        .contains(tuple("Hinweis", "atlas.wideTextColumn"));
    assertThat(r.columns())
        .extracting(StatisticsTable.Column::label)
        .containsExactly("Arbeitslose", "Bedarfsgemeinschaften");
    assertThat(r.cells())
        .extracting(Cell::key, Cell::areaName, Cell::period, Cell::value)
        .contains(tuple("16062", "Nordhausen", "2023", new BigDecimal("3210")));
  }

  @Test
  void periodsInColumnHeaders() {
    assertThat(StatisticsTable.headerPeriod("2021")).isEqualTo("2021");
    assertThat(StatisticsTable.headerPeriod("31.12.2021")).isEqualTo("2021-12-31");
    assertThat(StatisticsTable.headerPeriod("2021-Q4")).isEqualTo("2021-Q4");
    assertThat(StatisticsTable.headerPeriod("4. Quartal 2021")).isEqualTo("2021-Q4");
    assertThat(StatisticsTable.headerPeriod("Einwohner")).isNull();
    assertThat(StatisticsTable.headerPeriod("12345")).isNull();
  }
}
