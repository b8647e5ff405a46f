package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.FigurePublication;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey imports: the preview (figures as they will be shown, suppression applied), the commit in
 * one transaction (survey, figures, atlas indicators, free texts for review, the raw file only if
 * kept on purpose), the review of free texts, the raw file's deletion, and the tenant's minimum n.
 * Why this class is long: the commit writes four kinds of rows and their audit in one place, so
 * that nothing of an import is half written.
 */
@Service
public class Surveys {

  static final int DEFAULT_MIN_N = 5;
  static final int MAX_KEEP_DAYS = 3 * 366;

  /** A figure as it will be shown: the cells per area and the total, suppression applied. */
  public record Shown(
      SurveyAggregation.Series series,
      Map<UUID, Survey.Cell> cells,
      Integer totalN,
      BigDecimal totalValue,
      boolean totalSuppressed) {}

  public record Preview(
      SurveyStructure structure, SurveyAggregation.Result result, int minN, List<Shown> figures) {}

  /** Whether and until when the raw response file is kept. */
  public record Keep(boolean keep, LocalDate until) {}

  private final SurveyRepository surveys;
  private final FigurePublication atlas;
  private final IndicatorFigures figures;
  private final AuditLog audit;
  private final Clock clock;

  Surveys(
      SurveyRepository surveys,
      FigurePublication atlas,
      IndicatorFigures figures,
      AuditLog audit,
      Clock clock) {
    this.surveys = surveys;
    this.figures = figures;
    this.atlas = atlas;
    this.audit = audit;
    this.clock = clock;
  }

  int minN() {
    return surveys.minN(DEFAULT_MIN_N)[0];
  }

  int minNVersion() {
    return surveys.minN(DEFAULT_MIN_N)[1];
  }

  @Transactional
  void setMinN(int minN, int version) {
    if (minN < 2 || minN > 100) {
      throw new DomainException("survey.minN.range", minN);
    }
    int before = minN();
    if (!surveys.setMinN(minN, version)) {
      throw new ConcurrentEditException("Mindestfallzahl");
    }
    audit.record(
        "UPDATE",
        "SurveySetting",
        null,
        "Mindestfallzahl für Befragungen geändert",
        Map.of("minN", before),
        Map.of("minN", minN));
  }

  /** Reads and aggregates; nothing is written. */
  Preview preview(byte[] structure, byte[] responses, String fileName, SurveyPlan plan) {
    SurveyStructure s = LssReader.read(structure);
    ResponseTable table = ResponseTable.read(responses, fileName);
    if (plan.areaQuestion() == null || plan.areaQuestion().isBlank()) {
      throw new DomainException("survey.areaQuestion.required");
    }
    Map<String, UUID> mapping =
        SurveyForms.withGuesses(
            SurveyAggregation.areaAnswers(s, table, plan.areaQuestion()),
            plan.areaMapping(),
            figures.areas());
    SurveyPlan withAreas =
        new SurveyPlan(
            plan.title(),
            plan.period(),
            plan.areaQuestion(),
            mapping,
            plan.includeIncomplete(),
            plan.choices(),
            plan.textQuestions());
    SurveyAggregation.Result result = SurveyAggregation.run(s, table, withAreas);
    int minN = minN();
    List<Shown> shown = new ArrayList<>();
    for (SurveyAggregation.Series series : result.series()) {
      shown.add(shown(series, minN));
    }
    return new Preview(s, result, minN, shown);
  }

  static Shown shown(SurveyAggregation.Series series, int minN) {
    Map<UUID, Integer> n = new LinkedHashMap<>();
    series.areas().forEach((area, cell) -> n.put(area, cell.n));
    Suppression.Result hidden = Suppression.apply(n, series.unmapped().n, minN);
    Map<UUID, Survey.Cell> cells = new LinkedHashMap<>();
    series
        .areas()
        .forEach(
            (area, cell) -> {
              if (cell.n == 0) {
                return;
              }
              boolean suppressed = hidden.areas().contains(area);
              cells.put(
                  area,
                  new Survey.Cell(
                      area,
                      suppressed ? null : cell.n,
                      suppressed ? null : cell.value(series.measure()),
                      suppressed));
            });
    boolean total = hidden.total() || series.total().n == 0;
    return new Shown(
        series,
        cells,
        total ? null : series.total().n,
        total ? null : series.total().value(series.measure()),
        hidden.total());
  }

  /** Imports the survey in one transaction; returns its id. */
  @Transactional
  UUID commit(
      byte[] structure,
      byte[] responses,
      String fileName,
      SurveyPlan plan,
      Keep keep,
      boolean demo) {
    String title = plan.title() == null ? "" : plan.title().strip();
    if (title.isEmpty()) {
      throw new DomainException("survey.title.required");
    }
    if (title.length() > 300) {
      throw new DomainException("survey.title.tooLong", 300);
    }
    String period = plan.period() == null ? "" : plan.period().strip();
    if (!period.matches("\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?")) {
      throw new DomainException("survey.period.invalid", period);
    }
    LocalDate today = LocalCalendar.today(clock);
    if (keep.keep()) {
      if (keep.until() == null) {
        throw new DomainException("survey.keep.untilRequired");
      }
      if (!keep.until().isAfter(today) || keep.until().isAfter(today.plusDays(MAX_KEEP_DAYS))) {
        throw new DomainException("survey.keep.untilRange", keep.until());
      }
    }
    Preview p = preview(structure, responses, fileName, plan);
    if (p.figures().isEmpty() && p.result().texts().isEmpty()) {
      throw new DomainException("survey.nothingChosen");
    }
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    String author = CurrentUser.get().map(u -> u.actorName()).orElse("System");
    Survey survey =
        new Survey(
            id,
            title,
            period,
            cut(fileName, 300),
            p.structure().question(plan.areaQuestion()).orElseThrow().code(),
            p.result().rows(),
            p.result().used(),
            p.result().unmapped(),
            p.minN(),
            keep.keep() ? cut(fileName, 300) : null,
            keep.keep() ? keep.until() : null,
            author,
            demo,
            0,
            now);
    surveys.insert(survey, keep.keep() ? responses : null);
    String prefix = "befragung_" + id.toString().substring(0, 8) + "_";
    int position = 0;
    for (Shown s : p.figures()) {
      SurveyAggregation.Series series = s.series();
      List<FigurePublication.Figure> values = new ArrayList<>();
      s.cells()
          .forEach(
              (area, cell) ->
                  values.add(new FigurePublication.Figure(AreaId.of(area), cell.value())));
      IndicatorId indicator =
          values.isEmpty()
              ? null
              : atlas.publish(
                  indicator(prefix, title, period, p.minN(), series),
                  period,
                  values,
                  cut(fileName, 300));
      surveys.insertFigure(
          id,
          new Survey.Figure(
              UUID.randomUUID(),
              position++,
              series.question(),
              cut(series.questionText(), 2000),
              cut(series.label(), 500),
              series.measure(),
              indicator == null ? null : indicator.value(),
              s.totalN(),
              s.totalValue(),
              List.copyOf(s.cells().values())));
    }
    atlas.published();
    surveys.insertTexts(id, texts(p));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", title);
    after.put("period", period);
    after.put("file", fileName);
    after.put("responses", p.result().rows());
    after.put("used", p.result().used());
    after.put("unmapped", p.result().unmapped());
    after.put("minN", p.minN());
    after.put("figures", p.figures().size());
    after.put("texts", p.result().texts().size());
    after.put("rawKeptUntil", keep.keep() ? keep.until().toString() : "gelöscht");
    audit.record("CREATE", "Survey", id, "Befragung importiert: " + title, null, after);
    if (keep.keep()) {
      audit.record(
          "KEEP_RAW",
          "Survey",
          id,
          "Rohdaten der Befragung „" + title + "“ aufbewahrt bis " + keep.until(),
          null,
          Map.of("rawKeptUntil", keep.until().toString(), "file", fileName));
    }
    return id;
  }

  /**
   * The free texts to review; the area is kept only where the area's responses reach the minimum (a
   * text from an area of three respondents would point at one of them).
   */
  private static List<Survey.FreeText> texts(Preview p) {
    Map<UUID, Integer> perArea = new HashMap<>();
    for (SurveyAggregation.AreaValue v : p.result().areaValues()) {
      if (v.area() != null) {
        perArea.merge(v.area(), v.responses(), Integer::sum);
      }
    }
    List<Survey.FreeText> out = new ArrayList<>();
    int position = 0;
    for (SurveyAggregation.FreeText t : p.result().texts()) {
      UUID area =
          t.area() != null && perArea.getOrDefault(t.area(), 0) >= p.minN() ? t.area() : null;
      out.add(
          new Survey.FreeText(
              UUID.randomUUID(),
              null,
              position++,
              t.question(),
              cut(t.questionText(), 2000),
              area,
              t.text(),
              "PENDING"));
    }
    return out;
  }

  private static FigurePublication.Indicator indicator(
      String prefix, String title, String period, int minN, SurveyAggregation.Series s) {
    String code = (prefix + s.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
    code = code.length() > 60 ? code.substring(0, 60) : code;
    String question = cut(s.questionText(), 160);
    String definition =
        "Frage "
            + s.question()
            + " der Befragung „"
            + title
            + "“ ("
            + period
            + "): „"
            + s.questionText()
            + "“ – "
            + s.label()
            + ". Basis: Antwortende je Gebiet. Werte aus weniger als "
            + minN
            + " Antworten und Werte, aus denen solche zurückgerechnet werden könnten, sind"
            + " unterdrückt („.“).";
    return switch (s.measure()) {
      case SHARE ->
          new FigurePublication.Indicator(
              code,
              title + ": " + question + " – " + s.label(),
              s.question() + ": " + s.label(),
              definition,
              "%",
              1,
              "SHARE",
              cut("Befragung „" + title + "“ (" + period + "), eigene Auswertung", 300),
              null);
      case MEAN ->
          new FigurePublication.Indicator(
              code,
              title + ": " + question + " – Mittelwert",
              s.question() + ": Mittelwert",
              definition,
              null,
              1,
              "OTHER",
              cut("Befragung „" + title + "“ (" + period + "), eigene Auswertung", 300),
              null);
      case RESPONSES ->
          new FigurePublication.Indicator(
              code,
              title + ": " + question + " – Antworten (n)",
              s.question() + ": Antworten (n)",
              definition,
              "Antworten",
              0,
              "COUNT",
              cut("Befragung „" + title + "“ (" + period + "), eigene Auswertung", 300),
              minN);
    };
  }

  /** Releases a waiting free text (shown on the survey's page from now on). */
  @Transactional
  void release(UUID text) {
    Survey.FreeText t = surveys.text(text).orElseThrow(NotFoundException::new);
    String by = CurrentUser.get().map(u -> u.actorName()).orElse("System");
    if (!surveys.release(text, by, clock.instant())) {
      throw new ConcurrentEditException("Freitext");
    }
    audit.record(
        "RELEASE",
        "SurveyText",
        text,
        "Freitextantwort freigegeben (Frage " + t.questionCode() + ")",
        Map.of("status", "PENDING"),
        Map.of("status", "RELEASED"));
  }

  /** Deletes a waiting free text for good; the audit keeps no text. */
  @Transactional
  void reject(UUID text) {
    Survey.FreeText t = surveys.text(text).orElseThrow(NotFoundException::new);
    if (!surveys.reject(text)) {
      throw new ConcurrentEditException("Freitext");
    }
    audit.record(
        "DELETE",
        "SurveyText",
        text,
        "Freitextantwort verworfen und gelöscht (Frage " + t.questionCode() + ")",
        Map.of("status", "PENDING"),
        null);
  }

  /** The kept raw file; reading it is audited (it holds personal data). */
  @Transactional
  byte[] readRaw(UUID survey) {
    Survey s = surveys.find(survey).orElseThrow(NotFoundException::new);
    byte[] raw = surveys.rawFile(survey).orElseThrow(NotFoundException::new);
    audit.record(
        "READ_RAW",
        "Survey",
        survey,
        "Rohdaten der Befragung „" + s.title() + "“ heruntergeladen",
        null,
        null);
    return raw;
  }

  /** Deletes a kept raw file now. */
  @Transactional
  void deleteRaw(UUID survey) {
    Survey s = surveys.find(survey).orElseThrow(NotFoundException::new);
    if (!surveys.deleteRaw(survey)) {
      throw new DomainException("survey.raw.none");
    }
    audit.record(
        "DELETE_RAW",
        "Survey",
        survey,
        "Rohdaten der Befragung „" + s.title() + "“ gelöscht",
        Map.of("rawKeptUntil", String.valueOf(s.rawKeepUntil())),
        Map.of("rawKeptUntil", "gelöscht"));
  }

  /**
   * Deletes the raw files kept past their date in the current tenant (run whenever the tenant's
   * surveys are opened); returns how many.
   */
  @Transactional
  int deleteExpiredRaw() {
    int n = 0;
    for (Survey s : surveys.rawExpired(LocalCalendar.today(clock))) {
      if (surveys.deleteRaw(s.id())) {
        audit.record(
            "DELETE_RAW",
            "Survey",
            s.id(),
            "Rohdaten der Befragung „" + s.title() + "“ nach Ablauf gelöscht",
            Map.of("rawKeptUntil", String.valueOf(s.rawKeepUntil())),
            Map.of("rawKeptUntil", "gelöscht"));
        n++;
      }
    }
    return n;
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
