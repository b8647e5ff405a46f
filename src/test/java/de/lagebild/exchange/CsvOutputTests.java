package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvOutputTests {

  static String text(List<List<?>> rows) {
    return new String(CsvOutput.bytes(rows), StandardCharsets.UTF_8);
  }

  @Test
  void semicolonsQuotesAndLineBreaksAreQuotedAndTheFileStartsWithABom() {
    String csv =
        text(
            List.of(
                List.of("Treff; offen", "Sag \"Hallo\"", "3"), List.of("zwei\nZeilen", "", "x")));
    assertThat(csv)
        .isEqualTo("\uFEFF\"Treff; offen\";\"Sag \"\"Hallo\"\"\";3\r\n\"zwei\nZeilen\";;x\r\n");
  }

  @Test
  void formulasAreDisarmedNumbersAreNot() {
    String csv =
        text(
            List.of(
                List.of("=HYPERLINK(\"x\")", "@SUM(A1)", "-1+1", "+49 3631", "\tTab", "12"),
                List.of("-3,5", "+2", "1.5E3", "-", "=1+2", "Ende")));
    assertThat(csv)
        .isEqualTo(
            "\uFEFF\"'=HYPERLINK(\"\"x\"\")\";'@SUM(A1);'-1+1;'+49 3631;'\tTab;12\r\n"
                + "-3,5;+2;1.5E3;'-;'=1+2;Ende\r\n");
  }

  @Test
  void nullsAreEmptyCellsAndAReaderGetsTheTextBack() throws Exception {
    String csv = text(List.of(Arrays.asList("a", null, "b;c", "Zeile\r\nzwei")));
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .get()
            .parse(new StringReader(csv.substring(1)))
            .getRecords();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).values()).containsExactly("a", "", "b;c", "Zeile\r\nzwei");
  }
}
