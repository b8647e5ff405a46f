package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.identity.DemoTenantWork;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.planning.internal.events.Events;
import de.lagebild.planning.internal.events.ParticipationEvent;
import de.lagebild.planning.internal.gaps.Coverage;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.planning.internal.needs.Need.EvidenceKind;
import de.lagebild.planning.internal.needs.Need.Priority;
import de.lagebild.planning.internal.needs.Need.SourceKind;
import de.lagebild.planning.internal.needs.Need.Status;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.strategy.StrategyGoals;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, after strategy, atlas and catalogue: four needs of Nordhausen – two from the seed
 * 004 figures (child poverty, long-term unemployment) with the Kreis value against the Land value
 * or the median of the Kreise as evidence, one from an invented Sozialraumkonferenz and one from an
 * invented survey of older people (both marked as demo) – linked to the goals that answer them,
 * with a status history.
 */
@Component
@Order(50)
class DemoNeeds implements ApplicationRunner {

  private final Needs needs;
  private final Events events;
  private final NeedRepository repository;
  private final IndicatorFigures figures;
  private final StrategyGoals goals;
  private final ResponsibleUnits units;
  private final DemoTenantWork demo;
  private final Clock clock;

  DemoNeeds(
      Needs needs,
      Events events,
      NeedRepository repository,
      IndicatorFigures figures,
      StrategyGoals goals,
      ResponsibleUnits units,
      DemoTenantWork demo,
      Clock clock) {
    this.needs = needs;
    this.events = events;
    this.repository = repository;
    this.figures = figures;
    this.goals = goals;
    this.units = units;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    demo.inTenant("nordhausen", repository::anyDemo, this::load);
  }

  void load() {
    Optional<IndicatorFigures.AreaInfo> kreis = area("16062");
    if (kreis.isEmpty()) {
      return;
    }
    UUID nordhausen = kreis.get().id().value();
    LocalDate today = LocalCalendar.today(clock);
    LocalDate spring = LocalDate.of(today.getYear() - 1, 3, 14);

    Need poverty =
        needs.create(
            need(
                "Kinderarmut: jedes dritte Mitglied einer Bedarfsgemeinschaft ist ein Kind",
                "Im Landkreis Nordhausen ist der Anteil lediger Kinder unter 18 Jahren an den"
                    + " Personen in Bedarfsgemeinschaften höher als in den meisten Kreisen"
                    + " Thüringens. Armut trifft hier besonders Familien.",
                SourceKind.STATISTICS,
                "Armutspräventionsbericht des Landes (seed 004), Zahlen und Fakten",
                "Familien mit Kindern im SGB-II-Bezug, Alleinerziehende",
                Set.of("FAMILIE"),
                Priority.HIGH,
                unit("Fachbereich Jugend"),
                List.of(nordhausen),
                goalIds("2.1.3", "2.1.1"),
                figure("sgb2kinder", nordhausen),
                spring.minusYears(1)));
    needs.changeStatus(poverty.id(), 0, Status.ASSESSED, spring.minusYears(1).plusMonths(2), null);
    needs.changeStatus(
        poverty.id(),
        1,
        Status.TAKEN_UP,
        spring,
        "Im Handlungsfeld „Kinder und Familien“ der Strategie mit den Zielen 2.1.1 und 2.1.3"
            + " aufgegriffen.");

    Need longTerm =
        needs.create(
            need(
                "Verfestigte Langzeitarbeitslosigkeit",
                "Rund ein Drittel der Arbeitslosen ist seit einem Jahr oder länger ohne Arbeit;"
                    + " Jobcenter und Fachbereich Soziales sehen dahinter mehrfache"
                    + " Vermittlungshemmnisse (Gesundheit, Mobilität, Kinderbetreuung).",
                SourceKind.EXPERT,
                "Fachdienste Jobcenter und Soziales, Planungsgespräch (Demo)",
                "Langzeitarbeitslose, Bedarfsgemeinschaften mit Kindern",
                Set.of("ARBEIT", "TEILHABE"),
                Priority.HIGH,
                unit("Jobcenter Nordhausen"),
                List.of(nordhausen),
                goalIds("2.3.1", "2.3.2"),
                join(figure("langzeit_jd", nordhausen), figure("sgb2", nordhausen)),
                spring.minusMonths(8)));
    needs.changeStatus(longTerm.id(), 0, Status.TAKEN_UP, spring.minusMonths(2), null);

    ParticipationEvent conference =
        events.create(
            new ParticipationEvent(
                null,
                "Sozialraumkonferenz Nordhausen-Süd (Demo, erfunden)",
                ParticipationEvent.Format.CONFERENCE,
                spring,
                nordhausen,
                "Arbeitsgruppe „Familien“: Alleinerziehende aus den Landgemeinden erreichen die"
                    + " Beratung in der Stadt selten (Busse am Nachmittag, Termine in der Arbeitszeit)."
                    + "\nArbeitsgruppe „Ältere Menschen“: Wunsch nach Sprechstunden vor Ort.\n"
                    + "Vereinbart: Bedarf aufnehmen, Träger der Familienberatung ansprechen.",
                List.of(
                    new ParticipationEvent.Group("Fachkräfte aus Kita und Schule", 11),
                    new ParticipationEvent.Group("Beratungsstellen und Träger", 9),
                    new ParticipationEvent.Group("Bürgerinnen und Bürger", 8),
                    new ParticipationEvent.Group("Verwaltung", 3)),
                true,
                0));
    Need single =
        need(
            "Wohnortnahe Beratung für Alleinerziehende im ländlichen Süden fehlt",
            "In der Sozialraumkonferenz berichteten Kita-Leitungen, Schulsozialarbeit und"
                + " Beratungsstellen, dass Alleinerziehende aus den Landgemeinden die Beratung in der"
                + " Stadt Nordhausen selten erreichen: Busverbindungen am Nachmittag fehlen, Termine"
                + " liegen in der Arbeitszeit.",
            SourceKind.CONFERENCE,
            "Sozialraumkonferenz Nordhausen-Süd am "
                + spring.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " (Demo, erfunden)",
            "Alleinerziehende",
            Set.of("FAMILIE", "ARBEIT"),
            Priority.MEDIUM,
            unit("Fachbereich Jugend"),
            List.of(nordhausen),
            goalIds("2.1.2"),
            List.of(
                new Evidence(
                    EvidenceKind.MINUTES,
                    null,
                    nordhausen,
                    String.valueOf(spring.getYear()),
                    null,
                    null,
                    "Protokoll der Sozialraumkonferenz (Demo)",
                    "31 Teilnehmende aus 14 Einrichtungen; in 3 von 4 Arbeitsgruppen als"
                        + " vordringlich genannt.")),
            spring);
    needs.create(
        new Need(
            null,
            single.title(),
            single.description(),
            single.sourceKind(),
            single.sourceNote(),
            single.targetGroups(),
            single.lifeSituations(),
            single.priority(),
            single.status(),
            single.statusSince(),
            single.unitId(),
            true,
            0,
            single.areaIds(),
            single.goalIds(),
            single.evidence(),
            conference.id()));

    needs.create(
        need(
            "Ältere Menschen ohne Auto erreichen Beratung und Pflegeberatung schlecht",
            "In der Seniorenbefragung gaben viele Befragte ab 75 Jahren an, den Pflegestützpunkt"
                + " und die Seniorenberatung ohne Hilfe nicht zu erreichen.",
            SourceKind.SURVEY,
            "Seniorenbefragung " + (today.getYear() - 1) + " (Demo, erfunden)",
            "Menschen ab 75 Jahren ohne eigenes Auto",
            Set.of("GESUNDHEIT", "TEILHABE"),
            Priority.MEDIUM,
            unit("Pflegestützpunkt"),
            List.of(nordhausen),
            goalIds("2.4.3", "2.5.1"),
            List.of(
                new Evidence(
                    EvidenceKind.SURVEY,
                    null,
                    nordhausen,
                    String.valueOf(today.getYear() - 1),
                    "38 % (n = 412)",
                    "Befragte 65 bis 74 Jahre: 17 % (n = 530)",
                    "Seniorenbefragung (Demo)",
                    "Frage 12: „Wie gut erreichen Sie Beratungsangebote?“ – Anteil „schlecht“ oder"
                        + " „gar nicht“ bei Befragten ab 75 Jahren.")),
            spring.plusMonths(4)));
  }

  private Need need(
      String title,
      String description,
      SourceKind source,
      String sourceNote,
      String targetGroups,
      Set<String> lifeSituations,
      Priority priority,
      UUID unit,
      List<UUID> areas,
      List<UUID> goalIds,
      List<Evidence> evidence,
      LocalDate identified) {
    return new Need(
        null,
        title,
        description,
        source,
        sourceNote,
        targetGroups,
        lifeSituations,
        priority,
        Status.IDENTIFIED,
        identified,
        unit,
        true,
        0,
        areas,
        goalIds,
        evidence,
        null);
  }

  /**
   * The latest figure of an indicator in the Kreis, against the Land value of the same period or,
   * without one, the median of the Kreise.
   */
  private List<Evidence> figure(String code, UUID area) {
    Optional<IndicatorFigures.IndicatorInfo> indicator =
        figures.indicators().stream().filter(i -> code.equals(i.code())).findFirst();
    if (indicator.isEmpty()) {
      return List.of();
    }
    IndicatorFigures.IndicatorInfo i = indicator.get();
    IndicatorFigures.Point latest =
        figures.series(i.id(), AreaId.of(area)).stream()
            .filter(p -> p.value() != null)
            .reduce((a, b) -> b)
            .orElse(null);
    if (latest == null) {
      return List.of();
    }
    String unit = i.unit() == null ? "" : " " + i.unit();
    String reference = null;
    Optional<IndicatorFigures.AreaInfo> land = area("16");
    BigDecimal landValue =
        land.flatMap(l -> valueAt(i, l.id().value(), latest.period())).orElse(null);
    if (landValue != null) {
      reference = "Thüringen: " + format(landValue, i) + unit;
    } else {
      List<BigDecimal> kreise = new ArrayList<>();
      for (IndicatorFigures.AreaInfo a : figures.areas()) {
        if (a.key() != null && a.key().length() == 5) {
          valueAt(i, a.id().value(), latest.period()).ifPresent(kreise::add);
        }
      }
      if (!kreise.isEmpty()) {
        reference =
            "Median der " + kreise.size() + " Kreise: " + format(Coverage.median(kreise), i) + unit;
      }
    }
    return List.of(
        new Evidence(
            EvidenceKind.INDICATOR,
            i.id().value(),
            area,
            latest.periodLabel(),
            latest.formatted() + unit,
            reference,
            "Sozialatlas",
            null));
  }

  private Optional<BigDecimal> valueAt(IndicatorFigures.IndicatorInfo i, UUID area, String period) {
    return figures.series(i.id(), AreaId.of(area)).stream()
        .filter(p -> p.period().equals(period) && p.value() != null)
        .map(IndicatorFigures.Point::value)
        .findFirst();
  }

  private static String format(BigDecimal v, IndicatorFigures.IndicatorInfo i) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMinimumFractionDigits(i.decimals());
    f.setMaximumFractionDigits(i.decimals());
    return f.format(v);
  }

  @SafeVarargs
  private static List<Evidence> join(List<Evidence>... lists) {
    List<Evidence> all = new ArrayList<>();
    for (List<Evidence> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  private Optional<IndicatorFigures.AreaInfo> area(String key) {
    return figures.areas().stream().filter(a -> key.equals(a.key())).findFirst();
  }

  private List<UUID> goalIds(String... codes) {
    List<StrategyGoals.GoalRef> all = goals.goals();
    List<UUID> ids = new ArrayList<>();
    for (String code : codes) {
      all.stream().filter(g -> code.equals(g.code())).findFirst().map(g -> ids.add(g.id()));
    }
    return ids;
  }

  private UUID unit(String name) {
    return units.list().stream()
        .filter(u -> Objects.equals(u.name(), name))
        .map(ResponsibleUnit::id)
        .findFirst()
        .orElse(null);
  }
}
