package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.areas.GeoJsonImport;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loading official statistics and geometry through the API: preview (dry run) and commit of a
 * statistics file, long tables from {@value #STREAM_FROM} bytes as a stream, GeoJSON outlines.
 */
@RestController
class IndicatorImportApiController {

  record ApiProblem(int line, String field, String code, String message, boolean error) {}

  record ApiColumn(
      int column, String label, String unit, String indicator, boolean create, boolean skip) {}

  record ApiResult(
      String format,
      String encoding,
      String table,
      String title,
      boolean dryRun,
      List<ApiColumn> columns,
      int values,
      int areasMatched,
      List<String> unknownAreas,
      List<ApiProblem> problems,
      IndicatorImport.Summary summary) {}

  record GeometryProblem(int feature, String field, String code, String message, boolean error) {}

  record GeometryResult(
      boolean dryRun,
      int features,
      int matched,
      int created,
      int pointsBefore,
      int pointsAfter,
      List<String> newAreas,
      List<GeometryProblem> problems,
      String format,
      String crs,
      String layer,
      List<String> layers) {}

  /** Long tables from this size are committed as a stream ({@link StreamingValueImport}). */
  static final long STREAM_FROM = 5L * 1024 * 1024;

  private final IndicatorImport imports;
  private final StreamingValueImport streaming;
  private final GeoJsonImport geoJson;
  private final MessageSource messages;
  private final ColumnMappings mappings;
  private final de.lagebild.platform.DatabaseStatistics statistics;

  IndicatorImportApiController(
      IndicatorImport imports,
      StreamingValueImport streaming,
      GeoJsonImport geoJson,
      MessageSource messages,
      ColumnMappings mappings,
      de.lagebild.platform.DatabaseStatistics statistics) {
    this.statistics = statistics;
    this.imports = imports;
    this.streaming = streaming;
    this.geoJson = geoJson;
    this.messages = messages;
    this.mappings = mappings;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @PostMapping(
      path = "/api/v1/{tenant}/indicator-imports",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @ResponseBody
  ApiResult api(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "mapping", required = false) String mapping,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "savedMapping", required = false) String savedMapping,
      @RequestParam(name = "saveMappingAs", required = false) String saveMappingAs,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
      @RequestParam(name = "toSuccessor", defaultValue = "false") boolean toSuccessor,
      @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid,
      @RequestParam(name = "createAreas", defaultValue = "false") boolean createAreas)
      throws IOException {
    Map<Integer, String> map = new LinkedHashMap<>();
    if (mapping != null && !mapping.isBlank()) {
      for (String part : mapping.split("[;,]")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2 || !kv[0].strip().matches("\\d+")) {
          throw new DomainException("atlas.mappingInvalid", part);
        }
        map.put(Integer.parseInt(kv[0].strip()), kv[1].strip());
      }
    }
    UUID saved =
        savedMapping == null || savedMapping.isBlank()
            ? null
            : mappings
                .byName(savedMapping)
                .orElseThrow(() -> new DomainException("atlas.mappingUnknown"))
                .id();
    if (!dryRun && map.isEmpty() && saved == null && file.getSize() >= STREAM_FROM) {
      // a large long table: streamed, without holding the file or its values in memory
      Path tmp = Files.createTempFile("lagebild-values-", ".csv");
      try {
        file.transferTo(tmp);
        if (StreamingValueImport.isLongTable(tmp)) {
          IndicatorImport.Summary s = streaming.commit(tmp, file.getOriginalFilename());
          statistics.afterWriting(s.values(), AtlasImportJobs.VALUE_TABLES);
          return new ApiResult(
              "long", null, null, null, false, List.of(), s.values(), 0, List.of(), List.of(), s);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    byte[] bytes = file.getBytes();
    IndicatorImport.Options options =
        new IndicatorImport.Options(
            map.isEmpty() ? null : map,
            blankToNull(period),
            saved,
            blankToNull(saveMappingAs),
            toSuccessor,
            skipInvalid,
            createAreas);
    IndicatorImport.Preview p = imports.preview(bytes, options);
    IndicatorImport.Summary summary =
        dryRun ? null : imports.commit(bytes, file.getOriginalFilename(), options, null);
    if (summary != null) {
      statistics.afterWriting(summary.values(), AtlasImportJobs.VALUE_TABLES);
    }
    return new ApiResult(
        p.read().format().name().toLowerCase(Locale.ROOT),
        p.charset(),
        p.read().tableCode(),
        p.read().title(),
        dryRun,
        p.targets().stream()
            .map(
                t ->
                    new ApiColumn(
                        t.column(), t.label(), t.unit(), t.indicatorName(), t.create(), t.skip()))
            .toList(),
        p.values(),
        p.areasMatched(),
        p.unknownAreas(),
        p.problems().stream()
            .map(
                x ->
                    new ApiProblem(
                        x.line(),
                        x.field(),
                        x.messageKey(),
                        messages.getMessage(
                            x.messageKey(),
                            new Object[] {x.detail()},
                            x.messageKey(),
                            Locale.GERMAN),
                        x.error()))
            .toList(),
        summary);
  }

  /**
   * {@code POST /api/v1/{tenant}/geometry-imports}: area geometry from a geometry file (GeoJSON,
   * TopoJSON, GeoPackage or a zipped shapefile, in the coordinate system it names), the key in
   * property {@code key} (default AGS/ARS), the name in {@code name} (default GEN/name), the
   * shapefile or GeoPackage layer in {@code layer}, only keys starting with {@code keyPrefix};
   * {@code dryRun=true} writes nothing. ({@code toSuccessor}, {@code skipInvalid} and {@code
   * createAreas} belong to the indicator import and are ignored here.)
   */
  @PostMapping(
      path = "/api/v1/{tenant}/geometry-imports",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @ResponseBody
  GeometryResult geometry(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "key", required = false) String key,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
      @RequestParam(name = "toSuccessor", defaultValue = "false") boolean toSuccessor,
      @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid,
      @RequestParam(name = "createAreas", defaultValue = "false") boolean createAreas,
      @RequestParam(name = "layer", required = false) String layer,
      @RequestParam(name = "keyPrefix", required = false) String keyPrefix)
      throws IOException {
    GeoJsonImport.Result r =
        geoJson.read(
            file.getBytes(),
            file.getOriginalFilename(),
            layer,
            new GeoJsonImport.Options(key, name, keyPrefix));
    int created = 0;
    if (!dryRun) {
      created =
          geoJson.commit(
              r, file.getOriginalFilename() == null ? "GeoJSON" : file.getOriginalFilename());
    }
    return new GeometryResult(
        dryRun,
        r.features().size(),
        (int) r.features().stream().filter(f -> f.existingArea() != null).count(),
        created,
        r.pointsBefore(),
        r.pointsAfter(),
        r.features().stream()
            .filter(f -> f.existingArea() == null)
            .map(f -> (f.key() == null ? "" : f.key() + " ") + f.name())
            .toList(),
        r.problems().stream()
            .map(
                p ->
                    new GeometryProblem(
                        p.feature(),
                        p.field(),
                        p.messageKey(),
                        messages.getMessage(
                            p.messageKey(),
                            new Object[] {p.detail()},
                            p.messageKey(),
                            Locale.GERMAN),
                        p.error()))
            .toList(),
        r.format(),
        r.crs(),
        r.layer(),
        r.layers());
  }
}
