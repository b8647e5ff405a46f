package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AtlasRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the atlas pages and the open data API show: maps with their classes and tables, and area
 * profiles.
 */
@Service
public class AtlasViews {

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
      List<AreaType> levels) {}

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

  private final AtlasRepository repository;

  AtlasViews(AtlasRepository repository) {
    this.repository = repository;
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
    IndicatorRow indicator = repository.indicator(indicatorId).orElseThrow(NotFoundException::new);
    List<ValueRow> all = repository.valuesOf(indicatorId);
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
    List<AreaRow> allAreas = repository.areas();
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

  Profile profile(UUID areaId) {
    return profile(areaId, false);
  }

  /** The profile of an area; {@code publicOnly} leaves out the indicators not marked public. */
  Profile profile(UUID areaId, boolean publicOnly) {
    AreaRow area = repository.area(areaId).orElseThrow(NotFoundException::new);
    AreaRow parent = area.parentId() == null ? null : repository.area(area.parentId()).orElse(null);
    List<ValueRow> values = repository.valuesOfArea(areaId);
    List<AreaRow> all = repository.areas();
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
    for (IndicatorRow indicator : repository.indicators()) {
      if (publicOnly && !indicator.publicVisible()) {
        continue;
      }
      List<ValueRow> own =
          values.stream()
              .filter(v -> v.indicatorId().equals(indicator.id()))
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
          repository.valuesOf(indicator.id()).stream()
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
      if (parentValue.isPresent()) {
        referenceNumber = parentValue.get().value();
        reference = format(parentValue.get(), indicator);
        referenceLabel = parent.name();
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
        repository.successors().stream()
            .filter(s -> s.predecessor().equals(areaId))
            .map(s -> repository.area(s.successor()).orElse(null))
            .filter(Objects::nonNull)
            .toList();
    return new Profile(area, parent, figures, successors, state);
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

  static final String[] SERIES_COLOURS = {"#045a8d", "#b30000", "#1e6b34", "#6a4c93"};
  static final String[] SERIES_DASHES = {"", "6 3", "2 3", "8 3 2 3"};

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
    IndicatorRow indicator = repository.indicator(indicatorId).orElseThrow(NotFoundException::new);
    if (areaIds.size() > 4) {
      throw new DomainException("atlas.compareTooMany");
    }
    List<AreaRow> areas = new ArrayList<>();
    for (UUID id : areaIds) {
      areas.add(repository.area(id).orElseThrow(NotFoundException::new));
    }
    List<ValueRow> values =
        repository.valuesOf(indicatorId).stream()
            .filter(v -> areaIds.contains(v.areaId()))
            .map(v -> Aggregation.visible(v, indicator))
            .toList();
    String note = null;
    if (todaysBorders) {
      List<AtlasRepository.SuccessorRow> successors =
          repository.successors().stream().filter(x -> areaIds.contains(x.successor())).toList();
      if (successors.isEmpty()) {
        note =
            "Keines der gewählten Gebiete hat Vorgänger: Die Werte gelten im heutigen Gebietsstand.";
      } else if ("COUNT".equals(indicator.kind()) && !indicator.derived()) {
        values =
            restate(areaIds, repository.valuesOf(indicatorId), successors, indicator.minCount());
        note = "Umgerechnet auf den heutigen Gebietsstand: " + predecessorsText(successors) + ".";
      } else if (indicator.derived()) {
        IndicatorRow num = repository.indicator(indicator.numeratorId()).orElseThrow();
        IndicatorRow den = repository.indicator(indicator.denominatorId()).orElseThrow();
        List<ValueRow> n =
            restate(areaIds, repository.valuesOf(num.id()), successors, num.minCount());
        List<ValueRow> d =
            restate(areaIds, repository.valuesOf(den.id()), successors, den.minCount());
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
                            UUID.randomUUID(),
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
        indicator, areas, periods, cells, chart(indicator, areas, periods, values), note);
  }

  /**
   * Counts of the chosen areas in today's borders: for every period, the area's own count plus, for
   * each predecessor that still existed at the end of the period, its count times the weight. A
   * secret or missing contribution makes the figure secret (".") or unknown ("...").
   */
  static List<ValueRow> restate(
      List<UUID> areaIds,
      List<ValueRow> all,
      List<AtlasRepository.SuccessorRow> successors,
      Integer minCount) {
    Map<String, ValueRow> index = new HashMap<>();
    all.forEach(v -> index.put(v.areaId() + "|" + v.period(), v));
    List<ValueRow> result = new ArrayList<>();
    for (UUID area : areaIds) {
      List<AtlasRepository.SuccessorRow> predecessors =
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
        for (AtlasRepository.SuccessorRow x : predecessors) {
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
                UUID.randomUUID(),
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

  private String predecessorsText(List<AtlasRepository.SuccessorRow> successors) {
    List<String> parts = new ArrayList<>();
    for (AtlasRepository.SuccessorRow x : successors) {
      String successor = repository.area(x.successor()).map(AreaRow::name).orElse("?");
      String predecessor = repository.area(x.predecessor()).map(AreaRow::name).orElse("?");
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

  /**
   * A line chart as SVG (drawn on the server; lines differ by colour and dash, points carry
   * titles).
   */
  private static String chart(
      IndicatorRow indicator, List<AreaRow> areas, List<String> periods, List<ValueRow> values) {
    double[] numbers =
        values.stream()
            .filter(v -> v.value() != null)
            .mapToDouble(v -> v.value().doubleValue())
            .toArray();
    if (numbers.length == 0 || areas.isEmpty()) {
      return null;
    }
    double min = Arrays.stream(numbers).min().orElse(0);
    double max = Arrays.stream(numbers).max().orElse(1);
    if (min > 0 && min < max * 0.5) {
      min = 0;
    }
    if (max == min) {
      max = min + 1;
    }
    int w = 640;
    int h = 260;
    int left = 60;
    int bottom = 40;
    StringBuilder s =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + w
                + " "
                + (h + 20)
                + "\" class=\"series-chart\" role=\"img\" aria-label=\"Zeitreihe; die Werte stehen in der Tabelle\">");
    for (int t = 0; t <= 4; t++) {
      double v = min + (max - min) * t / 4;
      double y = h - bottom - (h - bottom - 10) * t / 4.0;
      s.append("<line x1=\"")
          .append(left)
          .append("\" x2=\"")
          .append(w - 10)
          .append("\" y1=\"")
          .append(y)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#d0d4d9\"/><text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(format(v, indicator.decimals()))
          .append("</text>");
    }
    int n = Math.max(1, periods.size() - 1);
    for (int i = 0; i < periods.size(); i++) {
      double x = left + (w - left - 20) * (periods.size() == 1 ? 0.5 : i / (double) n);
      s.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(h - bottom + 18)
          .append("\" font-size=\"11\" text-anchor=\"middle\">")
          .append(escape(Periods.label(periods.get(i))))
          .append("</text>");
    }
    for (int a = 0; a < areas.size(); a++) {
      AreaRow area = areas.get(a);
      StringBuilder d = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < periods.size(); i++) {
        String p = periods.get(i);
        ValueRow v =
            values.stream()
                .filter(
                    x -> x.period().equals(p) && x.areaId().equals(area.id()) && x.value() != null)
                .findFirst()
                .orElse(null);
        if (v == null) {
          continue;
        }
        double x = left + (w - left - 20) * (periods.size() == 1 ? 0.5 : i / (double) n);
        double y = h - bottom - (h - bottom - 10) * (v.value().doubleValue() - min) / (max - min);
        d.append(d.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        dots.append("<circle cx=\"")
            .append(String.format(Locale.ROOT, "%.1f", x))
            .append("\" cy=\"")
            .append(String.format(Locale.ROOT, "%.1f", y))
            .append("\" r=\"4\" fill=\"")
            .append(SERIES_COLOURS[a])
            .append("\"><title>")
            .append(escape(area.name() + ", " + Periods.label(p) + ": " + format(v, indicator)))
            .append("</title></circle>");
      }
      s.append("<path fill=\"none\" stroke-width=\"2.5\" stroke=\"")
          .append(SERIES_COLOURS[a])
          .append('"');
      if (!SERIES_DASHES[a].isEmpty()) {
        s.append(" stroke-dasharray=\"").append(SERIES_DASHES[a]).append('"');
      }
      s.append(" d=\"").append(d).append("\"/>").append(dots);
      s.append("<text x=\"")
          .append(left + a * 150)
          .append("\" y=\"")
          .append(h + 14)
          .append("\" font-size=\"12\" fill=\"")
          .append(SERIES_COLOURS[a])
          .append("\">")
          .append(a == 0 ? "━ " : a == 1 ? "╍ " : a == 2 ? "┅ " : "┉ ")
          .append(escape(area.name()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * The ranking as a horizontal bar chart (SVG drawn on the server): one bar per area with a
   * figure, longest first, in its class colour with a dark outline (so light classes stay visible),
   * the figure written beside each bar. The ranked table beside the map holds the same numbers.
   */
  static String rankingChart(MapView map) {
    List<MapRow> ranked =
        map.rows().stream()
            .filter(r -> r.rank() != null && r.value() != null && r.value().value() != null)
            .toList();
    if (ranked.isEmpty()) {
      return null;
    }
    double max = ranked.stream().mapToDouble(r -> r.value().value().doubleValue()).max().orElse(1);
    double min =
        Math.min(
            0, ranked.stream().mapToDouble(r -> r.value().value().doubleValue()).min().orElse(0));
    int bar = 18;
    int gap = 6;
    int left = 210;
    int width = 640;
    int plot = width - left - 90;
    int height = ranked.size() * (bar + gap) + 10;
    StringBuilder s =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + width
                + " "
                + height
                + "\" class=\"ranking-chart\" role=\"img\" aria-label=\"Rangfolge als Balken; die Werte stehen in "
                + "der Tabelle\">");
    double span = Math.max(1e-9, max - min);
    double zero = left + (0 - min) / span * plot;
    for (int i = 0; i < ranked.size(); i++) {
      MapRow r = ranked.get(i);
      double v = r.value().value().doubleValue();
      double x1 = Math.min(zero, left + (v - min) / span * plot);
      double x2 = Math.max(zero, left + (v - min) / span * plot);
      int y = 5 + i * (bar + gap);
      s.append("<text x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(y + 13)
          .append("\" text-anchor=\"end\" font-size=\"12\">")
          .append(escape(r.rank() + ". " + r.area().name()))
          .append("</text><rect x=\"")
          .append(String.format(Locale.ROOT, "%.1f", x1))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(1, x2 - x1)))
          .append("\" height=\"")
          .append(bar)
          .append("\" fill=\"")
          .append(r.colour())
          .append("\" stroke=\"#333333\" stroke-width=\"0.8\"><title>")
          .append(escape(r.area().name() + ": " + r.formatted()))
          .append("</title></rect><text x=\"")
          .append(String.format(Locale.ROOT, "%.1f", x2 + 6))
          .append("\" y=\"")
          .append(y + 13)
          .append("\" font-size=\"12\">")
          .append(escape(r.formatted()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
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

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  public static String format(ValueRow v, IndicatorRow indicator) {
    if (v == null) {
      return "–";
    }
    if (v.special() != null) {
      return switch (v.special()) {
        case "-" -> "– (nichts vorhanden)";
        case "." -> ". (unbekannt oder geheim)";
        case "x" -> "x (nicht sinnvoll)";
        case "..." -> "… (noch nicht verfügbar)";
        case "/" -> "/ (nicht sicher genug)";
        default -> v.special();
      };
    }
    String s = format(v.value().doubleValue(), indicator.decimals());
    if (v.flags() != null && !v.flags().isEmpty()) {
      s += " " + v.flags();
    }
    return s;
  }

  public static String format(double v, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(v);
  }
}
