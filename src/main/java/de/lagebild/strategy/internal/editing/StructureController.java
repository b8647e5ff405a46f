package de.lagebild.strategy.internal.editing;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The structure of the goal tree: new goals and measures, moving and reordering – with buttons, not
 * dragging.
 */
@Controller
class StructureController {

  private final StrategyRepository strategies;
  private final TreeEditing editing;

  StructureController(StrategyRepository strategies, TreeEditing editing) {
    this.strategies = strategies;
    this.editing = editing;
  }

  record Line(GoalRow goal, int depth, boolean first, boolean last) {}

  @GetMapping("/{tenant}/strategien/{id}/struktur")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String structure(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    var strategy = strategies.find(id).orElseThrow(NotFoundException::new);
    List<GoalRow> all = strategies.goals(id);
    List<Line> lines = new ArrayList<>();
    addChildren(null, all, 0, lines);
    model.addAttribute("strategy", strategy);
    model.addAttribute("lines", lines);
    return "strategy/editing/structure";
  }

  private static void addChildren(UUID parent, List<GoalRow> all, int depth, List<Line> into) {
    List<GoalRow> kids =
        all.stream()
            .filter(g -> Objects.equals(g.parentId(), parent))
            .sorted(Comparator.comparingInt(GoalRow::position))
            .toList();
    for (int i = 0; i < kids.size(); i++) {
      into.add(new Line(kids.get(i), depth, i == 0, i == kids.size() - 1));
      addChildren(kids.get(i).id(), all, depth + 1, into);
    }
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String createGoal(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "parent", required = false) UUID parent,
      @RequestParam(name = "code", required = false) String code,
      @RequestParam("title") String title,
      RedirectAttributes redirect) {
    requireText(title, 5000);
    editing.createGoal(id, parent, code, title, null, null);
    redirect.addFlashAttribute("success", "goal.created");
    return "redirect:/" + tenant + "/strategien/" + id + "/struktur";
  }

  @PostMapping("/{tenant}/strategien/{id}/massnahmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String createMeasure(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("goal") UUID goal,
      @RequestParam(name = "code", required = false) String code,
      @RequestParam("title") String title,
      RedirectAttributes redirect) {
    requireText(title, 5000);
    MeasureRow m =
        editing.createMeasure(
            new MeasureRow(
                UUID.randomUUID(),
                id,
                goal,
                Integer.MAX_VALUE / 2,
                code == null || code.isBlank() ? null : code.strip(),
                title.strip(),
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                null,
                FuzzyDate.EMPTY,
                FuzzyDate.EMPTY,
                null,
                1,
                Set.of(),
                0));
    redirect.addFlashAttribute("success", "measure.created");
    return "redirect:/" + tenant + "/strategien/" + id + "/massnahmen/" + m.id() + "/bearbeiten";
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele/{goalId}/verschieben")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String move(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @RequestParam(name = "parent", required = false) UUID parent,
      @RequestParam("version") int version,
      RedirectAttributes redirect) {
    editing.moveGoal(id, goalId, parent, version);
    redirect.addFlashAttribute("success", "goal.moved");
    return "redirect:/" + tenant + "/strategien/" + id + "/struktur";
  }

  @PostMapping("/{tenant}/strategien/{id}/ziele/{goalId}/reihenfolge")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String reorder(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @RequestParam("richtung") String direction,
      RedirectAttributes redirect) {
    editing.reorderGoal(id, goalId, "hoch".equals(direction));
    redirect.addFlashAttribute("success", "goal.reordered");
    return "redirect:/" + tenant + "/strategien/" + id + "/struktur#z-" + goalId;
  }

  private static void requireText(String text, int max) {
    if (text == null || text.isBlank()) {
      throw new DomainException("goal.titleRequired");
    }
    if (text.length() > max) {
      throw new DomainException("goal.titleTooLong", max);
    }
  }
}
