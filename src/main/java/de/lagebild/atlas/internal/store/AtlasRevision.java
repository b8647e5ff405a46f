package de.lagebild.atlas.internal.store;

import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revision of a tenant's atlas data, by which every cache of every instance knows whether it is
 * still current: raised in the transaction of each write, read at most once a second per instance.
 */
@Repository
public class AtlasRevision {

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

  AtlasRevision(TenantScope scope) {
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

  public void changed() {
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
}
