package de.lagebild.planning.internal.surveys;

import de.lagebild.exchange.CsvText;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A LimeSurvey response export: the header and one row per response, from CSV (comma or semicolon,
 * UTF-8 or Windows-1252, quoted cells over several lines) or XLSX (first sheet). The header may use
 * the question codes ({@code Q1}, {@code Q2[SQ001]}), "code. text" or the full question texts
 * ({@code Text [Subtext]}); {@link #columns} maps each column to its code.
 */
record ResponseTable(List<String> header, List<List<String>> rows, String charset) {

  static ResponseTable read(byte[] bytes, String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
    if (name.endsWith(".xlsx") || zip) {
      return xlsx(bytes);
    }
    TextDecoder.Decoded text = TextDecoder.decode(bytes);
    List<List<String>> all = CsvText.table(text.text());
    if (all.size() < 2) {
      throw new DomainException("survey.responses.empty");
    }
    return new ResponseTable(all.get(0), all.subList(1, all.size()), text.charset());
  }

  private static ResponseTable xlsx(byte[] bytes) {
    ZipSecureFile.setMinInflateRatio(0.01);
    List<List<String>> table = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter f = new DataFormatter(Locale.ROOT);
      for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          cells.add(
              cell == null
                  ? ""
                  : cell.getCellType() == CellType.FORMULA
                      ? f.formatCellValue(cell).strip()
                      : f.formatCellValue(cell));
        }
        while (table.size() < row.getRowNum()) {
          table.add(List.of());
        }
        table.add(cells);
      }
    } catch (IOException | RuntimeException e) {
      throw new DomainException("survey.responses.xlsx");
    }
    while (!table.isEmpty() && table.get(table.size() - 1).stream().allMatch(String::isBlank)) {
      table.remove(table.size() - 1);
    }
    if (table.size() < 2) {
      throw new DomainException("survey.responses.empty");
    }
    return new ResponseTable(table.get(0), table.subList(1, table.size()), "XLSX");
  }

  /** The line of a row as a person counts it in the file: the header is line 1. */
  static int line(int rowIndex) {
    return rowIndex + 2;
  }

  /**
   * The column of each code of the structure ({@code Q1}, {@code Q2[SQ001]}, {@code Q1[other]}),
   * found by code, by "code. text" or by the question's full text.
   */
  Map<String, Integer> columns(SurveyStructure structure) {
    Map<String, String> byText = new HashMap<>();
    Map<String, String> byCode = new HashMap<>();
    for (SurveyStructure.Question q : structure.questions()) {
      byCode.put(q.code().toLowerCase(Locale.ROOT), q.code());
      byText.putIfAbsent(normal(q.text()), q.code());
      for (SurveyStructure.Sub s : q.subs()) {
        String code = q.code() + "[" + s.code() + "]";
        byCode.put(code.toLowerCase(Locale.ROOT), code);
        byText.putIfAbsent(normal(q.text() + " [" + s.text() + "]"), code);
      }
      if (q.other()) {
        String code = q.code() + "[other]";
        byCode.put(code.toLowerCase(Locale.ROOT), code);
        byText.putIfAbsent(normal(q.text() + " [Sonstiges]"), code);
        byText.putIfAbsent(normal(q.text() + " [Other]"), code);
      }
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip();
      String code = byCode.get(h.toLowerCase(Locale.ROOT));
      if (code == null) {
        int dot = h.indexOf(". ");
        if (dot > 0) {
          code = byCode.get(h.substring(0, dot).strip().toLowerCase(Locale.ROOT));
        }
      }
      if (code == null) {
        code = byText.get(normal(h));
      }
      if (code != null) {
        columns.putIfAbsent(code, i);
      }
    }
    return columns;
  }

  /**
   * The year most responses were submitted in ({@code 2025-05-14 10:12:31} or {@code 14.05.2025}),
   * or {@code fallback} when the export has no submission dates.
   */
  int submitYear(int fallback) {
    int column = fixed("submitdate", "Datum Abgeschickt", "Date submitted");
    if (column < 0) {
      return fallback;
    }
    Map<Integer, Integer> years = new HashMap<>();
    java.util.regex.Pattern year = java.util.regex.Pattern.compile("(?:^|\\.)((?:19|20)\\d{2})\\b");
    for (List<String> row : rows) {
      if (column < row.size()) {
        var m = year.matcher(row.get(column).strip());
        if (m.find()) {
          years.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
      }
    }
    return years.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(fallback);
  }

  /** The column of a fixed LimeSurvey field ({@code submitdate}, "Datum Abgeschickt"), or -1. */
  int fixed(String... names) {
    for (int i = 0; i < header.size(); i++) {
      for (String n : names) {
        if (header.get(i).strip().equalsIgnoreCase(n)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String normal(String s) {
    return LssReader.plain(s).toLowerCase(Locale.GERMAN);
  }
}
