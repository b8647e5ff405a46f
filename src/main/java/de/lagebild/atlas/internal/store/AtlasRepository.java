package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.AtlasTables.Area;
import de.lagebild.atlas.internal.store.AtlasTables.Batch;
import de.lagebild.atlas.internal.store.AtlasTables.Geometry;
import de.lagebild.atlas.internal.store.AtlasTables.History;
import de.lagebild.atlas.internal.store.AtlasTables.Indicator;
import de.lagebild.atlas.internal.store.AtlasTables.Successor;
import de.lagebild.atlas.internal.store.AtlasTables.Value;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Areas, their geometry and successors, indicators and values of the current tenant. */
@Repository
public class AtlasRepository {

  public record SuccessorRow(
      UUID predecessor, UUID successor, LocalDate effectiveOn, BigDecimal weight) {}

  private final TenantScope scope;

  /**
   * Per tenant, the revision of its atlas data as this instance last read it, and when. Every write
   * raises the revision in the database, in the write's own transaction, and forgets the local copy
   * only after the commit – so a cache never keeps data of an uncommitted write under a new
   * revision, and other instances see a change within {@link #REVISION_CHECK_NANOS}.
   */
  private record Known(long revision, long checkedAt) {}

  static final long REVISION_CHECK_NANOS = 1_000_000_000L;
  private static final TenantTable REVISION = TenantTable.named("atlas_revision");
  private static final Field<Long> REVISION_VALUE = REVISION.field("revision", SQLDataType.BIGINT);

  private final ConcurrentHashMap<UUID, Known> revisions = new ConcurrentHashMap<>();

  AtlasRepository(TenantScope scope) {
    this.scope = scope;
  }

  public long revision() {
    UUID tenant = TenantContext.require().value();
    long now = System.nanoTime();
    Known k = revisions.get(tenant);
    if (k != null && now - k.checkedAt() < REVISION_CHECK_NANOS) {
      return k.revision();
    }
    Long r =
        scope.dsl().select(REVISION_VALUE).from(scope.table(REVISION)).fetchOne(REVISION_VALUE);
    long revision = r == null ? 0 : r;
    revisions.put(tenant, new Known(revision, now));
    return revision;
  }

  /** For writes that bypass this repository (batch inserts): caches must see them. */
  public void touched() {
    changed();
  }

  private void changed() {
    UUID tenant = TenantContext.require().value();
    String marker = "lagebild.atlas.revision." + tenant;
    boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
    if (inTransaction) {
      if (TransactionSynchronizationManager.hasResource(marker)) {
        return;
      }
      TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(marker);
              revisions.remove(tenant);
            }
          });
    }
    scope.insertInto(REVISION).set(REVISION_VALUE, 0L).onConflictDoNothing().execute();
    scope.update(REVISION).set(REVISION_VALUE, REVISION_VALUE.plus(1)).execute();
    if (!inTransaction) {
      revisions.remove(tenant);
    }
  }

  // ---------------------------------------------------------------- areas

  public List<AreaRow> areas() {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .orderBy(Area.OFFICIAL_KEY.asc().nullsLast(), Area.NAME)
        .fetch(AtlasRepository::area);
  }

  public Optional<AreaRow> area(UUID id) {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .where(Area.ID.eq(id))
        .fetchOptional(AtlasRepository::area);
  }

  public List<AreaRow> areasByKey(String key) {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .where(Area.OFFICIAL_KEY.eq(key))
        .fetch(AtlasRepository::area);
  }

  public void insertArea(AreaRow a, Instant now) {
    changed();
    scope
        .insertInto(Area.T)
        .set(Area.ID, a.id())
        .set(Area.TYPE, a.type().name())
        .set(Area.NAME, a.name())
        .set(Area.OFFICIAL_KEY, a.officialKey())
        .set(Area.PARENT_ID, a.parentId())
        .set(Area.VALID_FROM, a.validFrom())
        .set(Area.VALID_TO, a.validTo())
        .set(Area.NOTE, a.note())
        .set(Area.VERSION, 0)
        .set(Area.CREATED_AT, now)
        .execute();
  }

  public void updateArea(AreaRow a) {
    changed();
    scope
        .update(Area.T)
        .set(Area.NAME, a.name())
        .set(Area.PARENT_ID, a.parentId())
        .set(Area.VALID_FROM, a.validFrom())
        .set(Area.VALID_TO, a.validTo())
        .set(Area.NOTE, a.note())
        .set(Area.VERSION, Area.VERSION.plus(1))
        .where(Area.ID.eq(a.id()))
        .execute();
  }

  public void insertSuccessor(SuccessorRow s) {
    changed();
    scope
        .insertInto(Successor.T)
        .set(Successor.PREDECESSOR_ID, s.predecessor())
        .set(Successor.SUCCESSOR_ID, s.successor())
        .set(Successor.EFFECTIVE_ON, s.effectiveOn())
        .set(Successor.WEIGHT, s.weight())
        .execute();
  }

  public List<SuccessorRow> successors() {
    return scope
        .dsl()
        .select(
            Successor.PREDECESSOR_ID,
            Successor.SUCCESSOR_ID,
            Successor.EFFECTIVE_ON,
            Successor.WEIGHT)
        .from(scope.table(Successor.T))
        .fetch(r -> new SuccessorRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public void insertMember(UUID area, UUID member) {
    changed();
    scope
        .insertInto(AtlasTables.Member.T)
        .set(AtlasTables.Member.AREA_ID, area)
        .set(AtlasTables.Member.MEMBER_ID, member)
        .execute();
  }

  /** Planning areas and their members: area id → member ids. */
  public Map<UUID, List<UUID>> members() {
    Map<UUID, List<UUID>> result = new LinkedHashMap<>();
    scope
        .dsl()
        .select(AtlasTables.Member.AREA_ID, AtlasTables.Member.MEMBER_ID)
        .from(scope.table(AtlasTables.Member.T))
        .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return result;
  }

  // ---------------------------------------------------------------- geometry

  /** Original geometry (GeoJSON text) per area. */
  public Map<UUID, String> originalGeometries(Collection<UUID> areas) {
    Map<UUID, String> result = new HashMap<>();
    scope
        .dsl()
        .select(Geometry.AREA_ID, Geometry.ORIGINAL)
        .from(scope.table(Geometry.T))
        .where(Geometry.AREA_ID.in(areas))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  public void saveGeometry(
      UUID area, String original, String simplified, String source, Instant now) {
    changed();
    scope.deleteFrom(Geometry.T).where(Geometry.AREA_ID.eq(area)).execute();
    scope
        .insertInto(Geometry.T)
        .set(Geometry.AREA_ID, area)
        .set(Geometry.ORIGINAL, original)
        .set(Geometry.SIMPLIFIED, simplified)
        .set(Geometry.SOURCE, source)
        .set(Geometry.CREATED_AT, now)
        .execute();
  }

  /** Simplified geometry (GeoJSON text) per area. */
  public Map<UUID, String> simplifiedGeometries(Collection<UUID> areas) {
    Map<UUID, String> result = new HashMap<>();
    scope
        .dsl()
        .select(Geometry.AREA_ID, Geometry.SIMPLIFIED)
        .from(scope.table(Geometry.T))
        .where(Geometry.AREA_ID.in(areas))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  // ---------------------------------------------------------------- indicators

  public List<IndicatorRow> indicators() {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .orderBy(Indicator.POSITION, Indicator.NAME)
        .fetch(AtlasRepository::indicator);
  }

  public Optional<IndicatorRow> indicator(UUID id) {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .where(Indicator.ID.eq(id))
        .fetchOptional(AtlasRepository::indicator);
  }

  public Optional<IndicatorRow> indicatorByCode(String code) {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .where(Indicator.CODE.eq(code))
        .fetchOptional(AtlasRepository::indicator);
  }

  /**
   * Updates the descriptive fields of an indicator if it still has {@code i.version()}; false if
   * someone was faster.
   */
  public boolean updateIndicator(IndicatorRow i) {
    changed();
    return scope
            .update(Indicator.T)
            .set(Indicator.NAME, i.name())
            .set(Indicator.SHORT_NAME, i.shortName())
            .set(Indicator.DEFINITION, i.definition())
            .set(Indicator.UNIT, i.unit())
            .set(Indicator.DECIMALS, i.decimals())
            .set(Indicator.SOURCE, i.source())
            .set(Indicator.LICENCE, i.licence())
            .set(Indicator.FREQUENCY, i.frequency())
            .set(Indicator.POLARITY, i.polarity().name())
            .set(Indicator.LIFE_SITUATION, i.lifeSituation())
            .set(Indicator.READING_AID, i.readingAid())
            .set(Indicator.MIN_COUNT, i.minCount())
            .set(Indicator.KIND, i.kind())
            .set(Indicator.PUBLIC_VISIBLE, i.publicVisible())
            .set(Indicator.VERSION, i.version() + 1)
            .where(Indicator.ID.eq(i.id()))
            .and(Indicator.VERSION.eq(i.version()))
            .execute()
        == 1;
  }

  public void insertIndicator(IndicatorRow i, Instant now) {
    changed();
    scope
        .insertInto(Indicator.T)
        .set(Indicator.ID, i.id())
        .set(Indicator.CODE, i.code())
        .set(Indicator.NAME, i.name())
        .set(Indicator.SHORT_NAME, i.shortName())
        .set(Indicator.DEFINITION, i.definition())
        .set(Indicator.UNIT, i.unit())
        .set(Indicator.DECIMALS, i.decimals())
        .set(Indicator.SOURCE, i.source())
        .set(Indicator.LICENCE, i.licence())
        .set(Indicator.FREQUENCY, i.frequency())
        .set(Indicator.POLARITY, i.polarity().name())
        .set(Indicator.LIFE_SITUATION, i.lifeSituation())
        .set(Indicator.READING_AID, i.readingAid())
        .set(Indicator.MIN_COUNT, i.minCount())
        .set(Indicator.KIND, i.kind())
        .set(Indicator.PUBLIC_VISIBLE, i.publicVisible())
        .set(Indicator.POSITION, i.position())
        .set(Indicator.NUMERATOR_ID, i.numeratorId())
        .set(Indicator.DENOMINATOR_ID, i.denominatorId())
        .set(Indicator.FACTOR, i.factor())
        .set(Indicator.VERSION, 0)
        .set(Indicator.CREATED_AT, now)
        .execute();
  }

  // ---------------------------------------------------------------- values

  public List<ValueRow> values(Condition where) {
    return scope
        .dsl()
        .select(Value.ALL)
        .from(scope.table(Value.T))
        .where(where)
        .orderBy(Value.PERIOD_END, Value.AREA_ID)
        .fetch(AtlasRepository::value);
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
    changed();
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
            .fetchOptional(AtlasRepository::value);
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

  private static AreaRow area(Record r) {
    return new AreaRow(
        r.get(Area.ID),
        AreaType.valueOf(r.get(Area.TYPE)),
        r.get(Area.NAME),
        r.get(Area.OFFICIAL_KEY),
        r.get(Area.PARENT_ID),
        r.get(Area.VALID_FROM),
        r.get(Area.VALID_TO),
        r.get(Area.NOTE),
        r.get(Area.VERSION));
  }

  private static IndicatorRow indicator(Record r) {
    return new IndicatorRow(
        r.get(Indicator.ID),
        r.get(Indicator.CODE),
        r.get(Indicator.NAME),
        r.get(Indicator.SHORT_NAME),
        r.get(Indicator.DEFINITION),
        r.get(Indicator.UNIT),
        r.get(Indicator.DECIMALS),
        r.get(Indicator.SOURCE),
        r.get(Indicator.LICENCE),
        r.get(Indicator.FREQUENCY),
        Polarity.valueOf(r.get(Indicator.POLARITY)),
        r.get(Indicator.LIFE_SITUATION),
        r.get(Indicator.READING_AID),
        r.get(Indicator.MIN_COUNT),
        r.get(Indicator.KIND),
        Boolean.TRUE.equals(r.get(Indicator.PUBLIC_VISIBLE)),
        r.get(Indicator.POSITION),
        r.get(Indicator.VERSION),
        r.get(Indicator.NUMERATOR_ID),
        r.get(Indicator.DENOMINATOR_ID),
        r.get(Indicator.FACTOR));
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
