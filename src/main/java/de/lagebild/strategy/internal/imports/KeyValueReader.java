package de.lagebild.strategy.internal.imports;

import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the key-value blocks of goal agreements: {@code Handlungsfeld 2: Gesundheit im Alter},
 * {@code Ziel 2.1⇥…}, {@code Maßnahme 2.1.1⇥…}, each followed by labelled lines ({@code
 * Verantwortlich⇥…}). Tolerates label spellings, a title on the next non-empty line, trailing dots
 * in numbers, separator lines, empty values and HTML fragments. Lines without a label continue the
 * value above. Labels it does not know are kept as extra fields and reported. The level names are
 * the heading words in the order they first appear (e.g. Handlungsfeld, Ziel).
 */
final class KeyValueReader {

  static final Pattern HEADING =
      Pattern.compile(
          "^(Leitziel|Handlungsfeld|Teilziel|Unterziel|Ziel|Maßnahme|Massnahme)\\s*(\\d+(?:\\.\\d+)*)?\\.?\\s*(?:[:\\t]\\s*(.*))?$",
          Pattern.CASE_INSENSITIVE);

  /** A label before the first tab (it may hold a colon or a question mark). */
  private static final Pattern TAB_LABELLED = Pattern.compile("^([^\\t]{1,160}?)\\s*\\t+\\s*(.*)$");

  /** Without a tab: a known label before the first colon. */
  private static final Pattern COLON_LABELLED = Pattern.compile("^([^:]{1,80}?)\\s*:\\s*(.*)$");

  /**
   * The signature block after the last measure: a declaration, "Name, Funktion und Unterschrift",
   * "Ort:", "Datum:" – recognised, reported once and not added to the measure above.
   */
  static final Pattern TRAILER =
      Pattern.compile(
          "^(Erklärung|Erklaerung|Unterschrift(en)?|Name,? Funktion(,)? und Unterschrift|Name und"
              + " Funktion|Ort,? Datum|Ort und Datum|Ort|Datum|Die Unterzeichnenden\\b.*|Hiermit"
              + " (erklären|bestätigen|vereinbaren)\\b.*|Für (den|die|das) (Landkreis|Stadt|Träger|Kreis)\\b.*)"
              + "\\s*:?\\s*(\\t.*|_+\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SEPARATOR = Pattern.compile("^[\\s\\-_=*–—]{3,}$");
  private static final Pattern ROUND =
      Pattern.compile("^Einschätzung\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  private final List<String> levelNames = new ArrayList<>();
  private final List<Node> roots = new ArrayList<>();
  private final List<Node> open = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> rounds = new ArrayList<>();

  /** The node that labelled lines belong to. */
  private Node current;

  /** The field a line without label continues ("" = title, null = none). */
  private String continuing;

  private boolean continuingExtra;

  /** The label dictionary: the built-in spellings and the tenant's own. */
  private final ImportFields.Labels labels;

  /** First line of the signature block (0: none yet) and its number of lines. */
  private int trailerFrom;

  private int trailerLines;

  /** Codes written with a trailing dot ("1.1.2."): the first line and how many. */
  private int dottedFrom;

  private int dotted;

  private KeyValueReader(ImportFields.Labels labels) {
    this.labels = labels;
  }

  /** Whether a text looks like key-value blocks: headings with numbers, and no table header row. */
  static boolean looksLike(String text) {
    int headings = 0;
    for (String line : (Iterable<String>) text.lines().limit(400)::iterator) {
      String l = TableFormatReader.plain(line);
      if (l.toLowerCase(Locale.GERMAN).startsWith("maßnahme\tverantwortlich")
          || line.toLowerCase(Locale.GERMAN).startsWith("maßnahme\tverantwortlich")) {
        return false;
      }
      Matcher m = HEADING.matcher(line.strip());
      if (m.matches() && m.group(2) != null) {
        headings++;
      }
    }
    return headings >= 2;
  }

  static ImportedTree read(String text) {
    return read(text, ImportFields.Labels.BUILT_IN);
  }

  static ImportedTree read(String text, ImportFields.Labels labels) {
    KeyValueReader r = new KeyValueReader(labels);
    List<String> lines = TableFormatReader.lines(text);
    for (int i = 0; i < lines.size(); i++) {
      r.line(i + 1, lines.get(i));
    }
    if (r.trailerFrom > 0) {
      r.problems.add(
          new Problem(
              r.trailerFrom,
              "Zeile " + r.trailerFrom,
              "",
              "import.trailer",
              String.valueOf(r.trailerLines),
              false));
    }
    if (r.dotted > 0) {
      r.problems.add(
          new Problem(
              r.dottedFrom,
              "Zeile " + r.dottedFrom,
              "Nr.",
              "import.codeTrailingDot",
              String.valueOf(r.dotted),
              false));
    }
    if (r.roots.isEmpty()) {
      r.problems.add(new Problem(0, "", "Handlungsfeld", "import.noKeyValueHeadings", "", true));
    }
    ImportedTree tree =
        new ImportedTree(
            ImportedTree.Format.KEYVALUE,
            r.levelNames.isEmpty() ? List.of("Handlungsfeld", "Ziel") : List.copyOf(r.levelNames),
            r.rounds,
            r.roots,
            r.problems);
    tree.numberAndCheck();
    return tree;
  }

  private void line(int no, String raw) {
    String location = "Zeile " + no;
    String stripped = raw.strip();
    if (stripped.isEmpty()) {
      return;
    }
    if (SEPARATOR.matcher(stripped).matches()) {
      continuing = null;
      return;
    }
    Matcher h = HEADING.matcher(stripped);
    if (h.matches()) {
      if (trailerFrom > 0) {
        // a block after the signature lines: they were not the end
        problems.add(
            new Problem(
                trailerFrom,
                "Zeile " + trailerFrom,
                "",
                "import.trailer",
                String.valueOf(trailerLines),
                false));
        trailerFrom = 0;
      }
      if (h.group(2) != null
          && stripped.matches("(?i)^\\S+\\s*\\d+(?:\\.\\d+)*\\.(?!\\d).*")
          && dotted++ == 0) {
        dottedFrom = no;
      }
      String word = h.group(1);
      String title = h.group(3) == null ? "" : TableFormatReader.plain(h.group(3));
      String code = h.group(2);
      if (word.toLowerCase(Locale.GERMAN).startsWith("ma")) {
        measure(no, location, code, title);
      } else {
        goal(no, location, normaliseWord(word), code, title);
      }
      return;
    }
    if (current == null) {
      problems.add(
          new Problem(
              no,
              location,
              "",
              "import.textBeforeHeading",
              TableFormatReader.abbreviate(stripped),
              false));
      return;
    }
    if (trailerFrom > 0) {
      trailerLines++;
      return;
    }
    if (TRAILER.matcher(stripped).matches()) {
      trailerFrom = no;
      trailerLines = 1;
      continuing = null;
      return;
    }
    // trailing tabs stay: "Kommunikation⇥" is a label with an empty value
    String line = raw.replaceAll("[ \\r\\u00a0]+$", "");
    Matcher t = TAB_LABELLED.matcher(line);
    if (line.contains("\t") && t.matches() && !t.group(1).isBlank()) {
      field(no, location, t.group(1).strip(), t.group(2));
      return;
    }
    Matcher c = COLON_LABELLED.matcher(line);
    if (c.matches() && !c.group(1).isBlank() && looksLikeLabel(c.group(1))) {
      field(no, location, c.group(1).strip(), c.group(2));
      return;
    }
    if (labels.canonical(stripped) != null) {
      // a known label alone on its line: an empty value, not more text for the field above
      field(no, location, stripped, "");
      return;
    }
    // a line without label: the title on the next line, or more text for the field above
    String value = TableFormatReader.plain(stripped);
    if (continuing == null) {
      problems.add(
          new Problem(
              no, location, "", "import.lineIgnored", TableFormatReader.abbreviate(value), false));
    } else if (continuing.isEmpty()) {
      current.title = TableFormatReader.join(current.title, value, " ");
    } else if (continuingExtra) {
      current.extras.merge(continuing, value, (a, b) -> a + "\n" + b);
    } else if (continuing.startsWith("\u0000")) {
      String round = continuing.substring(1);
      Assessment a = current.assessments.get(round);
      current.assessments.put(
          round, new Assessment(null, null, a == null ? value : a.html() + "\n" + value));
    } else {
      current.fields.merge(continuing, value, (a, b) -> a + "\n" + b);
    }
  }

  private boolean looksLikeLabel(String label) {
    return labels.canonical(label) != null || ROUND.matcher(label.strip()).matches();
  }

  private static String normaliseWord(String word) {
    String w = word.toLowerCase(Locale.GERMAN);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private void goal(int no, String location, String word, String code, String title) {
    int level = levelNames.indexOf(word);
    if (level < 0) {
      if (levelNames.size() >= 6) {
        problems.add(new Problem(no, location, word, "import.tooManyLevels", word, true));
        return;
      }
      levelNames.add(word);
      level = levelNames.size() - 1;
    }
    Node g = new Node(no, location, level, clean(code), title);
    while (open.size() > level) {
      open.remove(open.size() - 1);
    }
    Node parent = open.isEmpty() ? null : open.get(open.size() - 1);
    if (parent == null) {
      roots.add(g);
    } else {
      parent.children.add(g);
    }
    while (open.size() < level) {
      open.add(parent);
    }
    open.add(g);
    current = g;
    continuing = "";
  }

  private void measure(int no, String location, String code, String title) {
    Node goal = null;
    for (int i = open.size() - 1; i >= 0 && goal == null; i--) {
      goal = open.get(i);
    }
    if (goal == null) {
      problems.add(new Problem(no, location, "Maßnahme", "import.measureBeforeGoal", title, true));
      current = null;
      return;
    }
    Node m = new Node(no, location, -1, clean(code), title);
    goal.measures.add(m);
    current = m;
    continuing = "";
  }

  private void field(int no, String location, String label, String rawValue) {
    String value = TableFormatReader.plain(rawValue);
    continuingExtra = false;
    if (current.title.isEmpty()) {
      problems.add(
          new Problem(current.line, current.location, "Titel", "import.emptyTitle", "", true));
      current.title = "(ohne Titel)";
    }
    Matcher round = ROUND.matcher(label);
    if (round.matches() && current.isMeasure()) {
      String name = round.group(1).isBlank() ? TableFormatReader.NO_ROUND : round.group(1).strip();
      if (!rounds.contains(name)) {
        rounds.add(name);
      }
      continuing = "\u0000" + name;
      if (!value.isEmpty()) {
        current.assessments.put(name, new Assessment(null, null, rawValue.strip()));
      }
      return;
    }
    String canonical = labels.canonical(label);
    List<String> allowed =
        current.isMeasure() ? ImportFields.MEASURE_FIELDS : ImportFields.GOAL_FIELDS;
    if (canonical == null || !allowed.contains(canonical)) {
      problems.add(new Problem(no, location, label, "import.unknownLabel", label, false));
      continuing = label;
      continuingExtra = true;
      if (!value.isEmpty()) {
        current.extras.merge(label, value, (a, b) -> a + "\n" + b);
      }
      return;
    }
    continuing = canonical;
    current.fieldLines.putIfAbsent(canonical, no);
    if (!value.isEmpty()) {
      current.fields.merge(canonical, value, (a, b) -> a + "\n" + b);
    }
  }

  private static String clean(String code) {
    return code == null ? null : code.replaceAll("\\.+$", "");
  }
}
