package de.lagebild.strategy.internal.bench;

/** Generated import files for tests outside this package. */
public final class BenchmarkFiles {

  private BenchmarkFiles() {}

  /** A strategy in the table format of seed 000; see {@link StrategyGenerator#tableFormat}. */
  public static byte[] tableFormat(int measures, int rounds) {
    return StrategyGenerator.tableFormat(measures, rounds);
  }
}
