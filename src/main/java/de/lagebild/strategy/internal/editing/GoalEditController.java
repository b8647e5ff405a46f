package de.lagebild.strategy.internal.editing;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import de.lagebild.strategy.GoalNeeds;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
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

/**
 * Editing a goal's own fields: code, title, description, success criterion, goal source, life
 * situations.
 */
@Controller
class GoalEditController {

  private final StrategyRepository strategies;
  private final TreeEditing editing;
  private final ObjectProvider<GoalNeeds> needs;

  GoalEditController(
      StrategyRepository strategies, TreeEditing editing, ObjectProvider<GoalNeeds> needs) {
    this.needs = needs;
    this.strategies = strategies;
    this.editing = editing;
  }

  @InitBinder("form")
  void directFields(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @GetMapping("/{tenant}/strategien/{id}/ziele/{goalId}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String edit(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      Model model) {
    GoalRow g = load(id, goalId);
    if (!model.containsAttribute("form")) {
      GoalForm form = GoalForm.of(g);
      needs.ifAvailable(n -> n.of(goalId).forEach(r -> form.needs.add(r.id())));
      model.addAttribute("form", form);
    }
    return view(model, id, g);
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele/{goalId}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String save(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @Validated @ModelAttribute("form") GoalForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    GoalRow current = load(id, goalId);
    if (!errors.hasErrors()) {
      Set<String> known = new LinkedHashSet<>(LifeSituation.codes());
      known.retainAll(form.lifeSituations == null ? Set.of() : form.lifeSituations);
      try {
        editing.saveGoal(
            new GoalRow(
                goalId,
                id,
                current.parentId(),
                current.level(),
                current.position(),
                Text.blankToNull(form.code),
                form.title.strip(),
                Text.blankToNull(form.description),
                Text.blankToNull(form.successCriterion),
                Text.blankToNull(form.goalSource),
                known,
                form.version));
        if (form.needsShown) {
          // the goal's own fields are saved; which needs it answers is kept by the needs' module
          needs.ifAvailable(n -> n.answer(goalId, new LinkedHashSet<>(form.needs)));
        }
        redirect.addFlashAttribute("success", "goal.saved");
        return "redirect:/" + tenant + "/strategien/" + id + "/struktur";
      } catch (ConcurrentEditException e) {
        errors.reject("goal.conflict");
      } catch (NotFoundException e) {
        throw e;
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return view(model, id, current);
  }

  private GoalRow load(UUID strategyId, UUID goalId) {
    return strategies
        .goal(goalId)
        .filter(g -> g.strategyId().equals(strategyId))
        .orElseThrow(NotFoundException::new);
  }

  private String view(Model model, UUID strategyId, GoalRow goal) {
    model.addAttribute("strategy", strategies.find(strategyId).orElseThrow(NotFoundException::new));
    model.addAttribute("goal", goal);
    model.addAttribute("lifeSituations", LifeSituation.values());
    GoalNeeds n = needs.getIfAvailable();
    model.addAttribute("needChoices", n == null ? List.of() : n.all());
    return "strategy/editing/goal-edit";
  }

  /** The goal form; public fields bound directly. */
  static class GoalForm {
    @Size(max = 30, message = "{validation.tooLong}")
    public String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 5000, message = "{validation.tooLong}")
    public String title;

    @Size(max = 10000, message = "{validation.tooLong}")
    public String description;

    @Size(max = 5000, message = "{validation.tooLong}")
    public String successCriterion;

    @Size(max = 500, message = "{validation.tooLong}")
    public String goalSource;

    public Set<String> lifeSituations = new LinkedHashSet<>();
    public Set<UUID> needs = new LinkedHashSet<>();
    public boolean needsShown;
    public int version;

    static GoalForm of(GoalRow g) {
      GoalForm f = new GoalForm();
      f.code = g.code();
      f.title = g.title();
      f.description = g.description();
      f.successCriterion = g.successCriterion();
      f.goalSource = g.goalSource();
      f.lifeSituations = new LinkedHashSet<>(g.lifeSituations());
      f.version = g.version();
      return f;
    }
  }
}
