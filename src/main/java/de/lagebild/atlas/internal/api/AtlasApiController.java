package de.lagebild.atlas.internal.api;

import de.lagebild.atlas.internal.maps.MapData;
import de.lagebild.atlas.internal.maps.MapParameters;
import de.lagebild.atlas.internal.maps.MapViews;
import de.lagebild.atlas.internal.maps.ProfileViews;
import de.lagebild.atlas.internal.maps.SeriesViews;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data API of the atlas: areas, indicators, values (JSON or CSV) and map data (GeoJSON with
 * values), paged, with ETags (see {@code AtlasWebConfiguration}) and gzip.
 */
@RestController
class AtlasApiController {

  record AreaOut(
      UUID id,
      String type,
      String name,
      String key,
      UUID parent,
      String validFrom,
      String validTo,
      List<SuccessorOut> successors) {}

  /** The area that took over from a dissolved one, from which day and with which share. */
  record SuccessorOut(UUID id, String key, String name, String effectiveOn, BigDecimal weight) {}

  record IndicatorOut(
      UUID id,
      String code,
      String name,
      String shortName,
      String unit,
      int decimals,
      String polarity,
      String definition,
      String readingAid,
      String source,
      String licence,
      String lifeSituation) {}

  record ValueOut(
      UUID indicator,
      String indicatorCode,
      UUID area,
      String areaKey,
      String areaName,
      String period,
      BigDecimal value,
      String special,
      String flags,
      String source) {}

  record Page<T>(int page, int size, int total, List<T> items) {}

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  static final int MAX_SIZE = 5000;

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final MapViews maps;
  private final ProfileViews profiles;
  private final SeriesViews seriesViews;

  private final MapData mapData;

  AtlasApiController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      MapViews maps,
      ProfileViews profiles,
      SeriesViews seriesViews,
      MapData mapData) {
    this.mapData = mapData;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.maps = maps;
    this.profiles = profiles;
    this.seriesViews = seriesViews;
  }

  /**
   * Members of the tenant (by login or token) read every indicator; everyone else – without login,
   * for tenants whose atlas is public – only the indicators marked public.
   */
  private static boolean member() {
    return TenantContext.access().map(TenantAccess::isMember).orElse(false);
  }

  @GetMapping(path = "/api/v1/{tenant}/areas", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Page<AreaOut> areas(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "500") int size) {
    List<AreaRow> areaRows = areaRepository.areas();
    Map<UUID, AreaRow> byId =
        areaRows.stream().collect(Collectors.toMap(AreaRow::id, Function.identity()));
    Map<UUID, List<SuccessorOut>> successors = new java.util.HashMap<>();
    for (AreaRepository.SuccessorRow r : areaRepository.successors()) {
      AreaRow next = byId.get(r.successor());
      if (next != null) {
        successors
            .computeIfAbsent(r.predecessor(), k -> new ArrayList<>())
            .add(
                new SuccessorOut(
                    next.id(),
                    next.officialKey(),
                    next.name(),
                    r.effectiveOn().toString(),
                    r.weight()));
      }
    }
    List<AreaOut> all =
        areaRows.stream()
            .map(
                a ->
                    new AreaOut(
                        a.id(),
                        a.type().name(),
                        a.name(),
                        a.officialKey(),
                        a.parentId(),
                        a.validFrom() == null ? null : a.validFrom().toString(),
                        a.validTo() == null ? null : a.validTo().toString(),
                        successors.getOrDefault(a.id(), List.of())))
            .toList();
    return page(all, page, size);
  }

  @GetMapping(path = "/api/v1/{tenant}/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Page<IndicatorOut> indicators(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "500") int size) {
    boolean member = member();
    return page(
        indicatorRepository.indicators().stream()
            .filter(i -> member || i.publicVisible())
            .map(AtlasApiController::out)
            .toList(),
        page,
        size);
  }

  /** GeoJSON of the areas of a map, with value, class and colour per area (simplified geometry). */
  @GetMapping(
      path = "/api/v1/{tenant}/map-data",
      produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  @AllowPublic
  ResponseEntity<byte[]> mapData(
      @PathVariable("tenant") String tenant,
      @RequestParam("indicator") UUID indicator,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "klassen", defaultValue = "quantile") String method,
      @RequestParam(name = "anzahl", defaultValue = "5") int count,
      @RequestParam(name = "grenzen", required = false) String breaks,
      @RequestParam(name = "level", required = false) String level) {
    if (!member()
        && !indicatorRepository
            .indicator(indicator)
            .map(IndicatorRow::publicVisible)
            .orElse(false)) {
      throw new NotFoundException();
    }
    return mapData.answer(
        indicator + "|" + period + "|" + method + "|" + count + "|" + breaks + "|" + level,
        () ->
            maps.map(
                indicator,
                period,
                MapParameters.method(method),
                count,
                MapParameters.breaks(breaks),
                MapParameters.level(level)));
  }

  static IndicatorOut out(IndicatorRow i) {
    return new IndicatorOut(
        i.id(),
        i.code(),
        i.name(),
        i.shortName(),
        i.unit(),
        i.decimals(),
        i.polarity().name(),
        i.definition(),
        i.readingAid(),
        i.source(),
        i.licence(),
        i.lifeSituation());
  }

  static <T> Page<T> page(List<T> all, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new DomainException("atlas.pageInvalid", MAX_SIZE);
    }
    int from = Math.min(all.size(), page * size);
    return new Page<>(
        page,
        size,
        all.size(),
        new ArrayList<>(all.subList(from, Math.min(all.size(), from + size))));
  }
}
