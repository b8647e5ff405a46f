package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueTables.Location;
import de.lagebild.platform.TenantScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The places where offers are given, with their coordinates and atlas area. */
@Repository
public class LocationRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  LocationRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  public List<LocationRow> locations() {
    return scope
        .dsl()
        .select(Location.ALL)
        .from(scope.table(Location.T))
        .orderBy(Location.CITY, Location.NAME)
        .fetch(LocationRepository::location);
  }

  public Optional<LocationRow> location(UUID id) {
    return scope
        .dsl()
        .select(Location.ALL)
        .from(scope.table(Location.T))
        .where(Location.ID.eq(id))
        .fetchOptional(LocationRepository::location);
  }

  public void insertLocation(LocationRow l) {
    revisions.structureChanged();
    scope
        .insertInto(Location.T)
        .set(Location.ID, l.id())
        .set(Location.ORGANIZATION_ID, l.organizationId())
        .set(Location.NAME, l.name())
        .set(Location.STREET, l.street())
        .set(Location.POSTAL_CODE, l.postalCode())
        .set(Location.CITY, l.city())
        .set(Location.LATITUDE, l.latitude())
        .set(Location.LONGITUDE, l.longitude())
        .set(Location.ACCESSIBILITY, l.accessibility())
        .set(Location.AREA_ID, l.areaId())
        .set(Location.VERSION, 0)
        .execute();
  }

  boolean updateLocation(LocationRow l) {
    revisions.structureChanged();
    return scope
            .update(Location.T)
            .set(Location.NAME, l.name())
            .set(Location.STREET, l.street())
            .set(Location.POSTAL_CODE, l.postalCode())
            .set(Location.CITY, l.city())
            .set(Location.LATITUDE, l.latitude())
            .set(Location.LONGITUDE, l.longitude())
            .set(Location.ACCESSIBILITY, l.accessibility())
            .set(Location.AREA_ID, l.areaId())
            .set(Location.VERSION, l.version() + 1)
            .where(Location.ID.eq(l.id()))
            .and(Location.VERSION.eq(l.version()))
            .execute()
        == 1;
  }

  private static LocationRow location(Record r) {
    return new LocationRow(
        r.get(Location.ID),
        r.get(Location.ORGANIZATION_ID),
        r.get(Location.NAME),
        r.get(Location.STREET),
        r.get(Location.POSTAL_CODE),
        r.get(Location.CITY),
        r.get(Location.LATITUDE),
        r.get(Location.LONGITUDE),
        r.get(Location.ACCESSIBILITY),
        r.get(Location.AREA_ID),
        r.get(Location.VERSION));
  }
}
