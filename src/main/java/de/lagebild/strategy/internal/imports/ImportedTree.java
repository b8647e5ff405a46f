package de.lagebild.strategy.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a reader found in a file, before anything is written: a tree of goals with their measures,
 * every field as label → value (known labels in their canonical spelling, unknown ones as extras),
 * assessments per round name, and problems tied to a line (or table row) and field. Problems marked
 * as errors block the commit.
 */
public final class ImportedTree {

  public enum Format {
    TABLE,
    DOCX,
    KEYVALUE,
    CSV,
    XLSX
  }

  /** A warning or an error, with its place in the source ("Zeile 12" or "Tabelle 2, Zeile 5"). */
  public record Problem(
      int line, String location, String field, String messageKey, String detail, boolean error) {}

  /**
   * An assessment text for one round: status code and progress as found (may be null), text as
   * HTML.
   */
  public record Assessment(String statusCode, Integer progress, String html) {
    public String plainText() {
      return html == null ? "" : TableFormatReader.plain(html);
    }
  }

  public static final class Node {
    public final int line;
    public final String location;

    /** Goal level from 0, or -1 for a measure. */
    public final int level;

    String sourceId;
    public String code;

    /** The code was given from the node's position, not read from the file. */
    boolean codeGenerated;

    public String title;
    public final Map<String, String> fields = new LinkedHashMap<>();
    public final Map<String, String> extras = new LinkedHashMap<>();

    /** The line each field starts on, where the reader knows it (key-value files). */
    final Map<String, Integer> fieldLines = new LinkedHashMap<>();

    public final Map<String, Assessment> assessments = new LinkedHashMap<>();
    public final List<Node> children = new ArrayList<>();
    public final List<Node> measures = new ArrayList<>();

    Node(int line, String location, int level, String code, String title) {
      this.line = line;
      this.location = location;
      this.level = level;
      this.code = code;
      this.title = title;
    }

    boolean isMeasure() {
      return level < 0;
    }

    String field(String label) {
      return fields.getOrDefault(label, "");
    }

    /** The line a field starts on, or the node's line where the reader does not know it. */
    int lineOf(String label) {
      return fieldLines.getOrDefault(label, line);
    }

    /** Level names for the preview. */
    public int getLevel() {
      return level;
    }

    public String getCode() {
      return code;
    }

    public String getTitle() {
      return title;
    }

    public int getLine() {
      return line;
    }

    public String getLocation() {
      return location;
    }

    public List<Node> getChildren() {
      return children;
    }

    public List<Node> getMeasures() {
      return measures;
    }

    public Map<String, String> getFields() {
      return fields;
    }

    public Map<String, String> getExtras() {
      return extras;
    }

    public Map<String, Assessment> getAssessments() {
      return assessments;
    }
  }

  public final Format format;
  public final List<String> levelNames;
  public final List<String> rounds;
  public final List<Node> roots;
  public final List<Problem> problems;
  public String charset = "UTF-8";

  ImportedTree(
      Format format,
      List<String> levelNames,
      List<String> rounds,
      List<Node> roots,
      List<Problem> problems) {
    this.format = format;
    this.levelNames = levelNames;
    this.rounds = rounds;
    this.roots = roots;
    this.problems = problems;
  }

  public Format getFormat() {
    return format;
  }

  public List<Node> getRoots() {
    return roots;
  }

  public List<Problem> getProblems() {
    return problems;
  }

  public List<String> getRounds() {
    return rounds;
  }

  public List<String> getLevelNames() {
    return levelNames;
  }

  public String getCharset() {
    return charset;
  }

  public String levelName(int level) {
    return level < 0
        ? "Maßnahme"
        : level < levelNames.size() ? levelNames.get(level) : "Ebene " + (level + 1);
  }

  /** The first round name, the one the import suggests for single-round files. */
  public String getRoundName() {
    return rounds.isEmpty() ? null : rounds.get(0);
  }

  public List<Problem> getErrors() {
    return problems.stream().filter(Problem::error).toList();
  }

  public List<Problem> getWarnings() {
    return problems.stream().filter(p -> !p.error()).toList();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::error);
  }

  public int getGoalCount() {
    int[] n = {0};
    walk(roots, g -> n[0]++, m -> {});
    return n[0];
  }

  public int getMeasureCount() {
    int[] n = {0};
    walk(roots, g -> {}, m -> n[0]++);
    return n[0];
  }

  public int getAssessmentCount() {
    int[] n = {0};
    walk(roots, g -> {}, m -> n[0] += m.assessments.size());
    return n[0];
  }

  /** Number of goals per level name, then "Maßnahme". */
  public Map<String, Integer> countsPerLevel() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    walk(
        roots,
        g -> counts.merge(levelName(g.level), 1, Integer::sum),
        m -> counts.merge("Maßnahme", 1, Integer::sum));
    return counts;
  }

  public static void walk(List<Node> goals, Consumer<Node> goal, Consumer<Node> measure) {
    for (Node g : goals) {
      goal.accept(g);
      g.measures.forEach(measure);
      walk(g.children, goal, measure);
    }
  }

  /**
   * Gives every node without a code one from its position (1, 1.2, 1.2.3; measures below their
   * goal's code) and reports duplicate codes as errors.
   */
  void numberAndCheck() {
    number(roots, "");
    Map<String, Node> goals = new LinkedHashMap<>();
    Map<String, Node> measures = new LinkedHashMap<>();
    walk(roots, g -> duplicate(goals, g), m -> duplicate(measures, m));
  }

  private void duplicate(Map<String, Node> seen, Node n) {
    Node before = seen.putIfAbsent(n.code, n);
    if (before != null) {
      problems.add(
          new Problem(
              n.line,
              n.location,
              "Nr.",
              "import.duplicateCode",
              n.code + " (" + before.location + ")",
              true));
    }
  }

  private static void number(List<Node> goals, String prefix) {
    int i = 1;
    for (Node g : goals) {
      if (g.code == null || g.code.isBlank()) {
        g.code = prefix + i;
        g.codeGenerated = true;
      }
      i++;
      int m = 1;
      for (Node measure : g.measures) {
        if (measure.code == null || measure.code.isBlank()) {
          measure.code = g.code + "." + m;
          measure.codeGenerated = true;
        }
        m++;
      }
      number(g.children, g.code + ".");
    }
  }
}
