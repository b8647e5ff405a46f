package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.indicators.Derivation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Planning areas (Sozialräume, Planungsräume) built from member areas – usually Gemeinden: the new
 * area keeps its members, its outline is the union of theirs (the original geometry from the
 * originals, the display geometry from the members' simplified outlines, so that borders shared
 * with neighbours stay shared), and its counts are the sums of its members' counts, its rates
 * recomputed from summed numerators and denominators ({@link Derivation}).
 */
@Service
public class PlanningAreas {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AreaRepository areaRepository;
  private final Derivation derivation;
  private final AuditLog audit;
  private final Clock clock;

  PlanningAreas(AreaRepository areaRepository, Derivation derivation, AuditLog audit, Clock clock) {
    this.areaRepository = areaRepository;
    this.derivation = derivation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A planning area and its members, for the list. */
  record Planned(AreaRow area, List<AreaRow> members) {}

  List<Planned> all() {
    Map<UUID, AreaRow> areas = new LinkedHashMap<>();
    areaRepository.areas().forEach(a -> areas.put(a.id(), a));
    List<Planned> result = new ArrayList<>();
    areaRepository
        .members()
        .forEach(
            (id, members) -> {
              AreaRow a = areas.get(id);
              if (a != null) {
                result.add(
                    new Planned(
                        a,
                        members.stream()
                            .map(areas::get)
                            .filter(Objects::nonNull)
                            .sorted(Comparator.comparing(AreaRow::name))
                            .toList()));
              }
            });
    result.sort(Comparator.comparing(p -> p.area().name().toLowerCase(Locale.GERMAN)));
    return result;
  }

  /**
   * Creates the planning area {@code name} from at least two members of this tenant; returns its
   * id.
   */
  @Transactional
  public UUID create(String name, String key, List<UUID> memberIds) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new DomainException("atlas.planning.name");
    }
    Set<UUID> ids = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
    if (ids.size() < 2) {
      throw new DomainException("atlas.planning.members");
    }
    List<AreaRow> members = new ArrayList<>();
    for (UUID id : ids) {
      // an id of another tenant is not found here: the query is scoped to the current tenant
      members.add(areaRepository.area(id).orElseThrow(NotFoundException::new));
    }
    if (members.stream().anyMatch(m -> m.type() == AreaType.LAND)) {
      throw new DomainException("atlas.planning.land");
    }
    String k = key == null || key.isBlank() ? null : key.strip();
    if (k != null && !areaRepository.areasByKey(k).isEmpty()) {
      throw new DomainException("atlas.planning.keyTaken", k);
    }
    if (areaRepository.areas().stream()
        .anyMatch(a -> a.type() == AreaType.SOZIALRAUM && a.name().equalsIgnoreCase(n))) {
      throw new DomainException("atlas.planning.nameTaken", n);
    }
    Set<UUID> parents = new LinkedHashSet<>();
    members.forEach(m -> parents.add(m.parentId()));
    UUID parent = parents.size() == 1 ? parents.iterator().next() : null;
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String note =
        "Planungsraum aus "
            + members.size()
            + " Gebieten: "
            + String.join(", ", members.stream().map(AreaRow::name).sorted().toList());
    areaRepository.insertArea(
        new AreaRow(
            id,
            AreaType.SOZIALRAUM,
            n,
            k,
            parent,
            null,
            null,
            note.length() > 1000 ? note.substring(0, 999) + "…" : note,
            0),
        now);
    for (AreaRow m : members) {
      areaRepository.insertMember(id, m.id());
    }
    Map<UUID, String> originals = areaRepository.originalGeometries(ids);
    Map<UUID, String> simplified = areaRepository.simplifiedGeometries(ids);
    if (originals.size() == ids.size()) {
      areaRepository.saveGeometry(
          id,
          GeoJsonOutput.geometry(union(originals.values())),
          GeoJsonOutput.geometry(union(simplified.values())),
          "Vereinigung der Gebiete",
          now);
    }
    derivation.recomputeAll();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", n);
    after.put("members", members.stream().map(AreaRow::name).toList());
    audit.record("CREATE", "Area", id, "Planungsraum angelegt: " + n, null, after);
    return id;
  }

  // ---------------------------------------------------------------- geometry

  public static Geometry union(Collection<String> geoJson) {
    List<Geometry> parts = new ArrayList<>();
    for (String g : geoJson) {
      parts.add(read(g));
    }
    Geometry u = UnaryUnionOp.union(parts);
    return u == null ? GEOMETRY.createMultiPolygon() : u;
  }

  public static Geometry read(String geoJson) {
    JsonNode node = JSON.readTree(geoJson);
    String type = node.path("type").asString();
    if ("Polygon".equals(type)) {
      return polygon(node.path("coordinates"));
    }
    if ("MultiPolygon".equals(type)) {
      List<Polygon> polygons = new ArrayList<>();
      node.path("coordinates").forEach(p -> polygons.add(polygon(p)));
      return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
    throw new DomainException("atlas.planning.geometry", type);
  }

  private static Polygon polygon(JsonNode rings) {
    List<LinearRing> list = new ArrayList<>();
    for (JsonNode ring : rings) {
      List<Coordinate> coordinates = new ArrayList<>();
      ring.forEach(
          c -> coordinates.add(new Coordinate(c.path(0).asDouble(), c.path(1).asDouble())));
      if (!coordinates.isEmpty()
          && !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
        coordinates.add(coordinates.get(0));
      }
      list.add(GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new)));
    }
    return GEOMETRY.createPolygon(
        list.get(0), list.subList(1, list.size()).toArray(LinearRing[]::new));
  }

  private static String number(double d) {
    return BigDecimal.valueOf(d)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
