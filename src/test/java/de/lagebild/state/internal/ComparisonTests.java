package de.lagebild.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.lagebild.state.internal.Comparison.Interval;
import de.lagebild.state.internal.Comparison.Verdict;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison arithmetic against values computed by hand and published references. */
class ComparisonTests {

  @Test
  void wilsonIntervalMatchesThePublishedValues() {
    // 30 of 100: 0.2189 to 0.3958 (Newcombe 1998, Table I: method 3 gives 0.2189-0.3958)
    Interval i = Comparison.wilson(30, 100, 1);
    assertThat(i.lower()).isCloseTo(0.2189, within(0.0001));
    assertThat(i.upper()).isCloseTo(0.3958, within(0.0001));
    // 81 of 263 (Newcombe's example 81/263): 0.2553 to 0.3662, in percent
    Interval j = Comparison.wilson(81, 263, 100);
    assertThat(j.lower()).isCloseTo(25.53, within(0.01));
    assertThat(j.upper()).isCloseTo(36.62, within(0.01));
    // 0 of 10: 0 to 0.2775
    Interval k = Comparison.wilson(0, 10, 1);
    assertThat(k.lower()).isCloseTo(0.0, within(1e-9));
    assertThat(k.upper()).isCloseTo(0.2775, within(0.0001));
    assertThat(Comparison.wilson(5, 0, 100)).isNull();
    assertThat(Comparison.wilson(11, 10, 100)).isNull();
  }

  @Test
  void medianAndQuartilesInterpolateBetweenRanks() {
    Comparison.Spread s = Comparison.spread(values("4", "1", "3", "2", null));
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.q1()).isEqualTo(1.75);
    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.q3()).isEqualTo(3.25);
    assertThat(s.max()).isEqualTo(4.0);
    assertThat(Comparison.spread(values("7")).median()).isEqualTo(7.0);
    assertThat(Comparison.spread(values()).median()).isNull();
  }

  @Test
  void verdictsFollowPolarityAndSayWhetherTheyWereTested() {
    assertThat(Comparison.verdict(5.0, 4.0, null, "LOWER_BETTER"))
        .isEqualTo(Verdict.WORSE_UNTESTED);
    assertThat(Comparison.verdict(3.0, 4.0, null, "LOWER_BETTER"))
        .isEqualTo(Verdict.BETTER_UNTESTED);
    assertThat(Comparison.verdict(5.0, 4.0, new Interval(4.5, 5.5), "LOWER_BETTER"))
        .isEqualTo(Verdict.WORSE);
    assertThat(Comparison.verdict(5.0, 4.0, new Interval(3.9, 6.1), "LOWER_BETTER"))
        .isEqualTo(Verdict.NOT_DIFFERENT);
    assertThat(Comparison.verdict(3.0, 4.0, new Interval(2.5, 3.5), "HIGHER_BETTER"))
        .isEqualTo(Verdict.WORSE);
    assertThat(Comparison.verdict(5.0, 4.0, new Interval(4.5, 5.5), "NEUTRAL"))
        .isEqualTo(Verdict.HIGHER);
    assertThat(Comparison.verdict(3.0, 4.0, null, "NEUTRAL")).isEqualTo(Verdict.LOWER_UNTESTED);
    assertThat(Comparison.verdict(4.0, 4.0, null, "LOWER_BETTER")).isEqualTo(Verdict.EQUAL);
    assertThat(Comparison.verdict(null, 4.0, null, "LOWER_BETTER")).isEqualTo(Verdict.NO_VALUE);
    assertThat(Comparison.verdict(4.0, null, null, "LOWER_BETTER")).isEqualTo(Verdict.NO_REFERENCE);
    assertThat(Verdict.WORSE.tone()).isEqualTo("worse");
    assertThat(Verdict.NOT_DIFFERENT.tone()).isEqualTo("neutral");
  }

  private static List<BigDecimal> values(String... v) {
    return Arrays.stream(v).map(x -> x == null ? null : new BigDecimal(x)).toList();
  }
}
