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
  private final ImprintRepository imprints;
  private final StrategyRepository strategies;

  /** Goal codes in natural order: 1.2 before 1.10. */
  static final java.util.Comparator<String> CODES = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
          ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private final ImprintAdministration imprintAdministration;

  ReportController(ReportContent content, ReportPdfWriter pdf, ReportDocxWriter docx, Clock clock,
      ImprintRepository imprints, StrategyRepository strategies, ImprintAdministration imprintAdministration) {
    this.imprintAdministration = imprintAdministration;
    this.imprints = imprints;
    this.strategies = strategies;
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
      @RequestParam(name = "statusspalte", defaultValue = "false") boolean withStatus,
      @RequestParam(name = "ziel", required = false) UUID goal,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "statusfilter", required = false) String status,
      @RequestParam(name = "intern", defaultValue = "false") boolean internal) throws IOException {
    var access = TenantContext.access().orElseThrow();
    return file(content.build(access.name(), id, new ReportContent.Options(round, withStatus, goal, unit,
        blank(status), internal), null, LocalDate.now(clock.withZone(StrategyController.ZONE))), format);
  }

  /** The same with the imprint changed for this one report (nothing is saved). */
  @org.springframework.web.bind.annotation.PostMapping("/{tenant}/strategien/{id}/bericht")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> reportWithImprint(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "pdf") String format,
      @RequestParam(name = "statusspalte", defaultValue = "false") boolean withStatus,
      @RequestParam(name = "ziel", required = false) UUID goal,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "statusfilter", required = false) String status,
      @RequestParam(name = "intern", defaultValue = "false") boolean internal,
      @org.springframework.web.bind.annotation.ModelAttribute ImprintForm imprint) throws IOException {
    var access = TenantContext.access().orElseThrow();
    imprint.validate();
    ImprintRepository.ImprintRow saved = imprints.effective(id);
    ImprintRepository.ImprintRow given = imprint.toRow(id, saved.version()).map(r -> r.orElse(saved)).orElse(saved);
    return file(content.build(access.name(), id, new ReportContent.Options(round, withStatus, goal, unit,
        blank(status), internal), given, LocalDate.now(clock.withZone(StrategyController.ZONE))), format);
  }

  @GetMapping("/{tenant}/strategien/{id}/impressum")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String imprintForm(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id,
      org.springframework.ui.Model model) {
    model.addAttribute("strategy", strategies.find(id).orElseThrow(de.lagebild.platform.NotFoundException::new));
    model.addAttribute("own", imprints.find(id).orElse(ImprintRepository.ImprintRow.empty(id)));
    model.addAttribute("tenantDefault", imprints.find(null).orElse(ImprintRepository.ImprintRow.empty(null)));
    return "strategy/imprint";
  }

  /** Saves the imprint of this strategy ({@code scope=strategie}) or the tenant's default ({@code mandant}). */
  @org.springframework.web.bind.annotation.PostMapping("/{tenant}/strategien/{id}/impressum")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String saveImprint(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id,
      @RequestParam("scope") String scope, @RequestParam(name = "version", defaultValue = "0") int version,
      @org.springframework.web.bind.annotation.ModelAttribute ImprintForm form,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    var strategy = strategies.find(id).orElseThrow(de.lagebild.platform.NotFoundException::new);
    UUID target = "mandant".equals(scope) ? null : id;
    form.validate();
    imprintAdministration.save(form.toRow(target, version).orElse(ImprintRepository.ImprintRow.empty(target)),
        strategy.title());
    redirect.addFlashAttribute("success", "mandant".equals(scope) ? "imprint.savedTenant" : "imprint.saved");
    return "redirect:/" + tenant + "/strategien/" + id + "/impressum";
  }

  /** The imprint fields of a form. */
  static class ImprintForm {
    private String publisher;
    private String editors;
    private String contact;
    private String editorialDeadline;
    private String fundingNote;
    private String introduction;

    java.util.Optional<ImprintRepository.ImprintRow> toRow(UUID strategyId, int version) {
      if (blank(publisher) == null && blank(editors) == null && blank(contact) == null
          && blank(editorialDeadline) == null && blank(fundingNote) == null && blank(introduction) == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new ImprintRepository.ImprintRow(null, strategyId, blank(publisher),
          blank(editors), blank(contact), blank(editorialDeadline), blank(fundingNote), blank(introduction), version));
    }

    void validate() {
      for (String s : new String[] {publisher, editors, contact, fundingNote}) {
        if (s != null && s.length() > 2000) {
          throw new DomainException("imprint.tooLong", 2000);
        }
      }
      if (editorialDeadline != null && editorialDeadline.length() > 100) {
        throw new DomainException("imprint.tooLong", 100);
      }
      if (introduction != null && introduction.length() > 20000) {
        throw new DomainException("imprint.tooLong", 20000);
      }
    }

    public void setPublisher(String publisher) {
      this.publisher = publisher;
    }

    public void setEditors(String editors) {
      this.editors = editors;
    }

    public void setContact(String contact) {
      this.contact = contact;
    }

    public void setEditorialDeadline(String editorialDeadline) {
      this.editorialDeadline = editorialDeadline;
    }

    public void setFundingNote(String fundingNote) {
      this.fundingNote = fundingNote;
    }

    public void setIntroduction(String introduction) {
      this.introduction = introduction;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The report as a downloadable PDF or DOCX file (also used by the API). */
  ResponseEntity<byte[]> file(ReportContent.Report r, String format) throws IOException {
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
    String name = "Bericht-Zielerreichung-"
        + (r.round() == null ? "ohne-Runde" : r.round().name()).replaceAll("[^A-Za-z0-9äöüÄÖÜß-]+", "-")
        + "." + extension;
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(out.toByteArray());
  }
}
