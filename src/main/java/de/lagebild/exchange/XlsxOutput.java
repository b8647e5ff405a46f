package de.lagebild.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as one XLSX sheet: every cell text (values are never formulas, and cells that Excel would
 * read as one are guarded like CSV cells), the header row frozen.
 */
public final class XlsxOutput {

  private XlsxOutput() {}

  public static void table(String sheetName, List<? extends List<?>> table, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet =
          wb.createSheet(
              sheetName
                  .replaceAll("[\\\\/?*\\[\\]:]", " ")
                  .substring(0, Math.min(31, sheetName.length())));
      for (int i = 0; i < table.size(); i++) {
        Row row = sheet.createRow(i);
        List<?> cells = table.get(i);
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          row.createCell(c).setCellValue(CsvOutput.safe(v == null ? "" : String.valueOf(v)));
        }
      }
      sheet.createFreezePane(0, 1);
      wb.write(out);
      wb.dispose();
    }
  }
}
