package de.lagebild.strategy.internal.funding;

import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The grants that fund the tenant's planning (table planning_funding). */
@Repository
class FundingRepository {

  static final TenantTable T = TenantTable.named("planning_funding");
  static final Field<UUID> ID = T.id("id");
  static final Field<String> SOURCE = T.text("source");
  static final Field<BigDecimal> AMOUNT = T.field("amount", SQLDataType.NUMERIC(14, 2));
  static final Field<LocalDate> PERIOD_START = T.field("period_start", Types.DATE);
  static final Field<LocalDate> PERIOD_END = T.field("period_end", Types.DATE);
  static final Field<String> NOTE = T.text("note");
  static final Field<Integer> VERSION = T.field("version", Types.INT);
  static final Field<Instant> CREATED_AT = T.instant("created_at");

  record Grant(
      UUID id,
      String source,
      BigDecimal amount,
      LocalDate periodStart,
      LocalDate periodEnd,
      String note,
      int version) {}

  private final TenantScope scope;

  FundingRepository(TenantScope scope) {
    this.scope = scope;
  }

  List<Grant> list() {
    return scope
        .dsl()
        .select(ID, SOURCE, AMOUNT, PERIOD_START, PERIOD_END, NOTE, VERSION)
        .from(scope.table(T))
        .orderBy(PERIOD_START, SOURCE)
        .fetch(FundingRepository::grant);
  }

  Optional<Grant> find(UUID id) {
    return scope
        .dsl()
        .select(ID, SOURCE, AMOUNT, PERIOD_START, PERIOD_END, NOTE, VERSION)
        .from(scope.table(T))
        .where(ID.eq(id))
        .fetchOptional(FundingRepository::grant);
  }

  void insert(Grant g, Instant now) {
    scope
        .insertInto(T)
        .set(ID, g.id())
        .set(SOURCE, g.source())
        .set(AMOUNT, g.amount())
        .set(PERIOD_START, g.periodStart())
        .set(PERIOD_END, g.periodEnd())
        .set(NOTE, g.note())
        .set(VERSION, 0)
        .set(CREATED_AT, now)
        .execute();
  }

  /** Deletes the grant when it is still at {@code version}; false when it changed or is gone. */
  boolean delete(UUID id, int version) {
    return scope.deleteFrom(T).where(ID.eq(id), VERSION.eq(version)).execute() == 1;
  }

  private static Grant grant(Record r) {
    return new Grant(
        r.get(ID),
        r.get(SOURCE),
        r.get(AMOUNT),
        r.get(PERIOD_START),
        r.get(PERIOD_END),
        r.get(NOTE),
        r.get(VERSION));
  }
}
