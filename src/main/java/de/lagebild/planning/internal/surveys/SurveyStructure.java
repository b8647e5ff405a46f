package de.lagebild.planning.internal.surveys;

import java.util.List;
import java.util.Optional;

/**
 * A LimeSurvey survey's structure as read from its {@code .lss} export: title, language and the
 * questions with their code ("title" in LimeSurvey), type, text, answer options and subquestions.
 */
public record SurveyStructure(String title, String language, List<Question> questions) {

  /** The question types Lagebild aggregates or reviews; others are listed but not offered. */
  public enum Kind {
    /** L, !, O, 5, Y, G: one answer out of a list. */
    SINGLE,
    /** M, P: several ticks, one column per option. */
    MULTIPLE,
    /** N: a number. */
    NUMBER,
    /** F, A, B, C, E, H: an array, one column per subquestion, the same options in each. */
    ARRAY,
    /** T, S, U, Q: free text (reviewed one by one, never aggregated). */
    TEXT,
    OTHER
  }

  public record Option(String code, String text) {}

  public record Sub(String code, String text) {}

  public record Question(
      String code, String type, String text, List<Option> options, List<Sub> subs, boolean other) {

    public Kind kind() {
      return switch (type) {
        case "L", "!", "O", "5", "Y", "G" -> Kind.SINGLE;
        case "M", "P" -> Kind.MULTIPLE;
        case "N" -> Kind.NUMBER;
        case "F", "A", "B", "C", "E", "H" -> Kind.ARRAY;
        case "T", "S", "U", "Q" -> Kind.TEXT;
        default -> Kind.OTHER;
      };
    }

    /**
     * The answer options; the built-in types without own options get LimeSurvey's fixed ones (5:
     * 1–5; Y: Ja/Nein; G: weiblich/männlich; A: 1–5, B: 1–10, C: Ja/Unsicher/Nein, E: Mehr/Gleich/
     * Weniger).
     */
    public List<Option> choices() {
      if (!options.isEmpty()) {
        return options;
      }
      return switch (type) {
        case "5", "A" -> numbered(5);
        case "B" -> numbered(10);
        case "Y" -> List.of(new Option("Y", "Ja"), new Option("N", "Nein"));
        case "G" -> List.of(new Option("F", "weiblich"), new Option("M", "männlich"));
        case "C" ->
            List.of(new Option("Y", "Ja"), new Option("U", "Unsicher"), new Option("N", "Nein"));
        case "E" ->
            List.of(new Option("I", "Mehr"), new Option("S", "Gleich"), new Option("D", "Weniger"));
        default -> List.of();
      };
    }

    private static List<Option> numbered(int n) {
      return java.util.stream.IntStream.rangeClosed(1, n)
          .mapToObj(i -> new Option(String.valueOf(i), String.valueOf(i)))
          .toList();
    }

    Optional<Option> choice(String code) {
      return choices().stream().filter(o -> o.code().equals(code)).findFirst();
    }
  }

  Optional<Question> question(String code) {
    return questions.stream().filter(q -> q.code().equalsIgnoreCase(code)).findFirst();
  }
}
