package de.lagebild.strategy.internal;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The goal-achievement report for the Kreistag, as PDF or Word, for any round. */
@Controller
class ReportController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ReportContent content;
  private final ReportPdfWriter pdf;
  private final ReportDocxWriter docx;
  private final Clock clock;

  ReportController(ReportContent content, ReportPdfWriter pdf, ReportDocxWriter docx, Clock clock) {
    this.content = content;
    this.pdf = pdf;
    this.docx = docx;
    this.clock = clock;
  }

  @GetMapping("/{tenant}/strategien/{id}/bericht")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> report(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "pdf") String format,
      @RequestParam(name = "status", defaultValue = "false") boolean withStatus) throws IOException {
    return file(id, round, format, withStatus);
  }

  /** The report of a strategy and round as a downloadable PDF or DOCX file (also used by the API). */
  ResponseEntity<byte[]> file(UUID id, UUID round, String format, boolean withStatus) throws IOException {
    var access = TenantContext.access().orElseThrow();
    ReportContent.Report r = content.build(access.name(), id, round, withStatus,
        LocalDate.now(clock.withZone(StrategyController.ZONE)));
    String intro = r.strategy().description();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MediaType type;
    String extension;
    switch (format) {
      case "pdf" -> {
        pdf.write(r, intro == null ? null : "<p>" + de.lagebild.exchange.SafeHtml.escape(intro) + "</p>", out);
        type = MediaType.APPLICATION_PDF;
        extension = "pdf";
      }
      case "docx" -> {
        docx.write(r, intro, out);
        type = DOCX;
        extension = "docx";
      }
      default -> throw new DomainException("report.format", format);
    }
    String name = "Bericht-Zielerreichung-"
        + (r.round() == null ? "ohne-Runde" : r.round().name()).replaceAll("[^A-Za-z0-9äöüÄÖÜß-]+", "-")
        + "." + extension;
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(out.toByteArray());
  }
}
