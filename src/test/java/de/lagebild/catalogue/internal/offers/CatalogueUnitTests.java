package de.lagebild.catalogue.internal.offers;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.catalogue.internal.search.GermanAnalysis;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.exchange.SafeHtml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

/** Rules of offers and locations, opening hours in words, the German analysis of the search. */
class CatalogueUnitTests {

  static OfferContent offer(Integer from, Integer to, String url, List<ScheduleRow> schedules) {
    return new OfferContent(
        "Treff",
        null,
        "FREE",
        null,
        from,
        to,
        List.of("de"),
        List.of("ALLE"),
        List.of(),
        url,
        null,
        null,
        null,
        List.of(),
        List.of(),
        schedules,
        List.of());
  }

  static List<String> keys(List<OfferRules.Problem> problems) {
    return problems.stream().map(OfferRules.Problem::messageKey).toList();
  }

  @Test
  void offerRules() {
    assertThat(
            OfferRules.check(
                offer(
                    0,
                    99,
                    "https://example.org",
                    List.of(
                        new ScheduleRow(1, "09:00", "12:00", null),
                        new ScheduleRow(1, "13:00", "17:00", null))),
                Set.of(),
                Set.of()))
        .isEmpty();
    assertThat(keys(OfferRules.check(offer(12, 3, null, List.of()), Set.of(), Set.of())))
        .containsExactly("catalogue.rule.ageReversed");
    assertThat(keys(OfferRules.check(offer(-1, 130, null, List.of()), Set.of(), Set.of())))
        .containsExactly("catalogue.rule.ageRange", "catalogue.rule.ageRange");
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "ftp://x",
            "www.x.de",
            "https://x.de/\"onmouseover=x")) {
      assertThat(keys(OfferRules.check(offer(null, null, bad, List.of()), Set.of(), Set.of())))
          .as(bad)
          .containsExactly("catalogue.rule.url");
    }
    assertThat(
            keys(
                OfferRules.check(
                    offer(
                        null,
                        null,
                        null,
                        List.of(
                            new ScheduleRow(2, "10:00", "12:00", null),
                            new ScheduleRow(2, "11:30", "13:00", null),
                            new ScheduleRow(3, "18:00", "17:00", null),
                            new ScheduleRow(4, "9 Uhr", "12:00", null),
                            new ScheduleRow(8, "09:00", "10:00", null),
                            new ScheduleRow(5, "08:00", "24:00", null))),
                    Set.of(),
                    Set.of())))
        .containsExactly(
            "catalogue.rule.overlap",
            "catalogue.rule.endsBeforeStart",
            "catalogue.rule.timeInvalid",
            "catalogue.rule.weekday");
    // unknown category, another organisation's location
    OfferContent c =
        new OfferContent(
            "Treff",
            null,
            "FREE",
            null,
            null,
            null,
            List.of("xx"),
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            List.of(UUID.randomUUID()),
            List.of(UUID.randomUUID()),
            List.of(),
            List.of());
    assertThat(keys(OfferRules.check(c, Set.of(), Set.of())))
        .containsExactly(
            "catalogue.rule.choice",
            "catalogue.rule.categoryUnknown",
            "catalogue.rule.locationForeign");
  }

  static LocationRow at(String lat, String lon) {
    return new LocationRow(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Ort",
        null,
        "99734",
        "Nordhausen",
        lat == null ? null : new BigDecimal(lat),
        lon == null ? null : new BigDecimal(lon),
        null,
        null,
        0);
  }

  @Test
  void locationRules() {
    assertThat(OfferRules.check(at("51.505", "10.791"))).isEmpty();
    assertThat(OfferRules.check(at(null, null))).isEmpty();
    assertThat(keys(OfferRules.check(at("10.791", "51.505"))))
        .containsExactly("catalogue.rule.coordinateSwapped");
    assertThat(keys(OfferRules.check(at("91", "10"))))
        .containsExactly("catalogue.rule.coordinateRange");
    assertThat(keys(OfferRules.check(at("48.85", "2.35"))))
        .containsExactly("catalogue.rule.coordinateOutside");
    assertThat(keys(OfferRules.check(at("51.5", null))))
        .containsExactly("catalogue.rule.coordinateHalf");
    List<OfferRules.Problem> p = new ArrayList<>();
    assertThat(OfferRules.coordinate("51,5050", "latitude", p)).isEqualByComparingTo("51.505");
    assertThat(OfferRules.coordinate("51,5x", "latitude", p)).isNull();
    assertThat(keys(p)).containsExactly("catalogue.rule.coordinateNumber");
  }

  @Test
  void openingHoursInWords() {
    List<ScheduleRow> week = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      week.add(new ScheduleRow(d, "08:00", "16:00", null));
    }
    week.add(new ScheduleRow(6, "10:00", "12:00", null));
    assertThat(Schedules.text(week))
        .isEqualTo("Montag bis Freitag 08:00–16:00 Uhr; Samstag 10:00–12:00 Uhr");
    assertThat(
            Schedules.text(
                List.of(
                    new ScheduleRow(2, "09:00", "12:00", null),
                    new ScheduleRow(4, "13:00", "17:00", null),
                    new ScheduleRow(2, "13:00", "15:00", "nur mit Termin"))))
        .isEqualTo(
            "Dienstag 09:00–12:00 und 13:00–15:00 (nur mit Termin) Uhr; Donnerstag 13:00–17:00 Uhr");
    assertThat(
            Schedules.text(
                List.of(
                    new ScheduleRow(1, "09:00", "12:00", null),
                    new ScheduleRow(2, "09:00", "12:00", null))))
        .isEqualTo("Montag und Dienstag 09:00–12:00 Uhr");
  }

  @Test
  void storedHtmlBecomesEditableTextAndBack() {
    String html = SafeHtml.sanitize("Erster Absatz mit &.\n\nZweiter\nmit Umbruch.");
    String text = Labels.editable(html);
    assertThat(text).isEqualTo("Erster Absatz mit &.\n\nZweiter\nmit Umbruch.");
    assertThat(SafeHtml.sanitize(text)).isEqualTo(html);
  }

  @Test
  void germanAnalysisSplitsCompoundsAndCutsEndings() throws Exception {
    CharArraySet dictionary =
        new CharArraySet(List.of("schuldner", "beratung", "insolvenz", "kinder"), true);
    List<List<String>> words =
        GermanAnalysis.analyse(
            GermanAnalysis.analyzer(dictionary), "Schuldnerberatungen für Kinder");
    assertThat(words).hasSize(2);
    assertThat(words.get(0)).contains("schuldn", "beratung");
    assertThat(words.get(1).get(0)).isEqualTo("kind");
    // umlauts and accents fold, stop words go
    assertThat(
            GermanAnalysis.analyse(GermanAnalysis.analyzer(dictionary), "Café Größe und").stream()
                .map(w -> w.get(0))
                .toList())
        .containsExactly("caf", "gross");
  }
}
