package de.lagebild.strategy.internal.tree;

import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.RenderedPages;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.rounds.AssessmentWorkflow;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.store.StrategyRevision;
import de.lagebild.strategy.internal.tree.StrategyTree.Filter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Reading a strategy: list, tree overview with filters, dashboard, measure page. */
@Controller
class StrategyController {

  static final int LAZY_THRESHOLD = 300;
  static final int DASHBOARD_LIST_LIMIT = 50;

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final RoundRepository rounds;
  private final StrategyTree tree;
  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final Clock clock;
  private final ExtraFields extras;
  private final StrategyRevision revision;
  private final RenderedPages pages;

  StrategyController(
      StrategyRepository strategies,
      MeasureRepository measures,
      RoundRepository rounds,
      StrategyTree tree,
      StatusCatalogue statuses,
      ResponsibleUnits units,
      AuditLog audit,
      Clock clock,
      ExtraFields extras,
      StrategyRevision revision,
      RenderedPages pages) {
    this.revision = revision;
    this.pages = pages;
    this.extras = extras;
    this.strategies = strategies;
    this.measures = measures;
    this.rounds = rounds;
    this.tree = tree;
    this.statuses = statuses;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/{tenant}/strategien")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("strategies", strategies.findAll());
    return "strategy/tree/list";
  }

  /**
   * The overview of a strategy. Its summary and tree hold nothing about the user: they are rendered
   * once per strategy revision, round, filter and day ({@link RenderedPages#part}) and put into the
   * page; the page around them (navigation, editing links, the filter form) is rendered for the
   * user.
   */
  @GetMapping("/{tenant}/strategien/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String overview(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "ebene", required = false) Integer level,
      @RequestParam(name = "lebenslage", required = false) String lifeSituation,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "alle", required = false) String all,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    Filter filter =
        new Filter(
            level,
            Text.blankToNull(lifeSituation),
            unit,
            Text.blankToNull(status),
            Text.blankToNull(text));
    LocalDate today = today();
    // the revision first: a part is never kept under a newer revision than it shows
    String key =
        String.join(
            "|",
            "strategy-overview",
            String.valueOf(id),
            String.valueOf(round),
            String.valueOf(filter),
            String.valueOf(all != null),
            String.valueOf(revision.revision()),
            String.valueOf(today));
    model.addAttribute("filter", filter);
    RenderedPages.Part<StrategyTree.Tree> part =
        pages.part(
            key,
            () -> tree.build(id, round, filter, today),
            t -> 16_384L + 2_048L * t.allMeasures().size(),
            "tree",
            "strategy/tree/overview-tree :: part",
            Map.of(
                "filter",
                filter,
                // large trees load their measure tables as the reader scrolls; "alle" renders
                // everything (print)
                "lazyAllowed",
                all == null,
                "lazyThreshold",
                LAZY_THRESHOLD,
                "currentTenant",
                TenantContext.access().orElseThrow()),
            request,
            response);
    StrategyTree.Tree t = part.data();
    model.addAttribute("tree", t);
    model.addAttribute("treePart", part.html());
    model.addAttribute("units", units.list());
    model.addAttribute("lifeSituations", LifeSituation.values());
    return "strategy/tree/overview";
  }

  /** One goal's measure table, for the lazily loaded overview of large strategies. */
  @GetMapping("/{tenant}/strategien/{id}/ziele/{goalId}/massnahmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String goalMeasures(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("goalId") UUID goalId,
      @RequestParam(name = "runde", required = false) UUID round,
      @RequestParam(name = "lebenslage", required = false) String lifeSituation,
      @RequestParam(name = "einheit", required = false) UUID unit,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "q", required = false) String text,
      Model model) {
    Filter filter =
        new Filter(
            null,
            Text.blankToNull(lifeSituation),
            unit,
            Text.blankToNull(status),
            Text.blankToNull(text));
    StrategyTree.Tree t = tree.build(id, round, filter, today());
    StrategyTree.Node node = find(t.roots(), goalId);
    if (node == null) {
      throw new NotFoundException();
    }
    model.addAttribute("tree", t);
    model.addAttribute("node", node);
    return "strategy/tree/goal-measures";
  }

  private static StrategyTree.Node find(List<StrategyTree.Node> nodes, UUID goalId) {
    for (StrategyTree.Node n : nodes) {
      if (n.goal().id().equals(goalId)) {
        return n;
      }
      StrategyTree.Node inChild = find(n.children(), goalId);
      if (inChild != null) {
        return inChild;
      }
    }
    return null;
  }

  @GetMapping("/{tenant}/strategien/{id}/dashboard")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String dashboard(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "runde", required = false) UUID round,
      Model model) {
    StrategyTree.Tree t = tree.build(id, round, Filter.NONE, today());
    model.addAttribute("tree", t);
    model.addAttribute(
        "statusByCode",
        t.statuses().stream().collect(Collectors.toMap(Rows.StatusOptionRow::code, x -> x)));
    var late = t.allMeasures().stream().filter(StrategyTree.MeasureView::late).toList();
    var changed =
        t.allMeasures().stream().filter(StrategyTree.MeasureView::changedSincePrevious).toList();
    // long lists are cut; the counts stay complete and the overview filters show the rest
    model.addAttribute("lateCount", late.size());
    model.addAttribute("late", late.subList(0, Math.min(late.size(), DASHBOARD_LIST_LIMIT)));
    model.addAttribute("changedCount", changed.size());
    model.addAttribute(
        "changed", changed.subList(0, Math.min(changed.size(), DASHBOARD_LIST_LIMIT)));
    return "strategy/tree/dashboard";
  }

  @GetMapping("/{tenant}/strategien/{id}/massnahmen/{measureId}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String measure(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("measureId") UUID measureId,
      Model model) {
    MeasureRow m =
        measures
            .find(measureId)
            .filter(x -> x.strategyId().equals(id))
            .orElseThrow(NotFoundException::new);
    var strategy = strategies.find(id).orElseThrow(NotFoundException::new);
    var allRounds = rounds.ofStrategy(id);
    model.addAttribute("strategy", strategy);
    model.addAttribute("measure", m);
    model.addAttribute("goal", strategies.goal(m.goalId()).orElseThrow());
    var allUnits = units.list();
    model.addAttribute(
        "unitNames",
        allUnits.stream()
            .filter(u -> m.unitIds().contains(u.id()))
            .map(u -> u.name())
            .sorted()
            .toList());
    model.addAttribute("milestones", measures.milestones(measureId));
    model.addAttribute("extraFields", extras.of(measureId));
    model.addAttribute("allUnits", allUnits);
    model.addAttribute(
        "allUnitNames", allUnits.stream().collect(Collectors.toMap(u -> u.id(), u -> u.name())));
    model.addAttribute("rounds", allRounds);
    model.addAttribute("history", rounds.ofMeasure(measureId).reversed());
    model.addAttribute("statuses", statuses.byCode());
    model.addAttribute("auditTrail", audit.recent(measureId, 0, 50));
    var access = TenantContext.access().orElseThrow();
    model.addAttribute(
        "assessableRounds",
        allRounds.stream().filter(r -> AssessmentWorkflow.mayAssess(access, r, m)).toList());
    return "strategy/tree/measure";
  }

  private LocalDate today() {
    return LocalCalendar.today(clock);
  }
}
