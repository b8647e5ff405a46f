package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.statistics.StatisticsTable.Result;
import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Statistics that come packed: the first sheet of an XLSX as text, the CSV inside a GENESIS ZIP.
 */
final class StatisticsFiles {

  private StatisticsFiles() {}

  /**
   * A long table in the first sheet of an XLSX (key, indicator, period, value – as shown; formulas
   * are never evaluated, their cached values are read), handed to the same reader as CSV.
   */
  static Result readXlsx(byte[] bytes) {
    return readXlsx(bytes, null);
  }

  /**
   * The first sheet as a long or wide table; {@code period} as in {@link #read(String, String)}.
   */
  static Result readXlsx(byte[] bytes, String period) {
    ZipSecureFile.setMinInflateRatio(0.01);
    StringBuilder csv = new StringBuilder();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter format = new DataFormatter(Locale.GERMANY);
      for (Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
          String v =
              cell == null
                  ? ""
                  : cell.getCellType() == CellType.FORMULA
                      ? (cell.getCachedFormulaResultType() == CellType.NUMERIC
                          ? format.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
                          : cell.getCachedFormulaResultType() == CellType.STRING
                              ? cell.getStringCellValue()
                              : "")
                      : format.formatCellValue(cell);
          cells.add(
              v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        csv.append(String.join(";", cells)).append('\n');
      }
    } catch (IOException | RuntimeException e) {
      throw new DomainException("atlas.xlsxUnreadable");
    }
    return StatisticsReader.read(csv.toString(), period);
  }

  /**
   * The CSV inside a ZIP as GENESIS delivers flat files (one {@code *_flat.csv} per archive), or
   * null when the archive is something else (an XLSX). Sizes are limited: at most 200 MB unpacked
   * and 10 entries.
   */
  static byte[] unzipCsv(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      int entries = 0;
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > 10) {
          return null;
        }
        String n = e.getName().toLowerCase(Locale.ROOT);
        if (n.equals("[content_types].xml")) {
          return null;
        }
        if (!e.isDirectory() && n.endsWith(".csv")) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] buffer = new byte[65536];
          long total = 0;
          for (int r; (r = zip.read(buffer)) > 0; ) {
            total += r;
            if (total > 200L * 1024 * 1024) {
              throw new DomainException("atlas.zipTooLarge");
            }
            out.write(buffer, 0, r);
          }
          return out.toByteArray();
        }
      }
      return null;
    } catch (IOException ex) {
      throw new DomainException("atlas.zipUnreadable");
    }
  }
}
