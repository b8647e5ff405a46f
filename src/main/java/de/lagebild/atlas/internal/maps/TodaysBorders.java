package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The product rule "in today's borders": figures of areas that took over others (mergers, weighted
 * splits) are restated for the periods before the reform – counts of the predecessors are added,
 * derived rates recomputed from restated numerators and denominators; other rates cannot be
 * restated and stay as they were. Each answer carries a note that says what was done.
 */
@Component
public class TodaysBorders {

  /** The restated values (null: the values stay as they are) and what was done. */
  public record Restated(List<ValueRow> values, String note) {}

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;

  TodaysBorders(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
  }

  /** The values of {@code indicator} for {@code areaIds} in today's borders, with the note. */
  public Restated restate(IndicatorRow indicator, List<UUID> areaIds) {
    UUID indicatorId = indicator.id();
    List<ValueRow> values = null;
    String note;
    List<AreaRepository.SuccessorRow> successors =
        areaRepository.successors().stream().filter(x -> areaIds.contains(x.successor())).toList();
    if (successors.isEmpty()) {
      note =
          "Keines der gewählten Gebiete hat Vorgänger: Die Werte gelten im heutigen Gebietsstand.";
    } else if ("COUNT".equals(indicator.kind()) && !indicator.derived()) {
      values =
          restate(areaIds, valueRepository.valuesOf(indicatorId), successors, indicator.minCount());
      note = "Umgerechnet auf den heutigen Gebietsstand: " + predecessorsText(successors) + ".";
    } else if (indicator.derived()) {
      IndicatorRow num = indicatorRepository.indicator(indicator.numeratorId()).orElseThrow();
      IndicatorRow den = indicatorRepository.indicator(indicator.denominatorId()).orElseThrow();
      List<ValueRow> n =
          restate(areaIds, valueRepository.valuesOf(num.id()), successors, num.minCount());
      List<ValueRow> d =
          restate(areaIds, valueRepository.valuesOf(den.id()), successors, den.minCount());
      List<ValueRow> rates = new ArrayList<>();
      for (ValueRow nv : n) {
        d.stream()
            .filter(dv -> dv.areaId().equals(nv.areaId()) && dv.period().equals(nv.period()))
            .findFirst()
            .ifPresent(
                dv -> {
                  Aggregation.Figure f =
                      Aggregation.rate(
                          new Aggregation.Figure(nv.value(), nv.special()),
                          new Aggregation.Figure(dv.value(), dv.special()),
                          indicator.factor(),
                          indicator.minCount(),
                          Math.max(indicator.decimals(), 2) + 2);
                  rates.add(
                      new ValueRow(
                          indicator.id(),
                          nv.areaId(),
                          nv.period(),
                          nv.periodEnd(),
                          f.value(),
                          f.special(),
                          null,
                          null,
                          "umgerechnet",
                          0));
                });
      }
      values = rates;
      note =
          "Aus umgerechneten Zählern und Nennern neu berechnet: "
              + predecessorsText(successors)
              + ".";
    } else {
      note =
          "Quoten und Anteile ohne Zähler und Nenner lassen sich nicht auf den heutigen Gebietsstand umrechnen;"
              + " die Werte gelten im damaligen Gebietsstand.";
    }
    return new Restated(values, note);
  }

  /**
   * Counts of the chosen areas in today's borders: for every period, the area's own count plus, for
   * each predecessor that still existed at the end of the period, its count times the weight. A
   * secret or missing contribution makes the figure secret (".") or unknown ("...").
   */
  static List<ValueRow> restate(
      List<UUID> areaIds,
      List<ValueRow> all,
      List<AreaRepository.SuccessorRow> successors,
      Integer minCount) {
    Map<String, ValueRow> index = new HashMap<>();
    all.forEach(v -> index.put(v.areaId() + "|" + v.period(), v));
    List<ValueRow> result = new ArrayList<>();
    for (UUID area : areaIds) {
      List<AreaRepository.SuccessorRow> predecessors =
          successors.stream().filter(x -> x.successor().equals(area)).toList();
      Set<String> periods = new TreeSet<>();
      all.stream()
          .filter(
              v ->
                  v.areaId().equals(area)
                      || predecessors.stream().anyMatch(x -> x.predecessor().equals(v.areaId())))
          .forEach(v -> periods.add(v.period()));
      for (String period : periods) {
        LocalDate day = Periods.end(period);
        ValueRow own = index.get(area + "|" + period);
        BigDecimal sum = own == null ? BigDecimal.ZERO : own.value();
        String special = own == null ? null : own.special();
        for (AreaRepository.SuccessorRow x : predecessors) {
          if (!day.isBefore(x.effectiveOn())) {
            continue;
          }
          ValueRow v = index.get(x.predecessor() + "|" + period);
          if (v == null) {
            special = special == null ? "..." : special;
          } else if (v.value() == null || Aggregation.suppressed(v.value(), minCount)) {
            special = ".";
          } else if (sum != null) {
            sum = sum.add(v.value().multiply(x.weight() == null ? BigDecimal.ONE : x.weight()));
          }
        }
        boolean number = special == null && sum != null;
        result.add(
            new ValueRow(
                own == null ? all.get(0).indicatorId() : own.indicatorId(),
                area,
                period,
                day,
                number ? sum.stripTrailingZeros() : null,
                number ? null : special == null ? "..." : special,
                own == null ? null : own.flags(),
                null,
                "umgerechnet auf den heutigen Gebietsstand",
                0));
      }
    }
    return result;
  }

  private String predecessorsText(List<AreaRepository.SuccessorRow> successors) {
    List<String> parts = new ArrayList<>();
    for (AreaRepository.SuccessorRow x : successors) {
      String successor = areaRepository.area(x.successor()).map(AreaRow::name).orElse("?");
      String predecessor = areaRepository.area(x.predecessor()).map(AreaRow::name).orElse("?");
      parts.add(
          successor
              + " einschließlich "
              + predecessor
              + " für die Zeit vor dem "
              + x.effectiveOn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
              + (x.weight() != null && x.weight().compareTo(BigDecimal.ONE) != 0
                  ? " (Anteil "
                      + x.weight().stripTrailingZeros().toPlainString().replace('.', ',')
                      + ")"
                  : ""));
    }
    return String.join("; ", parts);
  }
}
