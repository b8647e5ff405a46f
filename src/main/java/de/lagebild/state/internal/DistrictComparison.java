package de.lagebild.state.internal;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorFigures.IndicatorInfo;
import de.lagebild.atlas.IndicatorFigures.Latest;
import de.lagebild.atlas.IndicatorFigures.Point;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Compares the Kreise of the Land's own atlas on a set of indicators: per indicator the Land value
 * (the area with the Land's key; where it has none, the median of the Kreise stands in and says
 * so), median, quartiles and range, and per Kreis its value with a verdict against that reference.
 * Shares whose counts are in the atlas (a derived indicator) are tested with a Wilson interval.
 */
@Service
class DistrictComparison {

  record Kreis(AreaId id, String name, String key) {}

  record Cell(
      Kreis kreis,
      Double value,
      String formatted,
      Comparison.Interval interval,
      Comparison.Verdict verdict) {}

  /**
   * One indicator: its period; the reference (Land value, or the median when {@code
   * referenceIsMedian}); the spread of the Kreise; whether the verdicts are tested; the cells by
   * Kreis name.
   */
  record Row(
      IndicatorInfo indicator,
      String period,
      String periodLabel,
      Double reference,
      String referenceText,
      boolean referenceIsMedian,
      Comparison.Spread spread,
      boolean tested,
      List<Cell> cells) {

    /** The message key of a cell's verdict, against the Land value or against the median. */
    public String verdictKey(Cell c) {
      return "state.verdict." + c.verdict().name() + (referenceIsMedian ? ".median" : "");
    }

    public Optional<Cell> cellOf(String key) {
      return cells.stream().filter(c -> c.kreis().key().equals(key)).findFirst();
    }

    /** The cells with a value, best first (highest first when the polarity is neutral). */
    public List<Cell> ranking() {
      Comparator<Cell> byValue = Comparator.comparing(Cell::value);
      if (!"LOWER_BETTER".equals(indicator.polarity())) {
        byValue = byValue.reversed();
      }
      return cells.stream().filter(c -> c.value() != null).sorted(byValue).toList();
    }
  }

  private final IndicatorFigures figures;
  private final TenantDirectory tenants;
  private final de.lagebild.atlas.AreaLookup areas;

  DistrictComparison(
      IndicatorFigures figures, TenantDirectory tenants, de.lagebild.atlas.AreaLookup areas) {
    this.areas = areas;
    this.figures = figures;
    this.tenants = tenants;
  }

  /** The Land's key (2 digits) from the tenant, "" when it has none. */
  private String landKey() {
    return tenants
        .find(TenantContext.access().orElseThrow().slug())
        .map(t -> t.officialKey() == null ? "" : t.officialKey())
        .orElse("");
  }

  /** The Kreise of the Land's atlas (keys of 5 digits within the Land), by name. */
  List<Kreis> kreise() {
    String land = landKey();
    return figures.areas().stream()
        .filter(a -> a.key() != null && a.key().length() == 5 && a.key().startsWith(land))
        .map(a -> new Kreis(a.id(), a.name(), a.key()))
        .sorted(Comparator.comparing(Kreis::name))
        .toList();
  }

  /** The Kreise valid today (as the atlas's area lookup lists them), by name. */
  List<Kreis> kreiseToday() {
    java.util.Set<String> today = new java.util.HashSet<>();
    areas.areas().forEach(a -> today.add(a.id().value().toString()));
    return kreise().stream().filter(k -> today.contains(k.id().value().toString())).toList();
  }

  List<IndicatorInfo> indicators() {
    return figures.indicators();
  }

  /** Finds indicators by code or id, in the order asked; unknown ones are left out. */
  List<IndicatorInfo> find(List<String> codesOrIds) {
    List<IndicatorInfo> all = figures.indicators();
    List<IndicatorInfo> out = new ArrayList<>();
    for (String c : codesOrIds) {
      all.stream()
          .filter(i -> c.equals(i.code()) || c.equals(i.id().value().toString()))
          .findFirst()
          .filter(i -> !out.contains(i))
          .ifPresent(out::add);
    }
    return out;
  }

  List<Row> compare(List<IndicatorInfo> indicators, String period) {
    String landKey = landKey();
    List<Kreis> kreise = kreise();
    AreaId land =
        figures.areas().stream()
            .filter(
                a ->
                    landKey.isEmpty()
                        ? a.key() != null && a.key().length() == 2
                        : landKey.equals(a.key()))
            .map(IndicatorFigures.AreaInfo::id)
            .findFirst()
            .orElse(null);
    Set<AreaId> areas = new LinkedHashSet<>();
    kreise.forEach(k -> areas.add(k.id()));
    if (land != null) {
      areas.add(land);
    }
    Map<IndicatorId, IndicatorFigures.Derivation> derivations = new HashMap<>();
    Set<IndicatorId> wanted = new LinkedHashSet<>();
    for (IndicatorInfo i : indicators) {
      wanted.add(i.id());
      figures
          .derivation(i.id())
          .ifPresent(
              d -> {
                derivations.put(i.id(), d);
                wanted.add(d.numerator());
                wanted.add(d.denominator());
              });
    }
    Map<IndicatorId, String> periods = new HashMap<>();
    // a derived indicator's counts are read in the period the indicator shows
    Map<IndicatorId, Latest> first = figures.figures(periodsFor(period, wanted), wanted, areas);
    for (var d : derivations.entrySet()) {
      String p = first.get(d.getKey()).period();
      if (p != null && period == null) {
        // read again only the counts whose newest period is not the indicator's
        for (IndicatorId count : List.of(d.getValue().numerator(), d.getValue().denominator())) {
          if (!p.equals(first.get(count).period())) {
            periods.put(count, p);
          }
        }
      }
    }
    Map<IndicatorId, Latest> values = periods.isEmpty() ? first : refetch(first, periods, areas);
    List<Row> rows = new ArrayList<>();
    for (IndicatorInfo i : indicators) {
      Latest l = values.get(i.id());
      Point landPoint = land == null ? null : l.points().get(land);
      List<BigDecimal> kreisValues = new ArrayList<>();
      for (Kreis k : kreise) {
        Point p = l.points().get(k.id());
        kreisValues.add(p == null ? null : p.value());
      }
      Comparison.Spread spread = Comparison.spread(kreisValues);
      Double reference =
          landPoint == null || landPoint.value() == null ? null : landPoint.value().doubleValue();
      // a count's Land value is the sum of the Kreise: the Kreise are compared with their median
      if (i.count()) {
        reference = null;
        landPoint = null;
      }
      boolean referenceIsMedian = reference == null && spread.median() != null;
      String referenceText = landPoint == null ? null : landPoint.formatted();
      if (referenceIsMedian) {
        reference = spread.median();
        referenceText = null;
      }
      IndicatorFigures.Derivation d = derivations.get(i.id());
      boolean tested = false;
      List<Cell> cells = new ArrayList<>();
      for (Kreis k : kreise) {
        Point p = l.points().get(k.id());
        Double value = p == null || p.value() == null ? null : p.value().doubleValue();
        if (p == null) {
          continue;
        }
        Comparison.Interval interval = null;
        if (d != null && value != null) {
          Point num = values.get(d.numerator()).points().get(k.id());
          Point den = values.get(d.denominator()).points().get(k.id());
          if (num != null && den != null && num.value() != null && den.value() != null) {
            interval =
                Comparison.wilson(
                    num.value().doubleValue(), den.value().doubleValue(), d.factor().doubleValue());
          }
        }
        tested |= interval != null;
        cells.add(
            new Cell(
                k,
                value,
                p.formatted(),
                interval,
                Comparison.verdict(value, reference, interval, i.polarity())));
      }
      rows.add(
          new Row(
              i,
              l.period(),
              l.periodLabel(),
              reference,
              referenceText,
              referenceIsMedian,
              spread,
              tested,
              cells));
    }
    return rows;
  }

  private Map<IndicatorId, Latest> refetch(
      Map<IndicatorId, Latest> first, Map<IndicatorId, String> periods, Set<AreaId> areas) {
    Map<IndicatorId, Latest> again = figures.figures(periods, periods.keySet(), areas);
    Map<IndicatorId, Latest> merged = new HashMap<>(first);
    merged.putAll(again);
    return merged;
  }

  private static Map<IndicatorId, String> periodsFor(String period, Set<IndicatorId> ids) {
    Map<IndicatorId, String> m = new HashMap<>();
    if (period != null && !period.isBlank()) {
      ids.forEach(id -> m.put(id, period));
    }
    return m;
  }
}
