package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.areas.GeoFiles.SourceFeature;
import de.lagebild.platform.DomainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage (OGC 12-128r18: an SQLite file with {@code gpkg_contents}, {@code
 * gpkg_geometry_columns} and {@code gpkg_spatial_ref_sys}; geometries as the GeoPackage binary
 * header followed by WKB), opened read-only from a temporary copy.
 */
final class GeoPackageReader {

  record Layer(String table, String column, int srsId, long count) {}

  private GeoPackageReader() {}

  static GeoFiles.Decoded read(byte[] bytes, String fileName, String wanted) throws IOException {
    Path tmp = Files.createTempFile("lagebild-gpkg", ".gpkg");
    try {
      Files.write(tmp, bytes);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + tmp + "?mode=ro");
          Statement s = c.createStatement()) {
        List<Layer> layers = new ArrayList<>();
        try (ResultSet r =
            s.executeQuery(
                "select g.table_name, g.column_name, g.srs_id from gpkg_geometry_columns g"
                    + " order by g.table_name")) {
          while (r.next()) {
            layers.add(new Layer(r.getString(1), r.getString(2), r.getInt(3), 0));
          }
        } catch (SQLException e) {
          throw new DomainException("atlas.geoGpkgNoFeatures", fileName);
        }
        if (layers.isEmpty()) {
          throw new DomainException("atlas.geoGpkgNoFeatures", fileName);
        }
        Layer layer =
            layers.stream()
                .filter(l -> l.table().equalsIgnoreCase(wanted == null ? "" : wanted))
                .findFirst()
                .orElse(layers.get(0));
        CoordinateSystems.System crs = system(s, layer.srsId(), fileName);
        List<SourceFeature> features = new ArrayList<>();
        try (ResultSet r =
            s.executeQuery("select * from \"" + layer.table().replace("\"", "\"\"") + "\"")) {
          ResultSetMetaData meta = r.getMetaData();
          WKBReader wkb = new WKBReader();
          while (r.next()) {
            Map<String, String> props = new LinkedHashMap<>();
            Geometry g = null;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String name = meta.getColumnName(i);
              if (name.equalsIgnoreCase(layer.column())) {
                g = geometry(r.getBytes(i), wkb);
              } else {
                Object v = r.getObject(i);
                props.put(name, v == null ? null : v.toString());
              }
            }
            features.add(feature(props, g, crs));
          }
        }
        return new GeoFiles.Decoded(
            features,
            "GeoPackage",
            crs.label(),
            layers.stream().map(Layer::table).toList(),
            layer.table());
      } catch (SQLException e) {
        throw new DomainException("atlas.geoGpkgBroken", fileName);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static CoordinateSystems.System system(Statement s, int srsId, String fileName)
      throws SQLException {
    if (srsId == 4326) {
      return CoordinateSystems.wgs84();
    }
    try (ResultSet r =
        s.executeQuery(
            "select organization, organization_coordsys_id, definition from gpkg_spatial_ref_sys"
                + " where srs_id = "
                + srsId)) {
      if (!r.next() || srsId <= 0) {
        throw new DomainException("atlas.geoNoCrs", fileName);
      }
      String org = r.getString(1);
      int code = r.getInt(2);
      if ("EPSG".equalsIgnoreCase(org) && code > 0) {
        return CoordinateSystems.epsg(code);
      }
      String definition = r.getString(3);
      if (definition == null || definition.isBlank() || "undefined".equalsIgnoreCase(definition)) {
        throw new DomainException("atlas.geoNoCrs", fileName);
      }
      return CoordinateSystems.fromWkt(definition);
    }
  }

  /** The WKB after the GeoPackage header ("GP", version, flags, srs id, envelope). */
  static Geometry geometry(byte[] blob, WKBReader wkb) {
    if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      return null;
    }
    int flags = blob[3];
    if ((flags & 0x10) != 0) {
      return null;
    }
    int envelope =
        switch ((flags >> 1) & 0x07) {
          case 1 -> 32;
          case 2, 3 -> 48;
          case 4 -> 64;
          default -> 0;
        };
    int offset = 8 + envelope;
    try {
      return wkb.read(Arrays.copyOfRange(blob, offset, blob.length));
    } catch (ParseException e) {
      return null;
    }
  }

  static SourceFeature feature(
      Map<String, String> props, Geometry g, CoordinateSystems.System crs) {
    if (g == null) {
      return new SourceFeature(props, "leer", null, null);
    }
    if (g instanceof Point p) {
      return new SourceFeature(props, "Point", null, crs.toLonLat(p.getX(), p.getY()));
    }
    if (g instanceof Polygon || g instanceof MultiPolygon) {
      List<List<List<double[]>>> polygons = new ArrayList<>();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Polygon poly = (Polygon) g.getGeometryN(i);
        List<List<double[]>> rings = new ArrayList<>();
        rings.add(ring(poly.getExteriorRing(), crs));
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          rings.add(ring(poly.getInteriorRingN(h), crs));
        }
        polygons.add(rings);
      }
      return new SourceFeature(props, "Polygon", polygons, null);
    }
    return new SourceFeature(props, g.getGeometryType(), null, null);
  }

  private static List<double[]> ring(LinearRing ring, CoordinateSystems.System crs) {
    List<double[]> out = new ArrayList<>(ring.getNumPoints());
    for (int i = 0; i < ring.getNumPoints(); i++) {
      out.add(crs.toLonLat(ring.getCoordinateN(i).x, ring.getCoordinateN(i).y));
    }
    return out;
  }
}
