package de.lagebild.strategy.internal.tree;

import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.PublishedStrategies;
import de.lagebild.strategy.StrategyId;
import de.lagebild.strategy.StrategySummary;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Read-only public view of strategies marked public: goals, measures, status and progress; no
 * internal fields.
 */
@Controller
class PublicStrategyController implements PublishedStrategies {

  private final StrategyRepository strategies;
  private final StrategyTree tree;
  private final Clock clock;

  PublicStrategyController(StrategyRepository strategies, StrategyTree tree, Clock clock) {
    this.strategies = strategies;
    this.tree = tree;
    this.clock = clock;
  }

  @Override
  public List<StrategySummary> list() {
    return strategies.findAll().stream()
        .filter(s -> s.visibility() == Visibility.PUBLIC)
        .map(s -> new StrategySummary(new StrategyId(s.id()), s.title(), s.kind(), s.decisionRef()))
        .toList();
  }

  @GetMapping("/{tenant}/oeffentlich/strategien/{id}")
  @AllowPublic
  String show(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    var strategy =
        strategies
            .find(id)
            .filter(s -> s.visibility() == Visibility.PUBLIC)
            .orElseThrow(NotFoundException::new);
    model.addAttribute("tree", tree.buildPublic(strategy.id(), LocalCalendar.today(clock)));
    model.addAttribute("publicView", true);
    return "strategy/tree/public";
  }
}
