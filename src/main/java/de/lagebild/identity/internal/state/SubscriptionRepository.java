package de.lagebild.identity.internal.state;

import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** Whether the current tenant subscribes to its Land's atlas (table state_subscription). */
@Repository
public class SubscriptionRepository {

  static final TenantTable T = TenantTable.named("state_subscription");
  static final Field<Boolean> SUBSCRIBED = T.field("subscribed", Types.BOOL);
  static final Field<Integer> VERSION = T.field("version", Types.INT);
  static final Field<Instant> CHANGED_AT = T.instant("changed_at");

  /** The setting; version -1 when it was never set (not subscribed). */
  public record Setting(boolean subscribed, int version) {}

  private final TenantScope scope;

  SubscriptionRepository(TenantScope scope) {
    this.scope = scope;
  }

  Setting setting() {
    return scope
        .dsl()
        .select(SUBSCRIBED, VERSION)
        .from(scope.table(T))
        .fetchOptional(r -> new Setting(r.get(SUBSCRIBED), r.get(VERSION)))
        .orElse(new Setting(false, -1));
  }

  void save(boolean subscribed, int version, Instant now) {
    int n =
        version < 0
            ? scope
                .insertInto(T)
                .set(SUBSCRIBED, subscribed)
                .set(VERSION, 0)
                .set(CHANGED_AT, now)
                .execute()
            : scope
                .update(T)
                .set(SUBSCRIBED, subscribed)
                .set(VERSION, version + 1)
                .set(CHANGED_AT, now)
                .where(VERSION.eq(version))
                .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Abonnement");
    }
  }
}
