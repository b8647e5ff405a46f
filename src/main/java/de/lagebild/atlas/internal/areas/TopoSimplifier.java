package de.lagebild.atlas.internal.areas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies the rings of many polygons so that borders two areas share stay shared: every vertex
 * where the set of rings passing through changes is a fixed junction; the stretches between
 * junctions are simplified once (Douglas–Peucker) and the same result is used, in the right
 * direction, for each ring that runs along them. No ring falls below four points.
 */
public final class TopoSimplifier {

  /**
   * A coordinate, rounded to 1e-7 degrees (about a centimetre) so that equal vertices compare
   * equal.
   */
  public record Point(long x, long y) {
    public static Point of(double lon, double lat) {
      return new Point(Math.round(lon * 1e7), Math.round(lat * 1e7));
    }

    double lon() {
      return x / 1e7;
    }

    double lat() {
      return y / 1e7;
    }
  }

  private final double tolerance;
  private final Map<Point, Set<Integer>> ringsAt = new HashMap<>();
  private final Map<String, List<Point>> cache = new HashMap<>();

  /**
   * @param tolerance in degrees (0.001 ≈ 70–110 m in Thuringia)
   */
  public TopoSimplifier(double tolerance) {
    this.tolerance = tolerance;
  }

  /** Registers all rings first (closed: first point = last point), then {@link #simplify} each. */
  public void register(int ringId, List<Point> ring) {
    for (Point p : ring) {
      ringsAt.computeIfAbsent(p, k -> new HashSet<>()).add(ringId);
    }
  }

  public List<Point> simplify(List<Point> ring) {
    int n = ring.size() - 1; // last = first
    if (n < 4) {
      return ring;
    }
    boolean[] fixed = new boolean[n];
    int fixedCount = 0;
    for (int i = 0; i < n; i++) {
      Set<Integer> here = ringsAt.get(ring.get(i));
      Set<Integer> prev = ringsAt.get(ring.get((i - 1 + n) % n));
      Set<Integer> next = ringsAt.get(ring.get((i + 1) % n));
      if (!here.equals(prev) || !here.equals(next)) {
        fixed[i] = true;
        fixedCount++;
      }
    }
    if (fixedCount == 0) {
      // a ring sharing nothing: fix its first point and the point farthest from it
      fixed[0] = true;
      fixed[farthest(ring, 0, n)] = true;
    } else if (fixedCount == 1) {
      int f = 0;
      while (!fixed[f]) {
        f++;
      }
      fixed[farthest(ring, f, n)] = true;
    }
    int start = 0;
    while (!fixed[start]) {
      start++;
    }
    List<Point> out = new ArrayList<>();
    int i = start;
    do {
      int j = (i + 1) % n;
      List<Point> section = new ArrayList<>();
      section.add(ring.get(i));
      while (!fixed[j]) {
        section.add(ring.get(j));
        j = (j + 1) % n;
      }
      section.add(ring.get(j));
      List<Point> simplified = section(section);
      out.addAll(simplified.subList(0, simplified.size() - 1));
      i = j;
    } while (i != start);
    out.add(out.get(0));
    if (out.size() < 4) {
      return ring;
    }
    return out;
  }

  private static int farthest(List<Point> ring, int from, int n) {
    int best = from;
    double max = -1;
    for (int i = 0; i < n; i++) {
      double dx = ring.get(i).lon() - ring.get(from).lon();
      double dy = ring.get(i).lat() - ring.get(from).lat();
      double d = dx * dx + dy * dy;
      if (d > max) {
        max = d;
        best = i;
      }
    }
    return best;
  }

  /** A stretch between two junctions, simplified once in a canonical direction. */
  private List<Point> section(List<Point> points) {
    Point a = points.get(0);
    Point b = points.get(points.size() - 1);
    boolean forward =
        compare(a, b) < 0
            || (a.equals(b)
                && points.size() > 2
                && compare(points.get(1), points.get(points.size() - 2)) <= 0);
    List<Point> canonical = forward ? points : reversed(points);
    String key = key(canonical);
    List<Point> result = cache.computeIfAbsent(key, k -> douglasPeucker(canonical));
    return forward ? result : reversed(result);
  }

  private static String key(List<Point> points) {
    StringBuilder sb = new StringBuilder();
    for (Point p : points) {
      sb.append(p.x()).append(',').append(p.y()).append(';');
    }
    return sb.toString();
  }

  private static int compare(Point a, Point b) {
    return a.x() != b.x() ? Long.compare(a.x(), b.x()) : Long.compare(a.y(), b.y());
  }

  private static List<Point> reversed(List<Point> points) {
    List<Point> r = new ArrayList<>(points);
    Collections.reverse(r);
    return r;
  }

  private List<Point> douglasPeucker(List<Point> points) {
    if (points.size() <= 2) {
      return points;
    }
    boolean[] keep = new boolean[points.size()];
    keep[0] = true;
    keep[points.size() - 1] = true;
    mark(points, 0, points.size() - 1, keep);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (keep[i]) {
        out.add(points.get(i));
      }
    }
    return out;
  }

  private void mark(List<Point> p, int first, int last, boolean[] keep) {
    if (last - first < 2) {
      return;
    }
    double max = -1;
    int index = first;
    for (int i = first + 1; i < last; i++) {
      double d = distance(p.get(i), p.get(first), p.get(last));
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (max > tolerance) {
      keep[index] = true;
      mark(p, first, index, keep);
      mark(p, index, last, keep);
    }
  }

  private static double distance(Point p, Point a, Point b) {
    double dx = b.lon() - a.lon();
    double dy = b.lat() - a.lat();
    double len = dx * dx + dy * dy;
    if (len == 0) {
      return Math.hypot(p.lon() - a.lon(), p.lat() - a.lat());
    }
    double t =
        Math.max(0, Math.min(1, ((p.lon() - a.lon()) * dx + (p.lat() - a.lat()) * dy) / len));
    return Math.hypot(p.lon() - (a.lon() + t * dx), p.lat() - (a.lat() + t * dy));
  }
}
