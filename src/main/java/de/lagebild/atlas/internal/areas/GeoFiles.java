package de.lagebild.atlas.internal.areas;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Geometry files as GIS departments and the BKG deliver them: GeoJSON (with or without a {@code
 * crs} member), TopoJSON, a GeoPackage, or a ZIP with a shapefile (.shp/.shx/.dbf/.prj/.cpg, also
 * several layers, also in folders) or with one of the others. Every coordinate is brought to WGS 84
 * longitude/latitude from the coordinate system the file names ({@link CoordinateSystems}); a file
 * that names none and is not in degrees is refused. A file Lagebild cannot read gets a message that
 * says what it seems to be and what is expected.
 */
public final class GeoFiles {

  /** A feature as read: properties as text, polygons (rings of lon/lat) or a point, or neither. */
  public record SourceFeature(
      Map<String, String> properties,
      String geometryType,
      List<List<List<double[]>>> polygons,
      double[] point) {}

  /** The features of a file, its format, its coordinate system, its layers and the one read. */
  public record Decoded(
      List<SourceFeature> features, String format, String crs, List<String> layers, String layer) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_ENTRY = 400L * 1024 * 1024;

  private GeoFiles() {}

  public static Decoded decode(byte[] bytes, String fileName, String layer) throws IOException {
    String name = fileName == null ? "Datei" : fileName;
    if (bytes.length == 0) {
      throw new DomainException("atlas.geoEmpty", name);
    }
    if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
      return zip(bytes, name, layer);
    }
    if (startsWith(bytes, "SQLite format 3")) {
      return GeoPackageReader.read(bytes, name, layer);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".shp") || lower.endsWith(".dbf") || lower.endsWith(".shx")) {
      throw new DomainException("atlas.geoShpAlone", name);
    }
    if (bytes.length > 4
        && bytes[0] == 0
        && bytes[1] == 0
        && bytes[2] == 0x27
        && bytes[3] == 0x0A) {
      throw new DomainException("atlas.geoShpAlone", name);
    }
    if (lower.endsWith(".kml") || lower.endsWith(".kmz") || lower.endsWith(".gml")) {
      throw new DomainException("atlas.geoFormatOther", name);
    }
    if (startsWith(bytes, "%PDF") || bytes[0] == (byte) 0xD0) {
      throw new DomainException("atlas.geoFormatOther", name);
    }
    String text = TextDecoder.decode(bytes).text();
    return json(text, name, layer);
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (bytes[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- ZIP

  private static Decoded zip(byte[] bytes, String name, String layer) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String n = e.getName();
        String l = n.toLowerCase(Locale.ROOT);
        if (e.isDirectory() || l.startsWith("__macosx/")) {
          continue;
        }
        if (l.endsWith(".shp")
            || l.endsWith(".dbf")
            || l.endsWith(".prj")
            || l.endsWith(".cpg")
            || l.endsWith(".gpkg")
            || l.endsWith(".geojson")
            || l.endsWith(".json")
            || l.endsWith(".topojson")) {
          byte[] data = in.readNBytes((int) Math.min(MAX_ENTRY, Integer.MAX_VALUE - 16));
          entries.put(n, data);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new DomainException("atlas.geoZipBroken", name);
    }
    List<String> shapes =
        entries.keySet().stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".shp")).toList();
    if (!shapes.isEmpty()) {
      List<String> layers = shapes.stream().map(GeoFiles::base).toList();
      String chosen =
          shapes.stream()
              .filter(s -> base(s).equalsIgnoreCase(layer == null ? "" : layer))
              .findFirst()
              .orElse(preferred(shapes));
      String stem = chosen.substring(0, chosen.length() - 4);
      byte[] prj = entries.get(stem + ".prj");
      if (prj == null) {
        throw new DomainException("atlas.geoNoPrj", base(chosen));
      }
      byte[] dbf = entries.get(stem + ".dbf");
      if (dbf == null) {
        throw new DomainException("atlas.geoNoDbf", base(chosen));
      }
      byte[] cpg = entries.get(stem + ".cpg");
      CoordinateSystems.System crs =
          CoordinateSystems.fromWkt(new String(prj, StandardCharsets.ISO_8859_1));
      List<SourceFeature> features =
          ShapefileReader.read(
              entries.get(chosen),
              dbf,
              cpg == null ? null : new String(cpg, StandardCharsets.US_ASCII),
              crs,
              base(chosen));
      return new Decoded(features, "Shapefile", crs.label(), layers, base(chosen));
    }
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String l = e.getKey().toLowerCase(Locale.ROOT);
      if (l.endsWith(".gpkg")) {
        return GeoPackageReader.read(e.getValue(), e.getKey(), layer);
      }
    }
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String l = e.getKey().toLowerCase(Locale.ROOT);
      if (l.endsWith("json")) {
        return json(TextDecoder.decode(e.getValue()).text(), e.getKey(), layer);
      }
    }
    throw new DomainException("atlas.geoZipEmpty", name);
  }

  /** The shapefile to read when the ZIP has several and none was chosen: Gemeinden first. */
  private static String preferred(List<String> shapes) {
    for (String suffix : List.of("_GEM", "_KRS", "_LAN")) {
      for (String s : shapes) {
        if (base(s).toUpperCase(Locale.ROOT).endsWith(suffix)) {
          return s;
        }
      }
    }
    return shapes.get(0);
  }

  private static String base(String path) {
    String n = path.substring(path.lastIndexOf('/') + 1);
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  // ---------------------------------------------------------------- GeoJSON, TopoJSON

  private static Decoded json(String text, String name, String layer) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (RuntimeException e) {
      throw new DomainException("atlas.geojsonUnreadable");
    }
    if (root == null || !root.isObject()) {
      throw new DomainException("atlas.geojsonUnreadable");
    }
    String type = root.path("type").asString("");
    if ("Topology".equals(type)) {
      return TopoJsonReader.read(root, name, layer);
    }
    if ("Feature".equals(type)) {
      return geoJson(List.of(root), root, name);
    }
    if (!"FeatureCollection".equals(type)) {
      throw new DomainException("atlas.geojsonNoCollection");
    }
    List<JsonNode> features = new ArrayList<>();
    root.path("features").forEach(features::add);
    return geoJson(features, root, name);
  }

  private static Decoded geoJson(List<JsonNode> nodes, JsonNode root, String name) {
    String crsName = root.path("crs").path("properties").path("name").asString("");
    CoordinateSystems.System crs =
        crsName.isBlank() ? CoordinateSystems.wgs84() : CoordinateSystems.named(crsName);
    List<SourceFeature> features = new ArrayList<>();
    for (JsonNode f : nodes) {
      features.add(feature(properties(f.path("properties")), f.path("geometry"), crs, null));
    }
    if (crs.geographicWgs84()) {
      degreesOrRefuse(features);
    }
    return new Decoded(features, "GeoJSON", crs.label(), List.of(), null);
  }

  static Map<String, String> properties(JsonNode props) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      JsonNode v = e.getValue();
      map.put(
          e.getKey(),
          v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString());
    }
    return map;
  }

  /**
   * A GeoJSON geometry; positions that are not numbers become NaN (reported by the import). With
   * {@code arcs} given (TopoJSON) the rings are arc lists.
   */
  static SourceFeature feature(
      Map<String, String> props,
      JsonNode geometry,
      CoordinateSystems.System crs,
      TopoJsonReader.Arcs arcs) {
    String type = geometry.path("type").asString("");
    JsonNode body = arcs == null ? geometry.path("coordinates") : geometry.path("arcs");
    switch (type) {
      case "Polygon":
        return new SourceFeature(props, "Polygon", List.of(polygon(body, crs, arcs)), null);
      case "MultiPolygon":
        {
          List<List<List<double[]>>> polys = new ArrayList<>();
          body.forEach(p -> polys.add(polygon(p, crs, arcs)));
          return new SourceFeature(props, "Polygon", polys, null);
        }
      case "Point":
        {
          JsonNode c = geometry.path("coordinates");
          double[] p = position(c, crs, arcs);
          return new SourceFeature(props, "Point", null, p);
        }
      case "":
        return new SourceFeature(props, "leer", null, null);
      default:
        return new SourceFeature(props, type, null, null);
    }
  }

  private static List<List<double[]>> polygon(
      JsonNode rings, CoordinateSystems.System crs, TopoJsonReader.Arcs arcs) {
    List<List<double[]>> out = new ArrayList<>();
    for (JsonNode ring : rings) {
      if (arcs != null) {
        out.add(arcs.ring(ring, crs));
        continue;
      }
      List<double[]> r = new ArrayList<>();
      for (JsonNode c : ring) {
        r.add(position(c, crs, null));
      }
      out.add(r);
    }
    return out;
  }

  private static double[] position(
      JsonNode c, CoordinateSystems.System crs, TopoJsonReader.Arcs arcs) {
    double x = c.path(0).isNumber() ? c.path(0).asDouble() : Double.NaN;
    double y = c.path(1).isNumber() ? c.path(1).asDouble() : Double.NaN;
    if (arcs != null) {
      double[] t = arcs.untransform(x, y);
      x = t[0];
      y = t[1];
    }
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return crs.toLonLat(x, y);
  }

  /**
   * A file without a coordinate system whose numbers are not degrees: projected coordinates of an
   * unnamed system, refused with the first such position.
   */
  static void degreesOrRefuse(List<SourceFeature> features) {
    for (SourceFeature f : features) {
      if (f.point() != null && outside(f.point())) {
        throw new DomainException("atlas.geoNoCrsProjected", text(f.point()));
      }
      if (f.polygons() != null) {
        for (List<List<double[]>> poly : f.polygons()) {
          for (List<double[]> ring : poly) {
            for (double[] p : ring) {
              if (outside(p)) {
                throw new DomainException("atlas.geoNoCrsProjected", text(p));
              }
            }
          }
        }
      }
    }
  }

  private static boolean outside(double[] p) {
    return Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90;
  }

  private static String text(double[] p) {
    return String.format(Locale.GERMAN, "%.1f / %.1f", p[0], p[1]);
  }
}
