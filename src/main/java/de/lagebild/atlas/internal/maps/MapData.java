package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.demo.DemoAtlas;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRevision;
import de.lagebild.platform.CacheSpec;
import de.lagebild.platform.CompressedAnswer;
import de.lagebild.platform.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Map data as GeoJSON (areas with value, label, rank, class and colour, simplified geometry,
 * attribution), written with Jackson and cached per tenant and request while the tenant's atlas is
 * unchanged (its revision). The cache holds each answer gzip-compressed once (a fifth of the bytes)
 * and is bounded by those bytes, so that varying parameters cannot fill the heap; a client that
 * accepts gzip gets the stored bytes as they are, any other the unpacked ones; a warm map costs a
 * lookup and the bytes, and a client that knows the ETag gets a 304.
 */
@Component
public class MapData {

  public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  /** The name of the cache of answers. */
  public static final String CACHE = "map-data";

  /** Upper bound of the cached answers' bytes. */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  /** The cache of answers: 32 MB of gzipped GeoJSON (about 140 maps of 700 areas). */
  @Configuration(proxyBeanMethods = false)
  static class Caches {
    @Bean
    CacheSpec mapDataCache() {
      return new CacheSpec(CACHE, MAX_BYTES, null);
    }
  }

  private record Cached(long revision, CompressedAnswer answer) implements CacheSpec.Weighed {
    @Override
    public long bytes() {
      return 24 + answer.bytes();
    }
  }

  private final AreaRepository areaRepository;
  private final AtlasRevision atlasRevision;
  private final JsonMapper json;
  private final Cache cache;

  MapData(
      AreaRepository areaRepository,
      AtlasRevision atlasRevision,
      JsonMapper json,
      CacheManager caches) {
    this.areaRepository = areaRepository;
    this.atlasRevision = atlasRevision;
    this.json = json;
    this.cache = java.util.Objects.requireNonNull(caches.getCache(CACHE));
  }

  /**
   * The answer for {@code request} (a key of all parameters), built by {@code map} when the atlas
   * has changed.
   */
  public ResponseEntity<byte[]> answer(String request, Supplier<MapViews.MapView> map) {
    long revision = atlasRevision.revision();
    String key = TenantContext.require().value() + "|" + request;
    Cached e = cache.get(key, Cached.class);
    if (e == null || e.revision() != revision) {
      e = new Cached(revision, CompressedAnswer.of(geoJson(map.get())));
      cache.put(key, e);
    }
    HttpServletRequest current =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    return e.answer().answer(current, GEO_JSON);
  }

  /** The areas of a map as a GeoJSON feature collection (geometry as stored, already GeoJSON). */
  byte[] geoJson(MapViews.MapView map) {
    Map<UUID, String> geometry =
        areaRepository.simplifiedGeometries(map.rows().stream().map(r -> r.area().id()).toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      for (MapViews.MapRow r : map.rows()) {
        String shape = geometry.get(r.area().id());
        if (shape == null) {
          continue;
        }
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", r.area().id().toString());
        g.writeName("properties");
        g.writeStartObject();
        g.writeStringProperty("key", r.area().officialKey());
        g.writeStringProperty("name", r.area().name());
        if (r.value() == null || r.value().value() == null) {
          g.writeNullProperty("value");
        } else {
          g.writeName("value");
          g.writeNumber(r.value().value().stripTrailingZeros().toPlainString());
        }
        g.writeStringProperty("special", r.value() == null ? null : r.value().special());
        g.writeStringProperty("label", r.formatted());
        if (r.rank() == null) {
          g.writeNullProperty("rank");
        } else {
          g.writeNumberProperty("rank", r.rank());
        }
        g.writeNumberProperty("class", r.classIndex());
        g.writeStringProperty("colour", r.colour());
        g.writeEndObject();
        g.writeName("geometry");
        g.writeRawValue(shape);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringProperty("indicator", map.indicator().name());
      g.writeStringProperty("period", map.period());
      g.writeStringProperty("attribution", DemoAtlas.GEO_SOURCE);
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
