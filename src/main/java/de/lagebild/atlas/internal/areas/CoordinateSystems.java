package de.lagebild.atlas.internal.areas;

import de.lagebild.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate system a geometry file names (an EPSG code, an OGC URN, or the WKT of a
 * shapefile's {@code .prj} as ArcGIS and QGIS write it) and the transformation from it to WGS 84
 * with proj4j (the EPSG parameters that library ships, datum shifts included – e.g. DHDN/Potsdam
 * for Gauß-Krüger). Files without a coordinate system are refused by the callers; a WKT that names
 * no known code is converted from its projection parameters.
 */
public final class CoordinateSystems {

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  private static final Pattern AUTHORITY =
      Pattern.compile(
          "AUTHORITY\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]", Pattern.CASE_INSENSITIVE);
  private static final Pattern URN =
      Pattern.compile("EPSG(?::[\\d.]*)?::?(\\d+)", Pattern.CASE_INSENSITIVE);

  /** ESRI and OGC names of the systems German GIS departments use, normalised. */
  private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("etrs1989utmzone32n", 25832);
    NAMES.put("etrs89utmzone32n", 25832);
    NAMES.put("etrs1989utmzone33n", 25833);
    NAMES.put("etrs89utmzone33n", 25833);
    NAMES.put("etrs1989utmzonen32", 4647);
    NAMES.put("etrs89utmzone32nzen", 4647);
    NAMES.put("etrs1989utmzonen33", 5650);
    NAMES.put("etrs89utmzone33nzen", 5650);
    NAMES.put("dhdn3degreegausszone2", 31466);
    NAMES.put("dhdn3degreegausszone3", 31467);
    NAMES.put("dhdn3degreegausszone4", 31468);
    NAMES.put("dhdn3degreegausszone5", 31469);
    NAMES.put("dhdn3degreegausskrugerzone2", 31466);
    NAMES.put("dhdn3degreegausskrugerzone3", 31467);
    NAMES.put("dhdn3degreegausskrugerzone4", 31468);
    NAMES.put("dhdn3degreegausskrugerzone5", 31469);
    NAMES.put("dhdngausskrugerzone2", 31466);
    NAMES.put("dhdngausskrugerzone3", 31467);
    NAMES.put("dhdngausskrugerzone4", 31468);
    NAMES.put("dhdngausskrugerzone5", 31469);
    NAMES.put("etrs1989laea", 3035);
    NAMES.put("etrs89lambertazimuthalequalarea", 3035);
    NAMES.put("etrs89etrslaea", 3035);
    NAMES.put("etrs89extendedlaeaeurope", 3035);
    NAMES.put("wgs1984webmercatorauxiliarysphere", 3857);
    NAMES.put("wgs84pseudomercator", 3857);
    NAMES.put("gcswgs1984", 4326);
    NAMES.put("wgs84", 4326);
    NAMES.put("gcsetrs1989", 4258);
    NAMES.put("etrs89", 4258);
  }

  /** A resolved system: its label for messages and the transformation to WGS 84. */
  public record System(String label, boolean geographicWgs84, CoordinateTransform toWgs84) {

    /** lon/lat of a point given in this system's coordinates. */
    public double[] toLonLat(double x, double y) {
      if (geographicWgs84) {
        return new double[] {x, y};
      }
      ProjCoordinate out = new ProjCoordinate();
      toWgs84.transform(new ProjCoordinate(x, y), out);
      return new double[] {out.x, out.y};
    }
  }

  private CoordinateSystems() {}

  /** WGS 84 longitude/latitude (EPSG:4326, CRS84). */
  public static System wgs84() {
    return new System("EPSG:4326 (WGS 84)", true, null);
  }

  /** The system of an EPSG code. */
  public static System epsg(int code) {
    if (code == 4326 || code == 4979) {
      return wgs84();
    }
    CoordinateReferenceSystem crs;
    try {
      crs = FACTORY.createFromName("EPSG:" + code);
    } catch (RuntimeException e) {
      throw new DomainException("atlas.geoCrsUnknown", "EPSG:" + code);
    }
    return transformFrom("EPSG:" + code + label(code), crs);
  }

  /**
   * The system a GeoJSON {@code crs} name (e.g. {@code urn:ogc:def:crs:EPSG::25832}) or any text
   * with an EPSG code names; CRS84 is WGS 84.
   */
  public static System named(String name) {
    if (name.toUpperCase(Locale.ROOT).contains("CRS84")) {
      return wgs84();
    }
    Matcher m = URN.matcher(name);
    if (m.find()) {
      return epsg(Integer.parseInt(m.group(1)));
    }
    throw new DomainException("atlas.geoCrsUnknown", name);
  }

  /** The system of a WKT (a shapefile's .prj, a GeoPackage definition). */
  public static System fromWkt(String wkt) {
    String text = wkt.strip();
    Matcher m = AUTHORITY.matcher(text);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    // the outermost node's authority comes last in WKT 1
    if (last != null && text.lastIndexOf("AUTHORITY") > text.lastIndexOf("UNIT[")) {
      return epsg(Integer.parseInt(last));
    }
    String name = firstName(text);
    Integer known = name == null ? null : NAMES.get(normal(name));
    if (known != null) {
      return epsg(known);
    }
    if (last != null) {
      return epsg(Integer.parseInt(last));
    }
    String proj4 = proj4(text);
    try {
      return transformFrom(name == null ? "WKT" : name, FACTORY.createFromParameters(name, proj4));
    } catch (RuntimeException e) {
      throw new DomainException("atlas.geoCrsUnknown", name == null ? text : name);
    }
  }

  private static System transformFrom(String label, CoordinateReferenceSystem crs) {
    CoordinateReferenceSystem wgs = FACTORY.createFromName("EPSG:4326");
    return new System(label, false, TRANSFORMS.createTransform(crs, wgs));
  }

  private static String label(int code) {
    return switch (code) {
      case 25832 -> " (ETRS89 / UTM Zone 32N)";
      case 25833 -> " (ETRS89 / UTM Zone 33N)";
      case 31466, 31467, 31468, 31469 -> " (DHDN / Gauß-Krüger Zone " + (code - 31464) + ")";
      case 4647 -> " (ETRS89 / UTM Zone 32N mit Zonenkennung)";
      case 3035 -> " (ETRS89 / LAEA Europa)";
      case 3857 -> " (Web Mercator)";
      case 4258 -> " (ETRS89 geografisch)";
      default -> "";
    };
  }

  private static String firstName(String wkt) {
    Matcher m = Pattern.compile("^[A-Z_]+\\s*\\[\\s*\"([^\"]*)\"").matcher(wkt);
    return m.find() ? m.group(1) : null;
  }

  static String normal(String name) {
    return name.toLowerCase(Locale.ROOT)
        .replace("krüger", "kruger")
        .replace("_(ze-n)", "zen")
        .replaceAll("[^a-z0-9]", "");
  }

  /** A proj4 definition from the parameters of a WKT 1 (projections common in Germany). */
  static String proj4(String wkt) {
    StringBuilder p = new StringBuilder();
    String projection = value(wkt, "PROJECTION\\s*\\[\\s*\"([^\"]+)\"");
    boolean projected = wkt.toUpperCase(Locale.ROOT).startsWith("PROJCS");
    if (!projected) {
      p.append("+proj=longlat");
    } else if (projection == null) {
      throw new DomainException("atlas.geoCrsUnknown", firstName(wkt));
    } else {
      String n = normal(projection);
      if (n.contains("transversemercator") || n.contains("gausskruger")) {
        p.append("+proj=tmerc");
      } else if (n.contains("lambertazimuthalequalarea")) {
        p.append("+proj=laea");
      } else if (n.contains("lambertconformalconic")) {
        p.append("+proj=lcc");
      } else if (n.contains("mercator")) {
        p.append("+proj=merc");
      } else {
        throw new DomainException("atlas.geoCrsUnknown", projection);
      }
      param(p, wkt, "latitude_of_origin|latitude_of_center", "lat_0");
      param(p, wkt, "central_meridian|longitude_of_center", "lon_0");
      param(p, wkt, "scale_factor", "k");
      param(p, wkt, "false_easting", "x_0");
      param(p, wkt, "false_northing", "y_0");
      param(p, wkt, "standard_parallel_1", "lat_1");
      param(p, wkt, "standard_parallel_2", "lat_2");
    }
    Matcher s =
        Pattern.compile(
                "SPHEROID\\s*\\[\\s*\"[^\"]*\"\\s*,\\s*([\\d.]+)\\s*,\\s*([\\d.]+)",
                Pattern.CASE_INSENSITIVE)
            .matcher(wkt);
    if (s.find()) {
      double a = Double.parseDouble(s.group(1));
      double rf = Double.parseDouble(s.group(2));
      if (Math.abs(a - 6378137) < 0.01 && Math.abs(rf - 298.257222101) < 1e-6) {
        p.append(" +ellps=GRS80");
      } else if (Math.abs(a - 6378137) < 0.01 && Math.abs(rf - 298.257223563) < 1e-6) {
        p.append(" +ellps=WGS84");
      } else if (Math.abs(a - 6377397.155) < 0.01) {
        p.append(" +ellps=bessel");
      } else if (Math.abs(a - 6378388) < 0.01) {
        p.append(" +ellps=intl");
      } else if (Math.abs(a - 6378245) < 0.01) {
        p.append(" +ellps=krass");
      } else {
        // proj4j reads +a with +b, not with an inverse flattening
        p.append(" +a=").append(a).append(" +b=").append(rf == 0 ? a : a * (1 - 1 / rf));
      }
    }
    String datum = normal(value(wkt, "DATUM\\s*\\[\\s*\"([^\"]+)\"") + "");
    if (datum.contains("hauptdreiecksnetz")
        || datum.contains("dhdn")
        || datum.contains("potsdam")) {
      p.append(" +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7");
    } else if (datum.contains("etrs") || datum.contains("wgs") || datum.contains("european")) {
      p.append(" +towgs84=0,0,0,0,0,0,0");
    }
    p.append(projected ? " +units=m +no_defs" : " +no_defs");
    return p.toString();
  }

  private static void param(StringBuilder p, String wkt, String names, String key) {
    String v =
        value(wkt, "PARAMETER\\s*\\[\\s*\"(?i:" + names + ")\"\\s*,\\s*(-?[\\d.]+(?:[eE]-?\\d+)?)");
    if (v != null) {
      p.append(" +").append(key).append('=').append(v);
    }
  }

  private static String value(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
