package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.identity.DemoTenantWork;
import de.lagebild.platform.LocalCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, after the atlas: an invented family survey of the state programme (marked as demo)
 * imported into Nordhausen through the same path as an upload – a LimeSurvey structure file and a
 * response export in Windows-1252 with full answers ({@code demo/surveys/README.md}). Its answers
 * name the Kreise; two small Kreise stay below the minimum n and show as suppressed, and its free
 * texts wait for review.
 */
@Component
@Order(48)
class DemoSurveys implements ApplicationRunner {

  static final String STRUCTURE = "demo/surveys/familienbefragung-demo.lss";
  static final String RESPONSES = "demo/surveys/familienbefragung-demo-antworten.csv";

  private final Surveys surveys;
  private final SurveyRepository repository;
  private final IndicatorFigures figures;
  private final DemoTenantWork demo;
  private final Clock clock;

  DemoSurveys(
      Surveys surveys,
      SurveyRepository repository,
      IndicatorFigures figures,
      DemoTenantWork demo,
      Clock clock) {
    this.surveys = surveys;
    this.repository = repository;
    this.figures = figures;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    demo.inTenant("nordhausen", repository::anyDemo, this::load);
  }

  void load() {
    List<IndicatorFigures.AreaInfo> areas = figures.areas();
    if (areas.isEmpty()) {
      return;
    }
    byte[] structure = read(STRUCTURE);
    byte[] responses = read(RESPONSES);
    SurveyStructure s = LssReader.read(structure);
    int year =
        ResponseTable.read(responses, RESPONSES)
            .submitYear(LocalCalendar.today(clock).getYear() - 1);
    SurveyPlan defaults = SurveyForms.defaults(s, areas, year);
    SurveyPlan plan =
        new SurveyPlan(
            "Familienbefragung im Landesprogramm " + year + " (Demo, erfunden)",
            String.valueOf(year),
            defaults.areaQuestion(),
            defaults.areaMapping(),
            false,
            List.of(
                new SurveyPlan.Choice("Q1", SurveyPlan.Mode.COMBINED, List.of("A1", "A2")),
                new SurveyPlan.Choice("Q2", SurveyPlan.Mode.EACH, List.of()),
                new SurveyPlan.Choice("Q3", SurveyPlan.Mode.EACH, List.of()),
                new SurveyPlan.Choice("Q4", SurveyPlan.Mode.COMBINED, List.of("A3"))),
            Set.of("Q5"));
    surveys.commit(
        structure,
        responses,
        "familienbefragung-demo-antworten.csv",
        plan,
        new Surveys.Keep(false, null),
        true);
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoSurveys.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demo-Befragung fehlt: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
