package de.lagebild.strategy.internal.funding;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The funding of the planning: a table of grants with their total, and a form to add one. */
@Controller
class FundingController {

  private final Funding funding;
  private final MessageSource messages;

  FundingController(Funding funding, MessageSource messages) {
    this.funding = funding;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/foerderung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.READER, Role.CONTRIBUTOR})
  String list(@PathVariable("tenant") String tenant, Model model) {
    var grants = funding.grants();
    model.addAttribute("grants", grants);
    model.addAttribute(
        "total",
        grants.stream()
            .map(FundingRepository.Grant::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add));
    return "strategy/funding/funding";
  }

  @PostMapping("/{tenant}/foerderung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String add(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "source", required = false) String source,
      @RequestParam(name = "amount", required = false) String amount,
      @RequestParam(name = "periodStart", required = false) String start,
      @RequestParam(name = "periodEnd", required = false) String end,
      @RequestParam(name = "note", required = false) String note,
      Model model,
      RedirectAttributes redirect) {
    try {
      funding.add(source, amount(amount), date(start), date(end), note);
      redirect.addFlashAttribute("success", "funding.saved");
      return "redirect:/" + tenant + "/foerderung";
    } catch (DomainException e) {
      model.addAttribute(
          "problem", messages.getMessage(e.messageKey(), e.arguments(), Locale.GERMAN));
      model.addAttribute("form", new String[] {source, amount, start, end, note});
      return list(tenant, model);
    }
  }

  @PostMapping("/{tenant}/foerderung/{id}/entfernen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String remove(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "version", defaultValue = "0") int version,
      RedirectAttributes redirect) {
    funding.remove(id, version);
    redirect.addFlashAttribute("success", "funding.removed");
    return "redirect:/" + tenant + "/foerderung";
  }

  /** A German amount ("77.000", "51.500,50") or a plain one ("77000.5"). */
  static BigDecimal amount(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException("funding.error.amount");
    }
    String t = text.replace("€", "").replace(" ", "").trim();
    if (t.contains(",")) {
      t = t.replace(".", "").replace(',', '.');
    } else if (t.matches("\\d{1,3}(\\.\\d{3})+")) {
      t = t.replace(".", "");
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new DomainException("funding.error.amountFormat", text);
    }
  }

  static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException("funding.error.period");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new DomainException("funding.error.date", text);
    }
  }
}
