package de.lagebild.atlas.internal.api;

import de.lagebild.atlas.internal.indicators.Aggregation;
import de.lagebild.atlas.internal.maps.MapData;
import de.lagebild.atlas.internal.maps.MapParameters;
import de.lagebild.atlas.internal.maps.MapViews;
import de.lagebild.atlas.internal.maps.ProfileViews;
import de.lagebild.atlas.internal.maps.SeriesViews;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.AtlasTables;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.exchange.CsvOutput;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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
  private final org.springframework.transaction.support.TransactionTemplate readOnly;

  AtlasApiController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      MapViews maps,
      ProfileViews profiles,
      SeriesViews seriesViews,
      MapData mapData,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.mapData = mapData;
    this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
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

  /** The values a request selects, with the indicators and areas it may name. */
  private record Selection(
      Condition where,
      Map<UUID, IndicatorRow> indicators,
      Map<UUID, AreaRow> areas,
      java.util.function.Function<ValueRow, ValueOut> out) {}

  private Selection select(String indicatorRef, String areaRef, String period) {
    Map<UUID, AreaRow> areas =
        areaRepository.areas().stream().collect(Collectors.toMap(AreaRow::id, Function.identity()));
    boolean member = member();
    Map<UUID, IndicatorRow> indicators =
        indicatorRepository.indicators().stream()
            .filter(i -> member || i.publicVisible())
            .collect(Collectors.toMap(IndicatorRow::id, Function.identity()));
    // the indicator by id or code, the area by id or official key (all areas of that key)
    UUID indicator = null;
    if (indicatorRef != null && !indicatorRef.isBlank()) {
      String ref = indicatorRef.strip();
      indicator =
          indicators.values().stream()
              .filter(i -> i.id().toString().equals(ref) || i.code().equals(ref))
              .map(IndicatorRow::id)
              .findFirst()
              .orElseThrow(NotFoundException::new);
    }
    List<UUID> area = null;
    if (areaRef != null && !areaRef.isBlank()) {
      String ref = areaRef.strip();
      area =
          areas.values().stream()
              .filter(a -> a.id().toString().equals(ref) || ref.equals(a.officialKey()))
              .map(AreaRow::id)
              .toList();
      if (area.isEmpty()) {
        throw new NotFoundException();
      }
    }
    String p = period == null || period.isBlank() ? null : Periods.normalise(period);
    Condition where = DSL.trueCondition();
    if (indicator != null) {
      where = where.and(AtlasTables.Value.INDICATOR_ID.eq(indicator));
    }
    if (area != null) {
      where = where.and(AtlasTables.Value.AREA_ID.in(area));
    }
    if (p != null) {
      where = where.and(AtlasTables.Value.PERIOD.eq(p));
    }
    if (!member) {
      where = where.and(AtlasTables.Value.INDICATOR_ID.in(indicators.keySet()));
    }
    java.util.function.Function<ValueRow, ValueOut> out =
        r -> {
          ValueRow v = Aggregation.visible(r, indicators.get(r.indicatorId()));
          return new ValueOut(
              v.indicatorId(),
              indicators.get(v.indicatorId()).code(),
              v.areaId(),
              areas.get(v.areaId()).officialKey(),
              areas.get(v.areaId()).name(),
              v.period(),
              v.value(),
              v.special(),
              v.flags(),
              v.source());
        };
    return new Selection(where, indicators, areas, out);
  }

  /**
   * Values as CSV, streamed from a database cursor: the heap holds one chunk, whatever the size.
   */
  @GetMapping(path = "/api/v1/{tenant}/values", params = "format=csv", produces = "text/csv")
  @AllowPublic
  ResponseEntity<StreamingResponseBody> valuesCsv(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indicator", required = false) String indicatorRef,
      @RequestParam(name = "area", required = false) String areaRef,
      @RequestParam(name = "period", required = false) String period) {
    Selection sel = select(indicatorRef, areaRef, period);
    Condition where = sel.where();
    java.util.function.Function<ValueRow, ValueOut> out = sel.out();
    Condition all = where;
    TenantAccess access = TenantContext.access().orElseThrow();
    StreamingResponseBody body =
        stream ->
            TenantContext.runAs(
                access,
                () ->
                    readOnly.executeWithoutResult(
                        status -> {
                          try (CsvOutput csv = CsvOutput.excel(stream)) {
                            csv.row(
                                List.of(
                                    "indicator",
                                    "area_key",
                                    "area_name",
                                    "period",
                                    "value",
                                    "special",
                                    "flags"));
                            valueRepository.each(
                                all,
                                r -> {
                                  ValueOut v = out.apply(r);
                                  csv.row(
                                      Arrays.asList(
                                          v.indicatorCode(),
                                          v.areaKey(),
                                          v.areaName(),
                                          v.period(),
                                          v.value() == null
                                              ? null
                                              : v.value()
                                                  .stripTrailingZeros()
                                                  .toPlainString()
                                                  .replace('.', ','),
                                          v.special(),
                                          v.flags()));
                                });
                          }
                        }));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"werte.csv\"")
        .body(body);
  }

  @GetMapping(
      path = "/api/v1/{tenant}/values",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @AllowPublic
  ResponseEntity<ValuePage> values(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "indicator", required = false) String indicatorRef,
      @RequestParam(name = "area", required = false) String areaRef,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "format", defaultValue = "json") String format,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "1000") int size,
      @RequestParam(name = "after", required = false) String after) {
    Selection sel = select(indicatorRef, areaRef, period);
    Condition where = sel.where();
    java.util.function.Function<ValueRow, ValueOut> out = sel.out();
    if (!"json".equals(format)) {
      throw new DomainException("atlas.formatUnsupported", format);
    }
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new DomainException("atlas.pageInvalid", MAX_SIZE);
    }
    // paged by the database: by cursor (constant time for any page) or by page number
    ValueRepository.Cursor cursor = after == null || after.isBlank() ? null : cursor(after);
    List<ValueRow> rows = valueRepository.page(where, cursor, page * size, size);
    String next = rows.size() < size ? null : token(rows.get(rows.size() - 1));
    return ResponseEntity.ok(
        new ValuePage(
            cursor == null ? page : null,
            size,
            cursor == null ? valueRepository.count(where) : null,
            next,
            rows.stream().map(out).toList()));
  }

  /** A page of values: the page number and total only when paged by number, the cursor onwards. */
  record ValuePage(Integer page, int size, Integer total, String next, List<ValueOut> items) {}

  private static String token(ValueRow last) {
    String raw = last.indicatorId() + "|" + last.areaId() + "|" + last.period();
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ValueRepository.Cursor cursor(String token) {
    try {
      String[] parts =
          new String(
                  java.util.Base64.getUrlDecoder().decode(token),
                  java.nio.charset.StandardCharsets.UTF_8)
              .split("\\|", 3);
      return new ValueRepository.Cursor(
          UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2]);
    } catch (RuntimeException e) {
      throw new DomainException("atlas.cursorInvalid");
    }
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
