package de.lagebild.strategy.internal.editing;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.PreventionLevel;
import de.lagebild.strategy.internal.store.StrategyRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
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

/** Editing a measure. A concurrent save is shown field by field, and the user's input is kept. */
@Controller
class MeasureEditController {

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final TreeEditing editing;
  private final ResponsibleUnits units;

  MeasureEditController(
      StrategyRepository strategies,
      MeasureRepository measures,
      TreeEditing editing,
      ResponsibleUnits units) {
    this.strategies = strategies;
    this.measures = measures;
    this.editing = editing;
    this.units = units;
  }

  @InitBinder("form")
  void directFields(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  record Conflict(String fieldKey, String current) {}

  @GetMapping("/{tenant}/strategien/{id}/massnahmen/{measureId}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String edit(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("measureId") UUID measureId,
      Model model) {
    MeasureRow m = load(id, measureId);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", MeasureForm.of(m));
    }
    addChoices(id, model);
    model.addAttribute("measure", m);
    return "strategy/editing/measure-edit";
  }

  @PostMapping("/{tenant}/strategien/{id}/massnahmen/{measureId}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String save(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("measureId") UUID measureId,
      @Validated @ModelAttribute("form") MeasureForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    MeasureRow current = load(id, measureId);
    if (!errors.hasErrors()) {
      MeasureRow changed = form.toRow(current);
      try {
        editing.saveMeasure(changed);
        redirect.addFlashAttribute("success", "measure.saved");
        if (!changed.start().isEmpty() && !changed.start().understood()
            || !changed.end().isEmpty() && !changed.end().understood()) {
          redirect.addFlashAttribute("success", "measure.savedDateAsText");
        }
        return "redirect:/" + tenant + "/strategien/" + id + "/massnahmen/" + measureId;
      } catch (ConcurrentEditException e) {
        model.addAttribute("conflicts", conflicts(changed, current));
        form.version = current.version();
        errors.reject("measure.conflict");
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    addChoices(id, model);
    model.addAttribute("measure", current);
    return "strategy/editing/measure-edit";
  }

  /** What the other person saved, where it differs from what this user typed. */
  static List<Conflict> conflicts(MeasureRow mine, MeasureRow theirs) {
    List<Conflict> result = new ArrayList<>();
    add(result, "measure.code", mine.code(), theirs.code());
    add(result, "measure.title", mine.title(), theirs.title());
    add(result, "measure.responsible", mine.responsibleText(), theirs.responsibleText());
    add(result, "measure.indicators", mine.successCriteria(), theirs.successCriteria());
    add(result, "measure.description", mine.description(), theirs.description());
    add(result, "measure.targetGroups", mine.targetGroups(), theirs.targetGroups());
    add(result, "measure.start", mine.start().text(), theirs.start().text());
    add(result, "measure.end", mine.end().text(), theirs.end().text());
    add(result, "measure.costs", mine.costsText(), theirs.costsText());
    add(result, "measure.communication", mine.communication(), theirs.communication());
    if (!mine.unitIds().equals(theirs.unitIds())) {
      result.add(new Conflict("measure.responsibleUnits", String.valueOf(theirs.unitIds().size())));
    }
    return result;
  }

  private static void add(List<Conflict> list, String key, String mine, String theirs) {
    if (!Objects.equals(Text.blankToNull(mine), Text.blankToNull(theirs))) {
      list.add(new Conflict(key, theirs == null ? "–" : theirs));
    }
  }

  private MeasureRow load(UUID strategyId, UUID measureId) {
    return measures
        .find(measureId)
        .filter(m -> m.strategyId().equals(strategyId))
        .orElseThrow(NotFoundException::new);
  }

  private void addChoices(UUID strategyId, Model model) {
    var strategy = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    model.addAttribute("strategy", strategy);
    model.addAttribute(
        "goals",
        strategies.goals(strategyId).stream()
            .sorted(Comparator.comparing(g -> Objects.toString(g.code(), "")))
            .toList());
    model.addAttribute("units", units.list());
    model.addAttribute("preventionLevels", PreventionLevel.values());
    model.addAttribute("lifeSituations", LifeSituation.values());
  }

  /** The edit form; public fields bound directly. */
  static class MeasureForm {
    @Size(max = 30, message = "{validation.tooLong}")
    public String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 5000, message = "{validation.tooLong}")
    public String title;

    @NotNull(message = "{validation.required}")
    public UUID goalId;

    @Size(max = 10000, message = "{validation.tooLong}")
    public String description;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String responsibleText;

    public Set<UUID> units = new LinkedHashSet<>();

    @Size(max = 5000, message = "{validation.tooLong}")
    public String partners;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String successCriteria;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String targetGroups;

    public Set<String> lifeSituations = new LinkedHashSet<>();
    public PreventionLevel preventionLevel;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String costsText;

    public BigDecimal costAmount;

    @Size(max = 300, message = "{validation.tooLong}")
    public String fundingSource;

    @Size(max = 120, message = "{validation.tooLong}")
    public String startText;

    @Size(max = 120, message = "{validation.tooLong}")
    public String endText;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String communication;

    @Min(value = 0, message = "{validation.weight}")
    @Max(value = 100, message = "{validation.weight}")
    public int weight = 1;

    public int version;

    static MeasureForm of(MeasureRow m) {
      MeasureForm f = new MeasureForm();
      f.code = m.code();
      f.title = m.title();
      f.goalId = m.goalId();
      f.description = m.description();
      f.responsibleText = m.responsibleText();
      f.units = new LinkedHashSet<>(m.unitIds());
      f.partners = m.partners();
      f.successCriteria = m.successCriteria();
      f.targetGroups = m.targetGroups();
      f.lifeSituations = new LinkedHashSet<>(m.lifeSituations());
      f.preventionLevel = m.preventionLevel();
      f.costsText = m.costsText();
      f.costAmount = m.costAmount();
      f.fundingSource = m.fundingSource();
      f.startText = m.start().text();
      f.endText = m.end().text();
      f.communication = m.communication();
      f.weight = m.weight();
      f.version = m.version();
      return f;
    }

    MeasureRow toRow(MeasureRow current) {
      Set<String> known = new LinkedHashSet<>(LifeSituation.codes());
      known.retainAll(lifeSituations == null ? Set.of() : lifeSituations);
      return new MeasureRow(
          current.id(),
          current.strategyId(),
          goalId,
          current.position(),
          Text.blankToNull(code),
          title.strip(),
          Text.blankToNull(description),
          Text.blankToNull(responsibleText),
          Text.blankToNull(partners),
          Text.blankToNull(successCriteria),
          Text.blankToNull(targetGroups),
          known,
          preventionLevel,
          Text.blankToNull(costsText),
          costAmount,
          Text.blankToNull(fundingSource),
          FuzzyDate.parse(startText),
          FuzzyDate.parse(endText),
          Text.blankToNull(communication),
          weight,
          units == null ? Set.of() : Set.copyOf(units),
          version);
    }
  }
}
