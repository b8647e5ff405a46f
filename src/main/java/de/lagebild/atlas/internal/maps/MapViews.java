package de.lagebild.atlas.internal.maps;

import static de.lagebild.atlas.internal.maps.ValueFormat.format;
import static de.lagebild.atlas.internal.maps.ValueFormat.median;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.platform.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Maps: the areas of one level with their values in a period, classes, colours, ranks, legend. */
@Service
public class MapViews {

  /**
   * One area on a map: its value (or special value) in the chosen period, its class and colour, its
   * rank.
   */
  public record MapRow(
      AreaRow area,
      ValueRow value,
      String formatted,
      Integer rank,
      int classIndex,
      String colour) {}

  record Legend(String from, String to, String colour, int count) {}

  public record MapView(
      IndicatorRow indicator,
      List<String> periods,
      String period,
      String periodLabel,
      List<MapRow> rows,
      List<Legend> legend,
      Classification.Method method,
      String median,
      int withValue,
      AreaType level,
      List<AreaType> levels) {

    /** A period as people write it („Dezember 2019“, „2020“), for the period chooser. */
    public String labelOf(String p) {
      return de.lagebild.atlas.internal.store.Periods.label(p);
    }
  }

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;

  MapViews(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
  }

  public MapView map(
      UUID indicatorId, String period, Classification.Method method, int classes, double[] manual) {
    return map(indicatorId, period, method, classes, manual, null);
  }

  /**
   * @param level the kind of area shown (Kreise, Gemeinden, planning areas); null: the kind with
   *     the most values in the period, Kreise when tied – a map never mixes levels that overlap
   */
  public MapView map(
      UUID indicatorId,
      String period,
      Classification.Method method,
      int classes,
      double[] manual,
      AreaType level) {
    IndicatorRow indicator =
        indicatorRepository.indicator(indicatorId).orElseThrow(NotFoundException::new);
    List<ValueRow> all = valueRepository.valuesOf(indicatorId);
    List<String> periods =
        all.stream()
            .sorted(Comparator.comparing(ValueRow::periodEnd))
            .map(ValueRow::period)
            .distinct()
            .toList();
    String chosen =
        period == null || period.isBlank()
            ? (periods.isEmpty() ? null : periods.get(periods.size() - 1))
            : Periods.normalise(period);
    Map<UUID, ValueRow> byArea =
        all.stream()
            .filter(v -> v.period().equals(chosen))
            .map(v -> Aggregation.visible(v, indicator))
            .collect(Collectors.toMap(ValueRow::areaId, Function.identity()));
    LocalDate day = chosen == null ? LocalDate.now() : Periods.end(chosen);
    List<AreaRow> allAreas = areaRepository.areas();
    AreaType shown = level != null ? level : defaultLevel(allAreas, byArea);
    // the areas of that level valid at the end of the period, and any of them with a value
    List<AreaRow> areas =
        allAreas.stream()
            .filter(a -> a.type() == shown)
            .filter(a -> a.validOn(day) || byArea.containsKey(a.id()))
            .toList();
    double[] numbers =
        areas.stream()
            .map(a -> byArea.get(a.id()))
            .filter(v -> v != null && v.value() != null)
            .mapToDouble(v -> v.value().doubleValue())
            .toArray();
    Classification.Classes classesOf =
        Classification.classify(numbers, method, classes, manual, indicator.polarity());
    List<ValueRow> ranked =
        areas.stream()
            .map(a -> byArea.get(a.id()))
            .filter(v -> v != null && v.value() != null)
            .sorted(Comparator.comparing(ValueRow::value).reversed())
            .toList();
    Map<UUID, Integer> rank = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      rank.put(ranked.get(i).areaId(), i + 1);
    }
    List<MapRow> rows = new ArrayList<>();
    for (AreaRow a : areas) {
      ValueRow v = byArea.get(a.id());
      boolean number = v != null && v.value() != null;
      int cls = number ? classesOf.classOf(v.value().doubleValue()) : -1;
      rows.add(
          new MapRow(
              a,
              v,
              format(v, indicator),
              rank.get(a.id()),
              cls,
              number ? classesOf.colours()[cls] : "#ffffff"));
    }
    rows.sort(
        Comparator.comparing((MapRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
            .thenComparing(r -> r.area().name()));
    List<Legend> legend = new ArrayList<>();
    double lower = classesOf.min();
    for (int i = 0; i < classesOf.breaks().length; i++) {
      int index = i;
      legend.add(
          new Legend(
              format(lower, indicator.decimals()),
              format(classesOf.breaks()[i], indicator.decimals()),
              classesOf.colours()[i],
              (int) rows.stream().filter(r -> r.classIndex() == index).count()));
      lower = classesOf.breaks()[i];
    }
    return new MapView(
        indicator,
        periods,
        chosen,
        chosen == null ? "–" : Periods.label(chosen),
        rows,
        legend,
        method,
        numbers.length == 0 ? "–" : format(median(numbers), indicator.decimals()),
        numbers.length,
        shown,
        levels(allAreas));
  }

  private static AreaType defaultLevel(List<AreaRow> areas, Map<UUID, ValueRow> byArea) {
    Map<AreaType, Integer> counts = new EnumMap<>(AreaType.class);
    for (AreaRow a : areas) {
      if (a.type() != AreaType.LAND && byArea.containsKey(a.id())) {
        counts.merge(a.type(), 1, Integer::sum);
      }
    }
    AreaType best = AreaType.KREIS;
    for (Map.Entry<AreaType, Integer> e : counts.entrySet()) {
      if (e.getValue() > counts.getOrDefault(best, 0)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** The levels a map can show: the kinds of area present, without the Land. */
  private static List<AreaType> levels(List<AreaRow> areas) {
    return areas.stream()
        .map(AreaRow::type)
        .filter(t -> t != AreaType.LAND)
        .distinct()
        .sorted()
        .toList();
  }
}
