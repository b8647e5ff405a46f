package de.lagebild.planning.internal.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which cells of a survey figure are not shown. A cell is one area's figure with its base n (the
 * responses it rests on). <b>Primary:</b> a cell with 0 &lt; n &lt; minimum is suppressed.
 * <b>Secondary:</b> the total over all responses is shown, so the responses of the suppressed cells
 * together with those without an area can be computed as total minus the shown cells; while that
 * remainder rests on fewer than the minimum, the smallest shown cell is suppressed as well. When no
 * cell is left to add, the total is suppressed too. So no figure of fewer than the minimum
 * responses can be read or reconstructed from what is shown.
 */
final class Suppression {

  /** The suppressed areas and whether the total must be suppressed as well. */
  record Result(Set<UUID> areas, boolean total) {}

  private Suppression() {}

  static Result apply(Map<UUID, Integer> n, int unmapped, int minN) {
    Set<UUID> hidden = new HashSet<>();
    int remainder = unmapped;
    for (Map.Entry<UUID, Integer> e : n.entrySet()) {
      if (e.getValue() > 0 && e.getValue() < minN) {
        hidden.add(e.getKey());
        remainder += e.getValue();
      }
    }
    List<Map.Entry<UUID, Integer>> shown = new ArrayList<>();
    for (Map.Entry<UUID, Integer> e : n.entrySet()) {
      if (e.getValue() > 0 && !hidden.contains(e.getKey())) {
        shown.add(e);
      }
    }
    shown.sort(
        Comparator.comparing(Map.Entry<UUID, Integer>::getValue)
            .thenComparing(e -> e.getKey().toString()));
    int next = 0;
    while (remainder > 0 && remainder < minN && next < shown.size()) {
      Map.Entry<UUID, Integer> e = shown.get(next++);
      hidden.add(e.getKey());
      remainder += e.getValue();
    }
    int total = unmapped + n.values().stream().mapToInt(Integer::intValue).sum();
    boolean totalHidden = (remainder > 0 && remainder < minN) || (total > 0 && total < minN);
    return new Result(Set.copyOf(hidden), totalHidden);
  }
}
