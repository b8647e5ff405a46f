package de.lagebild.strategy.internal.bench;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a strategy of any size in the current tenant: 2 Leitziele × 5 Handlungsfelder × 10
 * Teilziele, the measures spread over the Teilziele, and {@code rounds} closed rounds with an
 * assessment of every measure. Deterministic.
 */
public final class StrategyGenerator {

  static final String[] STATUSES = {
    "NOT_STARTED", "PREPARING", "IN_PROGRESS", "IMPLEMENTED", "ROUTINE", "DELAYED"
  };

  private StrategyGenerator() {}

  public static UUID generate(
      StrategyRepository strategies,
      MeasureRepository measures,
      RoundRepository rounds,
      List<ResponsibleUnit> units,
      String title,
      int measureCount,
      int roundCount) {
    Random random = new Random(42);
    Instant now = Instant.now();
    StrategyRow s =
        new StrategyRow(
            UUID.randomUUID(),
            title,
            "Generiert",
            null,
            null,
            null,
            StrategyStatus.DECIDED,
            List.of("Leitziel", "Handlungsfeld", "Teilziel"),
            Visibility.INTERNAL,
            null,
            0);
    strategies.insert(s, now);
    List<GoalRow> leaves = new ArrayList<>();
    int position = 0;
    for (int l = 1; l <= 2; l++) {
      GoalRow lz = goal(s, null, 0, position++, l + "", "Leitziel " + l);
      strategies.insertGoal(lz, now);
      for (int h = 1; h <= 5; h++) {
        GoalRow hf = goal(s, lz.id(), 1, position++, l + "." + h, "Handlungsfeld " + l + "." + h);
        strategies.insertGoal(hf, now);
        for (int t = 1; t <= 10; t++) {
          GoalRow tz =
              goal(
                  s,
                  hf.id(),
                  2,
                  position++,
                  l + "." + h + "." + t,
                  "Teilziel " + l + "." + h + "." + t);
          strategies.insertGoal(tz, now);
          leaves.add(tz);
        }
      }
    }
    List<UUID> measureIds = new ArrayList<>();
    for (int i = 0; i < measureCount; i++) {
      GoalRow goal = leaves.get(i % leaves.size());
      UUID id = UUID.randomUUID();
      measures.insert(
          new MeasureRow(
              id,
              s.id(),
              goal.id(),
              i,
              goal.code() + "." + (i / leaves.size() + 1),
              "Maßnahme " + i + " zur Verbesserung der Lebenslagen",
              null,
              "Verantwortlich " + i,
              null,
              "Indikator " + i,
              null,
              Set.of(),
              null,
              null,
              null,
              null,
              FuzzyDate.parse("III. Quartal 2019"),
              FuzzyDate.parse("Ende 2021"),
              null,
              1,
              Set.of(units.get(i % units.size()).id()),
              0),
          now);
      measureIds.add(id);
    }
    for (int r = 0; r < roundCount; r++) {
      int year = 2019 + r;
      RoundRow round =
          new RoundRow(
              UUID.randomUUID(),
              s.id(),
              "Juni " + year,
              null,
              LocalDate.of(year, 6, 30),
              null,
              RoundState.CLOSED,
              0);
      rounds.insert(round, now);
      for (UUID m : measureIds) {
        String status = STATUSES[random.nextInt(STATUSES.length)];
        rounds.insertAssessment(
            new AssessmentRow(
                UUID.randomUUID(),
                round.id(),
                m,
                1,
                status,
                random.nextInt(101),
                "<p>Einschätzung " + year + "</p>",
                null,
                null,
                "Generator",
                now,
                null));
      }
    }
    return s.id();
  }

  private static GoalRow goal(
      StrategyRow s, UUID parent, int level, int position, String code, String title) {
    return new GoalRow(
        UUID.randomUUID(),
        s.id(),
        parent,
        level,
        position,
        code,
        title,
        null,
        null,
        null,
        Set.of(),
        0);
  }

  /**
   * A strategy in the table format of seed 000 with {@code measures} measures (ten per Teilziel, a
   * hundred per Handlungsfeld, a thousand per Leitziel) and one "Einschätzung" column per round,
   * with texts of typical length.
   */
  public static byte[] tableFormat(int measures, int rounds) {
    StringBuilder out = new StringBuilder(measures * (400 + rounds * 300));
    StringBuilder header = new StringBuilder("Maßnahme\tVerantwortlich\tIndikatoren");
    for (int r = 1; r <= rounds; r++) {
      header.append("\tEinschätzung Runde ").append(2020 + r);
    }
    for (int i = 0; i < measures; i++) {
      if (i % 1000 == 0) {
        out.append("Leitziel: Leitziel ")
            .append(i / 1000 + 1)
            .append(" – Teilhabe und Chancen für alle\t\t\t\n");
      }
      if (i % 100 == 0) {
        out.append("Handlungsfeld : Handlungsfeld ")
            .append(i / 100 + 1)
            .append(" Familie und Bildung\t\t\t\n");
      }
      if (i % 10 == 0) {
        out.append("Teilziel: Teilziel ")
            .append(i / 10 + 1)
            .append(" – Familien erreichen Beratung früh und wohnortnah\t\t\t\n")
            .append(header)
            .append('\n');
      }
      out.append("Maßnahme ")
          .append(i + 1)
          .append(
              ": Ausbau niedrigschwelliger Beratungsangebote in den Sozialräumen mit Sprechstunden vor Ort")
          .append(
              "\tFachbereich Jugend, Stab Sozialplanung/Controlling\tAnzahl der Beratungen; Erreichte Familien");
      for (int r = 1; r <= rounds; r++) {
        out.append("\t<p>Stand ")
            .append(2020 + r)
            .append(": Die Maßnahme ")
            .append(i + 1)
            .append(
                " wird umgesetzt. Es fanden Gespräche mit Trägern statt; ein Konzept liegt vor.</p>")
            .append("<ul><li>Sprechstunden in drei Orten</li><li>Auswertung im Herbst</li></ul>");
      }
      out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
