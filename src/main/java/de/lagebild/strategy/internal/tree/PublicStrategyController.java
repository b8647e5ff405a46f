package de.lagebild.strategy.internal.tree;

import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.RenderedPages;
import de.lagebild.strategy.PublishedStrategies;
import de.lagebild.strategy.StrategyId;
import de.lagebild.strategy.StrategySummary;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.store.StrategyRevision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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
  private final StrategyRevision revision;
  private final RenderedPages pages;

  PublicStrategyController(
      StrategyRepository strategies,
      StrategyTree tree,
      Clock clock,
      StrategyRevision revision,
      RenderedPages pages) {
    this.strategies = strategies;
    this.tree = tree;
    this.clock = clock;
    this.revision = revision;
    this.pages = pages;
  }

  @Override
  public List<StrategySummary> list() {
    return strategies.findAll().stream()
        .filter(s -> s.visibility() == Visibility.PUBLIC)
        .map(s -> new StrategySummary(new StrategyId(s.id()), s.title(), s.kind(), s.decisionRef()))
        .toList();
  }

  /**
   * The public page of a strategy. Visitors without login get it from {@link RenderedPages} when it
   * was rendered at the same strategy revision today (the revision is read before the data, so a
   * page is never kept under a newer revision than it shows).
   */
  @GetMapping("/{tenant}/oeffentlich/strategien/{id}")
  @AllowPublic
  ResponseEntity<byte[]> show(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    LocalDate today = LocalCalendar.today(clock);
    return pages.forVisitors(
        revision::revision,
        model,
        request,
        response,
        () -> {
          var strategy =
              strategies
                  .find(id)
                  .filter(s -> s.visibility() == Visibility.PUBLIC)
                  .orElseThrow(NotFoundException::new);
          model.addAttribute("tree", tree.buildPublic(strategy.id(), today));
          model.addAttribute("publicView", true);
          return "strategy/tree/public";
        });
  }
}
