package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasTables.Area;
import de.lagebild.atlas.internal.store.AtlasTables.Geometry;
import de.lagebild.atlas.internal.store.AtlasTables.Successor;
import de.lagebild.platform.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Areas with their keys, validity, successors and members (planning areas), and their outlines. */
@Repository
public class AreaRepository {

  private final TenantScope scope;
  private final AtlasRevision revision;

  AreaRepository(TenantScope scope, AtlasRevision revision) {
    this.scope = scope;
    this.revision = revision;
  }

  public record SuccessorRow(
      UUID predecessor, UUID successor, LocalDate effectiveOn, BigDecimal weight) {}

  public List<AreaRow> areas() {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .orderBy(Area.OFFICIAL_KEY.asc().nullsLast(), Area.NAME)
        .fetch(AreaRepository::area);
  }

  public Optional<AreaRow> area(UUID id) {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .where(Area.ID.eq(id))
        .fetchOptional(AreaRepository::area);
  }

  public List<AreaRow> areasByKey(String key) {
    return scope
        .dsl()
        .select(Area.ALL)
        .from(scope.table(Area.T))
        .where(Area.OFFICIAL_KEY.eq(key))
        .fetch(AreaRepository::area);
  }

  public void insertArea(AreaRow a, Instant now) {
    revision.changed();
    scope
        .insertInto(Area.T)
        .set(Area.ID, a.id())
        .set(Area.TYPE, a.type().name())
        .set(Area.NAME, a.name())
        .set(Area.OFFICIAL_KEY, a.officialKey())
        .set(Area.PARENT_ID, a.parentId())
        .set(Area.VALID_FROM, a.validFrom())
        .set(Area.VALID_TO, a.validTo())
        .set(Area.NOTE, a.note())
        .set(Area.VERSION, 0)
        .set(Area.CREATED_AT, now)
        .execute();
  }

  public void updateArea(AreaRow a) {
    revision.changed();
    scope
        .update(Area.T)
        .set(Area.NAME, a.name())
        .set(Area.PARENT_ID, a.parentId())
        .set(Area.VALID_FROM, a.validFrom())
        .set(Area.VALID_TO, a.validTo())
        .set(Area.NOTE, a.note())
        .set(Area.VERSION, Area.VERSION.plus(1))
        .where(Area.ID.eq(a.id()))
        .execute();
  }

  public void insertSuccessor(SuccessorRow s) {
    revision.changed();
    scope
        .insertInto(Successor.T)
        .set(Successor.PREDECESSOR_ID, s.predecessor())
        .set(Successor.SUCCESSOR_ID, s.successor())
        .set(Successor.EFFECTIVE_ON, s.effectiveOn())
        .set(Successor.WEIGHT, s.weight())
        .execute();
  }

  public List<SuccessorRow> successors() {
    return scope
        .dsl()
        .select(
            Successor.PREDECESSOR_ID,
            Successor.SUCCESSOR_ID,
            Successor.EFFECTIVE_ON,
            Successor.WEIGHT)
        .from(scope.table(Successor.T))
        .fetch(r -> new SuccessorRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public void insertMember(UUID area, UUID member) {
    revision.changed();
    scope
        .insertInto(AtlasTables.Member.T)
        .set(AtlasTables.Member.AREA_ID, area)
        .set(AtlasTables.Member.MEMBER_ID, member)
        .execute();
  }

  /** Planning areas and their members: area id → member ids. */
  public Map<UUID, List<UUID>> members() {
    Map<UUID, List<UUID>> result = new LinkedHashMap<>();
    scope
        .dsl()
        .select(AtlasTables.Member.AREA_ID, AtlasTables.Member.MEMBER_ID)
        .from(scope.table(AtlasTables.Member.T))
        .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return result;
  }

  /** Original geometry (GeoJSON text) per area. */
  public Map<UUID, String> originalGeometries(Collection<UUID> areas) {
    Map<UUID, String> result = new HashMap<>();
    scope
        .dsl()
        .select(Geometry.AREA_ID, Geometry.ORIGINAL)
        .from(scope.table(Geometry.T))
        .where(Geometry.AREA_ID.in(areas))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  public void saveGeometry(
      UUID area, String original, String simplified, String source, Instant now) {
    revision.changed();
    scope.deleteFrom(Geometry.T).where(Geometry.AREA_ID.eq(area)).execute();
    scope
        .insertInto(Geometry.T)
        .set(Geometry.AREA_ID, area)
        .set(Geometry.ORIGINAL, original)
        .set(Geometry.SIMPLIFIED, simplified)
        .set(Geometry.SOURCE, source)
        .set(Geometry.CREATED_AT, now)
        .execute();
  }

  /** Simplified geometry (GeoJSON text) per area. */
  public Map<UUID, String> simplifiedGeometries(Collection<UUID> areas) {
    Map<UUID, String> result = new HashMap<>();
    scope
        .dsl()
        .select(Geometry.AREA_ID, Geometry.SIMPLIFIED)
        .from(scope.table(Geometry.T))
        .where(Geometry.AREA_ID.in(areas))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  private static AreaRow area(Record r) {
    return new AreaRow(
        r.get(Area.ID),
        AreaType.valueOf(r.get(Area.TYPE)),
        r.get(Area.NAME),
        r.get(Area.OFFICIAL_KEY),
        r.get(Area.PARENT_ID),
        r.get(Area.VALID_FROM),
        r.get(Area.VALID_TO),
        r.get(Area.NOTE),
        r.get(Area.VERSION));
  }
}
