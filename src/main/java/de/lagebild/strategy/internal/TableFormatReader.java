package de.lagebild.strategy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads strategy tables as districts export them from Word (seed 000): headings {@code Leitziel:},
 * {@code Handlungsfeld :}, {@code Teilziel:} with trailing tabs, a header row
 * {@code Maßnahme⇥Verantwortlich⇥Indikatoren⇥Einschätzung <Runde>}, then one row per measure. Cells may hold HTML
 * fragments; a row broken by a page break continues on lines that start with tabs or leave the middle cells empty.
 * Nothing is dropped: what cannot be placed becomes a warning with its line.
 */
public final class TableFormatReader {

  static final List<String> LEVELS = List.of("Leitziel", "Handlungsfeld", "Teilziel");
  private static final Pattern HEADING = Pattern.compile(
      "^(Leitziel|Handlungsfeld|Teilziel|Ziel)\\s*(?:\\d+(?:\\.\\d+)*\\.?)?\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern ROUND = Pattern.compile("^Einschätzung\\s+(.+)$", Pattern.CASE_INSENSITIVE);

  public record Warning(int line, String field, String messageKey, String detail) {}

  public static final class Measure {
    public final int line;
    public final String[] cells = {"", "", "", ""};

    Measure(int line) {
      this.line = line;
    }

    public String title() {
      return plain(cells[0]);
    }

    public String responsible() {
      return plain(cells[1]);
    }

    public String indicators() {
      return plain(cells[2]);
    }

    /** The assessment cell as HTML (paragraphs and lists kept; sanitised before it is stored). */
    public String assessmentHtml() {
      return cells[3].strip();
    }
  }

  public static final class Goal {
    public final int line;
    public final int level;
    public final String title;
    public final List<Goal> children = new ArrayList<>();
    public final List<Measure> measures = new ArrayList<>();

    Goal(int line, int level, String title) {
      this.line = line;
      this.level = level;
      this.title = title;
    }
  }

  public record Result(List<String> levelNames, String roundName, List<Goal> roots, List<Warning> warnings,
      int measureCount, int goalCount) {}

  private final List<Goal> roots = new ArrayList<>();
  private final Goal[] open = new Goal[LEVELS.size()];
  private final List<Warning> warnings = new ArrayList<>();
  private String roundName;
  private Measure last;
  private int measures;
  private int goals;

  public static Result read(String text) {
    return new TableFormatReader().parse(text);
  }

  private Result parse(String text) {
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      line(i + 1, lines[i]);
    }
    if (goals == 0) {
      warnings.add(new Warning(0, "Leitziel", "import.noHeadings", ""));
    }
    return new Result(LEVELS, roundName, roots, warnings, measures, goals);
  }

  private void line(int no, String raw) {
    if (raw.isBlank()) {
      return;
    }
    String[] cells = raw.split("\t", -1);
    String first = plain(cells[0]);
    boolean hasTabs = cells.length > 1;
    Matcher heading = HEADING.matcher(first);
    boolean restEmpty = allEmpty(cells, 1);
    if (heading.matches() && restEmpty && !heading.group(2).isBlank()) {
      String label = heading.group(1).toLowerCase(Locale.GERMAN);
      int level = label.startsWith("leit") ? 0 : label.startsWith("hand") ? 1 : 2;
      addGoal(no, level, heading.group(2).strip());
      return;
    }
    if (hasTabs && restEmpty && first.toLowerCase(Locale.GERMAN).contains("handlungsfeld") && open[0] != null) {
      // a Handlungsfeld heading without label, e.g. "<u>Zielgruppenübergreifende Handlungsfelder</u>"
      addGoal(no, 1, first);
      return;
    }
    if (!hasTabs) {
      if (goals > 0) {
        warnings.add(new Warning(no, "", "import.lineIgnored", abbreviate(first)));
      }
      return;
    }
    if (first.equalsIgnoreCase("Maßnahme") || first.equalsIgnoreCase("Massnahme")) {
      header(no, cells);
      last = null;
      return;
    }
    boolean continuation = cells[0].isBlank()
        || (last != null && cell(cells, 1).isBlank() && cell(cells, 2).isBlank());
    if (continuation) {
      if (last == null) {
        warnings.add(new Warning(no, "Maßnahme", "import.continuationWithoutRow", abbreviate(raw.strip())));
        return;
      }
      for (int c = 0; c < Math.min(cells.length, 4); c++) {
        if (!cells[c].isBlank()) {
          last.cells[c] = join(last.cells[c], cells[c], c == 3 ? "\n" : " ");
        }
      }
      return;
    }
    Goal goal = deepestOpen();
    if (goal == null) {
      warnings.add(new Warning(no, "Maßnahme", "import.measureBeforeGoal", abbreviate(first)));
      return;
    }
    Measure m = new Measure(no);
    for (int c = 0; c < Math.min(cells.length, 4); c++) {
      m.cells[c] = cells[c].strip();
    }
    if (cells.length > 4 && !allEmpty(cells, 4)) {
      warnings.add(new Warning(no, "Spalte 5", "import.extraColumns", String.valueOf(cells.length)));
      for (int c = 4; c < cells.length; c++) {
        m.cells[3] = join(m.cells[3], cells[c], "\n");
      }
    }
    if (m.responsible().isBlank()) {
      warnings.add(new Warning(no, "Verantwortlich", "import.emptyResponsible", abbreviate(m.title())));
    }
    goal.measures.add(m);
    measures++;
    last = m;
  }

  private void header(int no, String[] cells) {
    if (cells.length < 3 || !plain(cells[1]).toLowerCase(Locale.GERMAN).startsWith("verantwortlich")) {
      warnings.add(new Warning(no, "Verantwortlich", "import.headerColumns", String.join(" | ", cells)));
    }
    String fourth = plain(cell(cells, 3));
    Matcher round = ROUND.matcher(fourth);
    if (round.matches()) {
      String name = round.group(1).strip();
      if (roundName == null) {
        roundName = name;
      } else if (!roundName.equals(name)) {
        warnings.add(new Warning(no, "Einschätzung", "import.secondRound", name));
      }
    }
  }

  private void addGoal(int no, int level, String title) {
    Goal g = new Goal(no, level, title);
    Goal parent = null;
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

  private Goal deepestOpen() {
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

  private static String join(String a, String b, String separator) {
    String left = a.strip();
    String right = b.strip();
    if (left.isEmpty()) {
      return right;
    }
    return left + separator + right;
  }

  /** Text without tags and entities, whitespace collapsed. */
  static String plain(String html) {
    String s = TAG.matcher(html.replace("</p>", "\n").replace("<br>", "\n").replace("</li>", "\n")).replaceAll("");
    s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    return s.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
