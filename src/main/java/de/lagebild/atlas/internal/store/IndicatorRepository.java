package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasTables.Indicator;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The indicator catalogue: definitions, units, polarity, sources, derived indicators. */
@Repository
public class IndicatorRepository {

  private final TenantScope scope;
  private final AtlasRevision revision;

  IndicatorRepository(TenantScope scope, AtlasRevision revision) {
    this.scope = scope;
    this.revision = revision;
  }

  public List<IndicatorRow> indicators() {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .orderBy(Indicator.POSITION, Indicator.NAME)
        .fetch(IndicatorRepository::indicator);
  }

  public Optional<IndicatorRow> indicator(UUID id) {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .where(Indicator.ID.eq(id))
        .fetchOptional(IndicatorRepository::indicator);
  }

  public Optional<IndicatorRow> indicatorByCode(String code) {
    return scope
        .dsl()
        .select(Indicator.ALL)
        .from(scope.table(Indicator.T))
        .where(Indicator.CODE.eq(code))
        .fetchOptional(IndicatorRepository::indicator);
  }

  /**
   * Updates the descriptive fields of an indicator if it still has {@code i.version()}; false if
   * someone was faster.
   */
  public boolean updateIndicator(IndicatorRow i) {
    revision.changed();
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
    revision.changed();
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
}
