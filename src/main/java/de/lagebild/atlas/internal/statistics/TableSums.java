package de.lagebild.atlas.internal.statistics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Sums of selected columns of an official table per area key and period, read by the same readers
 * as the import wizard (e.g. the population of all age groups and both sexes of GENESIS table
 * 12411-0018). Special values count as missing: an area and period with any of them is left out, so
 * that no sum is silently too small.
 */
public final class TableSums {

  private final StatisticsTable.Result read;
  private final Map<Integer, String> labels = new TreeMap<>();

  private TableSums(StatisticsTable.Result read) {
    this.read = read;
    read.columns().forEach(c -> labels.put(c.index(), c.label()));
  }

  /**
   * Reads the table once; {@link #sum} then adds up any selection of its columns.
   *
   * @param text the table as downloaded (decoded)
   */
  public static TableSums of(String text) {
    StatisticsTable.Result read = StatisticsReader.read(text);
    if (read.hasErrors()) {
      throw new IllegalArgumentException("table not readable: " + read.problems());
    }
    return new TableSums(read);
  }

  /**
   * @param column which columns to add up, by their label (e.g. „männlich – unter 3 Jahre“)
   * @param key which area keys to keep
   * @return key → period as written in the table → sum
   */
  public Map<String, Map<String, BigDecimal>> sum(Predicate<String> column, Predicate<String> key) {
    Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
    Map<String, Boolean> incomplete = new TreeMap<>();
    for (StatisticsTable.Cell c : read.cells()) {
      String label = labels.get(c.column());
      if (c.key() == null || !key.test(c.key()) || label == null || !column.test(label)) {
        continue;
      }
      String id = c.key() + "|" + c.period();
      if (c.value() == null) {
        incomplete.put(id, true);
        continue;
      }
      sums.computeIfAbsent(c.key(), k -> new TreeMap<>())
          .merge(c.period(), c.value(), BigDecimal::add);
    }
    incomplete
        .keySet()
        .forEach(
            id -> {
              String[] p = id.split("\\|", 2);
              Map<String, BigDecimal> byPeriod = sums.get(p[0]);
              if (byPeriod != null) {
                byPeriod.remove(p[1]);
              }
            });
    return sums;
  }
}
