package de.lagebild.strategy.internal.store;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the strategy module's tables (V2__strategy.sql). */
public final class StrategyTables {

  public static final class Strategy {
    public static final TenantTable T = TenantTable.named("strategy");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> TITLE = T.text("title");
    public static final Field<String> KIND = T.text("kind");
    public static final Field<LocalDate> VALID_FROM = T.field("valid_from", Types.DATE);
    public static final Field<LocalDate> VALID_TO = T.field("valid_to", Types.DATE);
    public static final Field<String> DECISION_REF = T.text("decision_ref");
    public static final Field<String> STATUS = T.text("status");
    public static final Field<String> LEVEL_NAMES = T.text("level_names");
    public static final Field<String> VISIBILITY = T.text("visibility");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      TITLE,
      KIND,
      VALID_FROM,
      VALID_TO,
      DECISION_REF,
      STATUS,
      LEVEL_NAMES,
      VISIBILITY,
      DESCRIPTION,
      VERSION,
      CREATED_AT
    };
  }

  public static final class Goal {
    public static final TenantTable T = TenantTable.named("goal");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    public static final Field<UUID> PARENT_ID = T.id("parent_id");
    public static final Field<Integer> LEVEL = T.field("level", Types.INT);
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<String> CODE = T.text("code");
    public static final Field<String> TITLE = T.text("title");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<String> SUCCESS_CRITERION = T.text("success_criterion");
    public static final Field<String> GOAL_SOURCE = T.text("goal_source");
    public static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      STRATEGY_ID,
      PARENT_ID,
      LEVEL,
      POSITION,
      CODE,
      TITLE,
      DESCRIPTION,
      SUCCESS_CRITERION,
      GOAL_SOURCE,
      LIFE_SITUATIONS,
      VERSION,
      CREATED_AT
    };
  }

  public static final class Measure {
    public static final TenantTable T = TenantTable.named("measure");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    public static final Field<UUID> GOAL_ID = T.id("goal_id");
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<String> CODE = T.text("code");
    public static final Field<String> TITLE = T.text("title");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<String> RESPONSIBLE_TEXT = T.text("responsible_text");
    public static final Field<String> PARTNERS = T.text("partners");
    public static final Field<String> SUCCESS_CRITERIA = T.text("success_criteria");
    public static final Field<String> TARGET_GROUPS = T.text("target_groups");
    public static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    public static final Field<String> PREVENTION_LEVEL = T.text("prevention_level");
    public static final Field<String> COSTS_TEXT = T.text("costs_text");
    public static final Field<BigDecimal> COST_AMOUNT =
        T.field("cost_amount", SQLDataType.NUMERIC(14, 2));
    public static final Field<String> FUNDING_SOURCE = T.text("funding_source");
    public static final Field<String> START_TEXT = T.text("start_text");
    public static final Field<LocalDate> START_EARLIEST = T.field("start_earliest", Types.DATE);
    public static final Field<LocalDate> START_LATEST = T.field("start_latest", Types.DATE);
    public static final Field<String> START_PRECISION = T.text("start_precision");
    public static final Field<String> END_TEXT = T.text("end_text");
    public static final Field<LocalDate> END_EARLIEST = T.field("end_earliest", Types.DATE);
    public static final Field<LocalDate> END_LATEST = T.field("end_latest", Types.DATE);
    public static final Field<String> END_PRECISION = T.text("end_precision");
    public static final Field<String> COMMUNICATION = T.text("communication");
    public static final Field<Integer> WEIGHT = T.field("weight", Types.INT);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      STRATEGY_ID,
      GOAL_ID,
      POSITION,
      CODE,
      TITLE,
      DESCRIPTION,
      RESPONSIBLE_TEXT,
      PARTNERS,
      SUCCESS_CRITERIA,
      TARGET_GROUPS,
      LIFE_SITUATIONS,
      PREVENTION_LEVEL,
      COSTS_TEXT,
      COST_AMOUNT,
      FUNDING_SOURCE,
      START_TEXT,
      START_EARLIEST,
      START_LATEST,
      START_PRECISION,
      END_TEXT,
      END_EARLIEST,
      END_LATEST,
      END_PRECISION,
      COMMUNICATION,
      WEIGHT,
      VERSION,
      CREATED_AT
    };
  }

  public static final class MeasureUnit {
    public static final TenantTable T = TenantTable.named("measure_unit");
    public static final Field<UUID> MEASURE_ID = T.id("measure_id");
    public static final Field<UUID> UNIT_ID = T.id("unit_id");
    public static final Field<?>[] ALL = {MEASURE_ID, UNIT_ID};
  }

  public static final class Milestone {
    public static final TenantTable T = TenantTable.named("milestone");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> MEASURE_ID = T.id("measure_id");
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<String> TITLE = T.text("title");
    public static final Field<String> DUE_TEXT = T.text("due_text");
    public static final Field<LocalDate> DUE_EARLIEST = T.field("due_earliest", Types.DATE);
    public static final Field<LocalDate> DUE_LATEST = T.field("due_latest", Types.DATE);
    public static final Field<String> DUE_PRECISION = T.text("due_precision");
    public static final Field<UUID> UNIT_ID = T.id("unit_id");
    public static final Field<LocalDate> DONE_ON = T.field("done_on", Types.DATE);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      MEASURE_ID,
      POSITION,
      TITLE,
      DUE_TEXT,
      DUE_EARLIEST,
      DUE_LATEST,
      DUE_PRECISION,
      UNIT_ID,
      DONE_ON,
      VERSION,
      CREATED_AT
    };
  }

  public static final class StatusOption {
    public static final TenantTable T = TenantTable.named("status_option");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> CODE = T.text("code");
    public static final Field<String> LABEL = T.text("label");
    public static final Field<Integer> DEFAULT_PROGRESS = T.field("default_progress", Types.INT);
    public static final Field<String> COLOUR = T.text("colour");
    public static final Field<String> SYMBOL = T.text("symbol");
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<Boolean> ACTIVE = T.field("active", Types.BOOL);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<?>[] ALL = {
      ID, CODE, LABEL, DEFAULT_PROGRESS, COLOUR, SYMBOL, POSITION, ACTIVE, VERSION
    };
  }

  public static final class Round {
    public static final TenantTable T = TenantTable.named("reporting_round");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<LocalDate> PERIOD_START = T.field("period_start", Types.DATE);
    public static final Field<LocalDate> PERIOD_END = T.field("period_end", Types.DATE);
    public static final Field<LocalDate> DEADLINE = T.field("deadline", Types.DATE);
    public static final Field<String> STATE = T.text("state");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<Instant> PUBLISHED_AT = T.instant("published_at");
    public static final Field<?>[] ALL = {
      ID,
      STRATEGY_ID,
      NAME,
      PERIOD_START,
      PERIOD_END,
      DEADLINE,
      STATE,
      VERSION,
      CREATED_AT,
      PUBLISHED_AT
    };
  }

  public static final class Assessment {
    public static final TenantTable T = TenantTable.named("assessment");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> ROUND_ID = T.id("round_id");
    public static final Field<UUID> MEASURE_ID = T.id("measure_id");
    public static final Field<Integer> VERSION_NO = T.field("version_no", Types.INT);
    public static final Field<String> STATUS_CODE = T.text("status_code");
    public static final Field<Integer> PROGRESS = T.field("progress", Types.INT);
    public static final Field<String> NARRATIVE = T.text("narrative");
    public static final Field<String> EVIDENCE = T.text("evidence");
    public static final Field<UUID> AUTHOR_ID = T.id("author_id");
    public static final Field<String> AUTHOR_NAME = T.text("author_name");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      ROUND_ID,
      MEASURE_ID,
      VERSION_NO,
      STATUS_CODE,
      PROGRESS,
      NARRATIVE,
      EVIDENCE,
      AUTHOR_ID,
      AUTHOR_NAME,
      CREATED_AT
    };
  }

  public static final class Review {
    public static final TenantTable T = TenantTable.named("assessment_review");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> ASSESSMENT_ID = T.id("assessment_id");
    public static final Field<String> DECISION = T.text("decision");
    public static final Field<String> COMMENT = T.text("comment");
    public static final Field<UUID> REVIEWER_ID = T.id("reviewer_id");
    public static final Field<String> REVIEWER_NAME = T.text("reviewer_name");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID, ASSESSMENT_ID, DECISION, COMMENT, REVIEWER_ID, REVIEWER_NAME, CREATED_AT
    };
  }

  private StrategyTables() {}

  public static final class ExtraField {
    public static final TenantTable T = TenantTable.named("node_extra_field");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    public static final Field<UUID> NODE_ID = T.id("node_id");
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<String> LABEL = T.text("label");
    public static final Field<String> VALUE = T.text("value");
  }

  public static final class Imprint {
    public static final TenantTable T = TenantTable.named("report_imprint");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> STRATEGY_ID = T.id("strategy_id");
    public static final Field<String> PUBLISHER = T.text("publisher");
    public static final Field<String> EDITORS = T.text("editors");
    public static final Field<String> CONTACT = T.text("contact");
    public static final Field<String> EDITORIAL_DEADLINE = T.text("editorial_deadline");
    public static final Field<String> FUNDING_NOTE = T.text("funding_note");
    public static final Field<String> INTRODUCTION = T.text("introduction");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
  }
}
