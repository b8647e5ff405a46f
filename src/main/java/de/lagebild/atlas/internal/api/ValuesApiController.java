package de.lagebild.atlas.internal.api;

import de.lagebild.atlas.internal.api.AtlasApiController.ValueOut;
import de.lagebild.atlas.internal.indicators.Aggregation;
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
 * {@code GET /api/v1/{tenant}/values}: the values of the tenant (public indicators for everyone,
 * all for members), selected by indicator (id or code), area (id or official key) and period – as
 * JSON paged by the database (by page number with the total, or by a cursor for constant time on
 * any page) or as CSV streamed from a database cursor.
 */
@RestController
class ValuesApiController {

  static final int MAX_SIZE = AtlasApiController.MAX_SIZE;

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final org.springframework.transaction.support.TransactionTemplate readOnly;

  ValuesApiController(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  private static boolean member() {
    return TenantContext.access().map(TenantAccess::isMember).orElse(false);
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
      where = where.and(valueRepository.ofIndicator(indicator));
    }
    if (area != null) {
      where = where.and(valueRepository.ofAreas(area));
    }
    if (p != null) {
      where = where.and(AtlasTables.Value.PERIOD.eq(p));
    }
    if (!member) {
      where = where.and(valueRepository.ofIndicators(indicators.keySet()));
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
    ValueRepository.Page result = valueRepository.page(where, cursor, page * size, size);
    List<ValueRow> rows = result.rows();
    String next = rows.size() < size ? null : token(result.last());
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

  private static String token(ValueRepository.Cursor last) {
    String raw = last.indicator() + "|" + last.area() + "|" + last.period();
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
          Integer.parseInt(parts[0]), parts[2], Integer.parseInt(parts[1]));
    } catch (RuntimeException e) {
      throw new DomainException("atlas.cursorInvalid");
    }
  }
}
