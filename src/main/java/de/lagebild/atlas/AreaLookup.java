package de.lagebild.atlas;

import java.util.List;
import java.util.Optional;

/**
 * Where a point lies among the atlas areas of the current tenant (for the offer catalogue's
 * locations).
 */
public interface AreaLookup {

  /**
   * An area: its id, name, kind (LAND, KREIS, GEMEINDE, GEMEINDETEIL, SOZIALRAUM) and official key.
   */
  record AreaRef(AreaId id, String name, String type, String key) {}

  /**
   * The smallest area valid today whose outline contains the point (a Gemeinde before its Kreis;
   * planning areas built from others are not considered), if any area has geometry there.
   */
  Optional<AreaRef> areaAt(double latitude, double longitude);

  /** An area with its original outline (JTS, WGS84 longitude/latitude). */
  record AreaShape(AreaRef area, org.locationtech.jts.geom.Geometry outline) {}

  /**
   * The areas of one kind ({@code type} as in {@link AreaRef#type()}) valid today that have an
   * outline (planning areas built from others are not included).
   */
  List<AreaShape> shapes(String type);

  /** The area and the areas above it, innermost first. */
  List<AreaRef> chain(AreaId area);

  /** Areas valid today that offers can be filtered by (no Land), Kreise first. */
  List<AreaRef> areas();

  /**
   * The outlines of the Kreise valid today as a GeoJSON FeatureCollection (simplified), for
   * orientation on maps.
   */
  String outlines();
}
