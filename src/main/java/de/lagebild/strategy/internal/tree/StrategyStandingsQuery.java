package de.lagebild.strategy.internal.tree;

import de.lagebild.strategy.StrategyStandings;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The standing of the current tenant's strategies from the same tree the dashboard shows, without
 * any text of an assessment.
 */
@Component
class StrategyStandingsQuery implements StrategyStandings {

  private final StrategyRepository strategies;
  private final RoundRepository rounds;
  private final StrategyTree tree;
  private final de.lagebild.strategy.internal.store.MeasureRepository measures;
  private final de.lagebild.strategy.internal.status.StatusCatalogue statuses;

  StrategyStandingsQuery(
      StrategyRepository strategies,
      RoundRepository rounds,
      StrategyTree tree,
      de.lagebild.strategy.internal.store.MeasureRepository measures,
      de.lagebild.strategy.internal.status.StatusCatalogue statuses) {
    this.measures = measures;
    this.statuses = statuses;
    this.strategies = strategies;
    this.rounds = rounds;
    this.tree = tree;
  }

  @Override
  public List<Standing> standings(LocalDate today) {
    List<Standing> result = new ArrayList<>();
    for (StrategyRow s : current()) {
      RoundRow closed =
          rounds.ofStrategy(s.id()).stream()
              .filter(r -> r.state() == RoundState.CLOSED)
              .reduce((a, b) -> b)
              .orElse(null);
      StrategyTree.Tree t =
          tree.build(s.id(), closed == null ? null : closed.id(), StrategyTree.Filter.NONE, today);
      Map<String, StatusOptionRow> byCode =
          t.statuses().stream()
              .collect(Collectors.toMap(StatusOptionRow::code, Function.identity()));
      List<FieldOfAction> fields =
          t.roots().stream()
              .map(
                  n ->
                      new FieldOfAction(
                          n.goal().code(),
                          n.goal().title(),
                          n.rollUp().measures(),
                          closed == null ? List.of() : counts(n.rollUp(), t.statuses(), byCode),
                          n.rollUp().costs(),
                          n.rollUp().costed()))
              .toList();
      result.add(
          new Standing(
              s.id(),
              s.title(),
              s.kind(),
              s.status().name(),
              s.validFrom(),
              s.decisionRef(),
              t.total().measures(),
              closed == null ? null : closed.name(),
              closed == null ? null : closed.periodEnd(),
              closed == null ? List.of() : counts(t.total(), t.statuses(), byCode),
              fields,
              t.total().costs(),
              t.total().costed()));
    }
    return result;
  }

  @Override
  public List<RoundProgress> rounds(LocalDate today) {
    List<RoundProgress> result = new ArrayList<>();
    for (StrategyRow s : current()) {
      List<RoundRow> all = new ArrayList<>(rounds.ofStrategy(s.id()));
      java.util.Collections.reverse(all);
      int measureCount = measures.summariesOfStrategy(s.id()).size();
      // measures with at least one assessment (any version) per round
      Map<java.util.UUID, java.util.Set<java.util.UUID>> assessedIn = new java.util.HashMap<>();
      for (var a : rounds.statusOfRounds(all.stream().map(RoundRow::id).toList())) {
        assessedIn.computeIfAbsent(a.roundId(), k -> new java.util.HashSet<>()).add(a.measureId());
      }
      for (RoundRow r : all) {
        boolean open = r.state() == RoundState.OPEN || r.state() == RoundState.IN_REVIEW;
        result.add(
            new RoundProgress(
                s.id(),
                s.title(),
                r.name(),
                r.state().name(),
                r.periodEnd(),
                r.deadline(),
                measureCount,
                assessedIn.getOrDefault(r.id(), java.util.Set.of()).size(),
                open && r.deadline() != null && r.deadline().isBefore(today)));
      }
    }
    return result;
  }

  @Override
  public List<PublishedAssessment> publishedAssessments() {
    List<StrategyRow> all = current();
    if (all.isEmpty()) {
      return List.of();
    }
    StrategyRow s = all.getFirst();
    RoundRow round =
        rounds.ofStrategy(s.id()).stream()
            .filter(RoundRow::isPublic)
            .reduce((a, b) -> b)
            .orElse(null);
    if (round == null) {
      return List.of();
    }
    var accepted =
        de.lagebild.strategy.internal.store.Rows.newestAccepted(
            rounds.ofRounds(List.of(round.id())));
    Map<java.util.UUID, de.lagebild.strategy.internal.store.Rows.AssessmentRow> byMeasure =
        new java.util.HashMap<>();
    accepted.forEach((key, a) -> byMeasure.put(a.measureId(), a));
    Map<String, String> labels =
        statuses.all().stream()
            .collect(Collectors.toMap(StatusOptionRow::code, StatusOptionRow::label));
    List<PublishedAssessment> out = new ArrayList<>();
    for (var m : measures.summariesOfStrategy(s.id())) {
      var a = byMeasure.get(m.id());
      if (a != null) {
        out.add(
            new PublishedAssessment(
                s.title(),
                round.name(),
                m.code(),
                m.title(),
                a.statusCode() == null ? null : labels.getOrDefault(a.statusCode(), a.statusCode()),
                a.narrative()));
      }
    }
    return out;
  }

  /** The strategies that are not archived: decided first, then by title. */
  private List<StrategyRow> current() {
    return strategies.findAll().stream()
        .filter(s -> s.status() != StrategyStatus.ARCHIVED)
        .sorted(
            Comparator.comparing((StrategyRow s) -> s.status() != StrategyStatus.DECIDED)
                .thenComparing(StrategyRow::title))
        .toList();
  }

  /** The status mix in the order of the catalogue, then not rated and not assessed. */
  private static List<StatusCount> counts(
      RollUp r, List<StatusOptionRow> catalogue, Map<String, StatusOptionRow> byCode) {
    List<StatusCount> counts = new ArrayList<>();
    for (StatusOptionRow o : catalogue) {
      int n = r.count(o.code());
      if (n > 0) {
        counts.add(new StatusCount(o.code(), o.label(), o.colour(), n));
      }
    }
    r.statusCounts()
        .forEach(
            (code, n) -> {
              if (!byCode.containsKey(code)) {
                counts.add(new StatusCount(code, null, "#bdbdbd", n));
              }
            });
    return counts;
  }
}
