package de.lagebild.atlas.internal.statistics;

import static de.lagebild.atlas.internal.statistics.StatisticsTable.*;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Format;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import java.util.List;
import java.util.Locale;

/**
 * Reads official statistics as districts download them: detects the layout – GENESIS /
 * Regionaldatenbank table, GENESIS flat file (2024 or classic), long table, wide sheet – and hands
 * the lines to that layout's reader (one class each). Special values {@code - . x ... /} and the
 * flags {@code p r s} are kept; keys stay text.
 */
final class StatisticsReader {

  private StatisticsReader() {}

  static Result read(String text) {
    return read(text, null);
  }

  /**
   * @param period the period of a wide sheet whose columns are indicators and that has no period
   *     column (the wizard asks for it); ignored by the other layouts
   */
  static Result read(String text, String period) {
    List<String> lines = lines(text);
    String firstData = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (!text.contains(";")) {
      return new Result(
          Format.GENESIS,
          null,
          null,
          List.of(),
          List.of(),
          List.of(new Problem(1, "", "atlas.delimiter", delimiterOf(firstData), true)),
          null);
    }
    List<String> header =
        split(firstData.replace("\uFEFF", "")).stream()
            .map(h -> h.strip().toLowerCase(Locale.GERMAN))
            .toList();
    if (header.contains("value") && (header.contains("time") || header.contains("time_code"))) {
      return FlatFileReader.readFlat(lines);
    }
    if (header.contains("zeit") && header.stream().anyMatch(h -> h.endsWith("_auspraegung_code"))) {
      return FlatFileReader.readFlatClassic(lines);
    }
    boolean keyed = index(header, KEY_NAMES) >= 0;
    if (keyed && index(header, INDICATOR_NAMES) >= 0) {
      return LongTableReader.readLong(lines);
    }
    if (keyed || index(header, "name", "gebiet", "gemeinde", "kreis") == 0) {
      return WideSheetReader.readWide(lines, period);
    }
    return GenesisTableReader.readGenesis(lines);
  }

  /** A long or wide table in the first sheet of an XLSX (see {@link StatisticsFiles}). */
  static Result readXlsx(byte[] bytes) {
    return StatisticsFiles.readXlsx(bytes, null);
  }

  static Result readXlsx(byte[] bytes, String period) {
    return StatisticsFiles.readXlsx(bytes, period);
  }

  static byte[] unzipCsv(byte[] bytes) {
    return StatisticsFiles.unzipCsv(bytes);
  }

  private static String delimiterOf(String line) {
    return line.contains("\t") ? "Tabulator" : line.contains(",") ? "Komma" : "unbekannt";
  }
}
