package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.areas.GeoJsonImport;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Loading official statistics: upload (GENESIS / Regionaldatenbank table CSV or long CSV), preview
 * with the column mapping and every problem with its line, commit in one transaction. The same
 * through the API.
 */
@Controller
class IndicatorImportController {

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
      List<GeometryProblem> problems) {}

  /** Long tables from this size are committed as a stream ({@link StreamingValueImport}). */
  static final long STREAM_FROM = 5L * 1024 * 1024;

  private final IndicatorImport imports;
  private final StreamingValueImport streaming;
  private final GeoJsonImport geoJson;
  private final IndicatorRepository indicatorRepository;
  private final MessageSource messages;
  private final UploadStash stash;
  private final ColumnMappings mappings;
  private final AtlasImportJobs jobs;
  private final long backgroundFrom;

  IndicatorImportController(
      IndicatorImport imports,
      StreamingValueImport streaming,
      GeoJsonImport geoJson,
      IndicatorRepository indicatorRepository,
      MessageSource messages,
      ColumnMappings mappings,
      AtlasImportJobs jobs,
      LagebildProperties lagebild)
      throws IOException {
    this.mappings = mappings;
    this.jobs = jobs;
    this.backgroundFrom = lagebild.imports().backgroundFromBytes();
    this.imports = imports;
    this.streaming = streaming;
    this.geoJson = geoJson;
    this.indicatorRepository = indicatorRepository;
    this.messages = messages;
    this.stash = new UploadStash("atlas");
  }

  @GetMapping("/{tenant}/atlas/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("mappings", mappings.all());
    model.addAttribute("jobs", jobs.recent(5));
    return "atlas/statistics/import";
  }

  @PostMapping("/{tenant}/atlas/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "zuordnung", required = false) UUID saved,
      HttpSession session,
      Model model)
      throws IOException {
    byte[] bytes = file.getBytes();
    IndicatorImport.Options options =
        new IndicatorImport.Options(null, blankToNull(period), saved, null);
    IndicatorImport.Preview p = imports.preview(bytes, options);
    String token =
        stash.put(
            session, tenant, new ByteArrayInputStream(bytes), file.getOriginalFilename(), null);
    model.addAttribute("preview", p);
    model.addAttribute("token", token);
    model.addAttribute("indicators", indicatorRepository.indicators());
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("period", blankToNull(period));
    model.addAttribute("saved", saved == null ? null : mappings.byId(saved).orElse(null));
    model.addAttribute("background", bytes.length >= backgroundFrom);
    return "atlas/statistics/import-preview";
  }

  @PostMapping("/{tenant}/atlas/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "speichernAls", required = false) String saveAs,
      @RequestParam(name = "nachfolger", defaultValue = "false") boolean toSuccessor,
      @RequestParam(name = "gueltigeZeilen", defaultValue = "false") boolean skipInvalid,
      HttpServletRequest request,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    Map<Integer, String> mapping = new HashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (name.matches("spalte-\\d{1,6}") && values.length > 0 && !values[0].isBlank()) {
                mapping.put(Integer.parseInt(name.substring(7)), values[0]);
              }
            });
    IndicatorImport.Options options =
        new IndicatorImport.Options(
            mapping, blankToNull(period), null, blankToNull(saveAs), toSuccessor, skipInvalid);
    if (p.size() >= backgroundFrom) {
      Path owned = stash.dir().resolve("job-" + token);
      Files.move(p.file(), owned, StandardCopyOption.REPLACE_EXISTING);
      stash.remove(session, token, true);
      UUID job = jobs.start(owned, p.fileName(), options);
      return "redirect:/" + tenant + "/atlas/import/auftraege/" + job;
    }
    IndicatorImport.Summary s =
        imports.commit(Files.readAllBytes(p.file()), p.fileName(), options, null);
    stash.remove(session, token, false);
    redirect.addFlashAttribute("atlasSummary", s);
    redirect.addFlashAttribute("success", "atlas.import.done");
    return "redirect:/" + tenant + "/atlas";
  }

  /**
   * Every problem of the previewed file as a CSV table (line, field, kind, message), so that the
   * rows left out can be corrected at the source.
   */
  @GetMapping("/{tenant}/atlas/import/hinweise")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<byte[]> problems(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "zuordnung", required = false) UUID saved,
      HttpSession session)
      throws IOException {
    UploadStash.Pending pending =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    IndicatorImport.Preview p =
        imports.preview(
            Files.readAllBytes(pending.file()),
            new IndicatorImport.Options(null, blankToNull(period), saved, null));
    List<List<?>> rows = new java.util.ArrayList<>();
    rows.add(List.of("Zeile", "Feld", "Art", "Hinweis"));
    for (StatisticsTable.Problem x : p.problems()) {
      rows.add(
          List.of(
              x.line() > 0 ? String.valueOf(x.line()) : "",
              x.field(),
              x.error() ? "Fehler – Zeile wird übersprungen" : "Hinweis",
              messages.getMessage(
                  x.messageKey(), new Object[] {x.detail()}, x.messageKey(), Locale.GERMAN)));
    }
    String name = (pending.fileName() == null ? "datei" : pending.fileName()) + "-hinweise.csv";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name.replaceAll("[^\\w.-]", "_") + "\"")
        .body(de.lagebild.exchange.CsvOutput.bytes(rows));
  }

  @GetMapping("/{tenant}/atlas/import/auftraege/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String job(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "atlas/statistics/import-job";
  }

  /** The progress part of the job page, polled by htmx while the job runs. */
  @GetMapping("/{tenant}/atlas/import/auftraege/{id}/fortschritt")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String jobProgress(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "atlas/statistics/import-job :: status";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * {@code POST /api/v1/{tenant}/indicator-imports}: the same for scripts; {@code dryRun=true}
   * writes nothing.
   */
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
      @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid)
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
            skipInvalid);
    IndicatorImport.Preview p = imports.preview(bytes, options);
    IndicatorImport.Summary summary =
        dryRun ? null : imports.commit(bytes, file.getOriginalFilename(), options, null);
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
   * {@code POST /api/v1/{tenant}/geometry-imports}: area geometry from GeoJSON (WGS84), the key in
   * property {@code key} (default ARS/AGS), the name in {@code name} (default GEN/name); {@code
   * dryRun=true} writes nothing.
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
      @RequestParam(name = "skipInvalid", defaultValue = "false") boolean skipInvalid)
      throws IOException {
    String text = TextDecoder.decode(file.getBytes()).text();
    GeoJsonImport.Result r = geoJson.read(text, key, name);
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
            .toList());
  }
}
