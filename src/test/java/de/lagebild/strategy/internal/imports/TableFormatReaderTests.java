package de.lagebild.strategy.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole of seed 000 (Nordhausen's goal-achievement report, June 2022) read as the district
 * exported it.
 */
class TableFormatReaderTests {

  static ImportedTree seed;

  @BeforeAll
  static void readSeed() throws IOException {
    try (InputStream in =
        TableFormatReaderTests.class.getResourceAsStream(
            "/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt")) {
      seed = TableFormatReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<Node> all(List<Node> goals) {
    List<Node> result = new ArrayList<>();
    for (Node g : goals) {
      result.add(g);
      result.addAll(all(g.children));
    }
    return result;
  }

  static List<Node> measures() {
    return all(seed.roots).stream().flatMap(g -> g.measures.stream()).toList();
  }

  @Test
  void readsTheTreeOfTheSeed() {
    assertThat(seed.getRoundName()).isEqualTo("Juni 2022");
    assertThat(seed.roots)
        .extracting(g -> g.title)
        .containsExactly(
            "Alle Akteure sehen Armutsprävention als Querschnittsaufgabe im Sinne eines integrierten Gesamtansatzes – also als fach- und ressortübergreifende Aufgabe.",
            "Verbesserung der Lebenslagen und Chancen im Landkreis Nordhausen");
    assertThat(seed.roots.get(0).children).extracting(g -> g.level).containsOnly(2).hasSize(3);
    assertThat(seed.roots.get(1).children)
        .extracting(g -> g.title)
        .containsExactly(
            "Kinder und Familien mit Kindern",
            "Kinder und Jugendliche",
            "Erwachsene im Erwerbsfähigen Alter",
            "Senioren",
            "Zielgruppenübergreifende Handlungsfelder");
    List<Node> goals = all(seed.roots);
    assertThat(goals.stream().filter(g -> g.level == 2)).hasSize(20);
    assertThat(seed.getGoalCount()).isEqualTo(27);
    // 44 rows with a responsible unit; two rows split by page breaks are joined to their measure
    assertThat(seed.getMeasureCount()).isEqualTo(44).isEqualTo(measures().size());
    assertThat(measures())
        .allSatisfy(m -> assertThat(m.field(ImportFields.RESPONSIBLE)).isNotBlank());
  }

  @Test
  void putsEveryCellInItsPlace() {
    Node first = measures().get(0);
    assertThat(first.title)
        .startsWith("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse");
    assertThat(first.field(ImportFields.RESPONSIBLE))
        .isEqualTo("Geschäftsbereich 1, Stab Sozialplanung und Controlling");
    assertThat(first.field(ImportFields.INDICATORS))
        .isEqualTo("Stellenkapazitäten; Inanspruchnahme von Förderungen; Verstetigung");
    assertThat(first.assessments.get("Juni 2022").html())
        .startsWith("Der Landkreis Nordhausen beantragt Förderung im Rahmen der ESFplus");
    assertThat(first.line).isEqualTo(51);

    Node last = measures().get(measures().size() - 1);
    assertThat(last.title)
        .startsWith(
            "Unterstützung des Modellprojekts zur Verzahnung von Arbeits- und Gesundheitsförderung");
    assertThat(all(seed.roots).get(all(seed.roots).size() - 1).title)
        .isEqualTo("Stärkung von gesundheitsfördernden Ressourcen und Potenzialen");
  }

  @Test
  void joinsRowsThatAPageBreakSplit() {
    Node parliament =
        measures().stream()
            .filter(
                m ->
                    m.title.startsWith(
                        "Frühzeitige Einbindung und Beteiligung des Kinder- und Jugendparlaments"))
            .findFirst()
            .orElseThrow();
    assertThat(parliament.title)
        .endsWith("in die Jugendförderplanung sowie Einrichtung von kleinräumigen Jugendforen");
    assertThat(parliament.assessments.get("Juni 2022").html())
        .contains("Kinder- und Jugendstadtrat Nordhausen");

    Node publicity =
        measures().stream()
            .filter(m -> m.title.startsWith("Ausbau der Öffentlichkeitsarbeit zum Thema Armut"))
            .findFirst()
            .orElseThrow();
    assertThat(publicity.assessments.get("Juni 2022").html())
        .contains("im Youtube-Kanal des Landkreises zu veröffentlichen");
  }

  @Test
  void reportsWhatItIgnoresWithTheLine() {
    assertThat(seed.problems).noneMatch(ImportedTree.Problem::error);
    assertThat(seed.problems)
        .anySatisfy(
            w -> {
              assertThat(w.line()).isEqualTo(84);
              assertThat(w.location()).isEqualTo("Zeile 84");
              assertThat(w.messageKey()).isEqualTo("import.lineIgnored");
              assertThat(w.detail()).isEqualTo("Ziele nach Handlungsfeldern");
            });
  }

  @Test
  void aMeasureBeforeAnyGoalIsAnErrorWithItsLine() {
    ImportedTree r =
        TableFormatReader.read(
            "Maßnahme\tVerantwortlich\tIndikatoren\tEinschätzung 2023\n"
                + "Etwas tun\tJugendamt\tAnzahl\tläuft\n");
    assertThat(r.getMeasureCount()).isZero();
    assertThat(r.getErrors())
        .extracting(
            ImportedTree.Problem::line,
            ImportedTree.Problem::field,
            ImportedTree.Problem::messageKey)
        .contains(Tuple.tuple(2, "Maßnahme", "import.measureBeforeGoal"));
  }

  @Test
  void numbersGoalsAndMeasuresByPosition() {
    assertThat(seed.roots.get(1).code).isEqualTo("2");
    assertThat(seed.roots.get(1).children.get(0).code).isEqualTo("2.1");
    assertThat(measures().get(0).code).isEqualTo("1.1.1");
    assertThat(measures()).allMatch(m -> m.codeGenerated);
  }

  @Test
  void aTableWithoutTheResponsibleColumnIsAnError() {
    ImportedTree r =
        TableFormatReader.read(
            "Leitziel: Teilhabe\t\t\t\n"
                + "Maßnahme\tIndikatoren\tEinschätzung 2023\nEtwas tun\tAnzahl\tläuft\n");
    assertThat(r.getErrors())
        .extracting(
            ImportedTree.Problem::line,
            ImportedTree.Problem::field,
            ImportedTree.Problem::messageKey)
        .containsExactly(Tuple.tuple(2, "Verantwortlich", "import.headerColumns"));
  }

  @Test
  void moreAssessmentColumnsAreMoreRoundsAndNamedColumnsFields() {
    ImportedTree r =
        TableFormatReader.read(
            "Leitziel: Teilhabe\n"
                + "Maßnahme\tVerantwortlich\tIndikatoren\tZeitraum\tEinschätzung Juni 2022\tEinschätzung Juni 2023\n"
                + "Etwas tun\tJugendamt\tAnzahl\t2022\t<p>begonnen</p>\t<p>fertig</p>\n");
    Node m = r.roots.get(0).measures.get(0);
    assertThat(r.rounds).containsExactly("Juni 2022", "Juni 2023");
    assertThat(m.assessments.get("Juni 2023").html()).isEqualTo("<p>fertig</p>");
    assertThat(m.extras).containsEntry("Zeitraum", "2022");
    assertThat(r.problems)
        .extracting(ImportedTree.Problem::messageKey)
        .containsExactly("import.unknownColumn");
  }

  @Test
  void duplicateCodesAreErrors() {
    ImportedTree r = TableFormatReader.read("Handlungsfeld 1: A\t\nHandlungsfeld 1: B\t\n");
    assertThat(r.getErrors())
        .extracting(ImportedTree.Problem::messageKey, ImportedTree.Problem::location)
        .containsExactly(Tuple.tuple("import.duplicateCode", "Zeile 2"));
  }
}
