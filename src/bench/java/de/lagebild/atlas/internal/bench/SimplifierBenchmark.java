package de.lagebild.atlas.internal.bench;

import de.lagebild.atlas.internal.areas.TopoSimplifier;
import de.lagebild.atlas.internal.areas.TopoSimplifier.Point;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test (not in the suite): the import's {@link TopoSimplifier} (Douglas–Peucker
 * between junctions, tolerance 0.0015°) against JTS 1.20's {@link CoverageSimplifier}
 * (Visvalingam–Whyatt on the coverage's edges) on all 400 Kreise of Germany (VG5000, 2021): time
 * (median of 5 runs after 2 warm-ups), vertices kept, invalid coverage edges after (gaps or
 * overlaps between neighbours) and the largest and mean Hausdorff distance to the original. JTS
 * runs at the tolerance that keeps about as many vertices as TopoSimplifier, so the comparison is
 * at equal size. Run with {@code ./lagebild mvn -Pbench test -Dtest=SimplifierBenchmark}.
 */
class SimplifierBenchmark {

  static final double TOPO_TOLERANCE = 0.0015;
  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void topoSimplifierAgainstCoverageSimplifier() throws Exception {
    List<Polygon> original = read();
    int before =
        Arrays.stream(original.toArray(Geometry[]::new)).mapToInt(Geometry::getNumPoints).sum();
    Geometry[] input = original.toArray(Geometry[]::new);
    System.out.printf(
        "BENCH input: %d polygons (Kreise of Germany), %d vertices, invalid edges %d%n",
        input.length, before, invalid(input));

    Geometry[] topo = null;
    long[] topoTimes = new long[7];
    for (int run = 0; run < 7; run++) {
      long t0 = System.nanoTime();
      topo = topo(original);
      topoTimes[run] = System.nanoTime() - t0;
    }
    int topoPoints = Arrays.stream(topo).mapToInt(Geometry::getNumPoints).sum();

    // the JTS tolerance that keeps about as many vertices
    double lo = 0.0001;
    double hi = 0.05;
    Geometry[] jts = null;
    for (int i = 0; i < 25; i++) {
      double mid = Math.sqrt(lo * hi);
      jts = CoverageSimplifier.simplify(input, mid);
      int n = Arrays.stream(jts).mapToInt(Geometry::getNumPoints).sum();
      if (n > topoPoints) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double jtsTolerance = Math.sqrt(lo * hi);
    long[] jtsTimes = new long[7];
    for (int run = 0; run < 7; run++) {
      long t0 = System.nanoTime();
      jts = CoverageSimplifier.simplify(input, jtsTolerance);
      jtsTimes[run] = System.nanoTime() - t0;
    }
    int jtsPoints = Arrays.stream(jts).mapToInt(Geometry::getNumPoints).sum();

    report("TopoSimplifier (tol " + TOPO_TOLERANCE + ")", topoTimes, topoPoints, topo, input);
    report(
        String.format("JTS CoverageSimplifier (tol %.5f)", jtsTolerance),
        jtsTimes,
        jtsPoints,
        jts,
        input);
    System.out.printf(
        "BENCH ratio time JTS/Topo: %.2f%n", (double) median(jtsTimes) / median(topoTimes));
    // and JTS at the same nominal tolerance as TopoSimplifier
    long[] sameTimes = new long[7];
    Geometry[] same = null;
    for (int run = 0; run < 7; run++) {
      long t0 = System.nanoTime();
      same = CoverageSimplifier.simplify(input, TOPO_TOLERANCE);
      sameTimes[run] = System.nanoTime() - t0;
    }
    report(
        "JTS CoverageSimplifier (tol " + TOPO_TOLERANCE + ")",
        sameTimes,
        Arrays.stream(same).mapToInt(Geometry::getNumPoints).sum(),
        same,
        input);
  }

  static void report(String name, long[] times, int points, Geometry[] out, Geometry[] input) {
    double max = 0;
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      double d = DiscreteHausdorffDistance.distance(input[i], out[i]);
      max = Math.max(max, d);
      sum += d;
    }
    System.out.printf(
        "BENCH %s: median %.1f ms, %d vertices kept, invalid coverage edges after %d,"
            + " Hausdorff max %.5f° mean %.5f°%n",
        name, median(times) / 1e6, points, invalid(out), max, sum / out.length);
  }

  static long median(long[] t) {
    long[] measured = Arrays.copyOfRange(t, 2, t.length);
    Arrays.sort(measured);
    return measured[measured.length / 2];
  }

  static int invalid(Geometry[] coverage) {
    Geometry[] result = CoverageValidator.validate(coverage, 0);
    int n = 0;
    for (Geometry g : result) {
      if (g != null) {
        n += g.getNumGeometries();
      }
    }
    return n;
  }

  /**
   * The rings through TopoSimplifier as the import uses it: all registered, then each simplified.
   */
  static Geometry[] topo(List<Polygon> polygons) {
    TopoSimplifier s = new TopoSimplifier(TOPO_TOLERANCE);
    List<List<List<Point>>> rings = new ArrayList<>();
    int id = 0;
    for (Polygon p : polygons) {
      List<List<Point>> mine = new ArrayList<>();
      for (int r = 0; r <= p.getNumInteriorRing(); r++) {
        LinearRing ring = r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1);
        List<Point> pts = new ArrayList<>();
        for (Coordinate c : ring.getCoordinates()) {
          pts.add(Point.of(c.x, c.y));
        }
        s.register(id++, pts);
        mine.add(pts);
      }
      rings.add(mine);
    }
    Geometry[] out = new Geometry[polygons.size()];
    for (int i = 0; i < polygons.size(); i++) {
      List<LinearRing> done = new ArrayList<>();
      for (List<Point> ring : rings.get(i)) {
        List<Point> simple = s.simplify(ring);
        Coordinate[] cs = new Coordinate[simple.size()];
        for (int k = 0; k < cs.length; k++) {
          cs[k] = new Coordinate(simple.get(k).x() / 1e7, simple.get(k).y() / 1e7);
        }
        done.add(GF.createLinearRing(cs));
      }
      out[i] =
          GF.createPolygon(done.get(0), done.subList(1, done.size()).toArray(LinearRing[]::new));
    }
    return out;
  }

  /** Every polygon of every Kreis (a MultiPolygon's parts as polygons of their own). */
  static List<Polygon> read() throws Exception {
    JsonNode root;
    try (InputStream in =
        SimplifierBenchmark.class.getResourceAsStream("/geo/kreise-vg5000-2021.geojson")) {
      root = JsonMapper.builder().build().readTree(in);
    }
    List<Polygon> result = new ArrayList<>();
    for (JsonNode f : root.path("features")) {
      JsonNode g = f.path("geometry");
      if ("Polygon".equals(g.path("type").asString())) {
        result.add(polygon(g.path("coordinates")));
      } else {
        for (JsonNode p : g.path("coordinates")) {
          result.add(polygon(p));
        }
      }
    }
    return result;
  }

  static Polygon polygon(JsonNode rings) {
    List<LinearRing> lr = new ArrayList<>();
    for (JsonNode ring : rings) {
      Coordinate[] cs = new Coordinate[ring.size()];
      for (int i = 0; i < cs.length; i++) {
        // rounded like TopoSimplifier's points, so both start from the same vertices
        cs[i] =
            new Coordinate(
                Math.round(ring.get(i).get(0).asDouble() * 1e7) / 1e7,
                Math.round(ring.get(i).get(1).asDouble() * 1e7) / 1e7);
      }
      lr.add(GF.createLinearRing(cs));
    }
    return GF.createPolygon(lr.get(0), lr.subList(1, lr.size()).toArray(LinearRing[]::new));
  }
}
