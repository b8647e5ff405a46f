package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueTables.Revision;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantScope;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant's catalogue revision, raised in the transaction of every write (once per transaction),
 * and the revision of the last change to organisations, locations or categories: by these the
 * search index of every instance knows it is out of date.
 */
@Repository
public class CatalogueRevision {

  private final TenantScope scope;

  CatalogueRevision(TenantScope scope) {
    this.scope = scope;
  }

  /**
   * The tenant's catalogue revision and the revision of the last change to organisations, locations
   * or categories.
   */
  public record Revisions(long content, long structure) {}

  public Revisions revisions() {
    Record r =
        scope
            .dsl()
            .select(Revision.REVISION, Revision.STRUCTURE)
            .from(scope.table(Revision.T))
            .fetchOne();
    return r == null
        ? new Revisions(0, 0)
        : new Revisions(r.get(Revision.REVISION), r.get(Revision.STRUCTURE));
  }

  public long revision() {
    Long r =
        scope
            .dsl()
            .select(Revision.REVISION)
            .from(scope.table(Revision.T))
            .fetchOne(Revision.REVISION);
    return r == null ? 0 : r;
  }

  /**
   * Raises the tenant's revision – once per transaction (the row stays locked until the commit, so
   * writers follow one another) – and returns the revision this transaction writes.
   */
  public long changed() {
    UUID tenant = TenantContext.require().value();
    String marker = "lagebild.catalogue.revision." + tenant;
    boolean tx = TransactionSynchronizationManager.isSynchronizationActive();
    if (tx && TransactionSynchronizationManager.getResource(marker) instanceof Long r) {
      return r;
    }
    scope.insertInto(Revision.T).set(Revision.REVISION, 0L).onConflictDoNothing().execute();
    scope.update(Revision.T).set(Revision.REVISION, Revision.REVISION.plus(1)).execute();
    long revision = revision();
    if (tx) {
      TransactionSynchronizationManager.bindResource(marker, revision);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(marker);
            }
          });
    }
    return revision;
  }

  /** A change to organisations, locations or categories: the search index is rebuilt in full. */
  public void structureChanged() {
    long revision = changed();
    scope.update(Revision.T).set(Revision.STRUCTURE, revision).execute();
  }
}
