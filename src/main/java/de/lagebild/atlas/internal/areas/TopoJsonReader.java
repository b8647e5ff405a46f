package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.areas.GeoFiles.SourceFeature;
import de.lagebild.platform.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * TopoJSON (the specification 1.0 of topojson/topojson-specification): shared arcs, quantised and
 * delta-encoded when a {@code transform} is given; an arc index {@code ~i} (negative) means arc
 * {@code i} reversed. Each object is a layer; the geometries of the chosen one become features.
 */
final class TopoJsonReader {

  /** The decoded arcs of a topology (absolute positions in the file's units). */
  static final class Arcs {
    private final List<List<double[]>> arcs = new ArrayList<>();
    private final double[] scale;
    private final double[] translate;

    Arcs(JsonNode root) {
      JsonNode t = root.path("transform");
      scale =
          t.isMissingNode()
              ? null
              : new double[] {
                t.path("scale").path(0).asDouble(1), t.path("scale").path(1).asDouble(1)
              };
      translate =
          t.isMissingNode()
              ? null
              : new double[] {
                t.path("translate").path(0).asDouble(0), t.path("translate").path(1).asDouble(0)
              };
      for (JsonNode arc : root.path("arcs")) {
        List<double[]> points = new ArrayList<>();
        double x = 0;
        double y = 0;
        for (JsonNode p : arc) {
          if (scale != null) {
            x += p.path(0).asDouble();
            y += p.path(1).asDouble();
            points.add(new double[] {x * scale[0] + translate[0], y * scale[1] + translate[1]});
          } else {
            points.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()});
          }
        }
        arcs.add(points);
      }
    }

    /** A point geometry's position: quantised (not delta-encoded) when a transform is given. */
    double[] untransform(double x, double y) {
      return scale == null
          ? new double[] {x, y}
          : new double[] {x * scale[0] + translate[0], y * scale[1] + translate[1]};
    }

    List<double[]> ring(JsonNode indexes, CoordinateSystems.System crs) {
      List<double[]> ring = new ArrayList<>();
      for (JsonNode i : indexes) {
        int index = i.asInt();
        boolean reversed = index < 0;
        int a = reversed ? ~index : index;
        if (a < 0 || a >= arcs.size()) {
          throw new DomainException("atlas.geoTopoArc", String.valueOf(index));
        }
        List<double[]> arc = new ArrayList<>(arcs.get(a));
        if (reversed) {
          java.util.Collections.reverse(arc);
        }
        for (int k = ring.isEmpty() ? 0 : 1; k < arc.size(); k++) {
          double[] p = arc.get(k);
          ring.add(crs.toLonLat(p[0], p[1]));
        }
      }
      return ring;
    }
  }

  private TopoJsonReader() {}

  static GeoFiles.Decoded read(JsonNode root, String name, String wanted) {
    JsonNode objects = root.path("objects");
    List<String> layers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : objects.properties()) {
      layers.add(e.getKey());
    }
    if (layers.isEmpty()) {
      throw new DomainException("atlas.geoTopoEmpty", name);
    }
    String layer = layers.contains(wanted) ? wanted : layers.get(0);
    JsonNode object = objects.path(layer);
    List<JsonNode> geometries = new ArrayList<>();
    if ("GeometryCollection".equals(object.path("type").asString(""))) {
      object.path("geometries").forEach(geometries::add);
    } else {
      geometries.add(object);
    }
    Arcs arcs = new Arcs(root);
    CoordinateSystems.System crs = CoordinateSystems.wgs84();
    List<SourceFeature> features = new ArrayList<>();
    for (JsonNode g : geometries) {
      Map<String, String> props = GeoFiles.properties(g.path("properties"));
      if (g.has("id") && !props.containsKey("id")) {
        props.put("id", g.path("id").asString());
      }
      features.add(GeoFiles.feature(props, g, crs, arcs));
    }
    GeoFiles.degreesOrRefuse(features);
    return new GeoFiles.Decoded(features, "TopoJSON", crs.label(), layers, layer);
  }
}
