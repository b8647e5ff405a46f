package de.lagebild.strategy.internal.imports;

import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads strategy tables as districts keep them in Word (seed 000): headings {@code Leitziel:},
 * {@code Handlungsfeld :}, {@code Teilziel:}, a header row {@code
 * Maßnahme⇥Verantwortlich⇥Indikatoren⇥Einschätzung <Runde>}, then one row per measure. The same
 * rows come from tab-separated text or from the tables of a .docx ({@link DocxTableReader}). Cells
 * may hold HTML fragments; a row broken by a page break continues on lines that start with tabs or
 * leave the middle cells empty. Further columns named in the header become fields (a second
 * "Einschätzung …" column a second round). Nothing is dropped: what cannot be placed becomes a
 * problem with its line.
 *
 * <p>Why this class is long: the continuation rules (page breaks, empty middle cells, HTML in
 * cells) depend on each other and on the header found; split, they would pass the reader's state
 * around.
 */
public final class TableFormatReader {

  static final List<String> LEVELS = List.of("Leitziel", "Handlungsfeld", "Teilziel");
  private static final Pattern HEADING =
      Pattern.compile(
          "^(Leitziel|Handlungsfeld|Teilziel|Ziel)\\s*(\\d+(?:\\.\\d+)*)?\\.?\\s*:\\s*(.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern ROUND =
      Pattern.compile("^Einschätzung\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  static final String NO_ROUND = "Einschätzung (ohne Rundenname)";

  /** One row of a table or one line of text: its cells, its number and how to name its place. */
  record Row(int line, String location, String[] cells, boolean inTable) {
    Row(int line, String location, String[] cells) {
      this(line, location, cells, cells.length > 1);
    }
  }

  /**
   * What a column holds: a measure field (canonical label, "" for the title) or the assessment of a
   * round.
   */
  private record Column(String field, String round) {}

  private final List<Node> roots = new ArrayList<>();
  private final Node[] open = new Node[LEVELS.size()];
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> rounds = new ArrayList<>();
  private List<Column> columns = defaultColumns();
  private Node last;
  private int goals;

  public static ImportedTree read(String text) {
    List<String> lines = lines(text);
    List<Row> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      rows.add(new Row(i + 1, "Zeile " + (i + 1), lines.get(i).split("\t", -1)));
    }
    return read(rows, ImportedTree.Format.TABLE);
  }

  public static ImportedTree read(List<Row> rows, ImportedTree.Format format) {
    TableFormatReader reader = new TableFormatReader();
    for (Row row : rows) {
      reader.row(row);
    }
    if (reader.goals == 0) {
      reader.problems.add(new Problem(0, "", "Leitziel", "import.noHeadings", "", true));
    }
    ImportedTree tree =
        new ImportedTree(format, LEVELS, reader.rounds, reader.roots, reader.problems);
    tree.numberAndCheck();
    return tree;
  }

  private static List<Column> defaultColumns() {
    return List.of(
        new Column("", null),
        new Column(ImportFields.RESPONSIBLE, null),
        new Column(ImportFields.INDICATORS, null),
        new Column(null, NO_ROUND));
  }

  private void row(Row row) {
    String[] cells = row.cells();
    if (allEmpty(cells, 0)) {
      return;
    }
    String first = plain(cells[0]);
    boolean hasTabs = row.inTable();
    Matcher heading = HEADING.matcher(first);
    boolean restEmpty = allEmpty(cells, 1);
    if (heading.matches() && restEmpty && !heading.group(3).isBlank()) {
      String label = heading.group(1).toLowerCase(Locale.GERMAN);
      int level = label.startsWith("leit") ? 0 : label.startsWith("hand") ? 1 : 2;
      addGoal(row, level, heading.group(2), heading.group(3).strip());
      return;
    }
    if (hasTabs
        && restEmpty
        && first.toLowerCase(Locale.GERMAN).contains("handlungsfeld")
        && open[0] != null) {
      // a Handlungsfeld heading without label, e.g. "<u>Zielgruppenübergreifende
      // Handlungsfelder</u>"
      addGoal(row, 1, null, first);
      return;
    }
    if (!hasTabs) {
      if (goals > 0) {
        problems.add(
            new Problem(
                row.line(), row.location(), "", "import.lineIgnored", abbreviate(first), false));
      }
      return;
    }
    if (first.equalsIgnoreCase("Maßnahme")
        || first.equalsIgnoreCase("Massnahme")
        || first.equalsIgnoreCase("Maßnahmen")) {
      header(row);
      last = null;
      return;
    }
    boolean continuation =
        cells[0].isBlank()
            || (last != null
                && cell(cells, 1).isBlank()
                && cell(cells, 2).isBlank()
                && columns.size() <= 4);
    if (continuation) {
      if (last == null) {
        problems.add(
            new Problem(
                row.line(),
                row.location(),
                "Maßnahme",
                "import.continuationWithoutRow",
                abbreviate(String.join(" ", cells).strip()),
                false));
        return;
      }
      for (int c = 0; c < Math.min(cells.length, columns.size()); c++) {
        if (!cells[c].isBlank()) {
          put(last, columns.get(c), cells[c], true);
        }
      }
      return;
    }
    Node goal = deepestOpen();
    if (goal == null) {
      problems.add(
          new Problem(
              row.line(),
              row.location(),
              "Maßnahme",
              "import.measureBeforeGoal",
              abbreviate(first),
              true));
      return;
    }
    Node m = new Node(row.line(), row.location(), -1, null, plain(cells[0]));
    for (int c = 1; c < Math.min(cells.length, columns.size()); c++) {
      put(m, columns.get(c), cells[c], false);
    }
    if (cells.length > columns.size() && !allEmpty(cells, columns.size())) {
      problems.add(
          new Problem(
              row.line(),
              row.location(),
              "Spalte " + (columns.size() + 1),
              "import.extraColumns",
              String.valueOf(cells.length),
              false));
      for (int c = columns.size(); c < cells.length; c++) {
        if (!plain(cells[c]).isEmpty()) {
          m.extras.merge("Spalte " + (c + 1), plain(cells[c]), (a, b) -> a + "\n" + b);
        }
      }
    }
    if (m.title.isBlank()) {
      problems.add(
          new Problem(row.line(), row.location(), "Maßnahme", "import.emptyTitle", "", true));
    }
    if (m.field(ImportFields.RESPONSIBLE).isBlank() && hasColumn(ImportFields.RESPONSIBLE)) {
      problems.add(
          new Problem(
              row.line(),
              row.location(),
              "Verantwortlich",
              "import.emptyResponsible",
              abbreviate(m.title),
              false));
    }
    goal.measures.add(m);
    last = m;
  }

  private boolean hasColumn(String field) {
    return columns.stream().anyMatch(c -> field.equals(c.field()));
  }

  private void put(Node m, Column column, String raw, boolean append) {
    if (column.round() != null) {
      String html = raw.strip();
      if (html.isEmpty()) {
        return;
      }
      if (!rounds.contains(column.round())) {
        rounds.add(column.round());
      }
      Assessment before = m.assessments.get(column.round());
      m.assessments.put(
          column.round(),
          new Assessment(null, null, before == null ? html : join(before.html(), html, "\n")));
      return;
    }
    String value = plain(raw);
    if (value.isEmpty()) {
      return;
    }
    if (column.field().isEmpty()) {
      m.title = append ? join(m.title, value, " ") : value;
    } else if (ImportFields.MEASURE_FIELDS.contains(column.field())) {
      m.fields.merge(column.field(), value, (a, b) -> append ? join(a, b, " ") : b);
    } else {
      m.extras.merge(column.field(), value, (a, b) -> append ? join(a, b, " ") : b);
    }
  }

  private void header(Row row) {
    String[] cells = row.cells();
    List<Column> found = new ArrayList<>();
    found.add(new Column("", null));
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (int c = 1; c < cells.length; c++) {
      String label = plain(cells[c]);
      if (label.isEmpty()) {
        if (allEmpty(cells, c)) {
          break;
        }
        problems.add(
            new Problem(
                row.line(), row.location(), "Spalte " + (c + 1), "import.headerEmpty", "", true));
        found.add(new Column("Spalte " + (c + 1), null));
        continue;
      }
      Matcher round = ROUND.matcher(label);
      if (round.matches()) {
        String name = round.group(1).strip().isEmpty() ? NO_ROUND : round.group(1).strip();
        found.add(new Column(null, name));
        seen.put("Einschätzung", true);
        continue;
      }
      String canonical = ImportFields.canonical(label);
      if (canonical == null) {
        problems.add(
            new Problem(row.line(), row.location(), label, "import.unknownColumn", label, false));
      } else {
        seen.put(canonical, true);
      }
      found.add(new Column(canonical == null ? label : canonical, null));
    }
    if (!seen.containsKey("Einschätzung")) {
      // a header repeated after a page break often leaves the last cell empty: the round of the
      // table before
      String previous =
          columns.stream().map(Column::round).filter(Objects::nonNull).findFirst().orElse(NO_ROUND);
      found.add(new Column(null, previous));
    }
    for (String required : List.of(ImportFields.RESPONSIBLE, ImportFields.INDICATORS)) {
      if (!seen.containsKey(required)) {
        problems.add(
            new Problem(
                row.line(),
                row.location(),
                required,
                "import.headerColumns",
                String.join(" | ", Arrays.stream(cells).map(TableFormatReader::plain).toList()),
                true));
      }
    }
    columns = found;
  }

  private void addGoal(Row row, int level, String code, String title) {
    Node g = new Node(row.line(), row.location(), level, code, plain(title));
    Node parent = null;
    for (int l = level - 1; l >= 0 && parent == null; l--) {
      parent = open[l];
    }
    if (parent == null) {
      roots.add(g);
    } else {
      parent.children.add(g);
    }
    open[level] = g;
    for (int l = level + 1; l < open.length; l++) {
      open[l] = null;
    }
    goals++;
    last = null;
  }

  private Node deepestOpen() {
    for (int l = open.length - 1; l >= 0; l--) {
      if (open[l] != null) {
        return open[l];
      }
    }
    return null;
  }

  private static String cell(String[] cells, int i) {
    return i < cells.length ? cells[i] : "";
  }

  private static boolean allEmpty(String[] cells, int from) {
    for (int i = from; i < cells.length; i++) {
      if (!plain(cells[i]).isBlank()) {
        return false;
      }
    }
    return true;
  }

  static String join(String a, String b, String separator) {
    String left = a.strip();
    String right = b.strip();
    if (left.isEmpty()) {
      return right;
    }
    return left + separator + right;
  }

  /**
   * The lines of a text, whatever its line endings (CR LF, LF, CR), without a regular expression.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** Text without tags and entities, whitespace collapsed. */
  static String plain(String html) {
    if (simple(html)) {
      return html.strip();
    }
    String s =
        TAG.matcher(html.replace("</p>", "\n").replace("<br>", "\n").replace("</li>", "\n"))
            .replaceAll("");
    s =
        s.replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
    return s.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
  }

  /**
   * No tag, entity, line break, tab or double blank: nothing for {@link #plain} to do but strip.
   */
  private static boolean simple(String s) {
    char before = 'x';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<'
          || c == '&'
          || c == '\n'
          || c == '\r'
          || c == '\t'
          || c == '\u000B'
          || c == '\f'
          || (c == ' ' && before == ' ')) {
        return false;
      }
      before = c;
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
