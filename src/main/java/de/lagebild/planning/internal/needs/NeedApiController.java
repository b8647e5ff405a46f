package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.planning.internal.FormValues;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.StrategyGoals;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/{tenant}/needs}: the needs of a district with their sources, evidence, areas and
 * goals (filters: area, status, life situation, source, goal), one need with its status history,
 * and recording a need.
 */
@RestController
class NeedApiController {

  record AreaRef(UUID id, String name, String key) {}

  record GoalRef(UUID id, String label, UUID strategyId, String strategy) {}

  record EvidenceOut(
      String kind,
      UUID indicatorId,
      String indicator,
      UUID areaId,
      String area,
      String period,
      String value,
      String reference,
      String source,
      String note,
      String text) {}

  record StatusOut(String status, LocalDate on, String reason, String by) {}

  record NeedOut(
      UUID id,
      String title,
      String description,
      String sourceKind,
      String sourceNote,
      String targetGroups,
      Set<String> lifeSituations,
      String priority,
      String status,
      LocalDate statusSince,
      UUID unitId,
      String unit,
      boolean demo,
      int version,
      List<AreaRef> areas,
      List<GoalRef> goals,
      List<EvidenceOut> evidence,
      List<StatusOut> history,
      List<NeedOffers.Offer> offers) {}

  record EvidenceIn(
      String kind,
      UUID indicatorId,
      UUID areaId,
      String period,
      String value,
      String reference,
      String source,
      String note) {}

  /** A need to record; {@code sourceKind} and {@code priority} as in the answers. */
  record NeedIn(
      String title,
      String description,
      String sourceKind,
      String sourceNote,
      String targetGroups,
      Set<String> lifeSituations,
      String priority,
      UUID unitId,
      List<UUID> areaIds,
      List<UUID> goalIds,
      List<EvidenceIn> evidence) {}

  private final NeedRepository needs;
  private final Needs work;
  private final NeedNames names;
  private final NeedOffers offers;

  NeedApiController(NeedRepository needs, Needs work, NeedNames names, NeedOffers offers) {
    this.offers = offers;
    this.needs = needs;
    this.work = work;
    this.names = names;
  }

  @GetMapping("/api/v1/{tenant}/needs")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  List<NeedOut> list(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "area", required = false) String area,
      @RequestParam(name = "lifeSituation", required = false) String lifeSituation,
      @RequestParam(name = "source", required = false) String source,
      @RequestParam(name = "goal", required = false) String goal) {
    NeedNames.Names n = names.read();
    return needs.find(NeedFilters.of(status, area, lifeSituation, source, goal, null)).stream()
        .map(need -> out(need, n, null, null))
        .toList();
  }

  @GetMapping("/api/v1/{tenant}/needs/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  NeedOut one(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    Need need = needs.find(id).orElseThrow(NotFoundException::new);
    return out(need, names.read(), work.history(id), offers.of(need));
  }

  @PostMapping("/api/v1/{tenant}/needs")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<NeedOut> create(@PathVariable("tenant") String tenant, @RequestBody NeedIn in) {
    Need created = work.create(draft(in));
    return ResponseEntity.created(URI.create("/api/v1/" + tenant + "/needs/" + created.id()))
        .body(out(created, names.read(), work.history(created.id()), offers.of(created)));
  }

  private static Need draft(NeedIn in) {
    if (in.title() == null || in.title().isBlank()) {
      throw new DomainException("need.title.required");
    }
    if (in.title().strip().length() > NeedForm.MAX_TITLE) {
      throw new DomainException("need.title.tooLong", NeedForm.MAX_TITLE);
    }
    List<Evidence> evidence =
        in.evidence() == null
            ? List.of()
            : in.evidence().stream()
                .map(
                    e ->
                        new Evidence(
                            FormValues.required(
                                Need.EvidenceKind.class, e.kind(), "need.evidence.kind.invalid"),
                            e.indicatorId(),
                            e.areaId(),
                            e.period(),
                            e.value(),
                            e.reference(),
                            e.source(),
                            e.note()))
                .toList();
    return new Need(
        null,
        in.title().strip(),
        in.description(),
        FormValues.required(Need.SourceKind.class, in.sourceKind(), "need.sourceKind.invalid"),
        in.sourceNote(),
        in.targetGroups(),
        in.lifeSituations() == null ? Set.of() : in.lifeSituations(),
        in.priority() == null
            ? Need.Priority.MEDIUM
            : FormValues.required(Need.Priority.class, in.priority(), "need.priority.invalid"),
        null,
        null,
        in.unitId(),
        false,
        0,
        in.areaIds() == null ? List.of() : in.areaIds(),
        in.goalIds() == null ? List.of() : in.goalIds(),
        evidence,
        null);
  }

  private static NeedOut out(
      Need n,
      NeedNames.Names names,
      List<Need.StatusChange> history,
      List<NeedOffers.Offer> offers) {
    return new NeedOut(
        n.id(),
        n.title(),
        n.description(),
        n.sourceKind().name(),
        n.sourceNote(),
        n.targetGroups(),
        n.lifeSituations(),
        n.priority().name(),
        n.status().name(),
        n.statusSince(),
        n.unitId(),
        names.unit(n),
        n.demo(),
        n.version(),
        n.areaIds().stream()
            .map(names.areas()::get)
            .filter(a -> a != null)
            .map(a -> new AreaRef(a.id().value(), a.name(), a.key()))
            .toList(),
        names.goalsOf(n).stream().map(NeedApiController::goal).toList(),
        n.evidence().stream().map(e -> evidence(e, names)).toList(),
        history == null
            ? null
            : history.stream()
                .map(h -> new StatusOut(h.status().name(), h.on(), h.reason(), h.actorName()))
                .toList(),
        offers);
  }

  private static GoalRef goal(StrategyGoals.GoalRef g) {
    return new GoalRef(g.id(), g.label(), g.strategy().value(), g.strategyTitle());
  }

  private static EvidenceOut evidence(Evidence e, NeedNames.Names names) {
    IndicatorFigures.IndicatorInfo i =
        e.indicatorId() == null ? null : names.indicators().get(e.indicatorId());
    IndicatorFigures.AreaInfo a = e.areaId() == null ? null : names.areas().get(e.areaId());
    return new EvidenceOut(
        e.kind().name(),
        e.indicatorId(),
        i == null ? null : i.name(),
        e.areaId(),
        a == null ? null : a.name(),
        e.period(),
        e.valueText(),
        e.referenceText(),
        e.source(),
        e.note(),
        names.line(e));
  }
}
