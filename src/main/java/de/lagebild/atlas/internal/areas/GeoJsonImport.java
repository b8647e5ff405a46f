package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.areas.TopoSimplifier.Point;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.SavedMappings;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Area geometry from the files {@link GeoFiles} reads (GeoJSON, TopoJSON, GeoPackage, zipped
 * shapefiles; reprojected to WGS 84): each feature's key property (AGS/ARS, 2, 5, 8, 9 or 12
 * digits, leading zeros kept) finds its area – a 12-digit ARS also the 8-digit AGS – or creates it,
 * with the type from the key's length; otherwise its name; both are reported. When the file has
 * none of the usual key and name properties the user chooses them from the file's properties (the
 * choice is saved for the tenant's next file). Water areas of the BKG layers (GF 1, 2) are left
 * out, so are features outside a chosen key range (e.g. only {@code 16} for Thüringen); several
 * features with one key become one outline. Rings that are not closed are closed; rings that cross
 * themselves or have fewer than four points are refused. The original is kept; a simplified copy
 * for display keeps shared borders shared ({@link TopoSimplifier}).
 *
 * <p>Why this class is long: the checks of a feature (key, type, coordinates, rings) and the report
 * the preview shows are one pass over the file; reading formats is in {@link GeoFiles},
 * simplification in {@link TopoSimplifier}.
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

  /** A property of the file with up to three sample values, for choosing key and name. */
  public record PropertySample(String name, List<String> samples) {}

  /** What to read: the key and name properties (null: the usual ones), a key prefix to keep. */
  public record Options(String keyProperty, String nameProperty, String keyPrefix) {
    public Options {
      keyProperty = keyProperty == null || keyProperty.isBlank() ? null : keyProperty.strip();
      nameProperty = nameProperty == null || nameProperty.isBlank() ? null : nameProperty.strip();
      keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? null : keyPrefix.strip();
    }
  }

  public record Result(
      List<Feature> features,
      List<Problem> problems,
      int pointsBefore,
      int pointsAfter,
      String format,
      String crs,
      List<String> layers,
      String layer,
      List<PropertySample> properties,
      String keyProperty,
      String nameProperty,
      int skippedWater,
      int skippedOutside,
      int sourceFeatures) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }

    /** Features that found an existing area. */
    public long matched() {
      return features.stream().filter(f -> f.existingArea() != null).count();
    }

    /** The first features, for a preview table that stays readable. */
    public List<Feature> firstFeatures(int n) {
      return features.subList(0, Math.min(n, features.size()));
    }

    /** The first problems, for the preview. */
    public List<Problem> firstProblems(int n) {
      return problems.subList(0, Math.min(n, problems.size()));
    }

    /** Whether the user should choose the name (and key) property: no usual one was found. */
    public boolean needsChoice() {
      return nameProperty == null;
    }
  }

  static final double TOLERANCE = 0.0015;
  static final List<String> KEY_PROPERTIES =
      List.of("AGS", "ARS", "RS", "key", "schluessel", "Schluessel", "Schlüssel", "ags", "ars");
  static final List<String> NAME_PROPERTIES =
      List.of("GEN", "name", "NAME", "Name", "bezeichnung", "Bezeichnung", "gen");

  /**
   * Geofaktor of the BKG layers for parts without administrative structure (waters, the coastal
   * sea): VG250 1 and 2, VG5000 8.
   */
  static final Set<String> WATER = Set.of("1", "2", "8");

  static final String SAVED_CHOICE = "Geometrie: Schlüssel- und Namenseigenschaft";

  private final AreaRepository areaRepository;
  private final SavedMappings saved;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock;

  GeoJsonImport(AreaRepository areaRepository, Clock clock, AuditLog audit, SavedMappings saved) {
    this.audit = audit;
    this.areaRepository = areaRepository;
    this.clock = clock;
    this.saved = saved;
  }

  /** A GeoJSON or TopoJSON text (WGS 84, or with a {@code crs} member). */
  public Result read(String text, String keyProperty, String nameProperty) {
    try {
      return read(
          GeoFiles.decode(text.getBytes(StandardCharsets.UTF_8), "GeoJSON", null),
          new Options(keyProperty, nameProperty, null));
    } catch (IOException e) {
      throw new DomainException("atlas.geojsonUnreadable");
    }
  }

  /** Any geometry file {@link GeoFiles} reads. */
  public Result read(byte[] bytes, String fileName, String layer, Options options)
      throws IOException {
    return read(GeoFiles.decode(bytes, fileName, layer), options);
  }

  public Result read(GeoFiles.Decoded decoded, Options options) {
    List<Problem> problems = new ArrayList<>();
    List<PropertySample> samples = samples(decoded.features());
    Set<String> names = new HashSet<>();
    samples.forEach(p -> names.add(p.name()));
    String keyProperty = options.keyProperty();
    String nameProperty = options.nameProperty();
    if (keyProperty == null && nameProperty == null) {
      Map<String, String> saved = savedChoice();
      if (saved != null
          && names.contains(saved.get("name"))
          && KEY_PROPERTIES.stream().noneMatch(names::contains)
          && NAME_PROPERTIES.stream().noneMatch(names::contains)) {
        keyProperty = Text.blankToNull(saved.get("key"));
        nameProperty = saved.get("name");
        problems.add(new Problem(0, nameProperty, "atlas.geoChoiceSaved", nameProperty, false));
      }
    }
    if (keyProperty != null && !names.contains(keyProperty)) {
      throw new DomainException("atlas.geoPropertyMissing", keyProperty);
    }
    if (nameProperty != null && !names.contains(nameProperty)) {
      throw new DomainException("atlas.geoPropertyMissing", nameProperty);
    }
    String usedKey =
        keyProperty != null
            ? keyProperty
            : KEY_PROPERTIES.stream().filter(names::contains).findFirst().orElse(null);
    String usedName =
        nameProperty != null
            ? nameProperty
            : NAME_PROPERTIES.stream().filter(names::contains).findFirst().orElse(null);
    // water areas of the BKG layers (GF 1 and 2) and features outside the wanted key range
    int water = 0;
    int outside = 0;
    Map<String, Integer> byKey = new LinkedHashMap<>();
    List<GeoFiles.SourceFeature> kept = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < decoded.features().size(); i++) {
      GeoFiles.SourceFeature f = decoded.features().get(i);
      String gf = f.properties().getOrDefault("GF", f.properties().get("gf"));
      if (gf != null && WATER.contains(gf.strip())) {
        water++;
        continue;
      }
      String key = value(f.properties(), usedKey);
      if (options.keyPrefix() != null && key != null && !key.startsWith(options.keyPrefix())) {
        outside++;
        continue;
      }
      Integer earlier = key == null ? null : byKey.get(key);
      if (earlier != null && f.polygons() != null && kept.get(earlier).polygons() != null) {
        // one area in several features (exclaves, islands): one outline
        GeoFiles.SourceFeature first = kept.get(earlier);
        List<List<List<double[]>>> merged = new ArrayList<>(first.polygons());
        merged.addAll(f.polygons());
        kept.set(
            earlier,
            new GeoFiles.SourceFeature(first.properties(), first.geometryType(), merged, null));
        problems.add(new Problem(i + 1, usedKey, "atlas.geoMerged", key, false));
        continue;
      }
      if (key != null) {
        byKey.put(key, kept.size());
      }
      kept.add(f);
      numbers.add(i + 1);
    }
    if (water > 0) {
      problems.add(
          new Problem(
              0, "GF", "atlas.geoWaterSkipped", String.format(Locale.GERMAN, "%,d", water), false));
    }
    if (outside > 0) {
      problems.add(
          new Problem(
              0,
              usedKey == null ? "" : usedKey,
              "atlas.geoOutsideSkipped",
              String.format(Locale.GERMAN, "%,d", outside),
              false));
    }
    TopoSimplifier simplifier = new TopoSimplifier(TOLERANCE);
    // rings of every feature: feature → polygons → rings
    List<List<List<List<Point>>>> all = new ArrayList<>();
    int ringId = 0;
    int before = 0;
    for (int k = 0; k < kept.size(); k++) {
      GeoFiles.SourceFeature feature = kept.get(k);
      int f = numbers.get(k) - 1;
      List<List<List<Point>>> polygons = new ArrayList<>();
      if (feature.polygons() == null) {
        problems.add(
            new Problem(f + 1, "geometry", "atlas.geojsonType", feature.geometryType(), true));
        all.add(polygons);
        continue;
      }
      for (List<List<double[]>> poly : feature.polygons()) {
        List<List<Point>> rings = new ArrayList<>();
        for (List<double[]> coordinates : poly) {
          List<Point> ring = new ArrayList<>();
          for (double[] c : coordinates) {
            if (Double.isNaN(c[0]) || Double.isNaN(c[1])) {
              problems.add(new Problem(f + 1, "coordinates", "atlas.geojsonCoordinate", "–", true));
              continue;
            }
            ring.add(Point.of(c[0], c[1]));
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
    if (usedName == null && !kept.isEmpty()) {
      // one problem for the file, not one per feature: the user chooses the name property
      problems.add(new Problem(0, "", "atlas.geoChooseName", "", true));
    }
    List<Feature> result = new ArrayList<>();
    int after = 0;
    Map<String, UUID> existingByKey = existingByKey();
    for (int k = 0; k < kept.size(); k++) {
      int f = numbers.get(k) - 1;
      Map<String, String> props = kept.get(k).properties();
      String key = value(props, usedKey);
      String name = value(props, usedName);
      if (name == null || name.isBlank()) {
        if (usedName != null) {
          problems.add(new Problem(f + 1, usedName, "atlas.geojsonNoName", "", true));
        }
        continue;
      }
      AreaType type = key == null ? AreaType.SOZIALRAUM : typeOf(key);
      if (key != null && (!key.matches("\\d+") || typeOf(key) == null)) {
        // an own key (e.g. "SR-03"): a planning area of the district's own making
        type = AreaType.SOZIALRAUM;
        problems.add(
            new Problem(f + 1, usedKey == null ? "ARS" : usedKey, "atlas.keyOwn", key, false));
      }
      if (key != null && type == null) {
        problems.add(
            new Problem(f + 1, usedKey == null ? "ARS" : usedKey, "atlas.keyInvalid", key, true));
        continue;
      }
      List<List<List<Point>>> polygons = all.get(k);
      if (polygons.isEmpty()) {
        continue;
      }
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
      UUID existing = match(key, name, f + 1, problems, existingByKey);
      result.add(
          new Feature(f + 1, key, name, type, geometry(polygons), geometry(simplified), existing));
    }
    return new Result(
        result,
        problems,
        before,
        after,
        decoded.format(),
        decoded.crs(),
        decoded.layers(),
        decoded.layer(),
        samples,
        usedKey,
        usedName,
        water,
        outside,
        decoded.features().size());
  }

  private static String value(Map<String, String> props, String property) {
    if (property == null) {
      return null;
    }
    String v = props.get(property);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static List<PropertySample> samples(List<GeoFiles.SourceFeature> features) {
    Map<String, List<String>> samples = new LinkedHashMap<>();
    for (GeoFiles.SourceFeature f : features) {
      for (Map.Entry<String, String> e : f.properties().entrySet()) {
        List<String> list = samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        if (list.size() < 3 && e.getValue() != null && !e.getValue().isBlank()) {
          String v = e.getValue().strip();
          list.add(v.length() > 40 ? v.substring(0, 40) + "…" : v);
        }
      }
    }
    List<PropertySample> out = new ArrayList<>();
    samples.forEach((k, v) -> out.add(new PropertySample(k, v)));
    return out;
  }

  /** Official keys of today's areas (valid today first), with the 8-digit AGS of 12-digit ARS. */
  private Map<String, UUID> existingByKey() {
    Map<String, UUID> map = new HashMap<>();
    LocalDate today = LocalDate.now(clock);
    List<AreaRow> areas = new ArrayList<>(areaRepository.areas());
    areas.sort(Comparator.comparing((AreaRow a) -> a.validOn(today) ? 0 : 1));
    for (AreaRow a : areas) {
      if (a.officialKey() != null) {
        map.putIfAbsent(a.officialKey(), a.id());
      }
    }
    return map;
  }

  /** The saved choice of key and name property (from the last file that needed one). */
  Map<String, String> savedChoice() {
    return saved.entries(SAVED_CHOICE).orElse(null);
  }

  /** Saves the chosen key and name property for this tenant's next file. */
  @Transactional
  public void saveChoice(String keyProperty, String nameProperty) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("key", keyProperty == null ? "" : keyProperty);
    entries.put("name", nameProperty);
    saved.save(SAVED_CHOICE, entries);
  }

  private UUID match(
      String key, String name, int feature, List<Problem> problems, Map<String, UUID> byKey) {
    if (key != null) {
      UUID id = byKey.get(key);
      if (id == null && key.length() == 12 && key.matches("\\d+")) {
        // a 12-digit ARS where the tenant keeps the 8-digit AGS (Land, Bezirk, Kreis, Gemeinde)
        id = byKey.get(key.substring(0, 5) + key.substring(9));
      }
      return id;
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
