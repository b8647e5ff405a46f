package de.lagebild.identity.internal.units;

import static de.lagebild.identity.internal.store.IdentityTables.Unit.*;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class UnitRepository {

  private final TenantScope scope;

  UnitRepository(TenantScope scope) {
    this.scope = scope;
  }

  public List<ResponsibleUnit> findAll() {
    return find(DSL.noCondition());
  }

  public Optional<ResponsibleUnit> findById(UUID id) {
    return find(ID.eq(id)).stream().findFirst();
  }

  public Optional<ResponsibleUnit> findByName(String name) {
    return find(NAME.eq(name)).stream().findFirst();
  }

  boolean nameTaken(String name, UUID except) {
    Condition c = NAME.eq(name);
    if (except != null) {
      c = c.and(ID.ne(except));
    }
    return scope.dsl().fetchExists(scope.table(T), c);
  }

  void insert(ResponsibleUnit u, Instant now) {
    scope
        .insertInto(T)
        .set(ID, u.id())
        .set(NAME, u.name())
        .set(SHORT_NAME, u.shortName())
        .set(DESCRIPTION, u.description())
        .set(ACTIVE, u.active())
        .set(VERSION, 0)
        .set(CREATED_AT, now)
        .execute();
  }

  void update(ResponsibleUnit u) {
    int n =
        scope
            .update(T)
            .set(NAME, u.name())
            .set(SHORT_NAME, u.shortName())
            .set(DESCRIPTION, u.description())
            .set(ACTIVE, u.active())
            .set(VERSION, u.version() + 1)
            .where(ID.eq(u.id()).and(VERSION.eq(u.version())))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Organisationseinheit");
    }
  }

  private List<ResponsibleUnit> find(Condition c) {
    return scope
        .dsl()
        .select(ID, NAME, SHORT_NAME, DESCRIPTION, ACTIVE, VERSION)
        .from(scope.table(T))
        .where(c)
        .orderBy(NAME)
        .fetch(UnitRepository::map);
  }

  private static ResponsibleUnit map(Record r) {
    return new ResponsibleUnit(
        r.get(ID),
        r.get(NAME),
        r.get(SHORT_NAME),
        r.get(DESCRIPTION),
        r.get(ACTIVE),
        r.get(VERSION));
  }
}
