package de.lagebild.planning.internal.surveys;

import de.lagebild.platform.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a LimeSurvey response export into per-area figures: shares of answers (lists, arrays,
 * multiple choice), means (numbers) and the number of responses per question, each with its base n,
 * for every area the area question maps to and for all responses together. Reads answer codes
 * ("Antwortcodes") and full answers ("Volle Antworten") alike; "Keine Antwort" and empty cells are
 * no answer and not counted in the base. Why this class is long: one pass reads every kind of
 * question, and the figures' labels and the problems found are written here in German.
 */
public final class SurveyAggregation {

  static final int MAX_PROBLEMS = 200;
  static final int MAX_TEXT = 4000;

  public enum Measure {
    SHARE,
    MEAN,
    RESPONSES
  }

  /** Responses and the sum of hits (share) or values (mean) of one cell. */
  public static final class Cell {
    int n;
    double sum;

    BigDecimal value(Measure m) {
      if (n == 0) {
        return null;
      }
      double v =
          switch (m) {
            case SHARE -> 100.0 * sum / n;
            case MEAN -> sum / n;
            case RESPONSES -> n;
          };
      return BigDecimal.valueOf(v).setScale(m == Measure.RESPONSES ? 0 : 1, RoundingMode.HALF_UP);
    }
  }

  /** One figure over the areas: its key (unique in the survey), question and label. */
  public record Series(
      String key,
      String question,
      String questionText,
      String label,
      Measure measure,
      Map<UUID, Cell> areas,
      Cell unmapped,
      Cell total) {}

  /** A problem with a line of the file (German message naming line, column and reason). */
  public record Problem(int line, String field, String message) {}

  /** A free-text answer for the review. */
  public record FreeText(String question, String questionText, UUID area, String text) {}

  /** An answer of the area question as read, how often it came and the area it maps to. */
  public record AreaValue(String value, int responses, UUID area) {}

  public record Result(
      int rows,
      int used,
      int incomplete,
      int unmapped,
      List<Series> series,
      List<AreaValue> areaValues,
      List<FreeText> texts,
      List<Problem> problems,
      int problemCount,
      String charset) {}

  private SurveyAggregation() {}

  /** The key by which the answers of the area question are mapped ("Nord ", "nord" alike). */
  static String normal(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
  }

  static Result run(SurveyStructure structure, ResponseTable table, SurveyPlan plan) {
    Map<String, Integer> columns = table.columns(structure);
    SurveyStructure.Question areaQuestion =
        structure
            .question(plan.areaQuestion() == null ? "" : plan.areaQuestion())
            .orElseThrow(
                () -> new DomainException("survey.areaQuestion.unknown", plan.areaQuestion()));
    Integer areaColumn = columns.get(areaQuestion.code());
    if (areaColumn == null) {
      throw new DomainException("survey.column.missing", areaQuestion.code());
    }
    int submit = table.fixed("submitdate", "Datum Abgeschickt", "Date submitted");
    List<Reading> readings = new ArrayList<>();
    for (SurveyPlan.Choice c : plan.choices()) {
      SurveyStructure.Question q =
          structure
              .question(c.question())
              .orElseThrow(() -> new DomainException("survey.question.unknown", c.question()));
      readings.addAll(Reading.of(q, c, columns));
    }
    List<String[]> textColumns = new ArrayList<>();
    for (String code : plan.textQuestions()) {
      SurveyStructure.Question q =
          structure
              .question(code)
              .orElseThrow(() -> new DomainException("survey.question.unknown", code));
      Integer col = columns.get(q.code());
      if (col == null) {
        throw new DomainException("survey.column.missing", q.code());
      }
      textColumns.add(new String[] {q.code(), q.text(), String.valueOf(col)});
    }
    List<Problem> problems = new ArrayList<>();
    int[] problemCount = {0};
    Map<String, int[]> areaCounts = new TreeMap<>();
    Map<String, String> areaShown = new HashMap<>();
    List<FreeText> texts = new ArrayList<>();
    int used = 0;
    int incomplete = 0;
    int unmapped = 0;
    List<List<String>> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (!plan.includeIncomplete() && submit >= 0 && cell(row, submit).isBlank()) {
        incomplete++;
        continue;
      }
      used++;
      String areaAnswer = areaAnswer(areaQuestion, cell(row, areaColumn));
      String key = normal(areaAnswer);
      areaShown.putIfAbsent(key, areaAnswer);
      areaCounts.computeIfAbsent(key, k -> new int[1])[0]++;
      UUID area = key.isEmpty() ? null : plan.areaMapping().get(key);
      if (area == null) {
        unmapped++;
      }
      int line = ResponseTable.line(r);
      for (Reading reading : readings) {
        reading.add(row, area, line, problems, problemCount);
      }
      for (String[] t : textColumns) {
        String text = cell(row, Integer.parseInt(t[2])).strip();
        if (!text.isEmpty()) {
          texts.add(
              new FreeText(
                  t[0],
                  t[1],
                  area,
                  text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + " […]" : text));
        }
      }
    }
    if (used == 0) {
      throw new DomainException("survey.responses.noneComplete", rows.size());
    }
    List<AreaValue> areaValues = new ArrayList<>();
    for (Map.Entry<String, int[]> e : areaCounts.entrySet()) {
      areaValues.add(
          new AreaValue(
              areaShown.get(e.getKey()), e.getValue()[0], plan.areaMapping().get(e.getKey())));
    }
    List<Series> series = new ArrayList<>();
    for (Reading reading : readings) {
      series.add(reading.series);
    }
    return new Result(
        rows.size(),
        used,
        incomplete,
        unmapped,
        series,
        areaValues,
        texts,
        problems,
        problemCount[0],
        table.charset());
  }

  /** The answers of the area question in the file, normalised (see {@link #normal}). */
  static Set<String> areaAnswers(SurveyStructure structure, ResponseTable table, String code) {
    SurveyStructure.Question q =
        structure
            .question(code == null ? "" : code)
            .orElseThrow(() -> new DomainException("survey.areaQuestion.unknown", code));
    Integer column = table.columns(structure).get(q.code());
    if (column == null) {
      throw new DomainException("survey.column.missing", q.code());
    }
    Set<String> out = new java.util.HashSet<>();
    for (List<String> row : table.rows()) {
      out.add(normal(areaAnswer(q, cell(row, column))));
    }
    return out;
  }

  /** The area question's answer as a person reads it: the option's text for a code. */
  private static String areaAnswer(SurveyStructure.Question q, String raw) {
    String v = raw.strip();
    return q.choice(v).map(SurveyStructure.Option::text).orElse(v);
  }

  static String cell(List<String> row, int i) {
    return i < row.size() ? row.get(i) : "";
  }

  static boolean noAnswer(String v) {
    String s = normal(v);
    return s.isEmpty() || s.equals("keine antwort") || s.equals("no answer") || s.equals("n/a");
  }

  /** A ticked option of a multiple-choice question, in codes or full answers. */
  static Boolean ticked(String v, String subText) {
    String s = normal(v);
    if (s.isEmpty()
        || s.equals("n")
        || s.equals("nein")
        || s.equals("no")
        || s.equals("0")
        || s.equals("nicht gewählt")
        || s.equals("not selected")) {
      return false;
    }
    if (s.equals("y")
        || s.equals("ja")
        || s.equals("yes")
        || s.equals("1")
        || s.equals("gewählt")
        || s.equals("selected")
        || s.equals(normal(subText))) {
      return true;
    }
    return null;
  }

  /** How one chosen question is read from its columns into its series. */
  private abstract static class Reading {
    final Series series;
    final String field;

    Reading(Series series, String field) {
      this.series = series;
      this.field = field;
    }

    static List<Reading> of(
        SurveyStructure.Question q, SurveyPlan.Choice c, Map<String, Integer> columns) {
      List<Reading> out = new ArrayList<>();
      switch (q.kind()) {
        case SINGLE -> {
          int col = column(columns, q.code());
          List<String> codes = codes(q, c.codes(), q.code());
          out.add(new Responses(q, responses(q), new int[] {col}, v -> answerCode(q, v)));
          if (c.mode() == SurveyPlan.Mode.COMBINED) {
            out.add(new Share(q, q.code() + "_" + join(codes), label(q, codes), col, codes));
          } else {
            for (String code : codes) {
              out.add(
                  new Share(q, q.code() + "_" + code, label(q, List.of(code)), col, List.of(code)));
            }
          }
        }
        case ARRAY -> {
          List<String> codes = codes(q, c.codes(), q.code());
          int[] cols = new int[q.subs().size()];
          for (int i = 0; i < cols.length; i++) {
            cols[i] = column(columns, q.code() + "[" + q.subs().get(i).code() + "]");
          }
          out.add(new Responses(q, responses(q), cols, v -> answerCode(q, v)));
          for (int i = 0; i < cols.length; i++) {
            SurveyStructure.Sub s = q.subs().get(i);
            if (c.mode() == SurveyPlan.Mode.COMBINED) {
              out.add(
                  new Share(
                      q,
                      q.code() + "_" + s.code() + "_" + join(codes),
                      s.text() + ": " + label(q, codes),
                      cols[i],
                      codes));
            } else {
              for (String code : codes) {
                out.add(
                    new Share(
                        q,
                        q.code() + "_" + s.code() + "_" + code,
                        s.text() + ": " + label(q, List.of(code)),
                        cols[i],
                        List.of(code)));
              }
            }
          }
        }
        case MULTIPLE -> {
          List<SurveyStructure.Sub> subs =
              c.codes().isEmpty()
                  ? q.subs()
                  : q.subs().stream().filter(s -> c.codes().contains(s.code())).toList();
          if (subs.isEmpty()) {
            throw new DomainException("survey.choice.none", q.code());
          }
          out.add(new Responses(q, responses(q), new int[0], v -> "x"));
          for (SurveyStructure.Sub s : subs) {
            out.add(
                new Ticks(
                    q,
                    q.code() + "_" + s.code(),
                    "Anteil „" + s.text() + "“ gewählt",
                    column(columns, q.code() + "[" + s.code() + "]"),
                    s.text()));
          }
        }
        case NUMBER -> {
          int col = column(columns, q.code());
          out.add(
              new Responses(
                  q, responses(q), new int[] {col}, v -> Mean.number(v) == null ? "" : "x"));
          out.add(new Mean(q, col));
        }
        default -> throw new DomainException("survey.question.notAggregable", q.code(), q.type());
      }
      return out;
    }

    private static String responses(SurveyStructure.Question q) {
      return "Antworten (n)";
    }

    private static String label(SurveyStructure.Question q, List<String> codes) {
      return "Anteil "
          + codes.stream()
              .map(
                  code -> "„" + q.choice(code).map(SurveyStructure.Option::text).orElse(code) + "“")
              .collect(Collectors.joining(" oder "));
    }

    private static String join(List<String> codes) {
      return String.join("_", codes);
    }

    private static List<String> codes(SurveyStructure.Question q, List<String> chosen, String c) {
      List<String> codes =
          chosen.isEmpty()
              ? q.choices().stream().map(SurveyStructure.Option::code).toList()
              : chosen;
      for (String code : codes) {
        if (q.choice(code).isEmpty() && !code.equals("-oth-")) {
          throw new DomainException("survey.choice.unknown", code, c);
        }
      }
      if (codes.isEmpty()) {
        throw new DomainException("survey.choice.none", c);
      }
      return codes;
    }

    private static int column(Map<String, Integer> columns, String code) {
      Integer i = columns.get(code);
      if (i == null) {
        throw new DomainException("survey.column.missing", code);
      }
      return i;
    }

    /**
     * The answer code of a list or array cell: the code itself, or the code of the option whose
     * text it is; "" for no answer; null for a value that is no option.
     */
    static String answerCode(SurveyStructure.Question q, String raw) {
      if (noAnswer(raw)) {
        return "";
      }
      String v = raw.strip();
      if (q.choice(v).isPresent() || v.equals("-oth-")) {
        return v;
      }
      String n = normal(v);
      for (SurveyStructure.Option o : q.choices()) {
        if (normal(o.text()).equals(n)) {
          return o.code();
        }
      }
      if (q.other() && (n.equals("sonstiges") || n.equals("other"))) {
        return "-oth-";
      }
      return null;
    }

    Cell cellOf(UUID area) {
      return area == null
          ? series.unmapped()
          : series.areas().computeIfAbsent(area, k -> new Cell());
    }

    void count(UUID area, double value) {
      Cell a = cellOf(area);
      a.n++;
      a.sum += value;
      series.total().n++;
      series.total().sum += value;
    }

    void problem(List<Problem> problems, int[] count, int line, String message) {
      count[0]++;
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(line, field, message));
      }
    }

    abstract void add(
        List<String> row, UUID area, int line, List<Problem> problems, int[] problemCount);

    static Series series(SurveyStructure.Question q, String key, String label, Measure measure) {
      return new Series(
          key, q.code(), q.text(), label, measure, new LinkedHashMap<>(), new Cell(), new Cell());
    }
  }

  /** Responses to a question: a row counts when any of its columns holds an answer. */
  private static final class Responses extends Reading {
    private final int[] cols;
    private final java.util.function.Function<String, String> code;

    Responses(
        SurveyStructure.Question q,
        String label,
        int[] cols,
        java.util.function.Function<String, String> code) {
      super(series(q, q.code() + "_n", label, Measure.RESPONSES), q.code());
      this.cols = cols;
      this.code = code;
    }

    @Override
    void add(List<String> row, UUID area, int line, List<Problem> problems, int[] problemCount) {
      boolean any = cols.length == 0;
      for (int c : cols) {
        String v = code.apply(cell(row, c));
        if (v != null && !v.isEmpty()) {
          any = true;
          break;
        }
      }
      if (any) {
        count(area, 1);
      }
    }
  }

  private static final class Share extends Reading {
    private final SurveyStructure.Question q;
    private final int col;
    private final Set<String> codes;

    Share(SurveyStructure.Question q, String key, String label, int col, List<String> codes) {
      super(series(q, key, label, Measure.SHARE), q.code());
      this.q = q;
      this.col = col;
      this.codes = Set.copyOf(codes);
    }

    @Override
    void add(List<String> row, UUID area, int line, List<Problem> problems, int[] problemCount) {
      String raw = cell(row, col);
      String code = answerCode(q, raw);
      if (code == null) {
        problem(
            problems,
            problemCount,
            line,
            "„" + raw.strip() + "“ ist keine Antwortmöglichkeit der Frage " + q.code() + ".");
        return;
      }
      if (!code.isEmpty()) {
        count(area, codes.contains(code) ? 1 : 0);
      }
    }
  }

  private static final class Ticks extends Reading {
    private final int col;
    private final String subText;

    Ticks(SurveyStructure.Question q, String key, String label, int col, String subText) {
      super(series(q, key, label, Measure.SHARE), q.code());
      this.col = col;
      this.subText = subText;
    }

    @Override
    void add(List<String> row, UUID area, int line, List<Problem> problems, int[] problemCount) {
      String raw = cell(row, col);
      Boolean t = ticked(raw, subText);
      if (t == null) {
        problem(
            problems,
            problemCount,
            line,
            "„" + raw.strip() + "“ ist weder „Ja“ noch leer (Mehrfachauswahl " + field + ").");
        t = false;
      }
      count(area, t ? 1 : 0);
    }
  }

  private static final class Mean extends Reading {
    private final int col;

    Mean(SurveyStructure.Question q, int col) {
      super(series(q, q.code() + "_mean", "Mittelwert", Measure.MEAN), q.code());
      this.col = col;
    }

    @Override
    void add(List<String> row, UUID area, int line, List<Problem> problems, int[] problemCount) {
      String raw = cell(row, col).strip();
      if (noAnswer(raw)) {
        return;
      }
      Double v = number(raw);
      if (v == null) {
        problem(problems, problemCount, line, "„" + raw + "“ ist keine Zahl.");
      } else {
        count(area, v);
      }
    }

    /** A number as LimeSurvey writes it ("3", "2.5"; "2,5" from a German spreadsheet). */
    static Double number(String raw) {
      if (noAnswer(raw)) {
        return null;
      }
      try {
        double d = Double.parseDouble(raw.strip().replace(" ", "").replace(',', '.'));
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
