package de.lagebild.strategy.internal.imports;

import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads Lagebild's own table layout ({@link StrategyTableExport}) from CSV or XLSX: one row per
 * goal and measure with id, parent id, kind, level, code, title and every field, then the column
 * group "‹Runde›: Status / Fortschritt / Einschätzung" per round. Columns are found by their
 * header, so their order may change. XLSX cells are read as the values they show; a formula is
 * never evaluated (its cached result is taken and reported).
 *
 * <p>Why this class is long: CSV and XLSX share the column logic (headers, round groups, formula
 * cells) and differ only in how cells are read.
 */
final class OwnLayoutReader {

  private static final Map<String, String> COLUMN_FIELDS =
      Map.ofEntries(
          Map.entry("Beschreibung", ImportFields.DESCRIPTION),
          Map.entry("Verantwortlich (Text)", ImportFields.RESPONSIBLE),
          Map.entry("Organisationseinheiten", ImportFields.UNITS),
          Map.entry("Partner", ImportFields.PARTNERS),
          Map.entry("Indikatoren", ImportFields.INDICATORS),
          Map.entry("Zielgruppen", ImportFields.TARGET_GROUPS),
          Map.entry("Lebenslagen", ImportFields.LIFE_SITUATIONS),
          Map.entry("Präventionsebene", ImportFields.PREVENTION),
          Map.entry("Kosten", ImportFields.COSTS),
          Map.entry("Finanzierung", ImportFields.FUNDING),
          Map.entry("Beginn", ImportFields.START),
          Map.entry("Ende", ImportFields.END),
          Map.entry("Kommunikation", ImportFields.COMMUNICATION),
          Map.entry("Gewicht", ImportFields.WEIGHT),
          Map.entry("Zielquelle", ImportFields.GOAL_SOURCE),
          Map.entry("Bedarfe", ImportFields.NEEDS));

  /** Whether the first line is the header of the own layout. */
  static boolean looksLike(String text) {
    String first = text.lines().findFirst().orElse("").replace("\uFEFF", "").strip();
    return first.startsWith("ID;Eltern-ID")
        || first.startsWith("ID,Eltern-ID")
        || first.startsWith("ID\tEltern-ID")
        || first.startsWith("\"ID\";\"Eltern-ID\"");
  }

  static ImportedTree readCsv(String text) {
    List<List<String>> rows = Csv.parse(text);
    return read(rows, ImportedTree.Format.CSV, new ArrayList<>());
  }

  static ImportedTree readXlsx(byte[] bytes) {
    OfficeFiles.limits();
    List<List<String>> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter format = new DataFormatter(Locale.GERMANY);
      int width = 0;
      for (Row row : sheet) {
        while (rows.size() < row.getRowNum()) {
          rows.add(List.of());
        }
        List<String> cells = new ArrayList<>();
        int last = Math.max(row.getLastCellNum(), width);
        for (int c = 0; c < last; c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            cells.add("");
          } else if (cell.getCellType() == CellType.FORMULA) {
            // never evaluated: the value the file shows, and a warning
            problems.add(
                new Problem(
                    row.getRowNum() + 1,
                    "Zeile " + (row.getRowNum() + 1),
                    column(rows, c),
                    "import.formula",
                    cell.getCellFormula(),
                    false));
            cells.add(
                switch (cell.getCachedFormulaResultType()) {
                  case STRING -> cell.getStringCellValue();
                  case NUMERIC ->
                      format.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
                  case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                  default -> "";
                });
          } else {
            cells.add(format.formatCellValue(cell));
          }
        }
        if (rows.isEmpty()) {
          width = cells.size();
        }
        rows.add(cells);
      }
    } catch (IOException | RuntimeException e) {
      throw OfficeFiles.unreadable(e, "import.xlsxUnreadable");
    }
    return read(rows, ImportedTree.Format.XLSX, problems);
  }

  private static String column(List<List<String>> rows, int c) {
    return rows.isEmpty() || c >= rows.get(0).size() ? "Spalte " + (c + 1) : rows.get(0).get(c);
  }

  private static ImportedTree read(
      List<List<String>> rows, ImportedTree.Format format, List<Problem> problems) {
    List<Node> roots = new ArrayList<>();
    List<String> rounds = new ArrayList<>();
    Map<Integer, String> levelNames = new HashMap<>();
    if (rows.isEmpty()) {
      problems.add(new Problem(1, "Zeile 1", "ID", "import.layoutHeader", "", true));
      return new ImportedTree(format, List.of(), rounds, roots, problems);
    }
    List<String> header = rows.get(0).stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
      String h = header.get(i);
      int colon = h.lastIndexOf(": ");
      if (colon > 0 && h.endsWith(": Einschätzung") && !rounds.contains(h.substring(0, colon))) {
        rounds.add(h.substring(0, colon));
      }
    }
    for (String required : List.of("ID", "Eltern-ID", "Art", "Ebene", "Nr.", "Titel")) {
      if (!index.containsKey(required)) {
        problems.add(new Problem(1, "Zeile 1", required, "import.layoutHeader", required, true));
      }
    }
    if (problems.stream().anyMatch(Problem::error)) {
      return new ImportedTree(format, List.of(), rounds, roots, problems);
    }
    Map<String, Node> byId = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int line = r + 1;
      String location = "Zeile " + line;
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      String kind = get(row, index, "Art");
      String id = get(row, index, "ID");
      String parent = get(row, index, "Eltern-ID");
      String title = get(row, index, "Titel");
      boolean measure = kind.equalsIgnoreCase("Maßnahme");
      if (!measure && !kind.equalsIgnoreCase("Ziel")) {
        problems.add(new Problem(line, location, "Art", "import.layoutKind", kind, true));
        continue;
      }
      int level = -1;
      if (!measure) {
        try {
          level = Integer.parseInt(get(row, index, "Ebene")) - 1;
        } catch (NumberFormatException e) {
          level = -2;
        }
        if (level < 0 || level > 5) {
          problems.add(
              new Problem(
                  line, location, "Ebene", "import.layoutLevel", get(row, index, "Ebene"), true));
          continue;
        }
        String levelName = get(row, index, "Ebenenname");
        if (!levelName.isEmpty()) {
          levelNames.putIfAbsent(level, levelName);
        }
      }
      if (title.isBlank()) {
        problems.add(new Problem(line, location, "Titel", "import.emptyTitle", "", true));
        continue;
      }
      Node node = new Node(line, location, level, blankToNull(get(row, index, "Nr.")), title);
      node.sourceId = id.isEmpty() ? null : id;
      for (Map.Entry<String, String> e : COLUMN_FIELDS.entrySet()) {
        String v = get(row, index, e.getKey());
        List<String> allowed = measure ? ImportFields.MEASURE_FIELDS : ImportFields.GOAL_FIELDS;
        if (!v.isEmpty() && allowed.contains(e.getValue())) {
          node.fields.put(e.getValue(), v);
        }
      }
      for (String extra : get(row, index, "Weitere Felder").split("\n")) {
        int colon = extra.indexOf(": ");
        if (colon > 0) {
          node.extras.put(extra.substring(0, colon), extra.substring(colon + 2));
        } else if (!extra.isBlank()) {
          node.extras.merge("Weitere Felder", extra, (a, b) -> a + "\n" + b);
        }
      }
      for (String round : rounds) {
        String status = get(row, index, round + ": Status");
        String progressText = get(row, index, round + ": Fortschritt");
        String text = get(row, index, round + ": Einschätzung");
        Integer progress = null;
        if (!progressText.isEmpty()) {
          try {
            progress = Integer.valueOf(progressText.replaceAll("\\s*%$", ""));
          } catch (NumberFormatException e) {
            problems.add(
                new Problem(
                    line,
                    location,
                    round + ": Fortschritt",
                    "import.progress",
                    progressText,
                    true));
          }
        }
        if (!status.isEmpty() || progress != null || !text.isEmpty()) {
          if (!measure) {
            problems.add(
                new Problem(
                    line,
                    location,
                    round + ": Einschätzung",
                    "import.goalAssessment",
                    title,
                    false));
            continue;
          }
          node.assessments.put(
              round, new Assessment(blankToNull(status), progress, paragraphsHtml(text)));
        }
      }
      Node parentNode = parent.isEmpty() ? null : byId.get(parent);
      if (!parent.isEmpty() && parentNode == null) {
        problems.add(new Problem(line, location, "Eltern-ID", "import.layoutParent", parent, true));
        continue;
      }
      if (measure) {
        if (parentNode == null || parentNode.isMeasure()) {
          problems.add(
              new Problem(line, location, "Eltern-ID", "import.measureBeforeGoal", title, true));
          continue;
        }
        parentNode.measures.add(node);
      } else if (parentNode == null) {
        roots.add(node);
      } else {
        parentNode.children.add(node);
      }
      if (!id.isEmpty() && byId.putIfAbsent(id, node) != null) {
        problems.add(new Problem(line, location, "ID", "import.duplicateId", id, true));
      }
    }
    List<String> names = new ArrayList<>();
    for (int l = 0; levelNames.containsKey(l); l++) {
      names.add(levelNames.get(l));
    }
    ImportedTree tree =
        new ImportedTree(
            format, names.isEmpty() ? TableFormatReader.LEVELS : names, rounds, roots, problems);
    tree.numberAndCheck();
    return tree;
  }

  /** Lines of an exported assessment back to paragraphs. */
  static String paragraphsHtml(String text) {
    if (text.isBlank()) {
      return null;
    }
    StringBuilder html = new StringBuilder();
    boolean list = false;
    for (String line : text.split("\\r?\\n")) {
      if (line.isBlank()) {
        continue;
      }
      String l = line.strip();
      boolean item = l.startsWith("• ");
      if (item != list) {
        html.append(item ? "<ul>" : "</ul>");
        list = item;
      }
      String escaped =
          (item ? l.substring(2) : l)
              .replace("&", "&amp;")
              .replace("<", "&lt;")
              .replace(">", "&gt;");
      html.append(item ? "<li>" : "<p>").append(escaped).append(item ? "</li>" : "</p>");
    }
    if (list) {
      html.append("</ul>");
    }
    return html.toString();
  }

  private static String get(List<String> row, Map<String, Integer> index, String column) {
    Integer i = index.get(column);
    if (i == null || i >= row.size()) {
      return "";
    }
    return unneutralise(row.get(i)).strip();
  }

  /** The export prefixes formula-like cells with an apostrophe; take it off again. */
  static String unneutralise(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * RFC 4180 with the delimiter of the header line (semicolon, comma or tab); quoted cells may span
   * lines.
   */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
      String firstLine = t.lines().findFirst().orElse("");
      char delimiter = firstLine.contains(";") ? ';' : firstLine.contains("\t") ? '\t' : ',';
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            cell.append(c);
          }
        } else if (c == '"' && cell.isEmpty()) {
          quoted = true;
          any = true;
        } else if (c == delimiter) {
          row.add(cell.toString());
          cell.setLength(0);
          any = true;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
        } else {
          cell.append(c);
          any = true;
        }
      }
      if (any || !cell.isEmpty()) {
        row.add(cell.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
