package de.lagebild.strategy.internal;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the strategy module's tables (V2__strategy.sql). */
final class StrategyTables {

  static final class Strategy {
    static final TenantTable T = TenantTable.named("strategy");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> TITLE = T.text("title");
    static final Field<String> KIND = T.text("kind");
    static final Field<LocalDate> VALID_FROM = T.field("valid_from", Types.DATE);
    static final Field<LocalDate> VALID_TO = T.field("valid_to", Types.DATE);
    static final Field<String> DECISION_REF = T.text("decision_ref");
    static final Field<String> STATUS = T.text("status");
    static final Field<String> LEVEL_NAMES = T.text("level_names");
    static final Field<String> VISIBILITY = T.text("visibility");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, TITLE, KIND, VALID_FROM, VALID_TO, DECISION_REF, STATUS, LEVEL_NAMES, VISIBILITY, DESCRIPTION, VERSION, CREATED_AT};
  }

  static final class Goal {
    static final TenantTable T = TenantTable.named("goal");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<UUID> PARENT_ID = T.id("parent_id");
    static final Field<Integer> LEVEL = T.field("level", Types.INT);
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<String> CODE = T.text("code");
    static final Field<String> TITLE = T.text("title");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<String> SUCCESS_CRITERION = T.text("success_criterion");
    static final Field<String> GOAL_SOURCE = T.text("goal_source");
    static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, STRATEGY_ID, PARENT_ID, LEVEL, POSITION, CODE, TITLE, DESCRIPTION, SUCCESS_CRITERION, GOAL_SOURCE, LIFE_SITUATIONS, VERSION, CREATED_AT};
  }

  static final class Measure {
    static final TenantTable T = TenantTable.named("measure");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<UUID> GOAL_ID = T.id("goal_id");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<String> CODE = T.text("code");
    static final Field<String> TITLE = T.text("title");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<String> RESPONSIBLE_TEXT = T.text("responsible_text");
    static final Field<String> PARTNERS = T.text("partners");
    static final Field<String> SUCCESS_CRITERIA = T.text("success_criteria");
    static final Field<String> TARGET_GROUPS = T.text("target_groups");
    static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    static final Field<String> PREVENTION_LEVEL = T.text("prevention_level");
    static final Field<String> COSTS_TEXT = T.text("costs_text");
    static final Field<BigDecimal> COST_AMOUNT = T.field("cost_amount", SQLDataType.NUMERIC(14, 2));
    static final Field<String> FUNDING_SOURCE = T.text("funding_source");
    static final Field<String> START_TEXT = T.text("start_text");
    static final Field<LocalDate> START_EARLIEST = T.field("start_earliest", Types.DATE);
    static final Field<LocalDate> START_LATEST = T.field("start_latest", Types.DATE);
    static final Field<String> START_PRECISION = T.text("start_precision");
    static final Field<String> END_TEXT = T.text("end_text");
    static final Field<LocalDate> END_EARLIEST = T.field("end_earliest", Types.DATE);
    static final Field<LocalDate> END_LATEST = T.field("end_latest", Types.DATE);
    static final Field<String> END_PRECISION = T.text("end_precision");
    static final Field<String> COMMUNICATION = T.text("communication");
    static final Field<Integer> WEIGHT = T.field("weight", Types.INT);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, STRATEGY_ID, GOAL_ID, POSITION, CODE, TITLE, DESCRIPTION, RESPONSIBLE_TEXT, PARTNERS, SUCCESS_CRITERIA, TARGET_GROUPS, LIFE_SITUATIONS, PREVENTION_LEVEL, COSTS_TEXT, COST_AMOUNT, FUNDING_SOURCE, START_TEXT, START_EARLIEST, START_LATEST, START_PRECISION, END_TEXT, END_EARLIEST, END_LATEST, END_PRECISION, COMMUNICATION, WEIGHT, VERSION, CREATED_AT};
  }

  static final class MeasureUnit {
    static final TenantTable T = TenantTable.named("measure_unit");
    static final Field<UUID> MEASURE_ID = T.id("measure_id");
    static final Field<UUID> UNIT_ID = T.id("unit_id");
    static final Field<?>[] ALL = {MEASURE_ID, UNIT_ID};
  }

  static final class Milestone {
    static final TenantTable T = TenantTable.named("milestone");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> MEASURE_ID = T.id("measure_id");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<String> TITLE = T.text("title");
    static final Field<String> DUE_TEXT = T.text("due_text");
    static final Field<LocalDate> DUE_EARLIEST = T.field("due_earliest", Types.DATE);
    static final Field<LocalDate> DUE_LATEST = T.field("due_latest", Types.DATE);
    static final Field<String> DUE_PRECISION = T.text("due_precision");
    static final Field<UUID> UNIT_ID = T.id("unit_id");
    static final Field<LocalDate> DONE_ON = T.field("done_on", Types.DATE);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, MEASURE_ID, POSITION, TITLE, DUE_TEXT, DUE_EARLIEST, DUE_LATEST, DUE_PRECISION, UNIT_ID, DONE_ON, VERSION, CREATED_AT};
  }

  static final class StatusOption {
    static final TenantTable T = TenantTable.named("status_option");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> CODE = T.text("code");
    static final Field<String> LABEL = T.text("label");
    static final Field<Integer> DEFAULT_PROGRESS = T.field("default_progress", Types.INT);
    static final Field<String> COLOUR = T.text("colour");
    static final Field<String> SYMBOL = T.text("symbol");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<Boolean> ACTIVE = T.field("active", Types.BOOL);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<?>[] ALL = {ID, CODE, LABEL, DEFAULT_PROGRESS, COLOUR, SYMBOL, POSITION, ACTIVE, VERSION};
  }

  static final class Round {
    static final TenantTable T = TenantTable.named("reporting_round");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<String> NAME = T.text("name");
    static final Field<LocalDate> PERIOD_START = T.field("period_start", Types.DATE);
    static final Field<LocalDate> PERIOD_END = T.field("period_end", Types.DATE);
    static final Field<LocalDate> DEADLINE = T.field("deadline", Types.DATE);
    static final Field<String> STATE = T.text("state");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<Instant> PUBLISHED_AT = T.instant("published_at");
    static final Field<?>[] ALL = {ID, STRATEGY_ID, NAME, PERIOD_START, PERIOD_END, DEADLINE, STATE, VERSION, CREATED_AT,
        PUBLISHED_AT};
  }

  static final class Assessment {
    static final TenantTable T = TenantTable.named("assessment");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> ROUND_ID = T.id("round_id");
    static final Field<UUID> MEASURE_ID = T.id("measure_id");
    static final Field<Integer> VERSION_NO = T.field("version_no", Types.INT);
    static final Field<String> STATUS_CODE = T.text("status_code");
    static final Field<Integer> PROGRESS = T.field("progress", Types.INT);
    static final Field<String> NARRATIVE = T.text("narrative");
    static final Field<String> EVIDENCE = T.text("evidence");
    static final Field<UUID> AUTHOR_ID = T.id("author_id");
    static final Field<String> AUTHOR_NAME = T.text("author_name");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, ROUND_ID, MEASURE_ID, VERSION_NO, STATUS_CODE, PROGRESS, NARRATIVE, EVIDENCE, AUTHOR_ID, AUTHOR_NAME, CREATED_AT};
  }

  static final class Review {
    static final TenantTable T = TenantTable.named("assessment_review");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> ASSESSMENT_ID = T.id("assessment_id");
    static final Field<String> DECISION = T.text("decision");
    static final Field<String> COMMENT = T.text("comment");
    static final Field<UUID> REVIEWER_ID = T.id("reviewer_id");
    static final Field<String> REVIEWER_NAME = T.text("reviewer_name");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, ASSESSMENT_ID, DECISION, COMMENT, REVIEWER_ID, REVIEWER_NAME, CREATED_AT};
  }

  private StrategyTables() {}

  static final class ExtraField {
    static final TenantTable T = TenantTable.named("node_extra_field");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<UUID> NODE_ID = T.id("node_id");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<String> LABEL = T.text("label");
    static final Field<String> VALUE = T.text("value");
  }

  static final class ImportJob {
    static final TenantTable T = TenantTable.named("import_job");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> USER_ID = T.id("user_id");
    static final Field<String> FILE_NAME = T.text("file_name");
    static final Field<String> FORMAT = T.text("format");
    static final Field<String> STATE = T.text("state");
    static final Field<String> MESSAGE = T.text("message");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<String> SUMMARY = T.text("summary");
    static final Field<Instant> STARTED_AT = T.instant("started_at");
    static final Field<Instant> FINISHED_AT = T.instant("finished_at");
    static final Field<?>[] ALL = {ID, USER_ID, FILE_NAME, FORMAT, STATE, MESSAGE, STRATEGY_ID, SUMMARY, STARTED_AT,
        FINISHED_AT};
  }

  static final class Imprint {
    static final TenantTable T = TenantTable.named("report_imprint");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    static final Field<String> PUBLISHER = T.text("publisher");
    static final Field<String> EDITORS = T.text("editors");
    static final Field<String> CONTACT = T.text("contact");
    static final Field<String> EDITORIAL_DEADLINE = T.text("editorial_deadline");
    static final Field<String> FUNDING_NOTE = T.text("funding_note");
    static final Field<String> INTRODUCTION = T.text("introduction");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
  }
}
