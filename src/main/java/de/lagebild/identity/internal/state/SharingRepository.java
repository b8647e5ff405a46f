package de.lagebild.identity.internal.state;

import de.lagebild.identity.SharedItem;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * The sharing settings of the current tenant (table sharing_setting); a missing row: not shared.
 */
@Repository
class SharingRepository {

  static final TenantTable T = TenantTable.named("sharing_setting");
  static final Field<String> ITEM = T.text("item");
  static final Field<Boolean> SHARED = T.field("shared", Types.BOOL);
  static final Field<Integer> VERSION = T.field("version", Types.INT);
  static final Field<Instant> CHANGED_AT = T.instant("changed_at");

  /** One item's setting; version -1 when it was never set. */
  record Setting(SharedItem item, boolean shared, int version) {}

  private final TenantScope scope;

  SharingRepository(TenantScope scope) {
    this.scope = scope;
  }

  Map<SharedItem, Setting> settings() {
    Map<SharedItem, Setting> all = new EnumMap<>(SharedItem.class);
    for (SharedItem item : SharedItem.values()) {
      all.put(item, new Setting(item, false, -1));
    }
    scope
        .dsl()
        .select(ITEM, SHARED, VERSION)
        .from(scope.table(T))
        .fetch()
        .forEach(
            r -> {
              SharedItem item = SharedItem.valueOf(r.get(ITEM));
              all.put(item, new Setting(item, r.get(SHARED), r.get(VERSION)));
            });
    return all;
  }

  /** Optimistic write: fails when the setting changed since {@code version} was read. */
  void save(SharedItem item, boolean shared, int version, Instant now) {
    int n;
    if (version < 0) {
      boolean exists = scope.dsl().fetchExists(scope.table(T), ITEM.eq(item.name()));
      if (exists) {
        throw new ConcurrentEditException("Freigabe");
      }
      n =
          scope
              .insertInto(T)
              .set(ITEM, item.name())
              .set(SHARED, shared)
              .set(VERSION, 0)
              .set(CHANGED_AT, now)
              .execute();
    } else {
      n =
          scope
              .update(T)
              .set(SHARED, shared)
              .set(VERSION, version + 1)
              .set(CHANGED_AT, now)
              .where(ITEM.eq(item.name()), VERSION.eq(version))
              .execute();
    }
    if (n != 1) {
      throw new ConcurrentEditException("Freigabe");
    }
  }
}
