package de.lagebild.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as users' spreadsheets and statistics portals write it, read with Commons CSV: a quote opens
 * a quoted cell only at the start of a cell (a stray quote inside a cell – {@code Rohr 2" Zoll} –
 * is text), quoted cells may span lines and hold doubled quotes, text after a closing quote is
 * kept, an unterminated quote at the end is taken as ending there, a byte order mark is removed.
 * The separator is the one of semicolon, comma and tab that the first line uses most.
 */
public final class CsvText {

  private CsvText() {}

  /** The separator the first non-empty line uses most (semicolon when none). */
  public static char separator(String text) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    long tabs = first.chars().filter(c -> c == '\t').count();
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return commas > semicolons ? ',' : ';';
  }

  static CSVFormat format(char separator) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(separator)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .setLenientEof(true)
        .setTrailingData(true)
        .setRecordSeparator("\n")
        .setQuoteMode(QuoteMode.MINIMAL)
        .get();
  }

  /** The rows of cells, with {@code separator}. */
  public static List<List<String>> rows(String text, char separator) {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(text)), format(separator))) {
      for (CSVRecord r : parser) {
        rows.add(new ArrayList<>(r.toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The whole text as rows of cells; trailing empty lines dropped; separator as found. */
  public static List<List<String>> table(String text) {
    List<List<String>> rows = rows(text, separator(text));
    while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isEmpty)) {
      rows.remove(rows.size() - 1);
    }
    return rows;
  }

  /**
   * The records of the text, one string each, written again with the separator found (a record
   * whose quoted cell spans lines is one string): for readers that look at whole lines first and
   * split them into cells with {@link #split} later.
   */
  public static List<String> lines(String text) {
    return lines(text, separator(text));
  }

  /** As {@link #lines(String)}, with a known separator. */
  public static List<String> lines(String text, char separator) {
    CSVFormat format = format(separator);
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows(text, separator)) {
      lines.add(row.size() == 1 && row.get(0).isEmpty() ? "" : line(row, format));
    }
    return lines;
  }

  /** One line's cells. */
  public static List<String> split(String line, char separator) {
    List<List<String>> rows = rows(line, separator);
    return rows.isEmpty() ? new ArrayList<>(List.of("")) : rows.get(0);
  }

  private static String line(List<String> cells, CSVFormat format) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String s = out.toString();
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
