package de.lagebild.strategy.internal;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/{tenant}/strategy-imports}: the import wizard for scripts. With {@code dryRun=true} (the
 * default) it answers the tree that would be created and writes nothing; with {@code dryRun=false} it creates the
 * strategy in one transaction. Errors are RFC 9457 problems.
 */
@RestController
class StrategyApiController {

  record Warning(int line, String field, String code, String detail) {}

  record Measure(String code, String title, Map<String, String> fields, String assessment) {}

  record Node(int level, String levelName, String code, String title, int line, List<Measure> measures,
      List<Node> children) {}

  record ImportResult(String format, String encoding, boolean dryRun, String roundName, Map<String, Integer> counts,
      int measures, List<Node> tree, List<Warning> warnings, UUID strategyId) {}

  private final StrategyImport imports;
  private final ReportController reports;
  private final ReportContent content;
  private final StrategyTableExport tables;
  private final java.time.Clock clock;

  StrategyApiController(StrategyImport imports, ReportController reports, ReportContent content,
      StrategyTableExport tables, java.time.Clock clock) {
    this.imports = imports;
    this.reports = reports;
    this.content = content;
    this.tables = tables;
    this.clock = clock;
  }

  /** The goal-achievement report of a strategy: {@code json} as data, {@code pdf} or {@code docx} as files. */
  @org.springframework.web.bind.annotation.GetMapping("/api/v1/{tenant}/strategies/{id}/export")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<?> export(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id,
      @RequestParam(name = "round", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "json") String format) throws IOException {
    if ("json".equals(format)) {
      var access = de.lagebild.platform.TenantContext.access().orElseThrow();
      return ResponseEntity.ok(content.build(access.name(), id, round, true,
          java.time.LocalDate.now(clock.withZone(StrategyController.ZONE))));
    }
    if ("csv".equals(format) || "xlsx".equals(format)) {
      var table = tables.table(id);
      var out = new java.io.ByteArrayOutputStream();
      if ("csv".equals(format)) {
        tables.writeCsv(table, out);
      } else {
        tables.writeXlsx("Strategie", table, out);
      }
      return ResponseEntity.ok()
          .contentType("csv".equals(format) ? MediaType.parseMediaType("text/csv;charset=UTF-8")
              : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .header("Content-Disposition", "attachment; filename=\"strategie." + format + "\"")
          .body(out.toByteArray());
    }
    return reports.file(id, round, format, true);
  }

  @PostMapping(path = "/api/v1/{tenant}/strategy-imports", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<ImportResult> importStrategy(@PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file, @RequestParam(name = "format", defaultValue = "table") String format,
      @RequestParam(name = "strategy", required = false) String title,
      @RequestParam(name = "round", required = false) String round,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun) throws IOException {
    if (!"table".equals(format)) {
      throw new DomainException("import.formatUnsupported", format);
    }
    if (file.getSize() > StrategyImportController.MAX_TEXT) {
      throw new DomainException("import.tooLarge", StrategyImportController.MAX_TEXT / 1024 / 1024);
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(file.getBytes());
    TableFormatReader.Result r = imports.preview(decoded.text());
    UUID created = null;
    if (!dryRun) {
      String name = title == null || title.isBlank()
          ? (file.getOriginalFilename() == null ? "Import" : file.getOriginalFilename().replaceFirst("\\.[^.]+$", ""))
          : title;
      created = imports.commit(decoded.text(), name, null, round).strategyId();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Node> tree = new ArrayList<>();
    for (TableFormatReader.Goal g : r.roots()) {
      tree.add(node(g, r, counts, String.valueOf(tree.size() + 1)));
    }
    List<Warning> warnings = r.warnings().stream()
        .map(w -> new Warning(w.line(), w.field(), w.messageKey(), w.detail())).toList();
    return ResponseEntity.ok(new ImportResult("table", decoded.charset(), dryRun,
        round == null || round.isBlank() ? r.roundName() : round, counts, r.measureCount(), tree, warnings, created));
  }

  private static Node node(TableFormatReader.Goal g, TableFormatReader.Result r, Map<String, Integer> counts,
      String code) {
    String levelName = r.levelNames().get(g.level);
    counts.merge(levelName, 1, Integer::sum);
    List<Measure> measures = new ArrayList<>();
    int m = 1;
    for (TableFormatReader.Measure x : g.measures) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("Verantwortlich", x.responsible());
      fields.put("Indikatoren", x.indicators());
      measures.add(new Measure(code + "." + m++, x.title(), fields, x.assessmentHtml()));
    }
    List<Node> children = new ArrayList<>();
    int c = 1;
    for (TableFormatReader.Goal k : g.children) {
      children.add(node(k, r, counts, code + "." + c++));
    }
    return new Node(g.level, levelName, code, g.title, g.line, measures, children);
  }
}
