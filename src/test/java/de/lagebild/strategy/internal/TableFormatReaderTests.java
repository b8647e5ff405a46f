package de.lagebild.strategy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.strategy.internal.TableFormatReader.Goal;
import de.lagebild.strategy.internal.TableFormatReader.Measure;
import de.lagebild.strategy.internal.TableFormatReader.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole of seed 000 (Nordhausen's goal-achievement report, June 2022) read as the district exported it. */
class TableFormatReaderTests {

  static Result seed;

  @BeforeAll
  static void readSeed() throws IOException {
    try (InputStream in = TableFormatReaderTests.class
        .getResourceAsStream("/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt")) {
      seed = TableFormatReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<Goal> all(List<Goal> goals) {
    List<Goal> result = new ArrayList<>();
    for (Goal g : goals) {
      result.add(g);
      result.addAll(all(g.children));
    }
    return result;
  }

  static List<Measure> measures() {
    return all(seed.roots()).stream().flatMap(g -> g.measures.stream()).toList();
  }

  @Test
  void readsTheTreeOfTheSeed() {
    assertThat(seed.roundName()).isEqualTo("Juni 2022");
    assertThat(seed.roots()).extracting(g -> g.title).containsExactly(
        "Alle Akteure sehen Armutsprävention als Querschnittsaufgabe im Sinne eines integrierten Gesamtansatzes – also als fach- und ressortübergreifende Aufgabe.",
        "Verbesserung der Lebenslagen und Chancen im Landkreis Nordhausen");
    assertThat(seed.roots().get(0).children).extracting(g -> g.level).containsOnly(2).hasSize(3);
    assertThat(seed.roots().get(1).children).extracting(g -> g.title).containsExactly(
        "Kinder und Familien mit Kindern", "Kinder und Jugendliche", "Erwachsene im Erwerbsfähigen Alter", "Senioren",
        "Zielgruppenübergreifende Handlungsfelder");
    List<Goal> goals = all(seed.roots());
    assertThat(goals.stream().filter(g -> g.level == 2)).hasSize(20);
    assertThat(seed.goalCount()).isEqualTo(27);
    // 44 rows with a responsible unit; two rows split by page breaks are joined to their measure
    assertThat(seed.measureCount()).isEqualTo(44).isEqualTo(measures().size());
    assertThat(measures()).allSatisfy(m -> assertThat(m.responsible()).isNotBlank());
  }

  @Test
  void putsEveryCellInItsPlace() {
    Measure first = measures().get(0);
    assertThat(first.title()).startsWith("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse");
    assertThat(first.responsible()).isEqualTo("Geschäftsbereich 1, Stab Sozialplanung und Controlling");
    assertThat(first.indicators()).isEqualTo("Stellenkapazitäten; Inanspruchnahme von Förderungen; Verstetigung");
    assertThat(first.assessmentHtml()).startsWith("Der Landkreis Nordhausen beantragt Förderung im Rahmen der ESFplus");
    assertThat(first.line).isEqualTo(51);

    Measure last = measures().get(measures().size() - 1);
    assertThat(last.title()).startsWith("Unterstützung des Modellprojekts zur Verzahnung von Arbeits- und Gesundheitsförderung");
    assertThat(all(seed.roots()).get(all(seed.roots()).size() - 1).title)
        .isEqualTo("Stärkung von gesundheitsfördernden Ressourcen und Potenzialen");
  }

  @Test
  void joinsRowsThatAPageBreakSplit() {
    Measure parliament = measures().stream()
        .filter(m -> m.title().startsWith("Frühzeitige Einbindung und Beteiligung des Kinder- und Jugendparlaments"))
        .findFirst().orElseThrow();
    assertThat(parliament.title()).endsWith("in die Jugendförderplanung sowie Einrichtung von kleinräumigen Jugendforen");
    assertThat(parliament.assessmentHtml()).contains("Kinder- und Jugendstadtrat Nordhausen");

    Measure publicity = measures().stream()
        .filter(m -> m.title().startsWith("Ausbau der Öffentlichkeitsarbeit zum Thema Armut")).findFirst().orElseThrow();
    assertThat(publicity.assessmentHtml()).contains("im Youtube-Kanal des Landkreises zu veröffentlichen");
  }

  @Test
  void reportsWhatItIgnoresWithTheLine() {
    assertThat(seed.warnings()).anySatisfy(w -> {
      assertThat(w.line()).isEqualTo(84);
      assertThat(w.messageKey()).isEqualTo("import.lineIgnored");
      assertThat(w.detail()).isEqualTo("Ziele nach Handlungsfeldern");
    });
  }

  @Test
  void aMeasureBeforeAnyGoalIsAWarningWithItsLine() {
    Result r = TableFormatReader.read("Maßnahme\tVerantwortlich\tIndikatoren\tEinschätzung 2023\n"
        + "Etwas tun\tJugendamt\tAnzahl\tläuft\n");
    assertThat(r.measureCount()).isZero();
    assertThat(r.warnings()).extracting(TableFormatReader.Warning::line, TableFormatReader.Warning::field,
            TableFormatReader.Warning::messageKey)
        .contains(org.assertj.core.groups.Tuple.tuple(2, "Maßnahme", "import.measureBeforeGoal"));
  }
}
