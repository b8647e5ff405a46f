package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.AreaLookup;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRevision;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.TenantContext;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Service;

/**
 * {@link AreaLookup} on the original outlines (prepared JTS geometries, kept per tenant until the
 * atlas changes).
 */
@Service
class AtlasAreaLookup implements AreaLookup {

  private record Shapes(long revision, List<Object[]> shapes) {}

  private final AreaRepository areaRepository;
  private final AtlasRevision atlasRevision;
  private final Map<UUID, Shapes> cache = new ConcurrentHashMap<>();
  private final GeometryFactory factory = new GeometryFactory();

  AtlasAreaLookup(AreaRepository areaRepository, AtlasRevision atlasRevision) {
    this.areaRepository = areaRepository;
    this.atlasRevision = atlasRevision;
  }

  @Override
  public Optional<AreaRef> areaAt(double latitude, double longitude) {
    Geometry point = factory.createPoint(new Coordinate(longitude, latitude));
    for (Object[] s : shapes()) {
      if (((PreparedGeometry) s[1]).contains(point)) {
        return Optional.of(ref((AreaRow) s[0]));
      }
    }
    return Optional.empty();
  }

  /**
   * Areas with geometry, valid today, innermost kinds first (Gemeindeteil, Gemeinde, Sozialraum,
   * Kreis).
   */
  private List<Object[]> shapes() {
    UUID tenant = TenantContext.require().value();
    long revision = atlasRevision.revision();
    Shapes s = cache.get(tenant);
    if (s == null || s.revision() != revision) {
      LocalDate today = LocalDate.now();
      Set<UUID> composed = areaRepository.members().keySet();
      List<AreaRow> areas =
          areaRepository.areas().stream()
              .filter(
                  a -> a.validOn(today) && a.type() != AreaType.LAND && !composed.contains(a.id()))
              .sorted(Comparator.comparing(AtlasAreaLookup::depth))
              .toList();
      Map<UUID, String> geometries =
          areaRepository.originalGeometries(areas.stream().map(AreaRow::id).toList());
      List<Object[]> shapes = new ArrayList<>();
      for (AreaRow a : areas) {
        String g = geometries.get(a.id());
        if (g != null) {
          shapes.add(new Object[] {a, PreparedGeometryFactory.prepare(PlanningAreas.read(g))});
        }
      }
      s = new Shapes(revision, shapes);
      cache.put(tenant, s);
    }
    return s.shapes();
  }

  private static int depth(AreaRow a) {
    return switch (a.type()) {
      case GEMEINDETEIL -> 0;
      case GEMEINDE -> 1;
      case SOZIALRAUM -> 2;
      case KREIS -> 3;
      case LAND -> 4;
    };
  }

  @Override
  public List<AreaRef> chain(AreaId area) {
    Map<UUID, AreaRow> all = new HashMap<>();
    areaRepository.areas().forEach(a -> all.put(a.id(), a));
    List<AreaRef> chain = new ArrayList<>();
    AreaRow a = area == null ? null : all.get(area.value());
    while (a != null && chain.size() < 10) {
      chain.add(ref(a));
      a = a.parentId() == null ? null : all.get(a.parentId());
    }
    return chain;
  }

  private record Listed(long revision, LocalDate day, List<AreaRef> areas) {}

  private final Map<UUID, Listed> listed = new ConcurrentHashMap<>();

  @Override
  public List<AreaRef> areas() {
    UUID tenant = TenantContext.require().value();
    long revision = atlasRevision.revision();
    LocalDate today = LocalDate.now();
    Listed l = listed.get(tenant);
    if (l == null || l.revision() != revision || !l.day().equals(today)) {
      l = new Listed(revision, today, list(today));
      listed.put(tenant, l);
    }
    return l.areas();
  }

  private List<AreaRef> list(LocalDate today) {
    return areaRepository.areas().stream()
        .filter(a -> a.validOn(today) && a.type() != AreaType.LAND)
        .sorted(
            Comparator.comparing((AreaRow a) -> a.type() == AreaType.KREIS ? 0 : 1)
                .thenComparing(AreaRow::name, Collator.getInstance(Locale.GERMAN)))
        .map(AtlasAreaLookup::ref)
        .toList();
  }

  private static AreaRef ref(AreaRow a) {
    return new AreaRef(new AreaId(a.id()), a.name(), a.type().name(), a.officialKey());
  }

  @Override
  public String outlines() {
    LocalDate today = LocalDate.now();
    List<AreaRow> kreise =
        areaRepository.areas().stream()
            .filter(a -> a.type() == AreaType.KREIS && a.validOn(today))
            .toList();
    Map<UUID, String> geometries =
        areaRepository.simplifiedGeometries(kreise.stream().map(AreaRow::id).toList());
    return GeoJsonOutput.collection(
        out -> {
          for (AreaRow a : kreise) {
            String g = geometries.get(a.id());
            if (g != null) {
              out.feature(java.util.Map.of("name", a.name()), g);
            }
          }
        });
  }
}
