package de.lagebild.strategy.internal.report;

import de.lagebild.platform.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The goal-achievement report as a download: tagged PDF or DOCX, named after its round. */
@Component
public class ReportFiles {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ReportPdfWriter pdf;
  private final ReportDocxWriter docx;

  ReportFiles(ReportPdfWriter pdf, ReportDocxWriter docx) {
    this.pdf = pdf;
    this.docx = docx;
  }

  /** The report as a downloadable PDF or DOCX file (also used by the API). */
  public ResponseEntity<byte[]> file(ReportContent.Report r, String format) throws IOException {
    String intro = r.introduction();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MediaType type;
    String extension;
    switch (format) {
      case "pdf" -> {
        pdf.write(r, ReportPdfWriter.paragraphsHtml(intro), out);
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
    String name =
        "Bericht-Zielerreichung-"
            + (r.round() == null ? "ohne-Runde" : r.round().name())
                .replaceAll("[^A-Za-z0-9äöüÄÖÜß-]+", "-")
            + "."
            + extension;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(out.toByteArray());
  }
}
