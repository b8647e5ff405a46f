package de.lagebild.atlas.internal.maps;

import static de.lagebild.atlas.internal.maps.ValueFormat.format;
import static de.lagebild.atlas.internal.maps.ValueFormat.median;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Area profiles ("Zahlen und Fakten"): every indicator of an area in its latest period, compared
 * with the parent area (or the median of the areas of its kind) and the Land, and with the period
 * before, in words and symbols.
 */
@Service
public class ProfileViews {

  /** One figure of a profile, compared with a reference and with the period before. */
  record Figure(
      IndicatorRow indicator,
      ValueRow value,
      String formatted,
      String periodLabel,
      String reference,
      String referenceLabel,
      String comparison,
      String symbol,
      String previous,
      String previousPeriod,
      String change,
      String state) {}

  /**
   * @param land the Land above the area when it is not the parent itself (then a column of its own)
   */
  record Profile(
      AreaRow area, AreaRow parent, List<Figure> figures, List<AreaRow> successors, AreaRow land) {}

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;

  ProfileViews(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
  }

  Profile profile(UUID areaId) {
    return profile(areaId, false);
  }

  /** The profile of an area; {@code publicOnly} leaves out the indicators not marked public. */
  Profile profile(UUID areaId, boolean publicOnly) {
    AreaRow area = areaRepository.area(areaId).orElseThrow(NotFoundException::new);
    AreaRow parent =
        area.parentId() == null ? null : areaRepository.area(area.parentId()).orElse(null);
    List<ValueRow> values = valueRepository.valuesOfArea(areaId);
    List<AreaRow> all = areaRepository.areas();
    AreaRow land = parent;
    while (land != null && land.type() != AtlasRows.AreaType.LAND && land.parentId() != null) {
      UUID up = land.parentId();
      land = all.stream().filter(a -> a.id().equals(up)).findFirst().orElse(null);
    }
    if (land != null && (land.type() != AtlasRows.AreaType.LAND || land.equals(parent))) {
      land = null;
    }
    AreaRow state = land;
    List<Figure> figures = new ArrayList<>();
    List<IndicatorRow> indicators = indicatorRepository.indicators();
    // the latest period of each indicator with a figure here, and what it is compared with, in
    // two queries for all indicators: the parent and the Land, then (only where neither has a
    // figure) the areas of the same kind for the median
    Map<UUID, String> latestPeriod = new HashMap<>();
    for (ValueRow v : values) {
      latestPeriod.merge(
          v.indicatorId(), v.period(), (a, b) -> Periods.end(b).isBefore(Periods.end(a)) ? a : b);
    }
    List<ValueRepository.At> pairs =
        latestPeriod.entrySet().stream()
            .map(e -> new ValueRepository.At(e.getKey(), e.getValue()))
            .toList();
    List<UUID> referenceAreas = new ArrayList<>();
    if (parent != null) {
      referenceAreas.add(parent.id());
    }
    if (state != null && !referenceAreas.contains(state.id())) {
      referenceAreas.add(state.id());
    }
    Map<UUID, List<ValueRow>> comparedWith = new HashMap<>();
    valueRepository
        .valuesAt(pairs, referenceAreas)
        .forEach(v -> comparedWith.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
    List<ValueRepository.At> withoutReference =
        pairs.stream()
            .filter(
                a ->
                    comparedWith.getOrDefault(a.indicator(), List.of()).stream()
                        .noneMatch(v -> v.value() != null))
            .toList();
    Set<UUID> sameKind = new HashSet<>();
    all.stream().filter(a -> a.type() == area.type()).forEach(a -> sameKind.add(a.id()));
    valueRepository.valuesAt(withoutReference, null).stream()
        .filter(v -> sameKind.contains(v.areaId()))
        .forEach(v -> comparedWith.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
    Map<UUID, List<ValueRow>> byIndicator = new HashMap<>();
    values.forEach(
        v -> byIndicator.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
    for (IndicatorRow indicator : indicators) {
      if (publicOnly && !indicator.publicVisible()) {
        continue;
      }
      List<ValueRow> own =
          byIndicator.getOrDefault(indicator.id(), List.of()).stream()
              .map(v -> Aggregation.visible(v, indicator))
              .sorted(Comparator.comparing(ValueRow::periodEnd))
              .toList();
      if (own.isEmpty()) {
        figures.add(
            new Figure(
                indicator, null, "–", "–", "–", null, "keine Angabe", "", null, null, null, "–"));
        continue;
      }
      ValueRow latest = own.get(own.size() - 1);
      ValueRow before = own.size() > 1 ? own.get(own.size() - 2) : null;
      List<ValueRow> same =
          comparedWith.getOrDefault(indicator.id(), List.of()).stream()
              .filter(v -> v.period().equals(latest.period()))
              .map(v -> Aggregation.visible(v, indicator))
              .toList();
      Optional<ValueRow> parentValue =
          parent == null
              ? Optional.empty()
              : same.stream()
                  .filter(v -> v.areaId().equals(parent.id()) && v.value() != null)
                  .findFirst();
      String reference;
      String referenceLabel;
      BigDecimal referenceNumber;
      Optional<ValueRow> landValue =
          state == null || state.id().equals(area.id())
              ? Optional.empty()
              : same.stream()
                  .filter(v -> v.areaId().equals(state.id()) && v.value() != null)
                  .findFirst();
      if (parentValue.isPresent()) {
        referenceNumber = parentValue.get().value();
        reference = format(parentValue.get(), indicator);
        referenceLabel = parent.name();
      } else if (landValue.isPresent()) {
        // the Land is the reference users expect (the state's profiles compare with Thüringen)
        referenceNumber = landValue.get().value();
        reference = format(landValue.get(), indicator);
        referenceLabel = state.name();
      } else {
        // no figure for the parent: the median of the areas of the same kind with a figure in the
        // same period
        List<AreaRow> kreise = all.stream().filter(a -> a.type() == area.type()).toList();
        double[] numbers =
            same.stream()
                .filter(
                    v ->
                        v.value() != null
                            && kreise.stream().anyMatch(k -> k.id().equals(v.areaId())))
                .mapToDouble(v -> v.value().doubleValue())
                .toArray();
        referenceNumber = numbers.length == 0 ? null : BigDecimal.valueOf(median(numbers));
        reference = numbers.length == 0 ? "–" : format(median(numbers), indicator.decimals());
        referenceLabel =
            "Median der "
                + numbers.length
                + switch (area.type()) {
                  case KREIS -> " Kreise";
                  case GEMEINDE -> " Gemeinden";
                  case SOZIALRAUM -> " Sozial- und Planungsräume";
                  default -> " Gebiete gleicher Art";
                }
                + " mit Angabe";
      }
      String stateText =
          state == null
              ? null
              : same.stream()
                  .filter(v -> v.areaId().equals(state.id()))
                  .findFirst()
                  .map(v -> format(v, indicator))
                  .orElse("–");
      String[] comparison = compare(latest.value(), referenceNumber, indicator.polarity());
      String change = null;
      if (before != null && before.value() != null && latest.value() != null) {
        BigDecimal diff = latest.value().subtract(before.value());
        change =
            (diff.signum() > 0 ? "+" : diff.signum() < 0 ? "−" : "±")
                + format(diff.abs().doubleValue(), indicator.decimals());
      }
      figures.add(
          new Figure(
              indicator,
              latest,
              format(latest, indicator),
              Periods.label(latest.period()),
              reference,
              referenceLabel,
              comparison[0],
              comparison[1],
              before == null ? null : format(before, indicator),
              before == null ? null : Periods.label(before.period()),
              change,
              stateText));
    }
    List<AreaRow> successors =
        areaRepository.successors().stream()
            .filter(s -> s.predecessor().equals(areaId))
            .map(s -> areaRepository.area(s.successor()).orElse(null))
            .filter(Objects::nonNull)
            .toList();
    return new Profile(area, parent, figures, successors, state);
  }

  /**
   * A text and a symbol saying whether a value is better or worse than its reference (never colour
   * alone).
   */
  static String[] compare(BigDecimal value, BigDecimal reference, Polarity polarity) {
    if (value == null || reference == null) {
      return new String[] {"kein Vergleich", ""};
    }
    int c = value.compareTo(reference);
    if (c == 0) {
      return new String[] {"gleich", "●"};
    }
    if (polarity == Polarity.NEUTRAL) {
      return new String[] {c > 0 ? "höher" : "niedriger", c > 0 ? "▲" : "▼"};
    }
    boolean better = (polarity == Polarity.HIGHER_BETTER) == (c > 0);
    return new String[] {
      (c > 0 ? "höher" : "niedriger") + (better ? " – günstiger" : " – ungünstiger"),
      (c > 0 ? "▲" : "▼") + (better ? " ✓" : " !")
    };
  }
}
