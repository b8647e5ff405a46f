package de.lagebild.planning.internal.gaps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of the gap analysis: supply per 1,000 of demand in each area, compared with a
 * target the coordinator sets or, without one, with the median of the areas; areas ranked from the
 * least covered, and flagged when their need is high (demand at or above the median) and their
 * coverage below the reference (an area without any offer is always below it, even when the median
 * itself is 0).
 */
public final class Coverage {

  private Coverage() {}

  enum Flag {
    /** demand at or above the median and coverage below the reference */
    HIGH_NEED_LOW_SUPPLY,
    /** coverage below the reference, or no offer at all */
    LOW_SUPPLY,
    /** coverage at or above the reference */
    COVERED,
    /** no demand figure (or a demand of 0): coverage cannot be computed */
    NO_DEMAND
  }

  /** One area's input: its demand (null when the atlas has no figure) and supply. */
  record In(Object key, BigDecimal demand, int supply) {}

  /** One area's result; {@code coverage} and {@code rank} are null without demand. */
  record Out(
      Object key, BigDecimal demand, int supply, BigDecimal coverage, Integer rank, Flag flag) {}

  /** The results in the order of {@code in}, with the reference they were compared with. */
  record Result(
      List<Out> rows, BigDecimal reference, boolean referenceIsTarget, BigDecimal medianDemand) {}

  static Result compute(List<In> in, BigDecimal target) {
    List<BigDecimal> coverages = new ArrayList<>();
    List<BigDecimal> demands = new ArrayList<>();
    BigDecimal[] coverage = new BigDecimal[in.size()];
    for (int i = 0; i < in.size(); i++) {
      In a = in.get(i);
      if (a.demand() != null && a.demand().signum() > 0) {
        coverage[i] =
            BigDecimal.valueOf(a.supply())
                .multiply(BigDecimal.valueOf(1000))
                .divide(a.demand(), 4, RoundingMode.HALF_UP);
        coverages.add(coverage[i]);
        demands.add(a.demand());
      }
    }
    BigDecimal median = median(coverages);
    BigDecimal medianDemand = median(demands);
    BigDecimal reference = target != null ? target : median;
    List<Integer> ranked = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      if (coverage[i] != null) {
        ranked.add(i);
      }
    }
    ranked.sort(
        Comparator.<Integer, BigDecimal>comparing(i -> coverage[i])
            .thenComparing(i -> in.get(i).demand(), Comparator.reverseOrder()));
    Integer[] rank = new Integer[in.size()];
    for (int r = 0; r < ranked.size(); r++) {
      rank[ranked.get(r)] = r + 1;
    }
    List<Out> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      In a = in.get(i);
      Flag flag;
      if (coverage[i] == null) {
        flag = Flag.NO_DEMAND;
      } else if (a.supply() == 0 || (reference != null && coverage[i].compareTo(reference) < 0)) {
        flag =
            medianDemand != null && a.demand().compareTo(medianDemand) >= 0
                ? Flag.HIGH_NEED_LOW_SUPPLY
                : Flag.LOW_SUPPLY;
      } else {
        flag = Flag.COVERED;
      }
      out.add(new Out(a.key(), a.demand(), a.supply(), coverage[i], rank[i], flag));
    }
    return new Result(out, reference, target != null, medianDemand);
  }

  /** The median (mean of the two middle values for an even count), null for none. */
  public static BigDecimal median(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted
            .get(n / 2 - 1)
            .add(sorted.get(n / 2))
            .divide(BigDecimal.TWO, 4, RoundingMode.HALF_UP);
  }
}
