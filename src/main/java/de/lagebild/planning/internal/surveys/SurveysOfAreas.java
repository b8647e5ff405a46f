package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.AreaContext;
import de.lagebild.atlas.AreaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The survey results of an area for its profile (suppressed cells as "."), newest survey first. */
@Service
class SurveysOfAreas implements AreaContext {

  static final int MAX_ITEMS = 30;

  private final SurveyRepository surveys;
  private final MessageSource messages;

  SurveysOfAreas(SurveyRepository surveys, MessageSource messages) {
    this.surveys = surveys;
    this.messages = messages;
  }

  @Override
  public Section section(String tenant, AreaId area) {
    List<Item> items = new ArrayList<>();
    for (SurveyRepository.AreaFigure f : surveys.ofArea(area.value())) {
      if (f.figure().measure() == SurveyAggregation.Measure.RESPONSES
          || items.size() >= MAX_ITEMS) {
        continue;
      }
      String value =
          f.cell().suppressed()
              ? ". (" + label("survey.suppressed") + ")"
              : SurveyFormat.value(f.cell().value(), f.figure().measure())
                  + " (n = "
                  + f.cell().n()
                  + ")";
      items.add(
          new Item(
              f.figure().questionCode() + ": " + f.figure().label() + " – " + value,
              "/" + tenant + "/befragungen/" + f.survey().id(),
              f.survey().title()
                  + " ("
                  + f.survey().period()
                  + ") – "
                  + f.figure().questionText()));
    }
    return new Section(40, label("survey.area.title"), items, label("survey.area.none"));
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, Locale.GERMAN);
  }
}
