package de.lagebild.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table offered as a download, as CSV (UTF-8 with BOM, semicolon, for Excel) or XLSX – the same
 * bytes {@link CsvOutput} and {@link XlsxOutput} write, with the content type and file name set.
 */
public final class TableDownload {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private TableDownload() {}

  /** Whether {@code format} is one this class writes ("csv" or "xlsx"). */
  public static boolean supports(String format) {
    return "csv".equals(format) || "xlsx".equals(format);
  }

  /**
   * The table as a download named {@code baseName.format}.
   *
   * @param format "csv" or "xlsx" (check with {@link #supports} first)
   */
  public static ResponseEntity<byte[]> of(
      String format, String sheetName, String baseName, List<? extends List<?>> table)
      throws IOException {
    if (!supports(format)) {
      throw new IllegalArgumentException("format " + format);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format.equals("csv")) {
      try (CsvOutput csv = CsvOutput.excel(out)) {
        for (List<?> r : table) {
          csv.row(r);
        }
      }
    } else {
      XlsxOutput.table(sheetName, table, out);
    }
    return ResponseEntity.ok()
        .contentType(
            format.equals("csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8") : XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + format + "\"")
        .body(out.toByteArray());
  }
}
