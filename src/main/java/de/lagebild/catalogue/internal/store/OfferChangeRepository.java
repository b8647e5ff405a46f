package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.ChangeRow;
import de.lagebild.catalogue.internal.store.CatalogueTables.Change;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Changes that providers propose to published offers, and the coordinator's decisions. */
@Repository
public class OfferChangeRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  OfferChangeRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  public void insertChange(ChangeRow c, String proposedJson) {
    scope
        .insertInto(Change.T)
        .set(Change.ID, c.id())
        .set(Change.OFFER_ID, c.offerId())
        .set(Change.PROPOSED, proposedJson)
        .set(Change.STATE, c.state())
        .set(Change.SUBMITTED_BY, c.submittedBy())
        .set(Change.SUBMITTED_AT, c.submittedAt())
        .execute();
  }

  public List<Record> changes(String state) {
    return scope
        .dsl()
        .select(
            Change.ID,
            Change.OFFER_ID,
            Change.PROPOSED,
            Change.STATE,
            Change.COMMENT,
            Change.SUBMITTED_BY,
            Change.SUBMITTED_AT,
            Change.DECIDED_BY,
            Change.DECIDED_AT)
        .from(scope.table(Change.T))
        .where(state == null ? DSL.trueCondition() : Change.STATE.eq(state))
        .orderBy(Change.SUBMITTED_AT)
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  public List<Record> changesOf(UUID offer) {
    return scope
        .dsl()
        .select(
            Change.ID,
            Change.OFFER_ID,
            Change.PROPOSED,
            Change.STATE,
            Change.COMMENT,
            Change.SUBMITTED_BY,
            Change.SUBMITTED_AT,
            Change.DECIDED_BY,
            Change.DECIDED_AT)
        .from(scope.table(Change.T))
        .where(Change.OFFER_ID.eq(offer))
        .orderBy(Change.SUBMITTED_AT.desc())
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  /**
   * Decides a submitted change; false if it was no longer submitted (decided by someone else
   * meanwhile).
   */
  public boolean decide(UUID change, String state, String comment, String by, Instant at) {
    return scope
            .update(Change.T)
            .set(Change.STATE, state)
            .set(Change.COMMENT, comment)
            .set(Change.DECIDED_BY, by)
            .set(Change.DECIDED_AT, at)
            .where(Change.ID.eq(change))
            .and(Change.STATE.eq("SUBMITTED"))
            .execute()
        == 1;
  }
}
