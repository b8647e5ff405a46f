package de.lagebild.planning.internal.surveys;

import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Surveys, their figures and cells, free texts and the tenant's minimum n (V21__surveys.sql).
 *
 * <p>Why this class is long: five tables of one import (setting, survey, figure, cell, text) are
 * read and written together, with the raw file kept apart so that it is only read on purpose.
 */
@Repository
class SurveyRepository {

  static final TenantTable SET = TenantTable.named("survey_setting");
  static final Field<Integer> SET_MIN_N = SET.field("min_n", Types.INT);
  static final Field<Integer> SET_VERSION = SET.field("version", Types.INT);

  static final TenantTable S = TenantTable.named("survey");
  static final Field<UUID> ID = S.id("id");
  static final Field<String> TITLE = S.text("title");
  static final Field<String> PERIOD = S.text("period");
  static final Field<String> FILE_NAME = S.text("file_name");
  static final Field<String> AREA_QUESTION = S.text("area_question");
  static final Field<Integer> RESPONSES = S.field("responses", Types.INT);
  static final Field<Integer> USED = S.field("used", Types.INT);
  static final Field<Integer> UNMAPPED = S.field("unmapped", Types.INT);
  static final Field<Integer> MIN_N = S.field("min_n", Types.INT);
  static final Field<byte[]> RAW_FILE = S.field("raw_file", Types.BYTES);
  static final Field<String> RAW_FILE_NAME = S.text("raw_file_name");
  static final Field<LocalDate> RAW_KEEP_UNTIL = S.field("raw_keep_until", Types.DATE);
  static final Field<String> AUTHOR_NAME = S.text("author_name");
  static final Field<Boolean> DEMO = S.field("demo", Types.BOOL);
  static final Field<Integer> VERSION = S.field("version", Types.INT);
  static final Field<Instant> CREATED_AT = S.instant("created_at");

  static final TenantTable F = TenantTable.named("survey_figure");
  static final Field<UUID> F_ID = F.id("id");
  static final Field<UUID> F_SURVEY = F.id("survey_id");
  static final Field<Integer> F_POSITION = F.field("position", Types.INT);
  static final Field<String> F_CODE = F.text("question_code");
  static final Field<String> F_TEXT = F.text("question_text");
  static final Field<String> F_LABEL = F.text("label");
  static final Field<String> F_MEASURE = F.text("measure");
  static final Field<UUID> F_INDICATOR = F.id("indicator_id");
  static final Field<Integer> F_TOTAL_N = F.field("total_n", Types.INT);
  static final Field<BigDecimal> F_TOTAL_VALUE = F.field("total_value", SQLDataType.NUMERIC(20, 6));

  static final TenantTable C = TenantTable.named("survey_cell");
  static final Field<UUID> C_FIGURE = C.id("figure_id");
  static final Field<UUID> C_AREA = C.id("area_id");
  static final Field<Integer> C_N = C.field("n", Types.INT);
  static final Field<BigDecimal> C_VALUE = C.field("value", SQLDataType.NUMERIC(20, 6));
  static final Field<Boolean> C_SUPPRESSED = C.field("suppressed", Types.BOOL);

  static final TenantTable X = TenantTable.named("survey_text");
  static final Field<UUID> X_ID = X.id("id");
  static final Field<UUID> X_SURVEY = X.id("survey_id");
  static final Field<Integer> X_POSITION = X.field("position", Types.INT);
  static final Field<String> X_CODE = X.text("question_code");
  static final Field<String> X_QUESTION = X.text("question_text");
  static final Field<UUID> X_AREA = X.id("area_id");
  static final Field<String> X_TEXT = X.text("text");
  static final Field<String> X_STATUS = X.text("status");
  static final Field<String> X_REVIEWED_BY = X.text("reviewed_by");
  static final Field<Instant> X_REVIEWED_AT = X.instant("reviewed_at");

  private final TenantScope scope;

  SurveyRepository(TenantScope scope) {
    this.scope = scope;
  }

  /** Whether the tenant holds a demo survey already. */
  boolean anyDemo() {
    return scope.dsl().fetchExists(scope.table(S), DEMO.isTrue());
  }

  /** The tenant's minimum n and the version of the setting (0 while none is stored). */
  int[] minN(int fallback) {
    var r = scope.dsl().select(SET_MIN_N, SET_VERSION).from(scope.table(SET)).fetchOptional();
    return r.map(x -> new int[] {x.value1(), x.value2()}).orElse(new int[] {fallback, 0});
  }

  /** Stores the minimum n if the setting is still at {@code version}; false if it was not. */
  boolean setMinN(int minN, int version) {
    boolean exists = scope.dsl().fetchExists(scope.table(SET));
    if (!exists) {
      if (version != 0) {
        return false;
      }
      scope.insertInto(SET).set(SET_MIN_N, minN).set(SET_VERSION, 1).execute();
      return true;
    }
    return scope
            .update(SET)
            .set(SET_MIN_N, minN)
            .set(SET_VERSION, version + 1)
            .where(SET_VERSION.eq(version))
            .execute()
        == 1;
  }

  List<Survey> all() {
    return load(DSL.trueCondition());
  }

  Optional<Survey> find(UUID id) {
    return load(ID.eq(id)).stream().findFirst();
  }

  private List<Survey> load(Condition c) {
    return scope
        .dsl()
        .select(
            ID,
            TITLE,
            PERIOD,
            FILE_NAME,
            AREA_QUESTION,
            RESPONSES,
            USED,
            UNMAPPED,
            MIN_N,
            RAW_FILE_NAME,
            RAW_KEEP_UNTIL,
            AUTHOR_NAME,
            DEMO,
            VERSION,
            CREATED_AT)
        .from(scope.table(S))
        .where(c)
        .orderBy(CREATED_AT.desc())
        .fetch(
            r ->
                new Survey(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9(),
                    r.value10(),
                    r.value11(),
                    r.value12(),
                    Boolean.TRUE.equals(r.value13()),
                    r.value14(),
                    r.value15()));
  }

  void insert(Survey s, byte[] raw) {
    scope
        .insertInto(S)
        .set(ID, s.id())
        .set(TITLE, s.title())
        .set(PERIOD, s.period())
        .set(FILE_NAME, s.fileName())
        .set(AREA_QUESTION, s.areaQuestion())
        .set(RESPONSES, s.responses())
        .set(USED, s.used())
        .set(UNMAPPED, s.unmapped())
        .set(MIN_N, s.minN())
        .set(RAW_FILE, raw)
        .set(RAW_FILE_NAME, s.rawFileName())
        .set(RAW_KEEP_UNTIL, s.rawKeepUntil())
        .set(AUTHOR_NAME, s.authorName())
        .set(DEMO, s.demo())
        .set(VERSION, 0)
        .set(CREATED_AT, s.createdAt())
        .execute();
  }

  void insertFigure(UUID survey, Survey.Figure f) {
    scope
        .insertInto(F)
        .set(F_ID, f.id())
        .set(F_SURVEY, survey)
        .set(F_POSITION, f.position())
        .set(F_CODE, f.questionCode())
        .set(F_TEXT, f.questionText())
        .set(F_LABEL, f.label())
        .set(F_MEASURE, f.measure().name())
        .set(F_INDICATOR, f.indicatorId())
        .set(F_TOTAL_N, f.totalN())
        .set(F_TOTAL_VALUE, f.totalValue())
        .execute();
    List<Object[]> rows = new ArrayList<>();
    for (Survey.Cell c : f.cells()) {
      rows.add(new Object[] {f.id(), c.areaId(), c.n(), c.value(), c.suppressed()});
    }
    scope.batchInsert(C, List.of(C_FIGURE, C_AREA, C_N, C_VALUE, C_SUPPRESSED), rows);
  }

  List<Survey.Figure> figures(UUID survey) {
    return figuresWhere(F_SURVEY.eq(survey));
  }

  private List<Survey.Figure> figuresWhere(Condition c) {
    var rows =
        scope
            .dsl()
            .select(
                F_ID,
                F_POSITION,
                F_CODE,
                F_TEXT,
                F_LABEL,
                F_MEASURE,
                F_INDICATOR,
                F_TOTAL_N,
                F_TOTAL_VALUE)
            .from(scope.table(F))
            .where(c)
            .orderBy(F_POSITION)
            .fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Survey.Cell>> cells = new HashMap<>();
    scope
        .dsl()
        .select(C_FIGURE, C_AREA, C_N, C_VALUE, C_SUPPRESSED)
        .from(scope.table(C))
        .where(C_FIGURE.in(rows.map(r -> r.value1())))
        .forEach(
            r ->
                cells
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(
                        new Survey.Cell(
                            r.value2(), r.value3(), r.value4(), Boolean.TRUE.equals(r.value5()))));
    return rows.map(
        r ->
            new Survey.Figure(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                SurveyAggregation.Measure.valueOf(r.value6()),
                r.value7(),
                r.value8(),
                r.value9(),
                List.copyOf(cells.getOrDefault(r.value1(), List.of()))));
  }

  /** The cells of all surveys in an area, with their figure and survey (for the profile). */
  record AreaFigure(Survey survey, Survey.Figure figure, Survey.Cell cell) {}

  List<AreaFigure> ofArea(UUID area) {
    Map<UUID, Survey> surveys = new HashMap<>();
    all().forEach(s -> surveys.put(s.id(), s));
    List<AreaFigure> out = new ArrayList<>();
    var figureIds =
        scope
            .dsl()
            .select(C_FIGURE)
            .from(scope.table(C))
            .where(C_AREA.eq(area))
            .fetch(r -> r.value1());
    if (figureIds.isEmpty()) {
      return out;
    }
    Map<UUID, UUID> surveyOf = new HashMap<>();
    scope
        .dsl()
        .select(F_ID, F_SURVEY)
        .from(scope.table(F))
        .where(F_ID.in(figureIds))
        .forEach(r -> surveyOf.put(r.value1(), r.value2()));
    for (Survey.Figure f : figuresWhere(F_ID.in(figureIds))) {
      for (Survey.Cell c : f.cells()) {
        if (area.equals(c.areaId())) {
          out.add(new AreaFigure(surveys.get(surveyOf.get(f.id())), f, c));
        }
      }
    }
    out.sort(
        java.util.Comparator.comparing((AreaFigure a) -> a.survey().createdAt())
            .reversed()
            .thenComparing(a -> a.figure().position()));
    return out;
  }

  void insertTexts(UUID survey, List<Survey.FreeText> texts) {
    List<Object[]> rows = new ArrayList<>();
    for (Survey.FreeText t : texts) {
      rows.add(
          new Object[] {
            t.id(),
            survey,
            t.position(),
            t.questionCode(),
            t.questionText(),
            t.areaId(),
            t.text(),
            t.status()
          });
    }
    scope.batchInsert(
        X, List.of(X_ID, X_SURVEY, X_POSITION, X_CODE, X_QUESTION, X_AREA, X_TEXT, X_STATUS), rows);
  }

  List<Survey.FreeText> texts(UUID survey, String status) {
    return scope
        .dsl()
        .select(X_ID, X_SURVEY, X_POSITION, X_CODE, X_QUESTION, X_AREA, X_TEXT, X_STATUS)
        .from(scope.table(X))
        .where(X_SURVEY.eq(survey).and(X_STATUS.eq(status)))
        .orderBy(X_POSITION)
        .fetch(
            r ->
                new Survey.FreeText(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8()));
  }

  int pendingTexts(UUID survey) {
    return scope.dsl().fetchCount(scope.table(X), X_SURVEY.eq(survey).and(X_STATUS.eq("PENDING")));
  }

  Optional<Survey.FreeText> text(UUID id) {
    return scope
        .dsl()
        .select(X_ID, X_SURVEY, X_POSITION, X_CODE, X_QUESTION, X_AREA, X_TEXT, X_STATUS)
        .from(scope.table(X))
        .where(X_ID.eq(id))
        .fetchOptional(
            r ->
                new Survey.FreeText(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8()));
  }

  /** Releases a waiting text; false when it is no longer waiting. */
  boolean release(UUID id, String by, Instant at) {
    return scope
            .update(X)
            .set(X_STATUS, "RELEASED")
            .set(X_REVIEWED_BY, by)
            .set(X_REVIEWED_AT, at)
            .where(X_ID.eq(id).and(X_STATUS.eq("PENDING")))
            .execute()
        == 1;
  }

  /** Deletes a waiting text (rejected); false when it is no longer waiting. */
  boolean reject(UUID id) {
    return scope.deleteFrom(X).where(X_ID.eq(id).and(X_STATUS.eq("PENDING"))).execute() == 1;
  }

  Optional<byte[]> rawFile(UUID survey) {
    return scope
        .dsl()
        .select(RAW_FILE)
        .from(scope.table(S))
        .where(ID.eq(survey).and(RAW_FILE.isNotNull()))
        .fetchOptional(r -> r.value1());
  }

  /** Deletes a kept raw file; false when there was none. */
  boolean deleteRaw(UUID survey) {
    return scope
            .update(S)
            .setNull(RAW_FILE)
            .setNull(RAW_FILE_NAME)
            .setNull(RAW_KEEP_UNTIL)
            .where(ID.eq(survey).and(RAW_FILE_NAME.isNotNull()))
            .execute()
        == 1;
  }

  /** The surveys of the tenant whose raw file is kept past {@code day}. */
  List<Survey> rawExpired(LocalDate day) {
    return load(RAW_FILE_NAME.isNotNull().and(RAW_KEEP_UNTIL.lt(day)));
  }
}
