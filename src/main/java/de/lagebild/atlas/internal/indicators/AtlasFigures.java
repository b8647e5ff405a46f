package de.lagebild.atlas.internal.indicators;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.atlas.internal.maps.ValueFormat;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasTables;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The atlas as other modules see it ({@link IndicatorFigures}). */
@Service
class AtlasFigures implements IndicatorFigures {

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;

  private final de.lagebild.platform.TenantScope scope;

  AtlasFigures(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      de.lagebild.platform.TenantScope scope) {
    this.scope = scope;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
  }

  @Override
  public Optional<java.time.Instant> lastImport() {
    return Optional.ofNullable(
        scope
            .dsl()
            .select(
                org.jooq.impl.DSL.max(
                    de.lagebild.atlas.internal.store.AtlasTables.Batch.CREATED_AT))
            .from(scope.table(de.lagebild.atlas.internal.store.AtlasTables.Batch.T))
            .fetchOne(0, java.time.Instant.class));
  }

  @Override
  public Optional<Derivation> derivation(IndicatorId indicator) {
    return indicatorRepository
        .indicator(indicator.value())
        .filter(IndicatorRow::derived)
        .map(
            i ->
                new Derivation(
                    new IndicatorId(i.numeratorId()),
                    new IndicatorId(i.denominatorId()),
                    i.factor() == null ? java.math.BigDecimal.ONE : i.factor()));
  }

  @Override
  public java.util.Map<IndicatorId, Latest> figures(
      java.util.Map<IndicatorId, String> periods,
      java.util.Collection<IndicatorId> indicators,
      java.util.Collection<AreaId> areas) {
    java.util.Map<IndicatorId, Latest> result = new java.util.LinkedHashMap<>();
    if (indicators.isEmpty() || areas.isEmpty()) {
      return result;
    }
    java.util.Map<java.util.UUID, IndicatorRow> rows = new java.util.HashMap<>();
    if (indicators.size() == 1) {
      indicatorRepository
          .indicator(indicators.iterator().next().value())
          .ifPresent(i -> rows.put(i.id(), i));
    } else {
      indicatorRepository.indicators().forEach(i -> rows.put(i.id(), i));
    }
    java.util.Map<java.util.UUID, List<AtlasRows.ValueRow>> byIndicator = new java.util.HashMap<>();
    valueRepository
        .values(
            valueRepository
                .ofIndicators(indicators.stream().map(IndicatorId::value).toList())
                .and(valueRepository.ofAreas(areas.stream().map(AreaId::value).toList())))
        .forEach(
            v ->
                byIndicator
                    .computeIfAbsent(v.indicatorId(), k -> new java.util.ArrayList<>())
                    .add(v));
    for (IndicatorId id : indicators) {
      IndicatorRow i = rows.get(id.value());
      List<AtlasRows.ValueRow> values = byIndicator.getOrDefault(id.value(), List.of());
      String period = periods.get(id);
      if (period == null) {
        period =
            values.stream()
                .max(Comparator.comparing(AtlasRows.ValueRow::periodEnd))
                .map(AtlasRows.ValueRow::period)
                .orElse(null);
      }
      java.util.Map<AreaId, Point> points = new java.util.HashMap<>();
      if (i != null && period != null) {
        for (AtlasRows.ValueRow v : values) {
          if (v.period().equals(period)) {
            AtlasRows.ValueRow shown = Aggregation.visible(v, i);
            points.put(
                new AreaId(v.areaId()),
                new Point(
                    shown.period(),
                    Periods.label(shown.period()),
                    shown.periodEnd(),
                    shown.value(),
                    ValueFormat.format(shown, i)));
          }
        }
      }
      result.put(id, new Latest(period, period == null ? null : Periods.label(period), points));
    }
    return result;
  }

  @Override
  public List<IndicatorInfo> indicators() {
    return indicatorRepository.indicators().stream().map(AtlasFigures::info).toList();
  }

  @Override
  public Latest latest(IndicatorId indicator, java.util.Collection<AreaId> areas) {
    Latest l = figures(java.util.Map.of(), List.of(indicator), areas).get(indicator);
    return l == null ? new Latest(null, null, java.util.Map.of()) : l;
  }

  @Override
  public List<AreaInfo> areas() {
    return areaRepository.areas().stream()
        .map(a -> new AreaInfo(new AreaId(a.id()), a.name(), a.officialKey()))
        .toList();
  }

  @Override
  public Optional<IndicatorInfo> indicator(IndicatorId id) {
    return indicatorRepository.indicator(id.value()).map(AtlasFigures::info);
  }

  @Override
  public Optional<AreaInfo> area(AreaId id) {
    return areaRepository
        .area(id.value())
        .map(a -> new AreaInfo(new AreaId(a.id()), a.name(), a.officialKey()));
  }

  @Override
  public List<Point> series(IndicatorId indicator, AreaId area) {
    IndicatorRow i = indicatorRepository.indicator(indicator.value()).orElse(null);
    if (i == null) {
      return List.of();
    }
    return valueRepository
        .values(
            AtlasTables.Value.INDICATOR_ID
                .eq(indicator.value())
                .and(AtlasTables.Value.AREA_ID.eq(area.value())))
        .stream()
        .map(v -> Aggregation.visible(v, i))
        .sorted(Comparator.comparing(AtlasRows.ValueRow::periodEnd))
        .map(
            v ->
                new Point(
                    v.period(),
                    Periods.label(v.period()),
                    v.periodEnd(),
                    v.value(),
                    ValueFormat.format(v, i)))
        .toList();
  }

  private static IndicatorInfo info(IndicatorRow i) {
    return new IndicatorInfo(
        new IndicatorId(i.id()),
        i.name(),
        i.unit(),
        i.decimals(),
        i.polarity().name(),
        i.code(),
        i.kind());
  }
}
