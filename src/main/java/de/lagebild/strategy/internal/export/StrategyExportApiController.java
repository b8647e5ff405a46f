package de.lagebild.strategy.internal.export;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.report.ReportContent;
import de.lagebild.strategy.internal.report.ReportFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/{tenant}/strategies/{id}/export}: a strategy as data (JSON), as the
 * goal-achievement report (PDF, DOCX) or as Lagebild's own table (CSV, XLSX).
 */
@RestController
class StrategyExportApiController {

  private final ReportFiles reports;
  private final ReportContent content;
  private final StrategyTableExport tables;
  private final Clock clock;

  StrategyExportApiController(
      ReportFiles reports, ReportContent content, StrategyTableExport tables, Clock clock) {
    this.reports = reports;
    this.content = content;
    this.tables = tables;
    this.clock = clock;
  }

  /**
   * The goal-achievement report of a strategy: {@code json} as data, {@code pdf} or {@code docx} as
   * files.
   */
  @GetMapping("/api/v1/{tenant}/strategies/{id}/export")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<?> export(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "round", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "json") String format,
      @RequestParam(name = "goal", required = false) UUID goal,
      @RequestParam(name = "unit", required = false) UUID unit,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "internal", defaultValue = "false") boolean internal)
      throws IOException {
    var access = TenantContext.access().orElseThrow();
    ReportContent.Options options =
        new ReportContent.Options(
            round, true, goal, unit, status == null || status.isBlank() ? null : status, internal);
    if ("json".equals(format)) {
      return ResponseEntity.ok(
          content.build(access.name(), id, options, null, LocalCalendar.today(clock)));
    }
    if ("csv".equals(format) || "xlsx".equals(format)) {
      var table = tables.table(id);
      var out = new ByteArrayOutputStream();
      if ("csv".equals(format)) {
        tables.writeCsv(table, out);
      } else {
        tables.writeXlsx("Strategie", table, out);
      }
      return ResponseEntity.ok()
          .contentType(
              "csv".equals(format)
                  ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                  : MediaType.parseMediaType(
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .header("Content-Disposition", "attachment; filename=\"strategie." + format + "\"")
          .body(out.toByteArray());
    }
    return reports.file(
        content.build(access.name(), id, options, null, LocalCalendar.today(clock)), format);
  }
}
