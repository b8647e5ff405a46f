package de.lagebild.planning.internal.gaps;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.AreaLookup;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.catalogue.OfferPlaces;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Benchmark, not a test (not in the suite): the gap analysis at the size issue 17 names – 700 areas
 * (a 28 × 25 grid over Thuringia's extent, each outline with 80 jittered vertices) × 20,000 offer
 * places × one demand figure per area – computed (straight-line reachability, coverage, rank, flag)
 * and written as the map's GeoJSON (outlines simplified), against the bare JTS spatial-index query
 * of the same pairs (an STR tree of the areas' envelopes, one query per place) in the same run.
 * Median of 7 runs after 3 warm-ups, at 0 km (inside the area) and 5 km from the outline. Run with
 * {@code ./lagebild mvn -Pbench test -Dtest=GapBenchmark}.
 */
class GapBenchmark {

  static final int COLS = 28;
  static final int ROWS = 25;
  static final int PLACES = 20_000;
  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void gapAnalysisAgainstTheBareIndexQuery() {
    Random random = new Random(17);
    List<Reachability.Area> areas = new ArrayList<>();
    List<AreaLookup.AreaShape> shapes = new ArrayList<>();
    Map<UUID, Geometry> outlines = new HashMap<>();
    double lon0 = 9.9;
    double lat0 = 50.2;
    double w = 2.0 / COLS;
    double h = 1.4 / ROWS;
    int vertices = 0;
    for (int c = 0; c < COLS; c++) {
      for (int r = 0; r < ROWS; r++) {
        Geometry g = cell(lon0 + c * w, lat0 + r * h, w, h, random);
        UUID id = UUID.randomUUID();
        areas.add(new Reachability.Area(id, g));
        shapes.add(
            new AreaLookup.AreaShape(
                new AreaLookup.AreaRef(new AreaId(id), "Gebiet " + c + "/" + r, "GEMEINDE", null),
                g));
        outlines.put(id, g);
        vertices += g.getNumPoints();
      }
    }
    List<Reachability.Place> places = new ArrayList<>();
    List<OfferPlaces.Place> offerPlaces = new ArrayList<>();
    for (int i = 0; i < PLACES; i++) {
      UUID offer = UUID.randomUUID();
      double lon = lon0 + random.nextDouble() * 2.0;
      double lat = lat0 + random.nextDouble() * 1.4;
      places.add(new Reachability.Place(offer, lat, lon));
      offerPlaces.add(new OfferPlaces.Place(offer, "Angebot " + i, offer, lat, lon, null, null));
    }
    BigDecimal[] demand = new BigDecimal[areas.size()];
    for (int i = 0; i < demand.length; i++) {
      demand[i] = BigDecimal.valueOf(100 + random.nextInt(5000));
    }
    System.out.printf(
        "BENCH input: %d areas (%d vertices), %d places%n", areas.size(), vertices, PLACES);
    for (double km : new double[] {0, 5}) {
      long[] bare = new long[7];
      long[] full = new long[7];
      long[] served = new long[7];
      long pairs = 0;
      int covered = 0;
      int json = 0;
      for (int run = -3; run < 7; run++) {
        long t0 = System.nanoTime();
        pairs = bareQuery(areas, places, km);
        long t1 = System.nanoTime();
        List<Set<UUID>> s =
            new StraightLine()
                .served(areas, places, new Reachability.Reach(km, Reachability.From.OUTLINE));
        long t2 = System.nanoTime();
        List<Coverage.In> in = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
          in.add(new Coverage.In(areas.get(i).id(), demand[i], s.get(i).size()));
        }
        Coverage.Result result = Coverage.compute(in, null);
        List<GapAnalysis.Row> rows = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
          Coverage.Out o = result.rows().get(i);
          rows.add(
              new GapAnalysis.Row(
                  shapes.get(i).area(),
                  new IndicatorFigures.Point("2024", "2024", null, demand[i], demand[i].toString()),
                  o.supply(),
                  o.coverage(),
                  o.rank(),
                  o.flag(),
                  o.supply(),
                  null,
                  0));
        }
        String geo =
            GapAnalysis.geoJson(
                new GapAnalysis.Answer(
                    null,
                    null,
                    null,
                    "2024",
                    "2024",
                    rows,
                    result.reference(),
                    false,
                    result.medianDemand(),
                    offerPlaces,
                    outlines));
        long t3 = System.nanoTime();
        if (run >= 0) {
          bare[run] = t1 - t0;
          served[run] = t2 - t1;
          full[run] = t3 - t1;
        }
        covered = (int) s.stream().mapToLong(Set::size).sum();
        json = geo.length();
      }
      long b = median(bare);
      long f = median(full);
      System.out.printf(
          "BENCH %s km: bare index query %.1f ms (%d candidate pairs) | reachability %.1f ms"
              + " (%d area-offer pairs) | whole analysis with GeoJSON %.1f ms (%d kB) | ratio %.1f%n",
          km, b / 1e6, pairs, median(served) / 1e6, covered, f / 1e6, json / 1024, (double) f / b);
    }
  }

  /** The same pairs found by the index alone: one envelope query per place, no refinement. */
  static long bareQuery(List<Reachability.Area> areas, List<Reachability.Place> places, double km) {
    StraightLine.Projection p = StraightLine.Projection.around(areas);
    STRtree tree = new STRtree();
    for (int i = 0; i < areas.size(); i++) {
      Envelope e = new Envelope(p.apply(areas.get(i).outline()).getEnvelopeInternal());
      e.expandBy(km);
      tree.insert(e, i);
    }
    tree.build();
    long pairs = 0;
    for (Reachability.Place pl : places) {
      pairs += tree.query(new Envelope(p.project(pl.longitude(), pl.latitude()))).size();
    }
    return pairs;
  }

  /** A cell of the grid whose 80 outline vertices wander by up to 5 % of its size. */
  static Geometry cell(double lon, double lat, double w, double h, Random random) {
    Coordinate[] ring = new Coordinate[81];
    for (int i = 0; i < 80; i++) {
      int side = i / 20;
      double t = (i % 20) / 20.0;
      double x;
      double y;
      switch (side) {
        case 0 -> {
          x = lon + t * w;
          y = lat;
        }
        case 1 -> {
          x = lon + w;
          y = lat + t * h;
        }
        case 2 -> {
          x = lon + w - t * w;
          y = lat + h;
        }
        default -> {
          x = lon;
          y = lat + h - t * h;
        }
      }
      boolean corner = i % 20 == 0;
      ring[i] =
          new Coordinate(
              x + (corner ? 0 : (random.nextDouble() - 0.5) * 0.05 * w),
              y + (corner ? 0 : (random.nextDouble() - 0.5) * 0.05 * h));
    }
    ring[80] = ring[0];
    return GF.createPolygon(ring);
  }

  static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
