package de.lagebild.atlas.internal.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.atlas.internal.areas.GeoJsonImport;
import de.lagebild.atlas.internal.areas.PlanningAreas;
import de.lagebild.atlas.internal.areas.TopoSimplifier;
import de.lagebild.atlas.internal.areas.TopoSimplifier.Point;
import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Periods, classes, polarity-aware comparison, GeoJSON checks and the shared borders of the
 * simplification.
 */
class AtlasUnitTests {

  @Test
  void periodsInTheirSpellings() {
    assertThat(Periods.normalise("2019")).isEqualTo("2019");
    assertThat(Periods.normalise("31.12.2019")).isEqualTo("2019-12-31");
    assertThat(Periods.normalise("12/2018")).isEqualTo("2018-12");
    assertThat(Periods.normalise("4. Quartal 2019")).isEqualTo("2019-Q4");
    assertThat(Periods.end("2019-Q1")).isEqualTo(LocalDate.of(2019, 3, 31));
    assertThat(Periods.end("2020-02")).isEqualTo(LocalDate.of(2020, 2, 29));
    assertThat(Periods.label("2019-12")).isEqualTo("Dezember 2019");
    assertThatThrownBy(() -> Periods.normalise("2019-13"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("atlas.periodInvalid");
    assertThatThrownBy(() -> Periods.normalise("Sommer")).isInstanceOf(DomainException.class);
  }

  @Test
  void classesByQuantileEqualJenksAndManual() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(
            Classification.classify(v, Classification.Method.QUANTILE, 5, null, Polarity.NEUTRAL)
                .breaks())
        .containsExactly(2, 4, 6, 8, 10);
    assertThat(
            Classification.classify(v, Classification.Method.EQUAL, 3, null, Polarity.NEUTRAL)
                .breaks())
        .containsExactly(4, 7, 10);
    // two clear groups: natural breaks find the gap
    double[] groups = {1, 1.1, 1.2, 1.3, 9, 9.1, 9.2};
    assertThat(
            Classification.classify(groups, Classification.Method.JENKS, 2, null, Polarity.NEUTRAL)
                .breaks())
        .containsExactly(1.3, 9.2);
    Classification.Classes manual =
        Classification.classify(
            v, Classification.Method.MANUAL, 5, new double[] {5, 2.5}, Polarity.LOWER_BETTER);
    assertThat(manual.breaks()).containsExactly(2.5, 5, 10);
    assertThat(manual.classOf(6)).isEqualTo(2);
    // polarity decides the end: for "lower is better" the highest class is the darkest red
    assertThat(manual.colour(10)).isEqualTo("#b30000");
    assertThat(
            Classification.classify(v, Classification.Method.EQUAL, 2, null, Polarity.HIGHER_BETTER)
                .colour(10))
        .isEqualTo("#fef0d9");
    assertThatThrownBy(
            () ->
                Classification.classify(v, Classification.Method.MANUAL, 5, null, Polarity.NEUTRAL))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void comparisonSaysBetterOrWorseInWordsAndSymbols() {
    assertThat(
            ProfileViews.compare(
                new BigDecimal("7.0"), new BigDecimal("5.5"), Polarity.LOWER_BETTER))
        .containsExactly("höher – ungünstiger", "▲ !");
    assertThat(
            ProfileViews.compare(
                new BigDecimal("4.0"), new BigDecimal("5.5"), Polarity.LOWER_BETTER))
        .containsExactly("niedriger – günstiger", "▼ ✓");
    assertThat(ProfileViews.compare(new BigDecimal("4.0"), new BigDecimal("5.5"), Polarity.NEUTRAL))
        .containsExactly("niedriger", "▼");
    assertThat(ProfileViews.compare(null, new BigDecimal("5.5"), Polarity.NEUTRAL)[0])
        .isEqualTo("kein Vergleich");
  }

  static List<Point> ring(double... lonLat) {
    List<Point> r = new ArrayList<>();
    for (int i = 0; i < lonLat.length; i += 2) {
      r.add(Point.of(lonLat[i], lonLat[i + 1]));
    }
    return r;
  }

  @Test
  void sharedBordersStaySharedAfterSimplification() {
    // two squares sharing a wiggly border x = 1 (with tiny wiggles the tolerance removes)
    List<Point> border = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      border.add(Point.of(1 + (i % 2 == 0 ? 0 : 0.0002), i / 20.0));
    }
    List<Point> left = new ArrayList<>(ring(0, 0));
    left.addAll(border);
    left.addAll(ring(0, 1, 0, 0));
    List<Point> right = new ArrayList<>(ring(2, 0, 2, 1));
    List<Point> reversed = new ArrayList<>(border);
    Collections.reverse(reversed);
    right.addAll(reversed);
    right.add(Point.of(2, 0));
    TopoSimplifier s = new TopoSimplifier(0.001);
    s.register(0, left);
    s.register(1, right);
    List<Point> l = s.simplify(left);
    List<Point> r = s.simplify(right);
    assertThat(l.size()).isLessThan(left.size());
    List<Point> leftBorder = l.stream().filter(p -> p.x() >= Point.of(0.9999, 0).x()).toList();
    List<Point> rightBorder =
        new ArrayList<>(r.stream().filter(p -> p.x() <= Point.of(1.0003, 0).x()).toList());
    assertThat(leftBorder).isNotEmpty().containsExactlyInAnyOrderElementsOf(rightBorder);
    assertThat(l.get(0)).isEqualTo(l.get(l.size() - 1));
  }

  @Test
  void selfIntersectingRingsAreFound() {
    assertThat(GeoJsonImport.selfIntersects(ring(0, 0, 1, 1, 1, 0, 0, 1, 0, 0))).isTrue();
    assertThat(GeoJsonImport.selfIntersects(ring(0, 0, 1, 0, 1, 1, 0, 1, 0, 0))).isFalse();
  }

  @Test
  void keysGiveTheAreaType() {
    assertThat(GeoJsonImport.typeOf("16")).isEqualTo(AtlasRows.AreaType.LAND);
    assertThat(GeoJsonImport.typeOf("16062")).isEqualTo(AtlasRows.AreaType.KREIS);
    assertThat(GeoJsonImport.typeOf("16062004")).isEqualTo(AtlasRows.AreaType.GEMEINDE);
    assertThat(GeoJsonImport.typeOf("160620004004")).isEqualTo(AtlasRows.AreaType.GEMEINDE);
    assertThat(GeoJsonImport.typeOf("1606")).isNull();
    assertThat(GeoJsonImport.typeOf("16O62")).isNull();
  }

  static AtlasRows.ValueRow v(String value) {
    return new AtlasRows.ValueRow(
        null,
        UUID.randomUUID(),
        "2019",
        null,
        value == null ? null : new BigDecimal(value),
        value == null ? "." : null,
        null,
        null,
        null,
        0);
  }

  @Test
  void countsAreSummedAndRatesRecomputedNeverAveraged() {
    // two areas: 10 of 100 (10 %) and 90 of 300 (30 %): the average of the rates would be 20 %, the
    // right rate is 25 %
    Aggregation.Figure num = Aggregation.sum(List.of(v("10"), v("90")), 2, null);
    Aggregation.Figure den = Aggregation.sum(List.of(v("100"), v("300")), 2, null);
    assertThat(num.value()).isEqualByComparingTo("100");
    assertThat(Aggregation.rate(num, den, BigDecimal.valueOf(100), null, 4).value())
        .isEqualByComparingTo("25");
    // a missing member: not yet available; a secret member: secret
    assertThat(Aggregation.sum(List.of(v("10")), 2, null).special()).isEqualTo("...");
    assertThat(Aggregation.sum(List.of(v("10"), v(null)), 2, null).special()).isEqualTo(".");
    // a count below the minimum makes the sum and the rate secret
    assertThat(Aggregation.sum(List.of(v("2"), v("90")), 2, 3).special()).isEqualTo(".");
    assertThat(
            Aggregation.rate(
                    Aggregation.Figure.of(new BigDecimal("2")),
                    Aggregation.Figure.of(BigDecimal.TEN),
                    BigDecimal.valueOf(100),
                    3,
                    2)
                .special())
        .isEqualTo(".");
    assertThat(
            Aggregation.rate(
                    Aggregation.Figure.of(BigDecimal.ONE),
                    Aggregation.Figure.of(BigDecimal.ZERO),
                    BigDecimal.ONE,
                    null,
                    2)
                .special())
        .isEqualTo("x");
  }

  @Test
  void smallCountsAreShownAsSecret() {
    AtlasRows.IndicatorRow count =
        new AtlasRows.IndicatorRow(
            null,
            "k",
            "Kinder",
            "K",
            null,
            null,
            0,
            null,
            null,
            null,
            Polarity.NEUTRAL,
            null,
            null,
            3,
            "COUNT",
            false,
            0,
            0,
            null,
            null,
            null);
    assertThat(Aggregation.visible(v("2"), count).special()).isEqualTo(".");
    assertThat(Aggregation.visible(v("2"), count).value()).isNull();
    assertThat(Aggregation.visible(v("3"), count).value()).isEqualByComparingTo("3");
    assertThat(Aggregation.visible(v("0"), count).value()).isEqualByComparingTo("0");
  }

  @Test
  void thePlanningAreaOutlineIsTheUnionOfItsMembers() {
    String west =
        "{\"type\":\"Polygon\",\"coordinates\":[[[10,50],[11,50],[11,51],[10,51],[10,50]]]}";
    String east =
        "{\"type\":\"Polygon\",\"coordinates\":[[[11,50],[12,50],[12,51],[11,51],[11,50]]]}";
    String apart =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[20,50],[21,50],[21,51],[20,50]]]]}";
    Geometry joined = PlanningAreas.union(List.of(west, east));
    assertThat(joined.getGeometryType()).isEqualTo("Polygon");
    assertThat(joined.getArea()).isEqualTo(2.0, Offset.offset(1e-9));
    // the shared border is gone: the outline has the four corners of the 2 × 1 rectangle (plus
    // closing point)
    assertThat(joined.norm().getCoordinates()).hasSizeLessThanOrEqualTo(7);
    String text = GeoJsonOutput.geometry(joined);
    assertThat(PlanningAreas.read(text).getArea()).isEqualTo(2.0, Offset.offset(1e-9));
    Geometry both = PlanningAreas.union(List.of(west, apart));
    assertThat(both.getGeometryType()).isEqualTo("MultiPolygon");
    assertThat(GeoJsonOutput.geometry(both))
        .startsWith("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[");
    assertThat(PlanningAreas.read(GeoJsonOutput.geometry(both)).getArea())
        .isEqualTo(1.5, Offset.offset(1e-9));
  }

  static AtlasRows.ValueRow at(UUID area, String period, String value) {
    return new AtlasRows.ValueRow(
        null,
        area,
        period,
        Periods.end(period),
        value == null ? null : new BigDecimal(value),
        value == null ? "." : null,
        null,
        null,
        null,
        0);
  }

  @Test
  void countsAreRestatedToTodaysBordersWithTheirPredecessors() {
    UUID eisenach = UUID.randomUUID();
    UUID wartburg = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<AreaRepository.SuccessorRow> merger =
        List.of(
            new AreaRepository.SuccessorRow(
                eisenach, wartburg, LocalDate.of(2021, 7, 1), BigDecimal.ONE));
    List<AtlasRows.ValueRow> all =
        List.of(
            at(eisenach, "2019", "42000"),
            at(wartburg, "2019", "118000"),
            at(wartburg, "2020", "117500"),
            at(wartburg, "2022", "158000"),
            at(other, "2019", "5"));
    Map<String, AtlasRows.ValueRow> r = new HashMap<>();
    TodaysBorders.restate(List.of(wartburg), all, merger, null).forEach(v -> r.put(v.period(), v));
    assertThat(r.get("2019").value()).isEqualByComparingTo("160000");
    // Eisenach has no figure for 2020: the sum would be wrong, so it is unknown
    assertThat(r.get("2020").value()).isNull();
    assertThat(r.get("2020").special()).isEqualTo("...");
    // after the merger the Wartburgkreis's own figure already holds Eisenach
    assertThat(r.get("2022").value()).isEqualByComparingTo("158000");
    // a split: half of the predecessor goes to this successor; a secret predecessor makes the
    // result secret
    List<AreaRepository.SuccessorRow> split =
        List.of(
            new AreaRepository.SuccessorRow(
                eisenach, wartburg, LocalDate.of(2021, 7, 1), new BigDecimal("0.5")));
    assertThat(
            TodaysBorders.restate(List.of(wartburg), all, split, null).stream()
                .filter(v -> v.period().equals("2019"))
                .findFirst()
                .orElseThrow()
                .value())
        .isEqualByComparingTo("139000");
    List<AtlasRows.ValueRow> secret =
        List.of(at(eisenach, "2019", null), at(wartburg, "2019", "118000"));
    assertThat(TodaysBorders.restate(List.of(wartburg), secret, merger, null).get(0).special())
        .isEqualTo(".");
    // a predecessor below the minimum count is secret as well
    assertThat(
            TodaysBorders.restate(
                    List.of(wartburg),
                    List.of(at(eisenach, "2019", "2"), at(wartburg, "2019", "118000")),
                    merger,
                    3)
                .get(0)
                .special())
        .isEqualTo(".");
  }
}
