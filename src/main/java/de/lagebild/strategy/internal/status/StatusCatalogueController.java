package de.lagebild.strategy.internal.status;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's status catalogue: labels, default progress, colours and symbols; statuses can be
 * retired.
 */
@Controller
class StatusCatalogueController {

  static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{1,29}");

  private final StatusCatalogue statuses;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  StatusCatalogueController(StatusCatalogue statuses, AuditLog audit, TransactionTemplate tx) {
    this.statuses = statuses;
    this.audit = audit;
    this.tx = tx;
  }

  @GetMapping("/{tenant}/verwaltung/status")
  @AllowRoles(Role.ADMIN)
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("statuses", statuses.all());
    return "strategy/status/status-catalogue";
  }

  @PostMapping("/{tenant}/verwaltung/status/{id}")
  @AllowRoles(Role.ADMIN)
  String update(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("label") String label,
      @RequestParam("defaultProgress") int progress,
      @RequestParam("colour") String colour,
      @RequestParam("symbol") String symbol,
      @RequestParam(name = "active", defaultValue = "false") boolean active,
      RedirectAttributes redirect) {
    StatusOptionRow before =
        statuses.all().stream()
            .filter(s -> s.id().equals(id))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    StatusOptionRow after =
        new StatusOptionRow(
            id,
            before.code(),
            label.strip(),
            progress,
            colour,
            symbol.strip(),
            before.position(),
            active);
    check(after);
    tx.executeWithoutResult(
        s -> {
          statuses.update(after);
          audit.record(
              "UPDATE",
              "StatusOption",
              id,
              "Status geändert: " + after.label(),
              snapshot(before),
              snapshot(after));
        });
    redirect.addFlashAttribute("success", "statusCatalogue.saved");
    return "redirect:/" + tenant + "/verwaltung/status";
  }

  @PostMapping("/{tenant}/verwaltung/status")
  @AllowRoles(Role.ADMIN)
  String create(
      @PathVariable("tenant") String tenant,
      @RequestParam("code") String code,
      @RequestParam("label") String label,
      @RequestParam("defaultProgress") int progress,
      @RequestParam("colour") String colour,
      @RequestParam("symbol") String symbol,
      RedirectAttributes redirect) {
    String clean = code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(clean).matches()) {
      throw new DomainException("statusCatalogue.error.code");
    }
    if (statuses.byCode().containsKey(clean)) {
      throw new DomainException("statusCatalogue.codeTaken", clean);
    }
    int position = statuses.all().stream().mapToInt(StatusOptionRow::position).max().orElse(0) + 1;
    StatusOptionRow row =
        new StatusOptionRow(
            UUID.randomUUID(),
            clean,
            label.strip(),
            progress,
            colour,
            symbol.strip(),
            position,
            true);
    check(row);
    tx.executeWithoutResult(
        s -> {
          statuses.insert(row);
          audit.record(
              "CREATE",
              "StatusOption",
              row.id(),
              "Status angelegt: " + row.label(),
              null,
              snapshot(row));
        });
    redirect.addFlashAttribute("success", "statusCatalogue.created");
    return "redirect:/" + tenant + "/verwaltung/status";
  }

  private static void check(StatusOptionRow s) {
    if (s.label().isEmpty() || s.label().length() > 100) {
      throw new DomainException("statusCatalogue.error.label");
    }
    if (s.defaultProgress() < 0 || s.defaultProgress() > 100) {
      throw new DomainException("assessment.progressRange");
    }
    if (!COLOUR.matcher(s.colour()).matches()) {
      throw new DomainException("statusCatalogue.error.colour");
    }
    if (s.symbol().isEmpty() || s.symbol().length() > 8) {
      throw new DomainException("statusCatalogue.error.symbol");
    }
  }

  private static Map<String, Object> snapshot(StatusOptionRow s) {
    return Map.of(
        "label",
        s.label(),
        "defaultProgress",
        s.defaultProgress(),
        "colour",
        s.colour(),
        "symbol",
        s.symbol(),
        "active",
        s.active());
  }
}
