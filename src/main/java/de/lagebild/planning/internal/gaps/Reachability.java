package de.lagebild.planning.internal.gaps;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * Which offers serve which area: the plug-in point of the gap analysis. Lagebild ships {@link
 * StraightLine} (an offer inside the area, or within a straight-line distance of its outline or
 * centre). A district that has a routing engine (e.g. GraphHopper on its own OpenStreetMap extract)
 * provides a bean of this type that answers by travel time instead; see doc/gap-analysis.md.
 */
public interface Reachability {

  /** An area at the chosen level with its outline in WGS84 longitude/latitude. */
  record Area(UUID id, Geometry outline) {}

  /** An offer at one place (WGS84); an offer with several places appears once per place. */
  record Place(UUID offerId, double latitude, double longitude) {}

  /** How far to look and from where. */
  record Reach(double distanceKm, From from) {}

  enum From {
    /** from the area's outline: an offer inside the area or at most the distance outside it */
    OUTLINE,
    /** from a point inside the area (its interior point) */
    CENTRE
  }

  /** For each area (in the order given), the ids of the offers that serve it. */
  List<Set<UUID>> served(List<Area> areas, List<Place> places, Reach reach);
}
