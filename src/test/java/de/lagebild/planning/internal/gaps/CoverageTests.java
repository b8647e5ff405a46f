package de.lagebild.planning.internal.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.planning.internal.gaps.Coverage.Flag;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gap arithmetic against a case computed by hand. */
class CoverageTests {

  static final List<Coverage.In> AREAS =
      List.of(
          new Coverage.In("A", new BigDecimal("2000"), 3),
          new Coverage.In("B", new BigDecimal("500"), 2),
          new Coverage.In("C", new BigDecimal("1000"), 0),
          new Coverage.In("D", null, 4));

  @Test
  void coverageIsSupplyPerThousandRankedFromTheLeastCoveredAgainstTheMedian() {
    // A: 3 / 2000 * 1000 = 1.5, B: 2 / 500 * 1000 = 4.0, C: 0; median of 0, 1.5, 4.0 = 1.5;
    // median demand of 500, 1000, 2000 = 1000
    Coverage.Result r = Coverage.compute(AREAS, null);
    assertThat(r.reference()).isEqualByComparingTo("1.5");
    assertThat(r.referenceIsTarget()).isFalse();
    assertThat(r.medianDemand()).isEqualByComparingTo("1000");
    assertThat(r.rows())
        .extracting(Coverage.Out::coverage)
        .usingElementComparator(
            (x, y) -> x == null || y == null ? (x == y ? 0 : 1) : x.compareTo(y))
        .containsExactly(new BigDecimal("1.5"), new BigDecimal("4"), BigDecimal.ZERO, null);
    assertThat(r.rows()).extracting(Coverage.Out::rank).containsExactly(2, 3, 1, null);
    // A equals the median: not below it; C has no offer and demand at the median
    assertThat(r.rows())
        .extracting(Coverage.Out::flag)
        .containsExactly(Flag.COVERED, Flag.COVERED, Flag.HIGH_NEED_LOW_SUPPLY, Flag.NO_DEMAND);
  }

  @Test
  void aTargetReplacesTheMedian() {
    Coverage.Result r = Coverage.compute(AREAS, new BigDecimal("2"));
    assertThat(r.reference()).isEqualByComparingTo("2");
    assertThat(r.referenceIsTarget()).isTrue();
    // A (1.5 < 2, demand 2000 >= 1000), B (4 >= 2), C (no offer), D (no demand)
    assertThat(r.rows())
        .extracting(Coverage.Out::flag)
        .containsExactly(
            Flag.HIGH_NEED_LOW_SUPPLY, Flag.COVERED, Flag.HIGH_NEED_LOW_SUPPLY, Flag.NO_DEMAND);
  }

  @Test
  void belowTheReferenceWithSmallDemandIsOnlyLowSupply() {
    Coverage.Result r =
        Coverage.compute(
            List.of(
                new Coverage.In("big", new BigDecimal("3000"), 9),
                new Coverage.In("small", new BigDecimal("100"), 0),
                new Coverage.In("mid", new BigDecimal("1000"), 3)),
            new BigDecimal("2.5"));
    // big 3.0, small 0 (demand 100 < median 1000), mid 3.0
    assertThat(r.rows())
        .extracting(Coverage.Out::flag)
        .containsExactly(Flag.COVERED, Flag.LOW_SUPPLY, Flag.COVERED);
    // ties in coverage: the larger demand first
    assertThat(r.rows()).extracting(Coverage.Out::rank).containsExactly(2, 1, 3);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(
            Coverage.median(
                List.of(
                    new BigDecimal("4"), new BigDecimal("1"), new BigDecimal("2"), BigDecimal.TEN)))
        .isEqualByComparingTo("3");
    assertThat(Coverage.median(List.of())).isNull();
  }
}
