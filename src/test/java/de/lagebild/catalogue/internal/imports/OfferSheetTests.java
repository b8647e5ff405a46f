package de.lagebild.catalogue.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Web addresses as open-data lists write them, repaired with a warning (issue 15). */
class OfferSheetTests {

  @Test
  void addressesWithoutSchemeOrWithBackslashesAreRepairedWithAWarning() {
    List<OfferImport.Problem> problems = new ArrayList<>();
    assertThat(OfferSheet.url("www.kita-sonnenschein.example", 2, problems))
        .isEqualTo("https://www.kita-sonnenschein.example");
    assertThat(OfferSheet.url("https:\\\\www.beratung.example\\kontakt", 3, problems))
        .isEqualTo("https://www.beratung.example/kontakt");
    assertThat(OfferSheet.url("beratung.example/termine", 4, problems))
        .isEqualTo("https://beratung.example/termine");
    assertThat(problems)
        .hasSize(3)
        .allMatch(p -> !p.error())
        .extracting(OfferImport.Problem::line)
        .containsExactly(2, 3, 4);
    // correct and unrepairable addresses stay as written (the offer rules judge them)
    problems.clear();
    assertThat(OfferSheet.url("https://example.org/eltern", 5, problems))
        .isEqualTo("https://example.org/eltern");
    assertThat(OfferSheet.url("javascript:alert(1)", 6, problems)).isEqualTo("javascript:alert(1)");
    assertThat(OfferSheet.url("  ", 7, problems)).isNull();
    assertThat(problems).isEmpty();
  }
}
