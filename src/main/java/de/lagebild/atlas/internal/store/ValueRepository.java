package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.AtlasTables.Area;
import de.lagebild.atlas.internal.store.AtlasTables.Batch;
import de.lagebild.atlas.internal.store.AtlasTables.Cell;
import de.lagebild.atlas.internal.store.AtlasTables.History;
import de.lagebild.atlas.internal.store.AtlasTables.Indicator;
import de.lagebild.atlas.internal.store.AtlasTables.Source;
import de.lagebild.atlas.internal.store.AtlasTables.Value;
import de.lagebild.platform.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Indicator values per area and period, with special values, flags, batches and the history of
 * revised figures. Reads go through the view {@code indicator_value}; writes go to the compact
 * table {@code atlas_value} with the numbers of indicator, area, batch and source, each read
 * through the tenant scope (V17).
 *
 * <p>Why this class is long: the values are the one table with its own write path (numbers instead
 * of ids, {@code COPY} on PostgreSQL, the source dictionary), and the reads the atlas needs at
 * state scale (keyset pages, streamed export, row-value lookups) belong beside it.
 */
@Repository
public class ValueRepository {

  private final TenantScope scope;
  private final AtlasRevision revision;

  ValueRepository(TenantScope scope, AtlasRevision revision) {
    this.scope = scope;
    this.revision = revision;
  }

  public List<ValueRow> values(Condition where) {
    return scope
        .dsl()
        .select(Value.ALL)
        .from(scope.table(Value.T))
        .where(where)
        .orderBy(Value.PERIOD_END, Value.AREA_ID)
        .fetch(ValueRepository::value);
  }

  /**
   * A position in the order of {@link #page} (the key of the stored values): the last row of the
   * page before.
   */
  public record Cursor(int indicator, String period, int area) {}

  /** One page of values and the cursor after its last row. */
  public record Page(List<ValueRow> rows, Cursor last) {}

  /**
   * One page of values in a stable order (indicator, period, area – the primary key of the stored
   * values), after a cursor (constant time for any page) or from an offset; the database does the
   * paging.
   */
  public Page page(Condition where, Cursor after, int offset, int limit) {
    var query =
        scope
            .dsl()
            .select(Value.ALL)
            .from(scope.table(Value.T))
            .where(where)
            .orderBy(Value.INDICATOR_NUM, Value.PERIOD, Value.AREA_NUM);
    var records =
        after != null
            ? query.seek(after.indicator(), after.period(), after.area()).limit(limit).fetch()
            : query.limit(limit).offset(offset).fetch();
    Cursor last = null;
    if (!records.isEmpty()) {
      Record r = records.get(records.size() - 1);
      last = new Cursor(r.get(Value.INDICATOR_NUM), r.get(Value.PERIOD), r.get(Value.AREA_NUM));
    }
    return new Page(records.map(ValueRepository::value), last);
  }

  public int count(Condition where) {
    return scope.dsl().fetchCount(scope.table(Value.T), where);
  }

  /**
   * Every value of the condition in the order of {@link #page}, read indicator by indicator (each
   * along the primary key: no sort, whatever the planner's statistics) in chunks through a database
   * cursor (run it in a transaction so that PostgreSQL streams): the heap holds one chunk.
   */
  public void each(Condition where, java.util.function.Consumer<ValueRow> consumer) {
    List<Integer> indicators =
        scope
            .dsl()
            .select(Indicator.NUM)
            .from(scope.table(Indicator.T))
            .orderBy(Indicator.NUM)
            .fetch(Indicator.NUM);
    for (Integer indicator : indicators) {
      try (var cursor =
          scope
              .dsl()
              .select(Value.ALL)
              .from(scope.table(Value.T))
              .where(Value.INDICATOR_NUM.eq(indicator).and(where))
              .orderBy(Value.PERIOD, Value.AREA_NUM)
              .fetchSize(2000)
              .fetchLazy()) {
        for (Record r : cursor) {
          consumer.accept(value(r));
        }
      }
    }
  }

  /** An indicator and a period. */
  public record At(UUID indicator, String period) {}

  /**
   * The values of the given indicators at the given periods (each indicator at its own period), of
   * the given areas (null: all areas) – one query for what a profile compares with, instead of
   * every value of every indicator.
   */
  public List<ValueRow> valuesAt(java.util.Collection<At> pairs, java.util.Collection<UUID> areas) {
    if (pairs.isEmpty() || (areas != null && areas.isEmpty())) {
      return List.of();
    }
    java.util.Map<UUID, Integer> indicators =
        nums(
            Indicator.T,
            Indicator.ID,
            Indicator.NUM,
            pairs.stream().map(At::indicator).collect(java.util.stream.Collectors.toSet()));
    Condition inAreas = areas == null ? DSL.trueCondition() : ofAreas(areas);
    List<ValueRow> out = new java.util.ArrayList<>();
    List<At> list = pairs.stream().filter(a -> indicators.containsKey(a.indicator())).toList();
    // in slices: some databases limit the number of bound values of one statement
    for (int from = 0; from < list.size(); from += 300) {
      List<At> slice = list.subList(from, Math.min(list.size(), from + 300));
      Condition where =
          DSL.row(Value.INDICATOR_NUM, Value.PERIOD)
              .in(
                  slice.stream()
                      .map(a -> DSL.row(indicators.get(a.indicator()), a.period()))
                      .toList());
      out.addAll(values(where.and(inAreas)));
    }
    return out;
  }

  /**
   * The values of one indicator, as a condition on the stored key (its number, read through the
   * tenant scope): the planner sees a constant on the key's first column, so a page of them is one
   * range of the primary key. An indicator of another tenant or none: no values.
   */
  public Condition ofIndicator(UUID indicator) {
    Integer num =
        nums(Indicator.T, Indicator.ID, Indicator.NUM, java.util.Set.of(indicator)).get(indicator);
    return num == null ? DSL.falseCondition() : Value.INDICATOR_NUM.eq(num);
  }

  /** The values of these indicators (by their numbers, see {@link #ofIndicator}). */
  public Condition ofIndicators(java.util.Collection<UUID> indicators) {
    var nums = nums(Indicator.T, Indicator.ID, Indicator.NUM, java.util.Set.copyOf(indicators));
    return nums.isEmpty() ? DSL.falseCondition() : Value.INDICATOR_NUM.in(nums.values());
  }

  /** The values of these areas (by their numbers, see {@link #ofIndicator}). */
  public Condition ofAreas(java.util.Collection<UUID> areas) {
    var nums = nums(Area.T, Area.ID, Area.NUM, java.util.Set.copyOf(areas));
    return nums.isEmpty() ? DSL.falseCondition() : Value.AREA_NUM.in(nums.values());
  }

  public List<ValueRow> valuesOf(UUID indicator) {
    return values(ofIndicator(indicator));
  }

  public List<ValueRow> valuesOfArea(UUID area) {
    return values(ofAreas(java.util.Set.of(area)));
  }

  /** The periods with values of an indicator, newest last. */
  public List<String> periods(UUID indicator) {
    return scope
        .dsl()
        .selectDistinct(Value.PERIOD, Value.PERIOD_END)
        .from(scope.table(Value.T))
        .where(ofIndicator(indicator))
        .orderBy(Value.PERIOD_END)
        .fetch(r -> r.value1());
  }

  public UUID insertBatch(String fileName, String format, int rows, String author, Instant now) {
    UUID id = UUID.randomUUID();
    // the number comes from the database (identity column, SQLite a trigger)
    scope
        .insertInto(Batch.T)
        .set(Batch.ID, id)
        .set(Batch.FILE_NAME, fileName)
        .set(Batch.FORMAT, format)
        .set(Batch.ROWS_READ, rows)
        .set(Batch.AUTHOR_NAME, author)
        .set(Batch.CREATED_AT, now)
        .execute();
    return id;
  }

  /** What {@link #putValue} did. */
  public enum Written {
    CREATED,
    CHANGED,
    UNCHANGED
  }

  /**
   * Stores a value; a different earlier value of the same indicator, area and period is kept in the
   * history and replaced.
   */
  public Written putValue(ValueRow v, Instant now) {
    revision.changed();
    Optional<Record> before =
        scope
            .dsl()
            .select(Value.ALL)
            .from(scope.table(Value.T))
            .where(
                Value.INDICATOR_ID
                    .eq(v.indicatorId())
                    .and(Value.AREA_ID.eq(v.areaId()))
                    .and(Value.PERIOD.eq(v.period())))
            .fetchOptional();
    if (before.isEmpty()) {
      insertNew(List.of(v));
      return Written.CREATED;
    }
    Record r = before.get();
    ValueRow old = value(r);
    if (sameNumber(old.value(), v.value())
        && Objects.equals(old.special(), v.special())
        && Objects.equals(old.flags(), v.flags())) {
      return Written.UNCHANGED;
    }
    int indicator = r.get(Value.INDICATOR_NUM);
    int area = r.get(Value.AREA_NUM);
    scope
        .insertInto(History.T)
        .set(History.INDICATOR_NUM, indicator)
        .set(History.AREA_NUM, area)
        .set(History.PERIOD, old.period())
        .set(History.VALUE, old.value())
        .set(History.SPECIAL, old.special())
        .set(History.FLAGS, old.flags())
        .set(History.BATCH_NUM, batchNum(old.batchId()))
        .set(History.REPLACED_AT, now)
        .execute();
    // the numbers come from the tenant-scoped read above
    scope
        .dsl()
        .update(Cell.T)
        .set(Cell.VALUE, v.value())
        .set(Cell.SPECIAL, v.special())
        .set(Cell.FLAGS, v.flags())
        .set(Cell.BATCH_NUM, batchNum(v.batchId()))
        .set(
            Cell.SOURCE_NUM,
            sourceNums(java.util.Collections.singleton(v.source())).get(v.source()))
        .set(Cell.VERSION, old.version() + 1)
        .where(
            Cell.INDICATOR_NUM
                .eq(indicator)
                .and(Cell.PERIOD.eq(old.period()))
                .and(Cell.AREA_NUM.eq(area)))
        .execute();
    return Written.CHANGED;
  }

  /**
   * Inserts values that do not exist yet, in one batch (PostgreSQL: {@code COPY} from 100 rows).
   * The numbers of indicators, areas, batches and sources are read through the tenant scope: a
   * value can only refer to the current tenant's rows (an unknown id is an error, not a value of
   * another tenant).
   */
  public void insertNew(List<ValueRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    revision.changed();
    java.util.Set<UUID> indicatorIds = new java.util.HashSet<>();
    java.util.Set<UUID> areaIds = new java.util.HashSet<>();
    java.util.Set<UUID> batchIds = new java.util.HashSet<>();
    java.util.Set<String> sources = new java.util.HashSet<>();
    for (ValueRow v : rows) {
      indicatorIds.add(v.indicatorId());
      areaIds.add(v.areaId());
      if (v.batchId() != null) {
        batchIds.add(v.batchId());
      }
      sources.add(v.source());
    }
    java.util.Map<UUID, Integer> indicators =
        nums(Indicator.T, Indicator.ID, Indicator.NUM, indicatorIds);
    java.util.Map<UUID, Integer> areas = nums(Area.T, Area.ID, Area.NUM, areaIds);
    java.util.Map<UUID, Integer> batches = nums(Batch.T, Batch.ID, Batch.NUM, batchIds);
    java.util.Map<String, Integer> sourceNums = sourceNums(sources);
    List<Object[]> cells = new java.util.ArrayList<>(rows.size());
    for (ValueRow v : rows) {
      Integer indicator = indicators.get(v.indicatorId());
      Integer area = areas.get(v.areaId());
      if (indicator == null || area == null) {
        throw new IllegalArgumentException(
            "no indicator " + v.indicatorId() + " or area " + v.areaId() + " in this tenant");
      }
      cells.add(
          new Object[] {
            indicator,
            area,
            v.periodEnd(),
            v.batchId() == null ? null : batches.get(v.batchId()),
            sourceNums.get(v.source()),
            0,
            v.period(),
            v.value(),
            v.special(),
            v.flags()
          });
    }
    if (cells.size() >= 100 && scope.dsl().dialect().family() == org.jooq.SQLDialect.POSTGRES) {
      de.lagebild.platform.PostgresCopy.copyIn(
          scope.dsl(), "atlas_value", Cell.ALL.stream().map(Field::getName).toList(), cells);
      return;
    }
    List<Field<?>> params =
        Cell.ALL.stream().<Field<?>>map(f -> DSL.val(null, f.getDataType())).toList();
    var batch = scope.dsl().batch(scope.dsl().insertInto(Cell.T, Cell.ALL).values(params));
    for (Object[] cell : cells) {
      batch = batch.bind(cell);
    }
    batch.execute();
  }

  /** The numbers of the current tenant's rows with the given ids. */
  private java.util.Map<UUID, Integer> nums(
      de.lagebild.platform.TenantTable table,
      Field<UUID> id,
      Field<Integer> num,
      java.util.Set<UUID> ids) {
    java.util.Map<UUID, Integer> out = new java.util.HashMap<>();
    List<UUID> list = List.copyOf(ids);
    for (int from = 0; from < list.size(); from += 500) {
      scope
          .dsl()
          .select(id, num)
          .from(scope.table(table))
          .where(id.in(list.subList(from, Math.min(list.size(), from + 500))))
          .forEach(r -> out.put(r.value1(), r.value2()));
    }
    return out;
  }

  private Integer batchNum(UUID batch) {
    return batch == null
        ? null
        : nums(Batch.T, Batch.ID, Batch.NUM, java.util.Set.of(batch)).get(batch);
  }

  /** The numbers of source texts, created for the tenant where new (null stays null). */
  private java.util.Map<String, Integer> sourceNums(java.util.Set<String> texts) {
    java.util.Map<String, Integer> out = new java.util.HashMap<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String t = text.length() > 300 ? text.substring(0, 300) : text;
      Integer num =
          scope
              .dsl()
              .select(Source.NUM)
              .from(scope.table(Source.T))
              .where(Source.TEXT.eq(t))
              .fetchOne(Source.NUM);
      if (num == null) {
        scope.insertInto(Source.T).set(Source.TEXT, t).execute();
        num =
            scope
                .dsl()
                .select(Source.NUM)
                .from(scope.table(Source.T))
                .where(Source.TEXT.eq(t))
                .fetchOne(Source.NUM);
      }
      out.put(text, num);
    }
    return out;
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static ValueRow value(Record r) {
    return new ValueRow(
        r.get(Value.INDICATOR_ID),
        r.get(Value.AREA_ID),
        r.get(Value.PERIOD),
        r.get(Value.PERIOD_END),
        r.get(Value.VALUE),
        r.get(Value.SPECIAL),
        r.get(Value.FLAGS),
        r.get(Value.BATCH_ID),
        r.get(Value.SOURCE),
        r.get(Value.VERSION));
  }
}
