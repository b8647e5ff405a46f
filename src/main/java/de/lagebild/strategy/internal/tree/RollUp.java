package de.lagebild.strategy.internal.tree;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a goal (or the whole strategy) from its measures: how many measures have which
 * status, how many are assessed, and the progress as the weighted mean of the assessed measures'
 * progress. Measures without an assessment do not pull the mean down; they are counted as not
 * assessed instead. The costs are the sum of the amounts entered at the measures ({@code costed} of
 * them have one; the others are not estimated as zero, they are counted apart).
 */
public record RollUp(
    Map<String, Integer> statusCounts,
    int measures,
    int assessed,
    Double progress,
    BigDecimal costs,
    int costed) {

  public static final String NOT_ASSESSED = "NONE";

  public static final String UNRATED = "UNRATED";

  /**
   * One measure's contribution: whether it is assessed, its status code and progress (both may be
   * null), weight.
   */
  public record Contribution(
      boolean assessed, String statusCode, Integer progress, int weight, BigDecimal cost) {

    public Contribution(boolean assessed, String statusCode, Integer progress, int weight) {
      this(assessed, statusCode, progress, weight, null);
    }
  }

  public static RollUp of(Collection<Contribution> contributions) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    long weightedSum = 0;
    long weights = 0;
    int assessed = 0;
    BigDecimal costs = BigDecimal.ZERO;
    int costed = 0;
    for (Contribution c : contributions) {
      if (c.cost() != null) {
        costs = costs.add(c.cost());
        costed++;
      }
      String key = !c.assessed() ? NOT_ASSESSED : c.statusCode() == null ? UNRATED : c.statusCode();
      counts.merge(key, 1, Integer::sum);
      if (c.assessed()) {
        assessed++;
      }
      if (c.assessed() && c.progress() != null) {
        weightedSum += (long) c.progress() * c.weight();
        weights += c.weight();
      }
    }
    Double progress = weights == 0 ? null : (double) weightedSum / weights;
    return new RollUp(Map.copyOf(counts), contributions.size(), assessed, progress, costs, costed);
  }

  public int count(String statusCode) {
    return statusCounts.getOrDefault(statusCode, 0);
  }

  public Integer roundedProgress() {
    return progress == null ? null : (int) Math.round(progress);
  }
}
