package de.lagebild.strategy.internal.demo;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.ReviewRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The demo's reporting history, so that a first visitor sees what the product is for: statuses and
 * progress for the seed's June 2022 assessments (a second version per measure; the seed's text
 * stays as written), two earlier closed rounds (June 2020 and 2021) leading up to them, and the
 * open round June 2023 with a few assessments submitted, accepted and returned, and some still open
 * for the Fachbereich Jugend. Everything invented is marked: the evidence of each such assessment
 * says „Demo“, and authors are named „(Demo)“.
 *
 * <p>The statuses of June 2022 are read from the seed's own words (e.g. „regelmäßig“ → continued as
 * a routine task, „Corona“ → delayed); the earlier rounds step back from there.
 */
@Component
class DemoHistory {

  static final String MARK =
      "Demo: Status und Verlauf für die Vorführung gesetzt, nicht aus dem"
          + " Bericht des Landkreises.";

  private final RoundRepository rounds;
  private final MeasureRepository measures;
  private final ResponsibleUnits units;

  DemoHistory(RoundRepository rounds, MeasureRepository measures, ResponsibleUnits units) {
    this.rounds = rounds;
    this.measures = measures;
    this.units = units;
  }

  /** A status and a progress in percent. */
  record Stand(String code, int progress) {}

  /**
   * Writes the history for {@code strategy}, whose closed round {@code seedRound} holds the seed's
   * texts; {@code next} is the round to open.
   */
  void write(StrategyRow strategy, RoundRow seedRound, RoundRow next, Instant now) {
    List<MeasureRow> all = measures.ofStrategy(strategy.id());
    Map<Rows.RoundMeasure, AssessmentRow> seedTexts =
        Rows.newestVersions(rounds.ofRounds(List.of(seedRound.id())));
    RoundRow r2020 = closedRound(strategy, "Juni 2020", now);
    RoundRow r2021 = closedRound(strategy, "Juni 2021", now);
    UUID youth =
        units.list().stream()
            .filter(u -> u.name().equals("Fachbereich Jugend"))
            .map(u -> u.id())
            .findFirst()
            .orElse(null);
    int openForYouth = 0;
    int i = 0;
    for (MeasureRow m : all) {
      AssessmentRow seed = seedTexts.get(new Rows.RoundMeasure(seedRound.id(), m.id()));
      String text = seed == null || seed.narrative() == null ? "" : seed.narrative();
      Stand s2022 = fromText(text, i);
      Stand s2021 = stepBack(s2022, i);
      Stand s2020 = stepBack(s2021, i + 1);
      String author = "Verantwortliche Stelle (Demo)";
      assess(r2020, m, 1, s2020, demoText(s2020), author, at(2020), ReviewDecision.ACCEPTED);
      assess(r2021, m, 1, s2021, demoText(s2021), author, at(2021), ReviewDecision.ACCEPTED);
      assess(
          seedRound,
          m,
          seed == null ? 1 : seed.versionNo() + 1,
          s2022,
          seed == null ? demoText(s2022) : seed.narrative(),
          "Planungskoordination (Demo)",
          at(2022),
          ReviewDecision.ACCEPTED);
      // the open round: units that already reported; the Fachbereich Jugend keeps three open
      boolean isYouth = youth != null && m.unitIds().contains(youth);
      if (isYouth && openForYouth < 3) {
        openForYouth++;
      } else if (!"IMPLEMENTED".equals(s2022.code()) && !"STOPPED".equals(s2022.code())) {
        Stand s2023 = stepForward(s2022, i);
        ReviewDecision decision =
            switch (i % 5) {
              case 0, 1 -> ReviewDecision.ACCEPTED;
              case 2 -> ReviewDecision.RETURNED;
              default -> null;
            };
        assess(next, m, 1, s2023, demoText(s2023), author, at(2023), decision);
      }
      i++;
    }
  }

  private RoundRow closedRound(StrategyRow strategy, String name, Instant now) {
    FuzzyDate period = FuzzyDate.parse(name);
    RoundRow r =
        new RoundRow(
            UUID.randomUUID(),
            strategy.id(),
            name,
            period.earliest(),
            period.latest(),
            period.latest(),
            RoundState.CLOSED,
            0);
    rounds.insert(r, now);
    return r;
  }

  private void assess(
      RoundRow round,
      MeasureRow m,
      int version,
      Stand s,
      String narrative,
      String author,
      Instant at,
      ReviewDecision decision) {
    AssessmentRow a =
        new AssessmentRow(
            UUID.randomUUID(),
            round.id(),
            m.id(),
            version,
            s.code(),
            s.progress(),
            narrative,
            MARK,
            null,
            author,
            at,
            null);
    rounds.insertAssessment(a);
    if (decision != null) {
      rounds.insertReview(
          new ReviewRow(
              UUID.randomUUID(),
              a.id(),
              decision,
              decision == ReviewDecision.RETURNED
                  ? "Bitte den Stand mit Zahlen belegen (Demo)."
                  : null,
              "Planungskoordination (Demo)",
              at.plusSeconds(86_400)),
          null);
    }
  }

  private static Instant at(int year) {
    return LocalDate.of(year, 6, 20).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
  }

  /** The status a coordinator would set after reading the seed's text. */
  static Stand fromText(String html, int i) {
    String t = html.replaceAll("<[^>]+>", " ").toLowerCase(Locale.GERMAN);
    if (t.isBlank()) {
      return new Stand("NOT_STARTED", 0);
    }
    if (t.contains("nicht umgesetzt") || t.contains("eingestellt") || t.contains("entfällt")) {
      return new Stand("STOPPED", 0);
    }
    if (t.contains("corona")
        || t.contains("pandemie")
        || t.contains("verschoben")
        || t.contains("nicht möglich")
        || t.contains("ausgesetzt")) {
      return new Stand("DELAYED", 30 + (i % 3) * 10);
    }
    if (t.contains("regelmäßig")
        || t.contains("jährlich")
        || t.contains("fortlaufend")
        || t.contains("kontinuierlich")
        || t.contains("etabliert")
        || t.contains("verstetigt")) {
      return new Stand("ROUTINE", 100);
    }
    if (t.contains("umgesetzt")
        || t.contains("abgeschlossen")
        || t.contains("erstellt")
        || t.contains("eingerichtet")
        || t.contains("erfolgt")) {
      return new Stand("IMPLEMENTED", 100);
    }
    if (t.contains("geplant") || t.contains("in planung") || t.contains("vorbereitung")) {
      return new Stand("PREPARING", 10 + (i % 2) * 10);
    }
    return new Stand("IN_PROGRESS", 40 + (i % 4) * 10);
  }

  /** One year earlier: less far along. */
  static Stand stepBack(Stand s, int i) {
    return switch (s.code()) {
      case "IMPLEMENTED", "ROUTINE" -> new Stand("IN_PROGRESS", 60 + (i % 3) * 10);
      case "IN_PROGRESS" ->
          s.progress() > 30
              ? new Stand("IN_PROGRESS", s.progress() - 20)
              : new Stand("PREPARING", 10);
      case "DELAYED" -> new Stand("IN_PROGRESS", Math.max(20, s.progress() - 10));
      case "STOPPED" -> new Stand("DELAYED", 20);
      case "PREPARING" -> new Stand("NOT_STARTED", 0);
      default -> new Stand("NOT_STARTED", 0);
    };
  }

  /** One year later: a step further. */
  static Stand stepForward(Stand s, int i) {
    return switch (s.code()) {
      case "ROUTINE" -> s;
      case "IN_PROGRESS" ->
          s.progress() >= 70 && i % 2 == 0
              ? new Stand("IMPLEMENTED", 100)
              : new Stand("IN_PROGRESS", Math.min(90, s.progress() + 20));
      case "DELAYED" -> new Stand("IN_PROGRESS", s.progress() + 10);
      case "PREPARING" -> new Stand("IN_PROGRESS", 30);
      default -> i % 2 == 0 ? new Stand("PREPARING", 10) : s;
    };
  }

  static String demoText(Stand s) {
    return "<p>Demo-Verlauf: Stand „"
        + switch (s.code()) {
          case "NOT_STARTED" -> "nicht begonnen";
          case "PREPARING" -> "in Vorbereitung";
          case "IN_PROGRESS" -> "in Umsetzung";
          case "IMPLEMENTED" -> "umgesetzt";
          case "ROUTINE" -> "als Regelaufgabe fortgeführt";
          case "DELAYED" -> "verzögert";
          default -> "eingestellt";
        }
        + "“, "
        + s.progress()
        + " %. Dieser Text ist für die Vorführung erfunden.</p>";
  }
}
