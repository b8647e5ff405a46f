package de.lagebild.atlas;

import de.lagebild.atlas.internal.areas.GeoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Places from a GeoJSON file for other modules (offers from open-data point lists): each feature's
 * properties and its position in WGS 84 – the point, or the centre of a polygon –, reprojected from
 * the coordinate system the file names.
 */
public final class GeometryFiles {

  /** A feature's properties and its longitude/latitude (null when it has no usable geometry). */
  public record Place(Map<String, String> properties, double[] lonLat) {}

  private static final GeometryFactory JTS = new GeometryFactory();

  private GeometryFiles() {}

  public static List<Place> places(String geoJson) {
    GeoFiles.Decoded d;
    try {
      d = GeoFiles.decode(geoJson.getBytes(StandardCharsets.UTF_8), "GeoJSON", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Place> places = new ArrayList<>();
    for (GeoFiles.SourceFeature f : d.features()) {
      double[] at = f.point();
      if (at == null && f.polygons() != null && !f.polygons().isEmpty()) {
        List<double[]> shell = f.polygons().get(0).get(0);
        if (shell.size() >= 4) {
          LinearRing ring =
              JTS.createLinearRing(
                  shell.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new));
          Polygon poly = JTS.createPolygon(ring);
          Coordinate c = poly.getInteriorPoint().getCoordinate();
          at = new double[] {c.x, c.y};
        }
      }
      places.add(new Place(f.properties(), at));
    }
    return places;
  }
}
