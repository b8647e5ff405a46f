package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.planning.internal.FormValues;
import de.lagebild.platform.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The plan of a survey import from the preview form or the API, and the defaults of a new one: the
 * area question guessed (the list question whose answers name most areas), every list, array,
 * multiple-choice and number question chosen (lists one share per answer, arrays the first two
 * answers together), no free text; areas of the area question's answers guessed by name or key.
 */
final class SurveyForms {

  /** The choice "no area" for an answer of the area question (overrules a guess). */
  static final UUID NONE = new UUID(0, 0);

  private SurveyForms() {}

  /** The form as sent (repeated fields read as lists, never split at commas). */
  static SurveyPlan plan(
      Map<String, String[]> p, SurveyStructure s, List<IndicatorFigures.AreaInfo> areas) {
    Map<String, UUID> mapping = new LinkedHashMap<>();
    mapping.putAll(table(FormValues.one(p, "areaTable"), areas));
    List<String> values = FormValues.all(p, "areaValue");
    List<String> targets = FormValues.all(p, "areaTarget");
    for (int i = 0; i < values.size() && i < targets.size(); i++) {
      String key = SurveyAggregation.normal(values.get(i));
      if ("none".equals(targets.get(i))) {
        mapping.put(key, NONE);
      } else {
        UUID target = FormValues.id(targets.get(i));
        if (target != null) {
          mapping.put(key, target);
        }
      }
    }
    List<SurveyPlan.Choice> choices = new ArrayList<>();
    for (String code : FormValues.all(p, "question")) {
      SurveyStructure.Question q =
          s.question(code).orElseThrow(() -> new DomainException("survey.question.unknown", code));
      SurveyPlan.Mode mode =
          FormValues.optional(
              SurveyPlan.Mode.class, FormValues.one(p, "mode." + q.code()), "survey.mode.invalid");
      choices.add(
          new SurveyPlan.Choice(
              q.code(),
              mode == null ? defaultMode(q) : mode,
              FormValues.all(p, "codes." + q.code())));
    }
    return new SurveyPlan(
        FormValues.one(p, "title"),
        FormValues.one(p, "period"),
        FormValues.one(p, "areaQuestion"),
        mapping,
        FormValues.one(p, "includeIncomplete") != null,
        choices,
        new LinkedHashSet<>(FormValues.all(p, "text")));
  }

  static SurveyPlan.Mode defaultMode(SurveyStructure.Question q) {
    return q.kind() == SurveyStructure.Kind.ARRAY ? SurveyPlan.Mode.COMBINED : SurveyPlan.Mode.EACH;
  }

  /** The plan of a survey not yet looked at; the period is the current year. */
  static SurveyPlan defaults(SurveyStructure s, List<IndicatorFigures.AreaInfo> areas, int year) {
    String areaQuestion = guessAreaQuestion(s, areas);
    List<SurveyPlan.Choice> choices = new ArrayList<>();
    for (SurveyStructure.Question q : s.questions()) {
      if (q.code().equals(areaQuestion)) {
        continue;
      }
      switch (q.kind()) {
        case SINGLE, NUMBER, MULTIPLE ->
            choices.add(new SurveyPlan.Choice(q.code(), defaultMode(q), defaultCodes(q)));
        case ARRAY -> choices.add(new SurveyPlan.Choice(q.code(), defaultMode(q), defaultCodes(q)));
        default -> {}
      }
    }
    return new SurveyPlan(
        s.title(), String.valueOf(year), areaQuestion, Map.of(), false, choices, Set.of());
  }

  static List<String> defaultCodes(SurveyStructure.Question q) {
    return switch (q.kind()) {
      case ARRAY -> q.choices().stream().limit(2).map(SurveyStructure.Option::code).toList();
      case SINGLE -> q.choices().stream().map(SurveyStructure.Option::code).toList();
      case MULTIPLE -> q.subs().stream().map(SurveyStructure.Sub::code).toList();
      default -> List.of();
    };
  }

  /** The question whose answers name most areas; else the first list or short-text question. */
  static String guessAreaQuestion(SurveyStructure s, List<IndicatorFigures.AreaInfo> areas) {
    Map<String, UUID> byName = byName(areas);
    String best = null;
    int bestHits = 0;
    for (SurveyStructure.Question q : s.questions()) {
      int hits = 0;
      for (SurveyStructure.Option o : q.choices()) {
        if (byName.containsKey(SurveyAggregation.normal(o.text()))) {
          hits++;
        }
      }
      if (hits > bestHits) {
        best = q.code();
        bestHits = hits;
      }
    }
    if (best != null) {
      return best;
    }
    return s.questions().stream()
        .filter(
            q ->
                q.kind() == SurveyStructure.Kind.SINGLE
                    || q.type().equals("S")
                    || q.kind() == SurveyStructure.Kind.NUMBER)
        .map(SurveyStructure.Question::code)
        .findFirst()
        .orElse(null);
  }

  /** Areas by their normalised name and official key (an ambiguous name maps to none). */
  static Map<String, UUID> byName(List<IndicatorFigures.AreaInfo> areas) {
    Map<String, UUID> out = new HashMap<>();
    Set<String> ambiguous = new java.util.HashSet<>();
    for (IndicatorFigures.AreaInfo a : areas) {
      String name = SurveyAggregation.normal(a.name());
      if (out.containsKey(name) && !out.get(name).equals(a.id().value())) {
        ambiguous.add(name);
      }
      out.put(name, a.id().value());
      if (a.key() != null) {
        out.put(SurveyAggregation.normal(a.key()), a.id().value());
      }
    }
    ambiguous.forEach(out::remove);
    return out;
  }

  /**
   * The mapping of answers to areas, guessed by name or key for the answers without one, then
   * overruled by {@code explicit}.
   */
  static Map<String, UUID> withGuesses(
      Set<String> answers, Map<String, UUID> explicit, List<IndicatorFigures.AreaInfo> areas) {
    Map<String, UUID> byName = byName(areas);
    Map<String, UUID> out = new HashMap<>();
    for (String a : answers) {
      UUID guess = byName.get(a);
      if (guess != null) {
        out.put(a, guess);
      }
    }
    out.putAll(explicit);
    out.values().removeIf(NONE::equals);
    return out;
  }

  /**
   * A table of answers and areas, one per line: {@code 99734;Nordhausen} (PLZ and area name, key or
   * id; semicolon, tab or comma). A line naming no known area is refused with its number.
   */
  static Map<String, UUID> table(String text, List<IndicatorFigures.AreaInfo> areas) {
    Map<String, UUID> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Map<String, UUID> byName = byName(areas);
    Map<String, UUID> byId = new HashMap<>();
    areas.forEach(a -> byId.put(a.id().value().toString(), a.id().value()));
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("[;\t,]", 2);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new DomainException("survey.areaTable.line", i + 1, line);
      }
      String target = parts[1].strip();
      UUID area = byId.getOrDefault(target, byName.get(SurveyAggregation.normal(target)));
      if (area == null) {
        throw new DomainException("survey.areaTable.unknown", i + 1, target);
      }
      out.put(SurveyAggregation.normal(parts[0]), area);
    }
    return out;
  }

  /** The date until which the raw file is kept; blank: not kept. */
  static Surveys.Keep keep(String keepRaw, String until) {
    boolean keep = keepRaw != null && !keepRaw.isBlank() && !keepRaw.equals("false");
    if (!keep) {
      return new Surveys.Keep(false, null);
    }
    if (until == null || until.isBlank()) {
      return new Surveys.Keep(true, null);
    }
    try {
      return new Surveys.Keep(true, LocalDate.parse(until.strip()));
    } catch (DateTimeParseException e) {
      throw new DomainException("survey.keep.untilInvalid", until);
    }
  }
}
