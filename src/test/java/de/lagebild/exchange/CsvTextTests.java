package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTests {

  @Test
  void aStrayQuoteInsideACellIsTextAndSwallowsNothing() {
    String csv = "Name;Maß\nRohr 2\" Zoll;5\nSchraube;7\nMutter;9\n";
    List<List<String>> rows = CsvText.table(csv);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1)).containsExactly("Rohr 2\" Zoll", "5");
    assertThat(rows.get(3)).containsExactly("Mutter", "9");
    assertThat(CsvText.lines(csv)).hasSize(4);
  }

  @Test
  void quotedCellsSpanLinesAndHoldDoubledQuotes() {
    String csv = "\uFEFFa;b\n\"zwei\nZeilen\";\"Sag \"\"Hallo\"\"\"\nx;y\n";
    List<String> lines = CsvText.lines(csv);
    assertThat(lines).hasSize(3);
    assertThat(CsvText.split(lines.get(1), ';')).containsExactly("zwei\nZeilen", "Sag \"Hallo\"");
    assertThat(CsvText.split(lines.get(2), ';')).containsExactly("x", "y");
  }

  @Test
  void theSeparatorIsTheOneTheFirstLineUsesMost() {
    assertThat(CsvText.separator("a,b,c\n1;2")).isEqualTo(',');
    assertThat(CsvText.separator("a;b\n")).isEqualTo(';');
    assertThat(CsvText.separator("a\tb\tc\n")).isEqualTo('\t');
    assertThat(CsvText.table("a,\"b,c\",d\n")).containsExactly(List.of("a", "b,c", "d"));
  }

  @Test
  void anUnterminatedQuoteEndsAtTheEndOfTheText() {
    assertThat(CsvText.table("a;\"offen\nweiter")).hasSize(1);
  }
}
