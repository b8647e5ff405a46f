package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.areas.TopoSimplifier.Point;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Area geometry from GeoJSON (WGS84): each feature's key property (ARS/AGS, 2, 5, 8 or 12 digits,
 * leading zeros kept) finds its area – or creates it, with the type from the key's length –,
 * otherwise its name; both are reported. Projected coordinates (e.g. EPSG:25832, UTM) are refused
 * with a message; rings that are not closed are closed; rings that cross themselves or have fewer
 * than four points are refused. The original is kept; a simplified copy for display keeps shared
 * borders shared ({@link TopoSimplifier}).
 *
 * <p>Why this class is long: the checks of a feature (key, type, coordinates, rings) and the report
 * the preview shows are one pass over the file; simplification is in {@link TopoSimplifier}.
 */
@Service
public class GeoJsonImport {

  private final AuditLog audit;

  public record Problem(
      int feature, String field, String messageKey, String detail, boolean error) {}

  public record Feature(
      int index,
      String key,
      String name,
      AreaType type,
      String original,
      String simplified,
      UUID existingArea) {}

  public record Result(
      List<Feature> features, List<Problem> problems, int pointsBefore, int pointsAfter) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }
  }

  static final double TOLERANCE = 0.0015;

  private final AreaRepository areaRepository;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock;

  GeoJsonImport(AreaRepository areaRepository, Clock clock, AuditLog audit) {
    this.audit = audit;
    this.areaRepository = areaRepository;
    this.clock = clock;
  }

  public Result read(String text, String keyProperty, String nameProperty) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (RuntimeException e) {
      throw new DomainException("atlas.geojsonUnreadable");
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
      throw new DomainException("atlas.geojsonNoCollection");
    }
    String crs = root.path("crs").path("properties").path("name").asString("");
    if (crs.contains("25832")
        || crs.contains("25833")
        || crs.contains("31468")
        || crs.contains("3857")) {
      throw new DomainException("atlas.geojsonProjected", crs);
    }
    List<Problem> problems = new ArrayList<>();
    List<JsonNode> features = new ArrayList<>();
    root.path("features").forEach(features::add);
    TopoSimplifier simplifier = new TopoSimplifier(TOLERANCE);
    // rings of every feature: feature → polygons → rings
    List<List<List<List<Point>>>> all = new ArrayList<>();
    int ringId = 0;
    int before = 0;
    for (int f = 0; f < features.size(); f++) {
      JsonNode geometry = features.get(f).path("geometry");
      List<List<List<Point>>> polygons = new ArrayList<>();
      String type = geometry.path("type").asString("");
      List<JsonNode> polys = new ArrayList<>();
      if ("Polygon".equals(type)) {
        polys.add(geometry.path("coordinates"));
      } else if ("MultiPolygon".equals(type)) {
        geometry.path("coordinates").forEach(polys::add);
      } else {
        problems.add(new Problem(f + 1, "geometry", "atlas.geojsonType", type, true));
      }
      for (JsonNode poly : polys) {
        List<List<Point>> rings = new ArrayList<>();
        for (JsonNode ringNode : poly) {
          List<Point> ring = new ArrayList<>();
          for (JsonNode c : ringNode) {
            double lon = c.path(0).asDouble(Double.NaN);
            double lat = c.path(1).asDouble(Double.NaN);
            if (Double.isNaN(lon) || Double.isNaN(lat)) {
              problems.add(
                  new Problem(f + 1, "coordinates", "atlas.geojsonCoordinate", c.toString(), true));
              continue;
            }
            if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
              throw new DomainException("atlas.geojsonProjected", lon + ", " + lat);
            }
            ring.add(Point.of(lon, lat));
          }
          if (ring.size() > 1 && !ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
            problems.add(new Problem(f + 1, "coordinates", "atlas.geojsonRingClosed", "", false));
          }
          if (ring.size() < 4) {
            problems.add(
                new Problem(
                    f + 1,
                    "coordinates",
                    "atlas.geojsonRingShort",
                    String.valueOf(ring.size()),
                    true));
            continue;
          }
          if (selfIntersects(ring)) {
            problems.add(
                new Problem(f + 1, "coordinates", "atlas.geojsonSelfIntersection", "", true));
          }
          before += ring.size();
          simplifier.register(ringId++, ring);
          rings.add(ring);
        }
        if (!rings.isEmpty()) {
          polygons.add(rings);
        }
      }
      all.add(polygons);
    }
    List<Feature> result = new ArrayList<>();
    int after = 0;
    for (int f = 0; f < features.size(); f++) {
      JsonNode props = features.get(f).path("properties");
      String key = property(props, keyProperty, "ARS", "AGS", "RS", "key", "schluessel");
      String name = property(props, nameProperty, "GEN", "name", "NAME", "Name");
      if (name == null || name.isBlank()) {
        problems.add(
            new Problem(
                f + 1,
                nameProperty == null ? "GEN" : nameProperty,
                "atlas.geojsonNoName",
                "",
                true));
        continue;
      }
      AreaType type = key == null ? AreaType.SOZIALRAUM : typeOf(key);
      if (key != null && !key.matches("\\d+")) {
        // an own key (e.g. "SR-03"): a planning area of the district's own making
        type = AreaType.SOZIALRAUM;
        problems.add(
            new Problem(
                f + 1, keyProperty == null ? "ARS" : keyProperty, "atlas.keyOwn", key, false));
      }
      if (key != null && type == null) {
        problems.add(
            new Problem(
                f + 1, keyProperty == null ? "ARS" : keyProperty, "atlas.keyInvalid", key, true));
        continue;
      }
      List<List<List<Point>>> polygons = all.get(f);
      List<List<List<Point>>> simplified = new ArrayList<>();
      for (List<List<Point>> poly : polygons) {
        List<List<Point>> rings = new ArrayList<>();
        for (List<Point> ring : poly) {
          List<Point> s = simplifier.simplify(ring);
          after += s.size();
          rings.add(s);
        }
        simplified.add(rings);
      }
      UUID existing = match(key, name, f + 1, problems);
      result.add(
          new Feature(f + 1, key, name, type, geometry(polygons), geometry(simplified), existing));
    }
    return new Result(result, problems, before, after);
  }

  private UUID match(String key, String name, int feature, List<Problem> problems) {
    if (key != null) {
      List<AreaRow> byKey = areaRepository.areasByKey(key);
      if (byKey.size() > 1) {
        // more than one area with this key (e.g. before and after a reform): the one valid today
        return byKey.stream()
            .filter(a -> a.validOn(LocalDate.now(clock)))
            .findFirst()
            .map(AreaRow::id)
            .orElse(byKey.get(0).id());
      }
      if (byKey.size() == 1) {
        return byKey.get(0).id();
      }
      return null;
    }
    List<AreaRow> byName =
        areaRepository.areas().stream()
            .filter(a -> a.name().equalsIgnoreCase(name.strip()))
            .toList();
    if (byName.size() == 1) {
      problems.add(new Problem(feature, "name", "atlas.matchedByName", name, false));
      return byName.get(0).id();
    }
    if (byName.size() > 1) {
      problems.add(new Problem(feature, "name", "atlas.nameAmbiguous", name, true));
    }
    return null;
  }

  /**
   * The area type of an official key: 2 digits Land, 5 Kreis, 8 Gemeinde (AGS), 12 Gemeinde (ARS).
   */
  public static AreaType typeOf(String key) {
    if (!key.matches("\\d+")) {
      return null;
    }
    return switch (key.length()) {
      case 2 -> AreaType.LAND;
      case 5 -> AreaType.KREIS;
      case 8, 9, 12 -> AreaType.GEMEINDE;
      default -> null;
    };
  }

  private static String property(JsonNode props, String wanted, String... fallbacks) {
    if (wanted != null && !wanted.isBlank()) {
      JsonNode v = props.path(wanted);
      return v.isMissingNode() || v.isNull() ? null : v.asString().strip();
    }
    for (String f : fallbacks) {
      JsonNode v = props.path(f);
      if (!v.isMissingNode() && !v.isNull() && !v.asString().isBlank()) {
        return v.asString().strip();
      }
    }
    return null;
  }

  private String geometry(List<List<List<Point>>> polygons) {
    ObjectNode g = json.createObjectNode();
    ArrayNode coordinates = g.putArray("coordinates");
    g.put("type", polygons.size() == 1 ? "Polygon" : "MultiPolygon");
    for (List<List<Point>> poly : polygons) {
      ArrayNode p = polygons.size() == 1 ? coordinates : coordinates.addArray();
      for (List<Point> ring : poly) {
        ArrayNode r = p.addArray();
        for (Point pt : ring) {
          r.addArray().add(pt.lon()).add(pt.lat());
        }
      }
    }
    // "type" first for readers that expect it
    ObjectNode ordered = json.createObjectNode();
    ordered.put("type", g.get("type").asString());
    ordered.set("coordinates", coordinates);
    return json.writeValueAsString(ordered);
  }

  /**
   * Whether two non-adjacent edges of a closed ring cross (O(n²); rings of administrative borders
   * are small).
   */
  public static boolean selfIntersects(List<Point> ring) {
    int n = ring.size() - 1;
    if (n > 4000) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      Point a = ring.get(i);
      Point b = ring.get(i + 1);
      for (int j = i + 2; j < n; j++) {
        if (i == 0 && j == n - 1) {
          continue;
        }
        if (crosses(a, b, ring.get(j), ring.get(j + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean crosses(Point p1, Point p2, Point p3, Point p4) {
    long d1 = orientation(p3, p4, p1);
    long d2 = orientation(p3, p4, p2);
    long d3 = orientation(p1, p2, p3);
    long d4 = orientation(p1, p2, p4);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  }

  private static long orientation(Point a, Point b, Point c) {
    double v =
        (double) (b.x() - a.x()) * (c.y() - a.y()) - (double) (b.y() - a.y()) * (c.x() - a.x());
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }

  /**
   * Writes the geometry of every feature, creating areas that do not exist yet (Kreise below the
   * Land {@code 16} when that exists). Refuses when the result has errors. Returns the number of
   * areas created.
   */
  @Transactional
  public int commit(Result r, String source) {
    if (r.hasErrors()) {
      Problem first = r.problems().stream().filter(Problem::error).findFirst().orElseThrow();
      throw new DomainException("atlas.geojsonHasErrors", first.feature(), first.field());
    }
    Instant now = clock.instant();
    Map<String, UUID> byKey = new LinkedHashMap<>();
    areaRepository
        .areas()
        .forEach(
            a -> {
              if (a.officialKey() != null && a.validTo() == null) {
                byKey.putIfAbsent(a.officialKey(), a.id());
              }
            });
    int created = 0;
    for (Feature f : r.features()) {
      UUID id = f.existingArea();
      if (id == null) {
        id = UUID.randomUUID();
        UUID parent =
            f.key() != null && f.key().length() > 2 ? byKey.get(f.key().substring(0, 2)) : null;
        if (f.key() != null && f.key().length() > 5 && byKey.containsKey(f.key().substring(0, 5))) {
          parent = byKey.get(f.key().substring(0, 5));
        }
        areaRepository.insertArea(
            new AreaRow(id, f.type(), f.name(), f.key(), parent, null, null, null, 0), now);
        created++;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("key", f.key() == null ? "" : f.key());
        after.put("name", f.name());
        after.put("type", f.type().name());
        audit.record(
            "CREATE",
            "Area",
            id,
            "Gebiet aus Geometrie angelegt: " + (f.key() == null ? "" : f.key() + " ") + f.name(),
            null,
            after);
      }
      areaRepository.saveGeometry(id, f.original(), f.simplified(), source, now);
    }
    audit.record(
        "IMPORT",
        "Geometry",
        null,
        "Geometrie übernommen: "
            + r.features().size()
            + " Gebiete, davon "
            + created
            + " neu"
            + (source == null ? "" : " (" + source + ")"),
        null,
        Map.of("features", r.features().size(), "created", created));
    return created;
  }
}
