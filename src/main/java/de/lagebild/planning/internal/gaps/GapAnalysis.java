package de.lagebild.planning.internal.gaps;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.AreaLookup;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.catalogue.OfferPlaces;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Service;

/**
 * Offers against need per area: the areas of a level with their outlines, the demand indicator's
 * newest figures there, the published offers of a category located in or near each area (by the
 * {@link Reachability} in use), and {@link Coverage}'s comparison.
 */
@Service
public class GapAnalysis {

  /** What to compare: the demand indicator, the offers (category, life situation), where. */
  public record Question(
      UUID demand,
      UUID category,
      String lifeSituation,
      String level,
      double distanceKm,
      Reachability.From from,
      BigDecimal target,
      boolean byPlaces) {

    /** Supply counted in offers. */
    public Question(
        UUID demand,
        UUID category,
        String lifeSituation,
        String level,
        double distanceKm,
        Reachability.From from,
        BigDecimal target) {
      this(demand, category, lifeSituation, level, distanceKm, from, target, false);
    }
  }

  /**
   * One area's row: {@code offers} serving it, the {@code places} they state (null when none states
   * any) and how many of them state places; {@code supply} is what the coverage is computed from –
   * the offers, or with {@link Question#byPlaces} the stated places.
   */
  public record Row(
      AreaLookup.AreaRef area,
      IndicatorFigures.Point demand,
      int supply,
      BigDecimal coverage,
      Integer rank,
      Coverage.Flag flag,
      int offers,
      Integer places,
      int offersWithPlaces) {}

  /** The answer with what it was computed from. */
  public record Answer(
      Question question,
      IndicatorFigures.IndicatorInfo indicator,
      String category,
      String period,
      String periodLabel,
      List<Row> rows,
      BigDecimal reference,
      boolean referenceIsTarget,
      BigDecimal medianDemand,
      List<OfferPlaces.Place> places,
      Map<UUID, org.locationtech.jts.geom.Geometry> outlines) {

    /** The rows from the least covered, areas without demand last. */
    public List<Row> ranked() {
      List<Row> r = new ArrayList<>(rows);
      r.sort(
          java.util.Comparator.comparing(
              (Row x) -> x.rank() == null ? Integer.MAX_VALUE : x.rank()));
      return r;
    }
  }

  private final AreaLookup areas;
  private final IndicatorFigures figures;
  private final OfferPlaces offers;
  private final Reachability reachability;

  GapAnalysis(
      AreaLookup areas, IndicatorFigures figures, OfferPlaces offers, Reachability reachability) {
    this.areas = areas;
    this.figures = figures;
    this.offers = offers;
    this.reachability = reachability;
  }

  /** The indicator by id or by code. */
  public Optional<IndicatorFigures.IndicatorInfo> indicator(String idOrCode) {
    if (idOrCode == null || idOrCode.isBlank()) {
      return Optional.empty();
    }
    return figures.indicators().stream()
        .filter(i -> idOrCode.equals(i.id().value().toString()) || idOrCode.equals(i.code()))
        .findFirst();
  }

  /** The category by id or by name. */
  public Optional<OfferPlaces.Category> category(String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      return Optional.empty();
    }
    return offers.categories().stream()
        .filter(c -> idOrName.equals(c.id().toString()) || idOrName.equalsIgnoreCase(c.name()))
        .findFirst();
  }

  public Answer answer(Question q) {
    IndicatorFigures.IndicatorInfo indicator =
        figures
            .indicator(IndicatorId.of(q.demand()))
            .orElseThrow(() -> new DomainException("gap.demand.unknown", q.demand()));
    if (q.distanceKm() < 0 || q.distanceKm() > 100) {
      throw new DomainException("gap.distance.range", q.distanceKm());
    }
    String categoryName = null;
    if (q.category() != null) {
      categoryName =
          offers.categories().stream()
              .filter(c -> c.id().equals(q.category()))
              .map(OfferPlaces.Category::name)
              .findFirst()
              .orElseThrow(() -> new DomainException("gap.category.unknown", q.category()));
    }
    List<AreaLookup.AreaShape> shapes = areas.shapes(q.level());
    IndicatorFigures.Latest latest =
        figures.latest(indicator.id(), shapes.stream().map(s -> s.area().id()).toList());
    List<OfferPlaces.Place> places = offers.places(q.category(), q.lifeSituation());
    List<Set<UUID>> served =
        reachability.served(
            shapes.stream()
                .map(s -> new Reachability.Area(s.area().id().value(), s.outline()))
                .toList(),
            places.stream()
                .map(p -> new Reachability.Place(p.offerId(), p.latitude(), p.longitude()))
                .toList(),
            new Reachability.Reach(q.distanceKm(), q.from()));
    Map<UUID, Integer> capacity = new java.util.HashMap<>();
    for (OfferPlaces.Place pl : places) {
      if (pl.places() != null) {
        capacity.put(pl.offerId(), pl.places());
      }
    }
    List<Coverage.In> in = new ArrayList<>();
    int[] stated = new int[shapes.size()];
    Integer[] sums = new Integer[shapes.size()];
    for (int i = 0; i < shapes.size(); i++) {
      AreaId id = shapes.get(i).area().id();
      IndicatorFigures.Point p = latest.points().get(id);
      int sum = 0;
      for (UUID offer : served.get(i)) {
        Integer c = capacity.get(offer);
        if (c != null) {
          sum += c;
          stated[i]++;
        }
      }
      sums[i] = stated[i] == 0 ? null : sum;
      in.add(
          new Coverage.In(
              id, p == null ? null : p.value(), q.byPlaces() ? sum : served.get(i).size()));
    }
    Coverage.Result result = Coverage.compute(in, q.target());
    List<Row> rows = new ArrayList<>();
    Map<UUID, org.locationtech.jts.geom.Geometry> outlines = new LinkedHashMap<>();
    for (int i = 0; i < shapes.size(); i++) {
      Coverage.Out o = result.rows().get(i);
      AreaLookup.AreaShape s = shapes.get(i);
      rows.add(
          new Row(
              s.area(),
              latest.points().get(s.area().id()),
              o.supply(),
              o.coverage(),
              o.rank(),
              o.flag(),
              served.get(i).size(),
              sums[i],
              stated[i]));
      outlines.put(s.area().id().value(), s.outline());
    }
    return new Answer(
        q,
        indicator,
        categoryName,
        latest.period(),
        latest.periodLabel(),
        rows,
        result.reference(),
        result.referenceIsTarget(),
        result.medianDemand(),
        places,
        outlines);
  }

  /**
   * The answer as GeoJSON for the map: each area (outline simplified to about 50 m) with its
   * figures, then each offer place as a point.
   */
  public static String geoJson(Answer a) {
    return GeoJsonOutput.collection(
        out -> {
          for (Row r : a.rows()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.area().id().value().toString());
            p.put("name", r.area().name());
            p.put("key", r.area().key());
            p.put("demand", r.demand() == null ? null : r.demand().value());
            p.put("supply", r.supply());
            p.put("offers", r.offers());
            p.put("places", r.places());
            p.put("coverage", r.coverage());
            p.put("rank", r.rank());
            p.put("flag", r.flag().name());
            out.feature(
                p,
                GeoJsonOutput.geometry(
                    TopologyPreservingSimplifier.simplify(
                        a.outlines().get(r.area().id().value()), 0.0005)));
          }
          for (OfferPlaces.Place pl : a.places()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("offer", pl.offerId().toString());
            p.put("name", pl.offerName());
            out.point(p, BigDecimal.valueOf(pl.longitude()), BigDecimal.valueOf(pl.latitude()));
          }
        });
  }
}
