package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueTables.Reminder;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The e-mail reminders sent to organisations about offers not confirmed for too long. */
@Repository
public class ReminderRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  ReminderRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  public void insertReminder(UUID organization, String to, int offers, Instant at, String by) {
    scope
        .insertInto(Reminder.T)
        .set(Reminder.ID, UUID.randomUUID())
        .set(Reminder.ORGANIZATION_ID, organization)
        .set(Reminder.SENT_TO, to)
        .set(Reminder.OFFERS, offers)
        .set(Reminder.SENT_AT, at)
        .set(Reminder.SENT_BY, by)
        .execute();
  }

  /** The last reminder per organisation. */
  public Map<UUID, Instant> lastReminders() {
    Map<UUID, Instant> result = new HashMap<>();
    scope
        .dsl()
        .select(Reminder.ORGANIZATION_ID, DSL.max(Reminder.SENT_AT))
        .from(scope.table(Reminder.T))
        .groupBy(Reminder.ORGANIZATION_ID)
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }
}
