package de.lagebild.atlas.internal.maps;

import static de.lagebild.atlas.internal.maps.ValueFormat.format;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Time series: the course of an indicator in up to four areas, as a table and a line chart. */
@Service
public class SeriesViews {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final TodaysBorders borders;

  SeriesViews(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      TodaysBorders borders) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.borders = borders;
  }

  /** The course of an indicator in up to four areas: one row per period, one column per area. */
  /**
   * @param note what the restatement to today's borders did (null when not asked for)
   */
  record Series(
      IndicatorRow indicator,
      List<AreaRow> areas,
      List<String> periods,
      List<List<String>> cells,
      String svg,
      String note) {}

  Series series(UUID indicatorId, List<UUID> areaIds) {
    return series(indicatorId, areaIds, false);
  }

  /**
   * @param todaysBorders restate the figures of areas that took over others (mergers) to today's
   *     borders: counts of the predecessors are added, weighted, for the periods before the merger;
   *     derived rates are recomputed from restated numerators and denominators; other rates cannot
   *     be restated and stay as they were (said in the note)
   */
  Series series(UUID indicatorId, List<UUID> areaIds, boolean todaysBorders) {
    IndicatorRow indicator =
        indicatorRepository.indicator(indicatorId).orElseThrow(NotFoundException::new);
    if (areaIds.size() > 4) {
      throw new DomainException("atlas.compareTooMany");
    }
    List<AreaRow> areas = new ArrayList<>();
    for (UUID id : areaIds) {
      areas.add(areaRepository.area(id).orElseThrow(NotFoundException::new));
    }
    List<ValueRow> values =
        valueRepository.valuesOf(indicatorId).stream()
            .filter(v -> areaIds.contains(v.areaId()))
            .map(v -> Aggregation.visible(v, indicator))
            .toList();
    String note = null;
    if (todaysBorders) {
      TodaysBorders.Restated r = borders.restate(indicator, areaIds);
      values = r.values() == null ? values : r.values();
      note = r.note();
    }
    List<String> periods =
        values.stream()
            .sorted(Comparator.comparing(ValueRow::periodEnd))
            .map(ValueRow::period)
            .distinct()
            .toList();
    List<List<String>> cells = new ArrayList<>();
    for (String p : periods) {
      List<String> row = new ArrayList<>();
      row.add(Periods.label(p));
      for (AreaRow a : areas) {
        row.add(
            values.stream()
                .filter(v -> v.period().equals(p) && v.areaId().equals(a.id()))
                .findFirst()
                .map(v -> format(v, indicator))
                .orElse("–"));
      }
      cells.add(row);
    }
    return new Series(
        indicator, areas, periods, cells, Charts.series(indicator, areas, periods, values), note);
  }
}
