package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GermanHyphenationTests {

  static String shown(String s) {
    return s.replace(GermanHyphenation.SOFT_HYPHEN, '-');
  }

  @Test
  void breaksLongGermanWordsAtSyllables() {
    assertThat(shown(GermanHyphenation.word("Gesundheitsberichterstattung")))
        .isEqualTo("Ge-sund-heits-be-richt-erstat-tung");
    assertThat(shown(GermanHyphenation.word("Informationssysteme")))
        .startsWith("In-for-ma-ti-ons-");
    assertThat(shown(GermanHyphenation.word("Armutspräventionsstrategie"))).contains("Ar-muts-");
  }

  @Test
  void leavesShortWordsNumbersAndMarkupAlone() {
    assertThat(GermanHyphenation.word("Kinder")).isEqualTo("Kinder");
    assertThat(GermanHyphenation.text("2.1 Kinder, 124.916")).isEqualTo("2.1 Kinder, 124.916");
    // addresses stay whole, the words around them are hyphenated
    assertThat(
            shown(
                GermanHyphenation.text(
                    "Kontakt sozialplanung@example.invalid, https://www.lagebild.example/verwaltung"
                        + " Verwaltungsspitze")))
        .isEqualTo(
            "Kontakt sozialplanung@example.invalid, https://www.lagebild.example/verwaltung"
                + " Ver-wal-tungs-spit-ze");
    String html =
        "<html><head><title>Gesundheitsberichterstattung</title><style>td{width:1pt}</style></head>"
            + "<body><p class=\"Gesundheitsberichterstattung\">Gesundheitsberichterstattung &amp;"
            + " Informationssysteme</p></body></html>";
    String out = GermanHyphenation.html(html);
    assertThat(out).contains("<title>Gesundheitsberichterstattung</title>");
    assertThat(out).contains("class=\"Gesundheitsberichterstattung\"");
    assertThat(out).contains("&amp;");
    assertThat(shown(out)).contains(">Ge-sund-heits-be-richt-erstat-tung &amp; In-for-ma");
    // headings break only very long words: „Freistaat Thüringen“ stays whole in a title
    String heading =
        GermanHyphenation.html(
            "<body><h1>Zahlen und Fakten – Freistaat Thüringen</h1><h2>Armutspräventionsstrategie"
                + "</h2><p>Thüringen</p></body>");
    assertThat(shown(heading))
        .contains("<h1>Zahlen und Fakten – Freistaat Thüringen</h1>")
        .contains("<h2>Ar-muts-")
        .contains("<p>Thü-rin-gen</p>");
  }
}
