package de.lagebild.exchange;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON written with Jackson's generator (never by string building): feature collections with
 * properties and a geometry that is already GeoJSON text (as stored), points, and JTS polygons with
 * coordinates to six decimals (about 10 cm).
 */
public final class GeoJsonOutput {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonGenerator g;

  private GeoJsonOutput(JsonGenerator g) {
    this.g = g;
  }

  /** A feature collection whose features {@code body} writes. */
  public static String collection(Consumer<GeoJsonOutput> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      body.accept(new GeoJsonOutput(g));
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A feature with {@code properties} (strings, numbers, booleans or null) and a GeoJSON geometry.
   */
  public void feature(Map<String, ?> properties, String geometry) {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    g.writeName("properties");
    g.writePOJO(properties);
    g.writeName("geometry");
    g.writeRawValue(geometry);
    g.writeEndObject();
  }

  /** A point feature at longitude/latitude. */
  public void point(Map<String, ?> properties, BigDecimal longitude, BigDecimal latitude) {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    g.writeName("geometry");
    g.writeStartObject();
    g.writeStringProperty("type", "Point");
    g.writeName("coordinates");
    g.writeStartArray();
    g.writeNumber(longitude);
    g.writeNumber(latitude);
    g.writeEndArray();
    g.writeEndObject();
    g.writeName("properties");
    g.writePOJO(properties);
    g.writeEndObject();
  }

  /** A polygonal JTS geometry (Polygon or MultiPolygon) as GeoJSON, coordinates to six decimals. */
  public static String geometry(Geometry geometry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (geometry instanceof Polygon p) {
        g.writeStringProperty("type", "Polygon");
        g.writeName("coordinates");
        polygon(g, p);
      } else {
        g.writeStringProperty("type", "MultiPolygon");
        g.writeName("coordinates");
        g.writeStartArray();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
          if (geometry.getGeometryN(i) instanceof Polygon p) {
            polygon(g, p);
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void polygon(JsonGenerator g, Polygon p) {
    g.writeStartArray();
    ring(g, p.getExteriorRing().getCoordinates());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(g, p.getInteriorRingN(i).getCoordinates());
    }
    g.writeEndArray();
  }

  private static void ring(JsonGenerator g, Coordinate[] coordinates) {
    g.writeStartArray();
    for (Coordinate c : coordinates) {
      g.writeStartArray();
      g.writeNumber(round(c.x));
      g.writeNumber(round(c.y));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
