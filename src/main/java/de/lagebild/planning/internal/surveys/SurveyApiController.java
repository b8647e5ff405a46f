package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/{tenant}/survey-imports}: a LimeSurvey survey (structure and responses) read,
 * aggregated per area and – unless {@code dryRun} – imported; {@code GET /api/v1/{tenant}/surveys}
 * and {@code …/surveys/{id}}: the imported surveys with their figures, suppressed cells without
 * numbers, and the released free texts.
 */
@RestController
class SurveyApiController {

  record CellOut(UUID areaId, String area, Integer n, BigDecimal value, boolean suppressed) {}

  record FigureOut(
      String question,
      String questionText,
      String label,
      String measure,
      UUID indicatorId,
      Integer totalN,
      BigDecimal totalValue,
      List<CellOut> cells) {}

  record AreaValueOut(String answer, int responses, UUID areaId, String area) {}

  record ProblemOut(int line, String field, String message) {}

  record ImportOut(
      boolean dryRun,
      UUID surveyId,
      String charset,
      int rows,
      int used,
      int incomplete,
      int unmapped,
      int minN,
      List<AreaValueOut> areaValues,
      List<FigureOut> figures,
      int freeTexts,
      List<ProblemOut> problems,
      int problemCount) {}

  record TextOut(String question, String questionText, UUID areaId, String text) {}

  record SurveyOut(
      UUID id,
      String title,
      String period,
      String fileName,
      int responses,
      int used,
      int unmapped,
      int minN,
      LocalDate rawKeptUntil,
      int pendingTexts,
      List<FigureOut> figures,
      List<TextOut> texts) {}

  private final Surveys surveys;
  private final SurveyRepository repository;
  private final IndicatorFigures figures;
  private final Clock clock;

  SurveyApiController(
      Surveys surveys, SurveyRepository repository, IndicatorFigures figures, Clock clock) {
    this.surveys = surveys;
    this.repository = repository;
    this.figures = figures;
    this.clock = clock;
  }

  /**
   * {@code question}: repeated, {@code CODE}, {@code CODE:EACH:A1,A2} or {@code
   * CODE:COMBINED:A1,A2}; without any, the defaults (every list, array, multiple-choice and number
   * question). {@code areaMapping}: lines {@code answer;area} (area by name, key or id). No {@code
   * consumes}: the tenant and role are checked before the body is looked at, so a request to
   * another tenant is refused whatever it sends.
   */
  @PostMapping(
      path = "/api/v1/{tenant}/survey-imports",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<ImportOut> importSurvey(
      @PathVariable("tenant") String tenant,
      @RequestParam("structure") MultipartFile structure,
      @RequestParam("responses") MultipartFile responses,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "areaQuestion", required = false) String areaQuestion,
      @RequestParam(name = "areaMapping", required = false) String areaMapping,
      @RequestParam(name = "question", required = false) List<String> questions,
      @RequestParam(name = "textQuestion", required = false) List<String> textQuestions,
      @RequestParam(name = "includeIncomplete", defaultValue = "false") boolean includeIncomplete,
      @RequestParam(name = "keepRawUntil", required = false) String keepRawUntil,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun)
      throws IOException {
    byte[] lss = structure.getBytes();
    byte[] answers = responses.getBytes();
    SurveyStructure s = LssReader.read(lss);
    List<IndicatorFigures.AreaInfo> areas = figures.areas();
    int thisYear = LocalCalendar.today(clock).getYear();
    int year;
    try {
      year = ResponseTable.read(answers, responses.getOriginalFilename()).submitYear(thisYear);
    } catch (DomainException e) {
      year = thisYear;
    }
    SurveyPlan defaults = SurveyForms.defaults(s, areas, year);
    List<SurveyPlan.Choice> choices =
        questions == null || questions.isEmpty() ? defaults.choices() : choices(s, questions);
    SurveyPlan plan =
        new SurveyPlan(
            title == null ? defaults.title() : title,
            period == null ? defaults.period() : period,
            areaQuestion == null ? defaults.areaQuestion() : areaQuestion,
            SurveyForms.table(areaMapping, areas),
            includeIncomplete,
            choices,
            textQuestions == null ? java.util.Set.of() : new LinkedHashSet<>(textQuestions));
    Surveys.Preview p = surveys.preview(lss, answers, responses.getOriginalFilename(), plan);
    UUID id = null;
    if (!dryRun) {
      id =
          surveys.commit(
              lss,
              answers,
              responses.getOriginalFilename(),
              plan,
              SurveyForms.keep(keepRawUntil == null ? null : "true", keepRawUntil),
              false);
    }
    Map<UUID, String> names = names();
    List<FigureOut> out = new ArrayList<>();
    for (Surveys.Shown f : p.figures()) {
      out.add(
          new FigureOut(
              f.series().question(),
              f.series().questionText(),
              f.series().label(),
              f.series().measure().name(),
              null,
              f.totalN(),
              f.totalValue(),
              cells(f.cells().values(), names)));
    }
    ImportOut body =
        new ImportOut(
            dryRun,
            id,
            p.result().charset(),
            p.result().rows(),
            p.result().used(),
            p.result().incomplete(),
            p.result().unmapped(),
            p.minN(),
            p.result().areaValues().stream()
                .map(v -> new AreaValueOut(v.value(), v.responses(), v.area(), names.get(v.area())))
                .toList(),
            out,
            p.result().texts().size(),
            p.result().problems().stream()
                .map(x -> new ProblemOut(x.line(), x.field(), x.message()))
                .toList(),
            p.result().problemCount());
    return dryRun
        ? ResponseEntity.ok(body)
        : ResponseEntity.created(java.net.URI.create("/api/v1/" + tenant + "/surveys/" + id))
            .body(body);
  }

  static List<SurveyPlan.Choice> choices(SurveyStructure s, List<String> questions) {
    List<SurveyPlan.Choice> out = new ArrayList<>();
    for (String spec : questions) {
      String[] parts = spec.strip().split(":", 3);
      SurveyStructure.Question q =
          s.question(parts[0])
              .orElseThrow(() -> new DomainException("survey.question.unknown", parts[0]));
      SurveyPlan.Mode mode = SurveyForms.defaultMode(q);
      List<String> codes = SurveyForms.defaultCodes(q);
      if (parts.length >= 2) {
        try {
          mode = SurveyPlan.Mode.valueOf(parts[1].strip());
        } catch (IllegalArgumentException e) {
          throw new DomainException("survey.mode.invalid", parts[1]);
        }
      }
      if (parts.length == 3) {
        codes = List.of(parts[2].strip().split("\\s*,\\s*"));
      }
      out.add(new SurveyPlan.Choice(q.code(), mode, codes));
    }
    return out;
  }

  @GetMapping("/api/v1/{tenant}/surveys")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  List<SurveyOut> list(@PathVariable("tenant") String tenant) {
    Map<UUID, String> names = names();
    return repository.all().stream().map(s -> out(s, names)).toList();
  }

  @GetMapping("/api/v1/{tenant}/surveys/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  SurveyOut one(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    return out(repository.find(id).orElseThrow(NotFoundException::new), names());
  }

  private SurveyOut out(Survey s, Map<UUID, String> names) {
    List<FigureOut> fs =
        repository.figures(s.id()).stream()
            .map(
                f ->
                    new FigureOut(
                        f.questionCode(),
                        f.questionText(),
                        f.label(),
                        f.measure().name(),
                        f.indicatorId(),
                        f.totalN(),
                        f.totalValue(),
                        cells(f.cells(), names)))
            .toList();
    List<TextOut> texts =
        repository.texts(s.id(), "RELEASED").stream()
            .map(t -> new TextOut(t.questionCode(), t.questionText(), t.areaId(), t.text()))
            .toList();
    return new SurveyOut(
        s.id(),
        s.title(),
        s.period(),
        s.fileName(),
        s.responses(),
        s.used(),
        s.unmapped(),
        s.minN(),
        s.rawKeepUntil(),
        repository.pendingTexts(s.id()),
        fs,
        texts);
  }

  private static List<CellOut> cells(
      java.util.Collection<Survey.Cell> cells, Map<UUID, String> names) {
    return cells.stream()
        .map(c -> new CellOut(c.areaId(), names.get(c.areaId()), c.n(), c.value(), c.suppressed()))
        .sorted(java.util.Comparator.comparing(c -> String.valueOf(c.area())))
        .toList();
  }

  private Map<UUID, String> names() {
    Map<UUID, String> names = new HashMap<>();
    figures.areas().forEach(a -> names.put(a.id().value(), a.name()));
    return names;
  }
}
