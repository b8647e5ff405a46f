package de.lagebild.identity.internal.tenants;

import static de.lagebild.identity.internal.store.IdentityTables.Tenant.*;

import de.lagebild.platform.ConcurrentEditException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {

  private final DSLContext dsl;

  TenantRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<TenantRow> findBySlug(String slug) {
    return dsl.select(ID, SLUG, NAME, KIND, OFFICIAL_KEY, PUBLIC_VISIBLE, LOGO_TYPE, VERSION)
        .from(T)
        .where(SLUG.eq(slug))
        .fetchOptional(TenantRepository::map);
  }

  public Optional<TenantRow> findById(UUID id) {
    return dsl.select(ID, SLUG, NAME, KIND, OFFICIAL_KEY, PUBLIC_VISIBLE, LOGO_TYPE, VERSION)
        .from(T)
        .where(ID.eq(id))
        .fetchOptional(TenantRepository::map);
  }

  public List<TenantRow> findAll() {
    return dsl.select(ID, SLUG, NAME, KIND, OFFICIAL_KEY, PUBLIC_VISIBLE, LOGO_TYPE, VERSION)
        .from(T)
        .orderBy(NAME)
        .fetch(TenantRepository::map);
  }

  List<TenantRow> findPublic() {
    return dsl.select(ID, SLUG, NAME, KIND, OFFICIAL_KEY, PUBLIC_VISIBLE, LOGO_TYPE, VERSION)
        .from(T)
        .where(PUBLIC_VISIBLE.isTrue())
        .orderBy(NAME)
        .fetch(TenantRepository::map);
  }

  boolean slugExists(String slug) {
    return dsl.fetchExists(T, SLUG.eq(slug));
  }

  int count() {
    return dsl.fetchCount(T);
  }

  void insert(TenantRow row, Instant now) {
    dsl.insertInto(T)
        .set(ID, row.id())
        .set(SLUG, row.slug())
        .set(NAME, row.name())
        .set(KIND, row.kind().name())
        .set(OFFICIAL_KEY, row.officialKey())
        .set(PUBLIC_VISIBLE, row.publicVisible())
        .set(VERSION, 0)
        .set(CREATED_AT, now)
        .execute();
  }

  /** Optimistic update: fails when the row changed since {@code row.version()} was read. */
  void update(TenantRow row) {
    int n =
        dsl.update(T)
            .set(NAME, row.name())
            .set(KIND, row.kind().name())
            .set(OFFICIAL_KEY, row.officialKey())
            .set(PUBLIC_VISIBLE, row.publicVisible())
            .set(VERSION, row.version() + 1)
            .where(ID.eq(row.id()).and(VERSION.eq(row.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Mandant");
    }
  }

  void updateLogo(UUID id, byte[] logo, String contentType) {
    dsl.update(T)
        .set(LOGO, logo)
        .set(LOGO_TYPE, contentType)
        .set(VERSION, VERSION.plus(1))
        .where(ID.eq(id))
        .execute();
  }

  Optional<Logo> logo(UUID id) {
    return dsl.select(LOGO, LOGO_TYPE)
        .from(T)
        .where(ID.eq(id).and(LOGO.isNotNull()))
        .fetchOptional(r -> new Logo(r.get(LOGO), r.get(LOGO_TYPE)));
  }

  record Logo(byte[] data, String contentType) {}

  private static TenantRow map(Record r) {
    return new TenantRow(
        r.get(ID),
        r.get(SLUG),
        r.get(NAME),
        TenantKind.valueOf(r.get(KIND)),
        r.get(OFFICIAL_KEY),
        r.get(PUBLIC_VISIBLE),
        r.get(LOGO_TYPE) != null,
        r.get(VERSION));
  }
}
