package de.lagebild.strategy.internal.editing;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and editing a strategy's frame: title, kind, validity, decision, status, level names,
 * visibility.
 */
@Controller
class StrategyEditController {

  static final int MAX_LEVELS = 6;

  private final StrategyRepository strategies;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  StrategyEditController(
      StrategyRepository strategies, AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.strategies = strategies;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  @InitBinder("form")
  void directFields(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @GetMapping("/{tenant}/strategien/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String newForm(@PathVariable("tenant") String tenant, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new StrategyForm());
    }
    return form(model, null);
  }

  @PostMapping("/{tenant}/strategien/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String create(
      @PathVariable("tenant") String tenant,
      @Validated @ModelAttribute("form") StrategyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        StrategyRow row = form.toRow(UUID.randomUUID(), 0);
        tx.executeWithoutResult(
            s -> {
              strategies.insert(row, clock.instant());
              audit.record(
                  "CREATE",
                  "Strategy",
                  row.id(),
                  "Strategie angelegt: " + row.title(),
                  null,
                  snapshot(row));
            });
        redirect.addFlashAttribute("success", "strategy.created");
        return "redirect:/" + tenant + "/strategien/" + row.id() + "/struktur";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return form(model, null);
  }

  @GetMapping("/{tenant}/strategien/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    StrategyRow s = strategies.find(id).orElseThrow(NotFoundException::new);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", StrategyForm.of(s));
    }
    return form(model, s);
  }

  @PostMapping("/{tenant}/strategien/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String save(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @Validated @ModelAttribute("form") StrategyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    StrategyRow before = strategies.find(id).orElseThrow(NotFoundException::new);
    if (!errors.hasErrors()) {
      try {
        StrategyRow row = form.toRow(id, form.version);
        tx.executeWithoutResult(
            s -> {
              strategies.update(row);
              audit.record(
                  "UPDATE",
                  "Strategy",
                  id,
                  "Strategie geändert: " + row.title(),
                  snapshot(before),
                  snapshot(row));
            });
        redirect.addFlashAttribute("success", "strategy.saved");
        return "redirect:/" + tenant + "/strategien/" + id;
      } catch (ConcurrentEditException e) {
        errors.reject("strategy.conflict");
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return form(model, before);
  }

  private String form(Model model, StrategyRow existing) {
    model.addAttribute("strategy", existing);
    model.addAttribute("statuses", StrategyStatus.values());
    model.addAttribute("visibilities", Visibility.values());
    return "strategy/editing/strategy-edit";
  }

  static Map<String, Object> snapshot(StrategyRow s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", s.title());
    m.put("kind", s.kind());
    m.put("validFrom", s.validFrom());
    m.put("validTo", s.validTo());
    m.put("decision", s.decisionRef());
    m.put("status", s.status());
    m.put("levels", String.join(" → ", s.levelNames()));
    m.put("visibility", s.visibility());
    return m;
  }

  /** The strategy form; public fields bound directly. */
  static class StrategyForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.tooLong}")
    public String title;

    @Size(max = 100, message = "{validation.tooLong}")
    public String kind;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate validFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate validTo;

    @Size(max = 300, message = "{validation.tooLong}")
    public String decisionRef;

    @NotNull(message = "{validation.required}")
    public StrategyStatus status = StrategyStatus.DRAFT;

    @NotBlank(message = "{validation.required}")
    @Size(max = 600, message = "{validation.tooLong}")
    public String levelNames = "Leitziel, Handlungsfeld, Teilziel";

    @NotNull(message = "{validation.required}")
    public Visibility visibility = Visibility.INTERNAL;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String description;

    public int version;

    static StrategyForm of(StrategyRow s) {
      StrategyForm f = new StrategyForm();
      f.title = s.title();
      f.kind = s.kind();
      f.validFrom = s.validFrom();
      f.validTo = s.validTo();
      f.decisionRef = s.decisionRef();
      f.status = s.status();
      f.levelNames = String.join(", ", s.levelNames());
      f.visibility = s.visibility();
      f.description = s.description();
      f.version = s.version();
      return f;
    }

    StrategyRow toRow(UUID id, int version) {
      List<String> levels =
          Arrays.stream(levelNames.split("[,→>|]"))
              .map(String::strip)
              .filter(x -> !x.isEmpty())
              .toList();
      if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
        throw new DomainException("strategy.levels", MAX_LEVELS);
      }
      if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
        throw new DomainException("strategy.validity");
      }
      return new StrategyRow(
          id,
          title.strip(),
          Text.blankToNull(kind),
          validFrom,
          validTo,
          Text.blankToNull(decisionRef),
          status,
          levels,
          visibility,
          Text.blankToNull(description),
          version);
    }
  }
}
