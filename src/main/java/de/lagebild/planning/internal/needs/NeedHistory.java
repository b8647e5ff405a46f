package de.lagebild.planning.internal.needs;

import de.lagebild.planning.internal.needs.Need.Status;
import de.lagebild.planning.internal.needs.Need.StatusChange;
import de.lagebild.planning.internal.needs.NeedTables.NeedStatusChange;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** The status history of needs: every change with its date, reason and who made it. */
@Repository
class NeedHistory {

  private final TenantScope scope;

  NeedHistory(TenantScope scope) {
    this.scope = scope;
  }

  void insert(UUID needId, StatusChange c, Instant now) {
    scope
        .insertInto(NeedStatusChange.T)
        .set(NeedStatusChange.ID, UUID.randomUUID())
        .set(NeedStatusChange.NEED_ID, needId)
        .set(NeedStatusChange.STATUS, c.status().name())
        .set(NeedStatusChange.CHANGED_ON, c.on())
        .set(NeedStatusChange.REASON, c.reason())
        .set(NeedStatusChange.ACTOR_NAME, c.actorName())
        .set(NeedStatusChange.CREATED_AT, now)
        .execute();
  }

  /** The status history, oldest first. */
  List<StatusChange> of(UUID needId) {
    return scope
        .dsl()
        .select(
            NeedStatusChange.STATUS,
            NeedStatusChange.CHANGED_ON,
            NeedStatusChange.REASON,
            NeedStatusChange.ACTOR_NAME)
        .from(scope.table(NeedStatusChange.T))
        .where(NeedStatusChange.NEED_ID.eq(needId))
        .orderBy(NeedStatusChange.CHANGED_ON, NeedStatusChange.CREATED_AT)
        .fetch(
            r -> new StatusChange(Status.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
  }
}
