package de.lagebild.exchange;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV writer of Lagebild: the dialect German spreadsheets open directly (UTF-8 with BOM,
 * semicolon, CR LF, quotes only where needed; Commons CSV does the quoting), and the formula guard
 * – text that a spreadsheet would run as a formula ({@code = + - @}, tab, CR at the start) gets a
 * leading apostrophe. Numbers stay numbers. Rows are written as they come, so an export of any size
 * streams.
 */
public final class CsvOutput implements Closeable {

  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(';')
          .setRecordSeparator("\r\n")
          .setQuoteMode(QuoteMode.MINIMAL)
          .get();
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?([eE][+-]?\\d+)?");

  private final Writer writer;
  private final CSVPrinter printer;

  private CsvOutput(Writer writer) throws IOException {
    this.writer = writer;
    this.printer = new CSVPrinter(writer, FORMAT);
  }

  /** For Excel and LibreOffice: UTF-8 with a byte order mark. */
  public static CsvOutput excel(OutputStream out) {
    try {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      return new CsvOutput(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A whole small table as bytes (UTF-8 with BOM). */
  public static byte[] bytes(List<? extends List<?>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvOutput csv = excel(out)) {
      rows.forEach(csv::row);
    }
    return out.toByteArray();
  }

  /** One row; {@code null} is an empty cell, other values are written as their text, guarded. */
  public CsvOutput row(List<?> cells) {
    List<String> safe = new ArrayList<>(cells.size());
    for (Object c : cells) {
      safe.add(c == null ? "" : safe(c.toString()));
    }
    try {
      printer.printRecord(safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public CsvOutput row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  /**
   * Text a spreadsheet would take for a formula gets a leading apostrophe; plain numbers are left
   * alone.
   */
  public static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char c = cell.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }

  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes what is written; the stream stays open (it belongs to the caller). */
  @Override
  public void close() {
    try {
      printer.flush();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
