package de.lagebild.planning.internal.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.planning.internal.gaps.Reachability.Area;
import de.lagebild.planning.internal.gaps.Reachability.From;
import de.lagebild.planning.internal.gaps.Reachability.Place;
import de.lagebild.planning.internal.gaps.Reachability.Reach;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Straight-line reachability on two squares of 0.1° in Thuringia's latitude: at 51.05° N a degree
 * of longitude is 111.32 km × cos 51.05° ≈ 69.98 km, so the gap of 0.1° between the squares is 7.0
 * km and a place in its middle lies 3.5 km from each.
 */
class StraightLineTests {

  static final GeometryFactory F = new GeometryFactory();
  static final UUID A = UUID.randomUUID();
  static final UUID B = UUID.randomUUID();
  static final UUID INSIDE = UUID.randomUUID();
  static final UUID BETWEEN = UUID.randomUUID();
  static final UUID TWICE = UUID.randomUUID();

  static Polygon square(double lon, double lat) {
    return F.createPolygon(
        new Coordinate[] {
          new Coordinate(lon, lat),
          new Coordinate(lon + 0.1, lat),
          new Coordinate(lon + 0.1, lat + 0.1),
          new Coordinate(lon, lat + 0.1),
          new Coordinate(lon, lat)
        });
  }

  static final List<Area> AREAS =
      List.of(new Area(A, square(10.0, 51.0)), new Area(B, square(10.2, 51.0)));
  static final List<Place> PLACES =
      List.of(
          new Place(INSIDE, 51.05, 10.05),
          new Place(BETWEEN, 51.05, 10.15),
          // one offer at two places in A counts once
          new Place(TWICE, 51.02, 10.02),
          new Place(TWICE, 51.08, 10.08));

  @Test
  void atDistanceZeroOnlyOffersInsideTheAreaCount() {
    List<Set<UUID>> served = new StraightLine().served(AREAS, PLACES, new Reach(0, From.OUTLINE));
    assertThat(served.get(0)).containsExactlyInAnyOrder(INSIDE, TWICE);
    assertThat(served.get(1)).isEmpty();
  }

  @Test
  void aDistanceFromTheOutlineReachesAcrossTheGapOnlyWhenItIsLongEnough() {
    assertThat(new StraightLine().served(AREAS, PLACES, new Reach(3.4, From.OUTLINE)).get(1))
        .isEmpty();
    List<Set<UUID>> served = new StraightLine().served(AREAS, PLACES, new Reach(3.6, From.OUTLINE));
    assertThat(served.get(0)).containsExactlyInAnyOrder(INSIDE, BETWEEN, TWICE);
    assertThat(served.get(1)).containsExactly(BETWEEN);
  }

  @Test
  void fromTheCentreTheDistanceIsMeasuredFromAPointInsideTheArea() {
    // the centre of A is (10.05, 51.05); BETWEEN is 0.1° = 7.0 km east of it
    List<Set<UUID>> near = new StraightLine().served(AREAS, PLACES, new Reach(6.9, From.CENTRE));
    assertThat(near.get(0)).contains(INSIDE).doesNotContain(BETWEEN);
    List<Set<UUID>> far = new StraightLine().served(AREAS, PLACES, new Reach(7.1, From.CENTRE));
    assertThat(far.get(0)).contains(INSIDE, BETWEEN);
    assertThat(far.get(1)).contains(BETWEEN).doesNotContain(INSIDE);
  }
}
