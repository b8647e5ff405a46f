package de.lagebild.planning.internal.gaps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * Straight-line reachability with JTS: outlines and places are projected to kilometres around the
 * middle of the areas (an equirectangular projection – at the size of a district or a Land its
 * error stays well under one per cent), the areas go into an STR tree, and each place asks the tree
 * for the areas whose envelope lies within the distance, then checks the real distance (or, at
 * distance 0, containment with prepared geometries).
 */
@Component
public class StraightLine implements Reachability {

  static final double KM_PER_DEGREE_LAT = 110.574;
  static final double KM_PER_DEGREE_LON_EQUATOR = 111.320;

  @Override
  public List<Set<UUID>> served(List<Area> areas, List<Place> places, Reach reach) {
    List<Set<UUID>> served = new ArrayList<>(areas.size());
    for (int i = 0; i < areas.size(); i++) {
      served.add(new HashSet<>());
    }
    if (areas.isEmpty() || places.isEmpty()) {
      return served;
    }
    Projection p = Projection.around(areas);
    GeometryFactory factory = new GeometryFactory();
    STRtree tree = new STRtree();
    List<Geometry> projected = new ArrayList<>(areas.size());
    List<PreparedGeometry> prepared = new ArrayList<>(areas.size());
    for (int i = 0; i < areas.size(); i++) {
      Geometry g = p.apply(areas.get(i).outline());
      if (reach.from() == From.CENTRE) {
        g = g.getInteriorPoint();
      }
      projected.add(g);
      prepared.add(PreparedGeometryFactory.prepare(g));
      Envelope e = new Envelope(g.getEnvelopeInternal());
      e.expandBy(Math.max(0, reach.distanceKm()));
      tree.insert(e, i);
    }
    tree.build();
    double d = Math.max(0, reach.distanceKm());
    for (Place place : places) {
      Coordinate c = p.project(place.longitude(), place.latitude());
      Point point = factory.createPoint(c);
      @SuppressWarnings("unchecked")
      List<Integer> candidates = tree.query(new Envelope(c));
      for (int i : candidates) {
        boolean in =
            reach.from() == From.OUTLINE
                ? (d == 0
                    ? prepared.get(i).covers(point)
                    : prepared.get(i).covers(point) || projected.get(i).isWithinDistance(point, d))
                : projected.get(i).isWithinDistance(point, d);
        if (in) {
          served.get(i).add(place.offerId());
        }
      }
    }
    return served;
  }

  /** Longitude/latitude to kilometres east and north of a reference point. */
  record Projection(double lon0, double lat0, double kmPerLon) {

    static Projection around(List<Area> areas) {
      Envelope all = new Envelope();
      areas.forEach(a -> all.expandToInclude(a.outline().getEnvelopeInternal()));
      double lat0 = all.centre().y;
      return new Projection(
          all.centre().x, lat0, KM_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(lat0)));
    }

    Coordinate project(double lon, double lat) {
      return new Coordinate((lon - lon0) * kmPerLon, (lat - lat0) * KM_PER_DEGREE_LAT);
    }

    Geometry apply(Geometry g) {
      Geometry copy = g.copy();
      copy.apply(
          new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
              double lon = seq.getX(i);
              double lat = seq.getY(i);
              seq.setOrdinate(i, 0, (lon - lon0) * kmPerLon);
              seq.setOrdinate(i, 1, (lat - lat0) * KM_PER_DEGREE_LAT);
            }

            @Override
            public boolean isDone() {
              return false;
            }

            @Override
            public boolean isGeometryChanged() {
              return true;
            }
          });
      return copy;
    }
  }
}
