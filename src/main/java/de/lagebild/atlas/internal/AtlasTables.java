package de.lagebild.atlas.internal;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the atlas tables (V5__atlas.sql). */
final class AtlasTables {

  private AtlasTables() {
  }

  static final class Area {
    static final TenantTable T = TenantTable.named("area");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> TYPE = T.text("type");
    static final Field<String> NAME = T.text("name");
    static final Field<String> OFFICIAL_KEY = T.text("official_key");
    static final Field<UUID> PARENT_ID = T.id("parent_id");
    static final Field<LocalDate> VALID_FROM = T.field("valid_from", Types.DATE);
    static final Field<LocalDate> VALID_TO = T.field("valid_to", Types.DATE);
    static final Field<String> NOTE = T.text("note");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, TYPE, NAME, OFFICIAL_KEY, PARENT_ID, VALID_FROM, VALID_TO, NOTE, VERSION};
  }

  static final class Successor {
    static final TenantTable T = TenantTable.named("area_successor");
    static final Field<UUID> PREDECESSOR_ID = T.id("predecessor_id");
    static final Field<UUID> SUCCESSOR_ID = T.id("successor_id");
    static final Field<LocalDate> EFFECTIVE_ON = T.field("effective_on", Types.DATE);
    static final Field<BigDecimal> WEIGHT = T.field("weight", SQLDataType.NUMERIC(9, 6));
  }

  static final class Geometry {
    static final TenantTable T = TenantTable.named("area_geometry");
    static final Field<UUID> AREA_ID = T.id("area_id");
    static final Field<String> ORIGINAL = T.text("original");
    static final Field<String> SIMPLIFIED = T.text("simplified");
    static final Field<String> SOURCE = T.text("source");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  static final class Indicator {
    static final TenantTable T = TenantTable.named("indicator");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> CODE = T.text("code");
    static final Field<String> NAME = T.text("name");
    static final Field<String> SHORT_NAME = T.text("short_name");
    static final Field<String> DEFINITION = T.text("definition");
    static final Field<String> UNIT = T.text("unit");
    static final Field<Integer> DECIMALS = T.field("decimals", Types.INT);
    static final Field<String> SOURCE = T.text("source");
    static final Field<String> LICENCE = T.text("licence");
    static final Field<String> FREQUENCY = T.text("frequency");
    static final Field<String> POLARITY = T.text("polarity");
    static final Field<String> LIFE_SITUATION = T.text("life_situation");
    static final Field<String> READING_AID = T.text("reading_aid");
    static final Field<Integer> MIN_COUNT = T.field("min_count", Types.INT);
    static final Field<String> KIND = T.text("kind");
    static final Field<Boolean> PUBLIC_VISIBLE = T.field("public_visible", SQLDataType.BOOLEAN);
    static final Field<UUID> NUMERATOR_ID = T.id("numerator_id");
    static final Field<UUID> DENOMINATOR_ID = T.id("denominator_id");
    static final Field<BigDecimal> FACTOR = T.field("factor", SQLDataType.NUMERIC(12, 4));
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, CODE, NAME, SHORT_NAME, DEFINITION, UNIT, DECIMALS, SOURCE, LICENCE, FREQUENCY,
        POLARITY, LIFE_SITUATION, READING_AID, MIN_COUNT, KIND, PUBLIC_VISIBLE, POSITION, VERSION, NUMERATOR_ID,
        DENOMINATOR_ID, FACTOR};
  }

  static final class Batch {
    static final TenantTable T = TenantTable.named("value_batch");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> FILE_NAME = T.text("file_name");
    static final Field<String> FORMAT = T.text("format");
    static final Field<Integer> ROWS_READ = T.field("rows_read", Types.INT);
    static final Field<String> AUTHOR_NAME = T.text("author_name");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  static final class Value {
    static final TenantTable T = TenantTable.named("indicator_value");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> INDICATOR_ID = T.id("indicator_id");
    static final Field<UUID> AREA_ID = T.id("area_id");
    static final Field<String> PERIOD = T.text("period");
    static final Field<LocalDate> PERIOD_END = T.field("period_end", Types.DATE);
    static final Field<BigDecimal> VALUE = T.field("value", SQLDataType.NUMERIC(20, 6));
    static final Field<String> SPECIAL = T.text("special");
    static final Field<String> FLAGS = T.text("flags");
    static final Field<UUID> BATCH_ID = T.id("batch_id");
    static final Field<String> SOURCE = T.text("source");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<?>[] ALL = {ID, INDICATOR_ID, AREA_ID, PERIOD, PERIOD_END, VALUE, SPECIAL, FLAGS, BATCH_ID, SOURCE,
        VERSION};
  }

  static final class History {
    static final TenantTable T = TenantTable.named("indicator_value_history");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> VALUE_ID = T.id("value_id");
    static final Field<BigDecimal> VALUE = T.field("value", SQLDataType.NUMERIC(20, 6));
    static final Field<String> SPECIAL = T.text("special");
    static final Field<String> FLAGS = T.text("flags");
    static final Field<UUID> BATCH_ID = T.id("batch_id");
    static final Field<Instant> REPLACED_AT = T.instant("replaced_at");
  }

  static final class Mapping {
    static final TenantTable T = TenantTable.named("column_mapping");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> ENTRIES = T.text("entries");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<Instant> UPDATED_AT = T.instant("updated_at");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
  }

  static final class Job {
    static final TenantTable T = TenantTable.named("atlas_import_job");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> USER_ID = T.id("user_id");
    static final Field<String> FILE_NAME = T.text("file_name");
    static final Field<String> STATE = T.text("state");
    static final Field<String> MESSAGE = T.text("message");
    static final Field<String> SUMMARY = T.text("summary");
    static final Field<Instant> STARTED_AT = T.instant("started_at");
    static final Field<Instant> FINISHED_AT = T.instant("finished_at");
  }

  static final class Member {
    static final TenantTable T = TenantTable.named("area_member");
    static final Field<UUID> AREA_ID = T.id("area_id");
    static final Field<UUID> MEMBER_ID = T.id("member_id");
  }
}
