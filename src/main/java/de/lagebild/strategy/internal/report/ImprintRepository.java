package de.lagebild.strategy.internal.report;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.StrategyTables.Imprint;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * The imprint of reports (Herausgeber, Redaktion, Kontakt, Redaktionsschluss, Förderhinweis,
 * Einleitung): the tenant's default, and optionally one per strategy that takes precedence.
 */
@Repository
public class ImprintRepository {

  /** Imprint fields; {@code strategyId} null for the tenant's default. */
  record ImprintRow(
      UUID id,
      UUID strategyId,
      String publisher,
      String editors,
      String contact,
      String editorialDeadline,
      String fundingNote,
      String introduction,
      int version) {

    static ImprintRow empty(UUID strategyId) {
      return new ImprintRow(null, strategyId, null, null, null, null, null, null, 0);
    }

    /** These fields where set, else those of {@code fallback}. */
    ImprintRow orElse(ImprintRow fallback) {
      return new ImprintRow(
          id,
          strategyId,
          or(publisher, fallback.publisher),
          or(editors, fallback.editors),
          or(contact, fallback.contact),
          or(editorialDeadline, fallback.editorialDeadline),
          or(fundingNote, fallback.fundingNote),
          or(introduction, fallback.introduction),
          version);
    }

    private static String or(String a, String b) {
      return a == null || a.isBlank() ? b : a;
    }
  }

  private final TenantScope scope;

  ImprintRepository(TenantScope scope) {
    this.scope = scope;
  }

  Optional<ImprintRow> find(UUID strategyId) {
    Condition which =
        strategyId == null ? Imprint.STRATEGY_ID.isNull() : Imprint.STRATEGY_ID.eq(strategyId);
    return scope
        .dsl()
        .select(
            Imprint.ID,
            Imprint.STRATEGY_ID,
            Imprint.PUBLISHER,
            Imprint.EDITORS,
            Imprint.CONTACT,
            Imprint.EDITORIAL_DEADLINE,
            Imprint.FUNDING_NOTE,
            Imprint.INTRODUCTION,
            Imprint.VERSION)
        .from(scope.table(Imprint.T))
        .where(which)
        .fetchOptional(ImprintRepository::map);
  }

  /**
   * The imprint a report of this strategy uses: the strategy's fields, completed by the tenant's
   * default.
   */
  public ImprintRow effective(UUID strategyId) {
    ImprintRow tenant = find(null).orElse(ImprintRow.empty(null));
    return strategyId == null ? tenant : find(strategyId).map(s -> s.orElse(tenant)).orElse(tenant);
  }

  /**
   * Inserts or updates (optimistically, by the version read) the imprint of a strategy or of the
   * tenant.
   */
  void save(ImprintRow row) {
    Optional<ImprintRow> existing = find(row.strategyId());
    if (existing.isEmpty()) {
      scope
          .insertInto(Imprint.T)
          .set(Imprint.ID, UUID.randomUUID())
          .set(Imprint.STRATEGY_ID, row.strategyId())
          .set(Imprint.PUBLISHER, row.publisher())
          .set(Imprint.EDITORS, row.editors())
          .set(Imprint.CONTACT, row.contact())
          .set(Imprint.EDITORIAL_DEADLINE, row.editorialDeadline())
          .set(Imprint.FUNDING_NOTE, row.fundingNote())
          .set(Imprint.INTRODUCTION, row.introduction())
          .set(Imprint.VERSION, 0)
          .execute();
      return;
    }
    int n =
        scope
            .update(Imprint.T)
            .set(Imprint.PUBLISHER, row.publisher())
            .set(Imprint.EDITORS, row.editors())
            .set(Imprint.CONTACT, row.contact())
            .set(Imprint.EDITORIAL_DEADLINE, row.editorialDeadline())
            .set(Imprint.FUNDING_NOTE, row.fundingNote())
            .set(Imprint.INTRODUCTION, row.introduction())
            .set(Imprint.VERSION, existing.get().version() + 1)
            .where(Imprint.ID.eq(existing.get().id()).and(Imprint.VERSION.eq(row.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Impressum");
    }
  }

  private static ImprintRow map(Record r) {
    return new ImprintRow(
        r.get(Imprint.ID),
        r.get(Imprint.STRATEGY_ID),
        r.get(Imprint.PUBLISHER),
        r.get(Imprint.EDITORS),
        r.get(Imprint.CONTACT),
        r.get(Imprint.EDITORIAL_DEADLINE),
        r.get(Imprint.FUNDING_NOTE),
        r.get(Imprint.INTRODUCTION),
        r.get(Imprint.VERSION));
  }
}
