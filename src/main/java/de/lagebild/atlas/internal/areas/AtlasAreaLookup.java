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

  static final String SHAPES_CACHE = "area-shapes";
  static final String LISTS_CACHE = "area-lists";

  /**
   * The outlines of every tenant that asked (48 MB: the original outlines of about 400,000 points)
   * and the lists of areas valid today (4 MB).
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Caches {
    @org.springframework.context.annotation.Bean
    de.lagebild.platform.CacheSpec areaShapesCache() {
      return new de.lagebild.platform.CacheSpec(SHAPES_CACHE, 48L * 1024 * 1024, null);
    }

    @org.springframework.context.annotation.Bean
    de.lagebild.platform.CacheSpec areaListsCache() {
      return new de.lagebild.platform.CacheSpec(LISTS_CACHE, 4L * 1024 * 1024, null);
    }
  }

  /**
   * Prepared outlines, weighed by their points (a coordinate with its array slot about 48 bytes,
   * the prepared geometry's index as much again) and an area row each.
   */
  private record Shapes(long revision, List<Object[]> shapes, long bytes)
      implements de.lagebild.platform.CacheSpec.Weighed {}

  private final AreaRepository areaRepository;
  private final AtlasRevision atlasRevision;
  private final org.springframework.cache.Cache cache;
  private final org.springframework.cache.Cache listed;
  private final GeometryFactory factory = new GeometryFactory();

  AtlasAreaLookup(
      AreaRepository areaRepository,
      AtlasRevision atlasRevision,
      org.springframework.cache.CacheManager caches) {
    this.areaRepository = areaRepository;
    this.atlasRevision = atlasRevision;
    this.cache = java.util.Objects.requireNonNull(caches.getCache(SHAPES_CACHE));
    this.listed = java.util.Objects.requireNonNull(caches.getCache(LISTS_CACHE));
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
    Shapes s = cache.get(tenant, Shapes.class);
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
      long bytes = 0;
      for (AreaRow a : areas) {
        String g = geometries.get(a.id());
        if (g != null) {
          Geometry geometry = PlanningAreas.read(g);
          shapes.add(new Object[] {a, PreparedGeometryFactory.prepare(geometry)});
          bytes += 600 + 96L * geometry.getNumPoints();
        }
      }
      s = new Shapes(revision, shapes, bytes);
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
  public List<AreaShape> shapes(String type) {
    List<AreaShape> out = new ArrayList<>();
    for (Object[] s : shapes()) {
      AreaRow a = (AreaRow) s[0];
      if (a.type().name().equals(type)) {
        out.add(new AreaShape(ref(a), ((PreparedGeometry) s[1]).getGeometry()));
      }
    }
    return out;
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

  /** The areas valid on a day, about 300 bytes each (the reference with its texts). */
  private record Listed(long revision, LocalDate day, List<AreaRef> areas)
      implements de.lagebild.platform.CacheSpec.Weighed {
    @Override
    public long bytes() {
      return 64 + 300L * areas.size();
    }
  }

  @Override
  public List<AreaRef> areas() {
    UUID tenant = TenantContext.require().value();
    long revision = atlasRevision.revision();
    LocalDate today = LocalDate.now();
    Listed l = listed.get(tenant, Listed.class);
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
