package de.lagebild.atlas.internal.indicators;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Keeps derived indicators current: for every area and period with numerator and denominator, the
 * rate is computed ({@link Aggregation#rate}); for an area whose members (areas with it as parent)
 * all have counts, the counts are summed first. Runs after every import, in its transaction.
 */
@Service
public class Derivation {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final Clock clock;

  Derivation(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      Clock clock) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.clock = clock;
  }

  /** Recomputes every derived indicator; returns the number of values written or changed. */
  public int recomputeAll() {
    int n = sumMembers();
    for (IndicatorRow i : indicatorRepository.indicators()) {
      if (i.derived()) {
        n += recompute(i);
      }
    }
    return n;
  }

  public int recompute(IndicatorRow derived) {
    IndicatorRow numerator = indicatorRepository.indicator(derived.numeratorId()).orElseThrow();
    IndicatorRow denominator = indicatorRepository.indicator(derived.denominatorId()).orElseThrow();
    Map<String, ValueRow> num = index(valueRepository.valuesOf(numerator.id()));
    Map<String, ValueRow> den = index(valueRepository.valuesOf(denominator.id()));
    List<AreaRow> areas = areaRepository.areas();
    Instant now = clock.instant();
    int written = 0;
    for (ValueRow n : num.values()) {
      ValueRow d = den.get(n.areaId() + "|" + n.period());
      if (d == null) {
        continue;
      }
      Aggregation.Figure f =
          Aggregation.rate(
              new Aggregation.Figure(n.value(), n.special()),
              new Aggregation.Figure(d.value(), d.special()),
              derived.factor(),
              derived.minCount(),
              Math.max(derived.decimals(), 2) + 2);
      if (ValueRepository.Written.UNCHANGED
          != valueRepository.putValue(
              new ValueRow(
                  derived.id(),
                  n.areaId(),
                  n.period(),
                  n.periodEnd(),
                  f.value(),
                  f.special(),
                  n.flags(),
                  null,
                  "berechnet: " + numerator.shortName() + " / " + denominator.shortName(),
                  0),
              now)) {
        written++;
      }
    }
    // areas with members: summed counts, then the rate (only where every member has both counts)
    // planning areas built from members overlap with them: they are never summed into a parent
    Set<UUID> composed = areaRepository.members().keySet();
    for (AreaRow parent : areas) {
      List<AreaRow> members =
          areas.stream()
              .filter(a -> parent.id().equals(a.parentId()) && !composed.contains(a.id()))
              .toList();
      if (members.isEmpty()) {
        continue;
      }
      for (String period : valueRepository.periods(numerator.id())) {
        if (num.containsKey(parent.id() + "|" + period)) {
          continue;
        }
        LocalDate day = Periods.end(period);
        List<AreaRow> valid = members.stream().filter(a -> a.validOn(day)).toList();
        Aggregation.Figure ns =
            Aggregation.sum(
                valid.stream()
                    .map(a -> num.get(a.id() + "|" + period))
                    .filter(Objects::nonNull)
                    .toList(),
                valid.size(),
                numerator.minCount());
        Aggregation.Figure ds =
            Aggregation.sum(
                valid.stream()
                    .map(a -> den.get(a.id() + "|" + period))
                    .filter(Objects::nonNull)
                    .toList(),
                valid.size(),
                denominator.minCount());
        if ("...".equals(ns.special()) || "...".equals(ds.special())) {
          continue;
        }
        Aggregation.Figure f =
            Aggregation.rate(
                ns, ds, derived.factor(), derived.minCount(), Math.max(derived.decimals(), 2) + 2);
        if (ValueRepository.Written.UNCHANGED
            != valueRepository.putValue(
                new ValueRow(
                    derived.id(),
                    parent.id(),
                    period,
                    day,
                    f.value(),
                    f.special(),
                    null,
                    null,
                    "berechnet aus den Teilgebieten",
                    0),
                now)) {
          written++;
        }
      }
    }
    return written;
  }

  /**
   * Counts of planning areas: the sum of their members' counts per period, where every member valid
   * at the end of the period has one (a secret member makes the sum secret). Rates without
   * numerator and denominator are never averaged: a planning area has them only as derived
   * indicators.
   */
  int sumMembers() {
    Map<UUID, List<UUID>> members = areaRepository.members();
    if (members.isEmpty()) {
      return 0;
    }
    Map<UUID, AreaRow> areas = new HashMap<>();
    areaRepository.areas().forEach(a -> areas.put(a.id(), a));
    Instant now = clock.instant();
    int written = 0;
    for (IndicatorRow indicator : indicatorRepository.indicators()) {
      if (indicator.derived() || !"COUNT".equals(indicator.kind())) {
        continue;
      }
      Map<String, ValueRow> values = index(valueRepository.valuesOf(indicator.id()));
      for (String period : valueRepository.periods(indicator.id())) {
        LocalDate day = Periods.end(period);
        for (Map.Entry<UUID, List<UUID>> planned : members.entrySet()) {
          List<UUID> valid =
              planned.getValue().stream()
                  .filter(m -> areas.containsKey(m) && areas.get(m).validOn(day))
                  .toList();
          List<ValueRow> found =
              valid.stream()
                  .map(m -> values.get(m + "|" + period))
                  .filter(Objects::nonNull)
                  .toList();
          if (valid.isEmpty() || found.isEmpty()) {
            continue;
          }
          Aggregation.Figure sum = Aggregation.sum(found, valid.size(), indicator.minCount());
          if ("...".equals(sum.special())) {
            continue;
          }
          if (ValueRepository.Written.UNCHANGED
              != valueRepository.putValue(
                  new ValueRow(
                      indicator.id(),
                      planned.getKey(),
                      period,
                      day,
                      sum.value(),
                      sum.special(),
                      null,
                      null,
                      "Summe aus " + valid.size() + " Gebieten",
                      0),
                  now)) {
            written++;
          }
        }
      }
    }
    return written;
  }

  private static Map<String, ValueRow> index(List<ValueRow> values) {
    Map<String, ValueRow> m = new HashMap<>();
    values.forEach(v -> m.put(v.areaId() + "|" + v.period(), v));
    return m;
  }
}
