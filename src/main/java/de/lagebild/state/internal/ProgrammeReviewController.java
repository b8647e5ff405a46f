package de.lagebild.state.internal;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme review as a download: from the overview page ({@code /{land}/land/programmbericht})
 * and through the API ({@code GET /api/v1/{land}/programme-review?format=pdf|docx}).
 */
@RestController
class ProgrammeReviewController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ProgrammeReview review;
  private final DistrictOverview overview;

  ProgrammeReviewController(ProgrammeReview review, DistrictOverview overview) {
    this.review = review;
    this.overview = overview;
  }

  @GetMapping("/{tenant}/land/programmbericht")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> download(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "format", defaultValue = "pdf") String format)
      throws IOException {
    return file(tenant, format);
  }

  @GetMapping("/api/v1/{tenant}/programme-review")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> api(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "format", defaultValue = "pdf") String format)
      throws IOException {
    return file(tenant, format);
  }

  @GetMapping("/{tenant}/land/profile")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> profiles(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "format", defaultValue = "pdf") String format)
      throws IOException {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    if (!"pdf".equals(format) && !"docx".equals(format)) {
      throw new DomainException("state.review.format", format);
    }
    String land = review.landName();
    String title = review.text("state.profiles.title", land);
    var blocks = ProgrammeReviewFiles.profileBlocks(review.profiles(), land, review);
    return answer(
        "pdf".equals(format),
        "pdf".equals(format)
            ? ProgrammeReviewFiles.pdf(blocks, title)
            : ProgrammeReviewFiles.docx(blocks, title),
        "zahlen-und-fakten-" + tenant + "-" + review.today());
  }

  private static ResponseEntity<byte[]> answer(boolean pdf, byte[] body, String name) {
    return ResponseEntity.ok()
        .contentType(pdf ? MediaType.APPLICATION_PDF : DOCX)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(name + (pdf ? ".pdf" : ".docx"), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  private ResponseEntity<byte[]> file(String tenant, String format) throws IOException {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    if (!"pdf".equals(format) && !"docx".equals(format)) {
      throw new DomainException("state.review.format", format);
    }
    ProgrammeReview.Review r = review.build();
    String title = review.text("state.review.title", r.land());
    var blocks = ProgrammeReviewFiles.blocks(r, review);
    boolean pdf = "pdf".equals(format);
    byte[] body =
        pdf ? ProgrammeReviewFiles.pdf(blocks, title) : ProgrammeReviewFiles.docx(blocks, title);
    return answer(pdf, body, "programmbericht-" + tenant + "-" + r.today());
  }
}
