package de.lagebild.atlas.internal.store;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the atlas tables (V5__atlas.sql, values in V17__compact_values.sql). */
public final class AtlasTables {

  private AtlasTables() {}

  public static final class Area {
    public static final TenantTable T = TenantTable.named("area");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> TYPE = T.text("type");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> OFFICIAL_KEY = T.text("official_key");

    /** The compact number that values refer to (V17). */
    public static final Field<Integer> NUM = T.field("num", Types.INT);

    public static final Field<UUID> PARENT_ID = T.id("parent_id");
    public static final Field<LocalDate> VALID_FROM = T.field("valid_from", Types.DATE);
    public static final Field<LocalDate> VALID_TO = T.field("valid_to", Types.DATE);
    public static final Field<String> NOTE = T.text("note");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID, TYPE, NAME, OFFICIAL_KEY, PARENT_ID, VALID_FROM, VALID_TO, NOTE, VERSION
    };
  }

  public static final class Successor {
    public static final TenantTable T = TenantTable.named("area_successor");
    public static final Field<UUID> PREDECESSOR_ID = T.id("predecessor_id");
    public static final Field<UUID> SUCCESSOR_ID = T.id("successor_id");
    public static final Field<LocalDate> EFFECTIVE_ON = T.field("effective_on", Types.DATE);
    public static final Field<BigDecimal> WEIGHT = T.field("weight", SQLDataType.NUMERIC(9, 6));
  }

  public static final class Geometry {
    public static final TenantTable T = TenantTable.named("area_geometry");
    public static final Field<UUID> AREA_ID = T.id("area_id");
    public static final Field<String> ORIGINAL = T.text("original");
    public static final Field<String> SIMPLIFIED = T.text("simplified");
    public static final Field<String> SOURCE = T.text("source");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  public static final class Indicator {
    public static final TenantTable T = TenantTable.named("indicator");
    public static final Field<UUID> ID = T.id("id");

    /** The compact number that values refer to (V17). */
    public static final Field<Integer> NUM = T.field("num", Types.INT);

    public static final Field<String> CODE = T.text("code");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> SHORT_NAME = T.text("short_name");
    public static final Field<String> DEFINITION = T.text("definition");
    public static final Field<String> UNIT = T.text("unit");
    public static final Field<Integer> DECIMALS = T.field("decimals", Types.INT);
    public static final Field<String> SOURCE = T.text("source");
    public static final Field<String> LICENCE = T.text("licence");
    public static final Field<String> FREQUENCY = T.text("frequency");
    public static final Field<String> POLARITY = T.text("polarity");
    public static final Field<String> LIFE_SITUATION = T.text("life_situation");
    public static final Field<String> READING_AID = T.text("reading_aid");
    public static final Field<Integer> MIN_COUNT = T.field("min_count", Types.INT);
    public static final Field<String> KIND = T.text("kind");
    public static final Field<Boolean> PUBLIC_VISIBLE =
        T.field("public_visible", SQLDataType.BOOLEAN);
    public static final Field<UUID> NUMERATOR_ID = T.id("numerator_id");
    public static final Field<UUID> DENOMINATOR_ID = T.id("denominator_id");
    public static final Field<BigDecimal> FACTOR = T.field("factor", SQLDataType.NUMERIC(12, 4));
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<?>[] ALL = {
      ID,
      CODE,
      NAME,
      SHORT_NAME,
      DEFINITION,
      UNIT,
      DECIMALS,
      SOURCE,
      LICENCE,
      FREQUENCY,
      POLARITY,
      LIFE_SITUATION,
      READING_AID,
      MIN_COUNT,
      KIND,
      PUBLIC_VISIBLE,
      POSITION,
      VERSION,
      NUMERATOR_ID,
      DENOMINATOR_ID,
      FACTOR
    };
  }

  public static final class Batch {
    public static final TenantTable T = TenantTable.named("value_batch");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<Integer> NUM = T.field("num", Types.INT);
    public static final Field<String> FILE_NAME = T.text("file_name");
    public static final Field<String> FORMAT = T.text("format");
    public static final Field<Integer> ROWS_READ = T.field("rows_read", Types.INT);
    public static final Field<String> AUTHOR_NAME = T.text("author_name");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  /**
   * The values as every read sees them: the view {@code indicator_value} (V17) over {@link Cell},
   * with the tenant, the UUIDs of indicator, area and batch and the source text.
   */
  public static final class Value {
    public static final TenantTable T = TenantTable.named("indicator_value");
    public static final Field<Integer> INDICATOR_NUM = T.field("indicator_num", Types.INT);
    public static final Field<Integer> AREA_NUM = T.field("area_num", Types.INT);
    public static final Field<UUID> INDICATOR_ID = T.id("indicator_id");
    public static final Field<UUID> AREA_ID = T.id("area_id");
    public static final Field<String> PERIOD = T.text("period");
    public static final Field<LocalDate> PERIOD_END = T.field("period_end", Types.DATE);
    public static final Field<BigDecimal> VALUE = T.field("value", SQLDataType.NUMERIC(20, 6));
    public static final Field<String> SPECIAL = T.text("special");
    public static final Field<String> FLAGS = T.text("flags");
    public static final Field<UUID> BATCH_ID = T.id("batch_id");
    public static final Field<String> SOURCE = T.text("source");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<?>[] ALL = {
      INDICATOR_NUM,
      AREA_NUM,
      INDICATOR_ID,
      AREA_ID,
      PERIOD,
      PERIOD_END,
      VALUE,
      SPECIAL,
      FLAGS,
      BATCH_ID,
      SOURCE,
      VERSION
    };
  }

  /**
   * The stored values (V17): numbers instead of UUIDs and no tenant column – the tenant is the
   * indicator's. Only {@link ValueRepository} writes it, with numbers it read through the tenant
   * scope; reads go through {@link Value}.
   */
  static final class Cell {
    static final org.jooq.Table<org.jooq.Record> T =
        org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("atlas_value"));
    static final Field<Integer> INDICATOR_NUM = field("indicator_num", Types.INT);
    static final Field<Integer> AREA_NUM = field("area_num", Types.INT);
    static final Field<LocalDate> PERIOD_END = field("period_end", Types.DATE);
    static final Field<Integer> BATCH_NUM = field("batch_num", Types.INT);
    static final Field<Integer> SOURCE_NUM = field("source_num", Types.INT);
    static final Field<Integer> VERSION = field("version", Types.INT);
    static final Field<String> PERIOD = field("period", Types.TEXT);
    static final Field<BigDecimal> VALUE = field("value", SQLDataType.NUMERIC(20, 6));
    static final Field<String> SPECIAL = field("special", Types.TEXT);
    static final Field<String> FLAGS = field("flags", Types.TEXT);
    static final List<Field<?>> ALL =
        List.of(
            INDICATOR_NUM,
            AREA_NUM,
            PERIOD_END,
            BATCH_NUM,
            SOURCE_NUM,
            VERSION,
            PERIOD,
            VALUE,
            SPECIAL,
            FLAGS);

    private static <T> Field<T> field(String column, org.jooq.DataType<T> type) {
      return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("atlas_value", column), type);
    }
  }

  /** The source texts of values, once per tenant (V17). */
  public static final class Source {
    public static final TenantTable T = TenantTable.named("value_source");
    public static final Field<Integer> NUM = T.field("num", Types.INT);
    public static final Field<String> TEXT = T.text("text");
  }

  /** Earlier figures of revised values (V17). */
  public static final class History {
    public static final TenantTable T = TenantTable.named("atlas_value_history");
    public static final Field<Integer> INDICATOR_NUM = T.field("indicator_num", Types.INT);
    public static final Field<Integer> AREA_NUM = T.field("area_num", Types.INT);
    public static final Field<Integer> BATCH_NUM = T.field("batch_num", Types.INT);
    public static final Field<Instant> REPLACED_AT = T.instant("replaced_at");
    public static final Field<String> PERIOD = T.text("period");
    public static final Field<BigDecimal> VALUE = T.field("value", SQLDataType.NUMERIC(20, 6));
    public static final Field<String> SPECIAL = T.text("special");
    public static final Field<String> FLAGS = T.text("flags");
  }

  public static final class Mapping {
    public static final TenantTable T = TenantTable.named("column_mapping");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> ENTRIES = T.text("entries");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<Instant> UPDATED_AT = T.instant("updated_at");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
  }

  public static final class Member {
    public static final TenantTable T = TenantTable.named("area_member");
    public static final Field<UUID> AREA_ID = T.id("area_id");
    public static final Field<UUID> MEMBER_ID = T.id("member_id");
  }
}
