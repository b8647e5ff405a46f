package de.lagebild.planning.internal.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.platform.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * LimeSurvey exports written after the published formats are read and aggregated per area: the
 * structure with texts from {@code question_l10ns}, answer codes and full answers alike (also in
 * Windows-1252 and XLSX), "Keine Antwort" outside the base, incomplete responses left out, and
 * every figure checked against counts made here by hand.
 */
class SurveyAggregationTests {

  static final List<String> AREAS = List.of("Nord", "Süd", "Mitte");
  final LimeSurveyExport export = new LimeSurveyExport(AREAS);
  final UUID nord = UUID.randomUUID();
  final UUID sued = UUID.randomUUID();
  final UUID mitte = UUID.randomUUID();
  final Map<String, UUID> mapping = Map.of("nord", nord, "süd", sued, "mitte", mitte);

  SurveyPlan plan() {
    return new SurveyPlan(
        "Familienbefragung",
        "2025",
        "SR",
        mapping,
        false,
        List.of(
            new SurveyPlan.Choice("Q1", SurveyPlan.Mode.COMBINED, List.of("A1", "A2")),
            new SurveyPlan.Choice("Q2", SurveyPlan.Mode.EACH, List.of()),
            new SurveyPlan.Choice("Q3", SurveyPlan.Mode.EACH, List.of()),
            new SurveyPlan.Choice("Q4", SurveyPlan.Mode.COMBINED, List.of("A1"))),
        Set.of("Q5"));
  }

  static LimeSurveyExport.Response r(
      String area, String q1, boolean kita, String q3, String q4a, String q5) {
    return new LimeSurveyExport.Response(
        true, area, q1, new boolean[] {kita, false, false}, q3, new String[] {q4a, "A2"}, q5);
  }

  /** 12 in Nord, 7 in Süd, 3 in Mitte, 1 without area, 1 incomplete. */
  List<LimeSurveyExport.Response> hand() {
    List<LimeSurveyExport.Response> list = new ArrayList<>();
    String[] nordQ1 = {"A1", "A1", "A2", "A3", "A4", "", "A2", "A1", "A3", "A2", "A1", "A4"};
    for (int i = 0; i < 12; i++) {
      list.add(r("A1", nordQ1[i], i % 3 == 0, String.valueOf(i % 4), i < 5 ? "A1" : "A3", ""));
    }
    String[] suedQ1 = {"A1", "A3", "A3", "A4", "", "A2", "A1"};
    for (int i = 0; i < 7; i++) {
      list.add(r("A2", suedQ1[i], i == 0, i == 6 ? "" : "2", "A1", i == 1 ? "Ein Jugendclub" : ""));
    }
    for (int i = 0; i < 3; i++) {
      list.add(r("A3", "A1", true, "1", "A2", ""));
    }
    list.add(r("", "A4", false, "3", "A1", ""));
    list.add(
        new LimeSurveyExport.Response(
            false, "A1", "A1", new boolean[3], "9", new String[] {"A1", "A1"}, ""));
    return list;
  }

  SurveyAggregation.Result run(byte[] responses, String fileName) {
    return SurveyAggregation.run(
        LssReader.read(export.lss()), ResponseTable.read(responses, fileName), plan());
  }

  static SurveyAggregation.Series series(SurveyAggregation.Result r, String key) {
    return r.series().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void theStructureWithTextsFromTheTranslationTables() {
    SurveyStructure s = LssReader.read(export.lss());
    assertThat(s.title()).isEqualTo("Familienbefragung 2025");
    assertThat(s.questions())
        .extracting(SurveyStructure.Question::code)
        .containsExactly("SR", "Q1", "Q2", "Q3", "Q4", "Q5");
    assertThat(s.questions())
        .extracting(SurveyStructure.Question::type)
        .containsExactly("L", "L", "M", "N", "F", "T");
    assertThat(s.question("SR").orElseThrow().text()).isEqualTo("In welchem Gebiet wohnen Sie?");
    assertThat(s.question("Q1").orElseThrow().text())
        .isEqualTo("Wie zufrieden sind Sie mit den Angeboten für Familien?");
    assertThat(s.question("Q1").orElseThrow().options())
        .extracting(SurveyStructure.Option::text)
        .containsExactly("sehr zufrieden", "eher zufrieden", "eher unzufrieden", "unzufrieden");
    assertThat(s.question("Q4").orElseThrow().subs())
        .extracting(SurveyStructure.Sub::text)
        .containsExactly("Spielplätze", "Busverbindungen");
    assertThat(s.question("Q2").orElseThrow().subs()).hasSize(3);
  }

  @Test
  void figuresPerAreaAgreeWithCountsByHand() {
    SurveyAggregation.Result r =
        run(export.csv(hand(), false, StandardCharsets.UTF_8, ','), "antworten.csv");
    assertThat(r.rows()).isEqualTo(24);
    assertThat(r.used()).isEqualTo(23);
    assertThat(r.incomplete()).isEqualTo(1);
    assertThat(r.unmapped()).isEqualTo(1);
    // Q1 "sehr" or "eher zufrieden": Nord 7 of 11 answers (one "Keine Antwort")
    SurveyAggregation.Series q1 = series(r, "Q1_A1_A2");
    assertThat(q1.areas().get(nord).n).isEqualTo(11);
    assertThat(q1.areas().get(nord).value(q1.measure())).isEqualByComparingTo("63.6");
    assertThat(q1.areas().get(sued).n).isEqualTo(6);
    assertThat(q1.areas().get(sued).value(q1.measure())).isEqualByComparingTo("50.0");
    assertThat(q1.areas().get(mitte).value(q1.measure())).isEqualByComparingTo("100.0");
    assertThat(q1.total().n).isEqualTo(21);
    // Q1 responses (n)
    assertThat(series(r, "Q1_n").areas().get(nord).n).isEqualTo(11);
    // Q2 Kita ticked: Nord i = 0, 3, 6, 9 → 4 of 12
    SurveyAggregation.Series kita = series(r, "Q2_SQ001");
    assertThat(kita.areas().get(nord).value(kita.measure())).isEqualByComparingTo("33.3");
    assertThat(kita.areas().get(sued).value(kita.measure())).isEqualByComparingTo("14.3");
    // Q3 mean: Nord 0,1,2,3 ×3 = 18 / 12 = 1.5; Süd six times 2
    SurveyAggregation.Series q3 = series(r, "Q3_mean");
    assertThat(q3.areas().get(nord).value(q3.measure())).isEqualByComparingTo("1.5");
    assertThat(q3.areas().get(sued).n).isEqualTo(6);
    assertThat(q3.areas().get(sued).value(q3.measure())).isEqualByComparingTo("2.0");
    // Q4 Spielplätze "gut": Nord 5 of 12
    SurveyAggregation.Series q4 = series(r, "Q4_SQ001_A1");
    assertThat(q4.label()).isEqualTo("Spielplätze: Anteil „gut“");
    assertThat(q4.areas().get(nord).value(q4.measure())).isEqualByComparingTo("41.7");
    // free text of the review, with its area
    assertThat(r.texts())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.text()).isEqualTo("Ein Jugendclub");
              assertThat(t.area()).isEqualTo(sued);
            });
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void fullAnswersWindows1252SemicolonsAndXlsxGiveTheSameFigures() {
    SurveyAggregation.Result codes =
        run(export.csv(hand(), false, StandardCharsets.UTF_8, ','), "antworten.csv");
    byte[] cp1252 = export.csv(hand(), true, Charset.forName("windows-1252"), ';');
    assertThat(new String(cp1252, StandardCharsets.ISO_8859_1)).contains("S\u00fcd");
    SurveyAggregation.Result full = run(cp1252, "antworten.csv");
    assertThat(full.charset()).isEqualTo("Windows-1252");
    SurveyAggregation.Result xlsx = run(export.xlsx(hand(), true), "antworten.xlsx");
    for (SurveyAggregation.Result other : List.of(full, xlsx)) {
      assertThat(other.problems()).isEmpty();
      assertThat(other.unmapped()).isEqualTo(1);
      for (SurveyAggregation.Series s : codes.series()) {
        SurveyAggregation.Series o = series(other, s.key());
        for (UUID area : List.of(nord, sued, mitte)) {
          assertThat(o.areas().get(area).n).as(s.key()).isEqualTo(s.areas().get(area).n);
          assertThat(o.areas().get(area).sum).as(s.key()).isEqualTo(s.areas().get(area).sum);
        }
      }
    }
    assertThat(full.areaValues())
        .extracting(SurveyAggregation.AreaValue::value)
        .contains("Süd", "Keine Antwort");
  }

  @Test
  void aValueThatIsNoOptionIsNamedWithLineAndColumn() {
    List<LimeSurveyExport.Response> list = hand();
    list.set(2, r("A1", "A9", false, "zwei", "A1", ""));
    SurveyAggregation.Result r =
        run(export.csv(list, false, StandardCharsets.UTF_8, ','), "antworten.csv");
    assertThat(r.problems())
        .extracting(p -> "Zeile " + p.line() + ", Frage " + p.field() + ": " + p.message())
        .contains(
            "Zeile 4, Frage Q1: „A9“ ist keine Antwortmöglichkeit der Frage Q1.",
            "Zeile 4, Frage Q3: „zwei“ ist keine Zahl.");
  }

  @Test
  void aQuestionMissingFromTheFileIsRefusedByName() {
    byte[] csv = "\"id\",\"submitdate\",\"SR\",\"Q1\"\n\"1\",\"x\",\"A1\",\"A1\"\n".getBytes();
    assertThatThrownBy(() -> run(csv, "a.csv"))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> {
              assertThat(((DomainException) e).messageKey()).isEqualTo("survey.column.missing");
              assertThat(((DomainException) e).arguments()).containsExactly("Q2[SQ001]");
            });
  }

  /**
   * Nothing below the minimum can be read or computed: every shown cell rests on at least n = 5,
   * and the total minus the shown cells (the suppressed areas and the responses without an area
   * together) rests on 0 or at least 5 responses. Mitte (3) is suppressed; with the one response
   * without area the remainder would be 4, so Süd is suppressed too.
   */
  @Test
  void suppressedCellsCannotBeReconstructedFromTheTotal() {
    SurveyAggregation.Result r =
        run(export.csv(hand(), false, StandardCharsets.UTF_8, ','), "antworten.csv");
    int minN = 5;
    for (SurveyAggregation.Series s : r.series()) {
      Surveys.Shown shown = Surveys.shown(s, minN);
      assertThat(shown.cells().get(mitte).suppressed()).as(s.key()).isTrue();
      assertThat(shown.cells().get(mitte).value()).isNull();
      int visibleN = 0;
      BigDecimal visibleSum = BigDecimal.ZERO;
      for (Survey.Cell c : shown.cells().values()) {
        if (!c.suppressed()) {
          assertThat(c.n()).as(s.key()).isGreaterThanOrEqualTo(minN);
          visibleN += c.n();
          visibleSum = visibleSum.add(c.value().multiply(BigDecimal.valueOf(c.n())));
        }
      }
      if (shown.totalN() != null) {
        int remainder = shown.totalN() - visibleN;
        assertThat(remainder == 0 || remainder >= minN)
            .as(s.key() + ": remainder " + remainder)
            .isTrue();
      }
    }
    Surveys.Shown q1 = Surveys.shown(series(r, "Q1_A1_A2"), minN);
    assertThat(q1.cells().get(sued).suppressed()).isTrue();
    assertThat(q1.cells().get(nord).suppressed()).isFalse();
    assertThat(q1.totalN()).isEqualTo(21);
  }

  @Test
  void suppressionRules() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    // nothing small, nothing unmapped: all shown
    assertThat(Suppression.apply(Map.of(a, 10, b, 8), 0, 5).areas()).isEmpty();
    // responses without area alone at or above the minimum: nothing else needs hiding
    assertThat(Suppression.apply(Map.of(a, 10, b, 8), 6, 5).areas()).isEmpty();
    // two small areas together reach the minimum: only they are hidden
    assertThat(Suppression.apply(Map.of(a, 10, b, 3, c, 2), 0, 5).areas())
        .containsExactlyInAnyOrder(b, c);
    // one small area: the next smallest is hidden with it
    assertThat(Suppression.apply(Map.of(a, 10, b, 3, c, 8), 0, 5).areas())
        .containsExactlyInAnyOrder(b, c);
    // everything small: all hidden, the total too
    Suppression.Result all = Suppression.apply(Map.of(a, 1, b, 2), 0, 5);
    assertThat(all.areas()).containsExactlyInAnyOrder(a, b);
    assertThat(all.total()).isTrue();
  }

  /** 50,000 responses of an XLSX-sized survey, read from CSV and checked against counts here. */
  @Test
  void fiftyThousandResponses() {
    List<String> areas = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      areas.add("Sozialraum " + i);
    }
    LimeSurveyExport big = new LimeSurveyExport(areas);
    List<LimeSurveyExport.Response> responses = big.random(50_000, 42);
    Map<String, UUID> map = new HashMap<>();
    Map<String, UUID> byCode = new HashMap<>();
    for (int i = 1; i <= 40; i++) {
      UUID id = UUID.randomUUID();
      map.put("sozialraum " + i, id);
      byCode.put("A" + i, id);
    }
    SurveyPlan plan =
        new SurveyPlan(
            "Große Befragung",
            "2025",
            "SR",
            map,
            false,
            List.of(new SurveyPlan.Choice("Q1", SurveyPlan.Mode.COMBINED, List.of("A1", "A2"))),
            Set.of());
    byte[] csv = big.csv(responses, false, StandardCharsets.UTF_8, ',');
    SurveyAggregation.Result r =
        SurveyAggregation.run(
            LssReader.read(big.lss()), ResponseTable.read(csv, "gross.csv"), plan);
    assertThat(r.rows()).isEqualTo(50_000);
    Map<UUID, int[]> expected = new HashMap<>();
    int used = 0;
    for (LimeSurveyExport.Response x : responses) {
      if (!x.complete()) {
        continue;
      }
      used++;
      if (x.area().isEmpty() || x.q1().isEmpty()) {
        continue;
      }
      int[] e = expected.computeIfAbsent(byCode.get(x.area()), k -> new int[2]);
      e[0]++;
      if (x.q1().equals("A1") || x.q1().equals("A2")) {
        e[1]++;
      }
    }
    assertThat(r.used()).isEqualTo(used);
    SurveyAggregation.Series q1 = series(r, "Q1_A1_A2");
    assertThat(q1.areas()).hasSize(40);
    expected.forEach(
        (area, e) -> {
          assertThat(q1.areas().get(area).n).isEqualTo(e[0]);
          assertThat(q1.areas().get(area).value(q1.measure()))
              .isEqualByComparingTo(
                  BigDecimal.valueOf(100.0 * e[1] / e[0]).setScale(1, RoundingMode.HALF_UP));
        });
  }

  @Test
  void thePeriodDefaultsToTheYearTheResponsesWereSubmittedIn() {
    byte[] csv =
        export.csv(export.random(40, 3), false, java.nio.charset.StandardCharsets.UTF_8, ',');
    assertThat(ResponseTable.read(csv, "a.csv").submitYear(2030)).isEqualTo(2025);
    byte[] german =
        "Antwort ID;Datum Abgeschickt;SR\n1;14.05.2024 10:12;A1\n2;;A1\n3;01.06.2024 09:00;A2\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ResponseTable.read(german, "b.csv").submitYear(2030)).isEqualTo(2024);
    byte[] none = "id;SR\n1;A1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ResponseTable.read(none, "c.csv").submitYear(2030)).isEqualTo(2030);
  }

  /** Broken or foreign files are refused as a whole, with the German text the user reads. */
  @Test
  void brokenFilesAreRefusedWithGermanMessages() throws Exception {
    java.util.Properties texts = new java.util.Properties();
    try (var in = getClass().getClassLoader().getResourceAsStream("messages/planning.properties")) {
      texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    java.util.function.Function<Throwable, String> german =
        e ->
            java.text.MessageFormat.format(
                texts.getProperty(((DomainException) e).messageKey()).replace("'", "''"),
                ((DomainException) e).arguments());
    String lss = new String(export.lss(), StandardCharsets.UTF_8);
    // cut off in the middle: the line of the XML error is named
    byte[] truncated = lss.substring(0, lss.length() / 2).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LssReader.read(truncated))
        .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("survey.lss.xml"))
        .satisfies(e -> assertThat(german.apply(e)).contains("Zeile"));
    // another XML file
    assertThatThrownBy(
            () -> LssReader.read("<?xml version=\"1.0\"?><html><body/></html>".getBytes()))
        .satisfies(
            e -> assertThat(((DomainException) e).messageKey()).isEqualTo("survey.lss.notLss"));
    // an external entity is not resolved (XXE): refused, and nothing of the file appears
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<document><LimeSurveyDocType>Survey</LimeSurveyDocType>"
                + "<questions><rows><row><qid>1</qid><title>Q1</title><type>L</type>"
                + "<question>&x;</question></row></rows></questions></document>")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LssReader.read(xxe))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(german.apply(e)).doesNotContain("root:"));
    // an empty response export
    assertThatThrownBy(() -> ResponseTable.read("id;SR\n".getBytes(), "leer.csv"))
        .satisfies(
            e ->
                assertThat(((DomainException) e).messageKey()).isEqualTo("survey.responses.empty"));
    // a file that claims to be XLSX but is not
    assertThatThrownBy(() -> ResponseTable.read("PK\u0003\u0004kaputt".getBytes(), "a.xlsx"))
        .satisfies(
            e -> assertThat(((DomainException) e).messageKey()).isEqualTo("survey.responses.xlsx"));
  }
}
