package de.lagebild.strategy.internal.report;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The goal-achievement report for the Kreistag, as PDF or Word, for any round. */
@Controller
class ReportController {

  private final ReportContent content;
  private final ReportFiles files;
  private final Clock clock;
  private final ImprintRepository imprints;
  private final StrategyRepository strategies;

  private final ImprintAdministration imprintAdministration;

  ReportController(
      ReportContent content,
      ReportFiles files,
      Clock clock,
      ImprintRepository imprints,
      StrategyRepository strategies,
      ImprintAdministration imprintAdministration) {
    this.imprintAdministration = imprintAdministration;
    this.imprints = imprints;
    this.strategies = strategies;
    this.content = content;
    this.files = files;
    this.clock = clock;
  }

  @GetMapping("/{tenant}/strategien/{id}/bericht")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> report(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "pdf") String format,
      @RequestParam(name = "statusspalte", defaultValue = "false") boolean withStatus,
      @RequestParam(name = "ziel", required = false) UUID goal,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "statusfilter", required = false) String status,
      @RequestParam(name = "intern", defaultValue = "false") boolean internal,
      @RequestParam(name = "wirkungskette", defaultValue = "false") boolean chain)
      throws IOException {
    var access = TenantContext.access().orElseThrow();
    return files.file(
        content.build(
            access.name(),
            id,
            new ReportContent.Options(
                round, withStatus, goal, unit, Text.blankToNull(status), internal, chain),
            null,
            LocalCalendar.today(clock)),
        format);
  }

  /** The same with the imprint changed for this one report (nothing is saved). */
  @PostMapping("/{tenant}/strategien/{id}/bericht")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> reportWithImprint(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "format", defaultValue = "pdf") String format,
      @RequestParam(name = "statusspalte", defaultValue = "false") boolean withStatus,
      @RequestParam(name = "ziel", required = false) UUID goal,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "statusfilter", required = false) String status,
      @RequestParam(name = "intern", defaultValue = "false") boolean internal,
      @RequestParam(name = "wirkungskette", defaultValue = "false") boolean chain,
      @ModelAttribute ImprintForm imprint)
      throws IOException {
    var access = TenantContext.access().orElseThrow();
    imprint.validate();
    ImprintRepository.ImprintRow saved = imprints.effective(id);
    ImprintRepository.ImprintRow given =
        imprint.toRow(id, saved.version()).map(r -> r.orElse(saved)).orElse(saved);
    return files.file(
        content.build(
            access.name(),
            id,
            new ReportContent.Options(
                round, withStatus, goal, unit, Text.blankToNull(status), internal, chain),
            given,
            LocalCalendar.today(clock)),
        format);
  }

  @GetMapping("/{tenant}/strategien/{id}/impressum")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String imprintForm(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("strategy", strategies.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("own", imprints.find(id).orElse(ImprintRepository.ImprintRow.empty(id)));
    model.addAttribute(
        "tenantDefault", imprints.find(null).orElse(ImprintRepository.ImprintRow.empty(null)));
    return "strategy/report/imprint";
  }

  /**
   * Saves the imprint of this strategy ({@code scope=strategie}) or the tenant's default ({@code
   * mandant}).
   */
  @PostMapping("/{tenant}/strategien/{id}/impressum")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String saveImprint(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("scope") String scope,
      @RequestParam(name = "version", defaultValue = "0") int version,
      @ModelAttribute ImprintForm form,
      RedirectAttributes redirect) {
    var strategy = strategies.find(id).orElseThrow(NotFoundException::new);
    UUID target = "mandant".equals(scope) ? null : id;
    form.validate();
    imprintAdministration.save(
        form.toRow(target, version).orElse(ImprintRepository.ImprintRow.empty(target)),
        strategy.title());
    redirect.addFlashAttribute(
        "success", "mandant".equals(scope) ? "imprint.savedTenant" : "imprint.saved");
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

    Optional<ImprintRepository.ImprintRow> toRow(UUID strategyId, int version) {
      if (Text.blankToNull(publisher) == null
          && Text.blankToNull(editors) == null
          && Text.blankToNull(contact) == null
          && Text.blankToNull(editorialDeadline) == null
          && Text.blankToNull(fundingNote) == null
          && Text.blankToNull(introduction) == null) {
        return Optional.empty();
      }
      return Optional.of(
          new ImprintRepository.ImprintRow(
              null,
              strategyId,
              Text.blankToNull(publisher),
              Text.blankToNull(editors),
              Text.blankToNull(contact),
              Text.blankToNull(editorialDeadline),
              Text.blankToNull(fundingNote),
              Text.blankToNull(introduction),
              version));
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
}
