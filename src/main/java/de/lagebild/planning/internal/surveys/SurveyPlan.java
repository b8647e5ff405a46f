package de.lagebild.planning.internal.surveys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a coordinator decides in the preview of a survey import: title and period, the question that
 * names the area and how its answers map to areas, which questions become figures and how, which
 * free-text questions go to the review, and whether incomplete responses count.
 *
 * @param areaMapping answers of the area question (as {@link SurveyAggregation#normal} reads them)
 *     to the area's id
 * @param choices the questions to aggregate; an empty list aggregates none
 */
public record SurveyPlan(
    String title,
    String period,
    String areaQuestion,
    Map<String, UUID> areaMapping,
    boolean includeIncomplete,
    List<Choice> choices,
    Set<String> textQuestions) {

  /** {@code EACH}: one share per chosen option; {@code COMBINED}: one share of all chosen. */
  public enum Mode {
    EACH,
    COMBINED
  }

  /**
   * One question to aggregate: for lists and arrays the chosen answer codes, for multiple choice
   * the chosen subquestion codes (empty: all), nothing for numbers.
   */
  public record Choice(String question, Mode mode, List<String> codes) {}
}
