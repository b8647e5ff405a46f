package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.AtlasTables.Batch;
import de.lagebild.atlas.internal.store.AtlasTables.History;
import de.lagebild.atlas.internal.store.AtlasTables.Value;
import de.lagebild.platform.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Indicator values per area and period, with special values, flags, batches and the history of
 * revised figures.
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

  /** A position in the order of {@link #page}: the last row of the page before. */
  public record Cursor(UUID indicator, UUID area, String period) {}

  /**
   * One page of values in a stable order (indicator, area, period – the unique index), after a
   * cursor (constant time for any page) or from an offset; the database does the paging.
   */
  public List<ValueRow> page(Condition where, Cursor after, int offset, int limit) {
    var query =
        scope
            .dsl()
            .select(Value.ALL)
            .from(scope.table(Value.T))
            .where(where)
            .orderBy(Value.INDICATOR_ID, Value.AREA_ID, Value.PERIOD);
    return after != null
        ? query
            .seek(after.indicator(), after.area(), after.period())
            .limit(limit)
            .fetch(ValueRepository::value)
        : query.limit(limit).offset(offset).fetch(ValueRepository::value);
  }

  public int count(Condition where) {
    return scope.dsl().fetchCount(scope.table(Value.T), where);
  }

  /**
   * Every value of the condition in the order of {@link #page}, read in chunks through a database
   * cursor (run it in a transaction so that PostgreSQL streams): the heap holds one chunk.
   */
  public void each(Condition where, java.util.function.Consumer<ValueRow> consumer) {
    try (var cursor =
        scope
            .dsl()
            .select(Value.ALL)
            .from(scope.table(Value.T))
            .where(where)
            .orderBy(Value.INDICATOR_ID, Value.AREA_ID, Value.PERIOD)
            .fetchSize(2000)
            .fetchLazy()) {
      for (Record r : cursor) {
        consumer.accept(value(r));
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
    List<ValueRow> out = new java.util.ArrayList<>();
    List<At> list = List.copyOf(pairs);
    // in slices: some databases limit the number of bound values of one statement
    for (int from = 0; from < list.size(); from += 300) {
      List<At> slice = list.subList(from, Math.min(list.size(), from + 300));
      Condition where =
          org.jooq
              .impl
              .DSL
              .row(Value.INDICATOR_ID, Value.PERIOD)
              .in(
                  slice.stream()
                      .map(a -> org.jooq.impl.DSL.row(a.indicator(), a.period()))
                      .toList());
      if (areas != null) {
        where = where.and(Value.AREA_ID.in(areas));
      }
      out.addAll(values(where));
    }
    return out;
  }

  public List<ValueRow> valuesOf(UUID indicator) {
    return values(Value.INDICATOR_ID.eq(indicator));
  }

  public List<ValueRow> valuesOfArea(UUID area) {
    return values(Value.AREA_ID.eq(area));
  }

  /** The periods with values of an indicator, newest last. */
  public List<String> periods(UUID indicator) {
    return scope
        .dsl()
        .selectDistinct(Value.PERIOD, Value.PERIOD_END)
        .from(scope.table(Value.T))
        .where(Value.INDICATOR_ID.eq(indicator))
        .orderBy(Value.PERIOD_END)
        .fetch(r -> r.value1());
  }

  public UUID insertBatch(String fileName, String format, int rows, String author, Instant now) {
    UUID id = UUID.randomUUID();
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
    Optional<ValueRow> before =
        scope
            .dsl()
            .select(Value.ALL)
            .from(scope.table(Value.T))
            .where(
                Value.INDICATOR_ID
                    .eq(v.indicatorId())
                    .and(Value.AREA_ID.eq(v.areaId()))
                    .and(Value.PERIOD.eq(v.period())))
            .fetchOptional(ValueRepository::value);
    if (before.isEmpty()) {
      scope
          .insertInto(Value.T)
          .set(Value.ID, v.id())
          .set(Value.INDICATOR_ID, v.indicatorId())
          .set(Value.AREA_ID, v.areaId())
          .set(Value.PERIOD, v.period())
          .set(Value.PERIOD_END, v.periodEnd())
          .set(Value.VALUE, v.value())
          .set(Value.SPECIAL, v.special())
          .set(Value.FLAGS, v.flags())
          .set(Value.BATCH_ID, v.batchId())
          .set(Value.SOURCE, v.source())
          .set(Value.VERSION, 0)
          .set(Value.CREATED_AT, now)
          .execute();
      return Written.CREATED;
    }
    ValueRow old = before.get();
    if (sameNumber(old.value(), v.value())
        && Objects.equals(old.special(), v.special())
        && Objects.equals(old.flags(), v.flags())) {
      return Written.UNCHANGED;
    }
    scope
        .insertInto(History.T)
        .set(History.ID, UUID.randomUUID())
        .set(History.VALUE_ID, old.id())
        .set(History.VALUE, old.value())
        .set(History.SPECIAL, old.special())
        .set(History.FLAGS, old.flags())
        .set(History.BATCH_ID, old.batchId())
        .set(History.REPLACED_AT, now)
        .execute();
    scope
        .update(Value.T)
        .set(Value.VALUE, v.value())
        .set(Value.SPECIAL, v.special())
        .set(Value.FLAGS, v.flags())
        .set(Value.BATCH_ID, v.batchId())
        .set(Value.SOURCE, v.source())
        .set(Value.VERSION, old.version() + 1)
        .where(Value.ID.eq(old.id()))
        .execute();
    return Written.CHANGED;
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static ValueRow value(Record r) {
    return new ValueRow(
        r.get(Value.ID),
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
