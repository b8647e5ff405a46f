package de.lagebild.strategy.internal.demo;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.identity.DemoTenantWork;
import de.lagebild.strategy.StrategyGoals;
import de.lagebild.strategy.internal.tree.GoalIndicators;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, after the atlas is loaded: Nordhausen's goals linked to the indicators of the seed
 * 004 profile and the Regionaldatenbank series that justify them – long-term unemployment, SGB II
 * and child poverty for the Kreis – with the first figure as baseline and a target 15 % better by
 * 2025 (an invented target, marked as demo in the goal's chain by its needs).
 */
@Component
@Order(45)
class DemoGoalIndicators implements ApplicationRunner {

  /** A goal (by code) and the indicator (by code) that measures it in the Kreis. */
  record Plan(String goal, String indicator) {}

  static final List<Plan> PLANS =
      List.of(
          new Plan("2.3.1", "langzeit_jd"),
          new Plan("2.3.2", "sgb2"),
          new Plan("2.1.3", "sgb2kinder"),
          new Plan("2.2.3", "alq_jugend"));

  private final GoalIndicators links;
  private final StrategyGoals goals;
  private final IndicatorFigures figures;
  private final DemoTenantWork demo;
  private final Clock clock;

  DemoGoalIndicators(
      GoalIndicators links,
      StrategyGoals goals,
      IndicatorFigures figures,
      DemoTenantWork demo,
      Clock clock) {
    this.links = links;
    this.goals = goals;
    this.figures = figures;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    demo.inTenant("nordhausen", links::any, this::load);
  }

  void load() {
    Optional<IndicatorFigures.AreaInfo> kreis =
        figures.areas().stream().filter(a -> "16062".equals(a.key())).findFirst();
    if (kreis.isEmpty()) {
      return;
    }
    for (Plan p : PLANS) {
      Optional<StrategyGoals.GoalRef> goal =
          goals.goals().stream().filter(g -> p.goal().equals(g.code())).findFirst();
      Optional<IndicatorFigures.IndicatorInfo> indicator =
          figures.indicators().stream().filter(i -> p.indicator().equals(i.code())).findFirst();
      if (goal.isEmpty() || indicator.isEmpty()) {
        continue;
      }
      List<IndicatorFigures.Point> course =
          figures.series(indicator.get().id(), AreaId.of(kreis.get().id().value()));
      IndicatorFigures.Point first =
          course.stream().filter(x -> x.value() != null).findFirst().orElse(null);
      if (first == null) {
        continue;
      }
      BigDecimal target =
          first
              .value()
              .multiply(new BigDecimal("0.85"))
              .setScale(Math.max(1, indicator.get().decimals()), RoundingMode.HALF_UP);
      links.insert(
          new GoalIndicators.Link(
              UUID.randomUUID(),
              goal.get().id(),
              indicator.get().id().value(),
              kreis.get().id().value(),
              first.value(),
              first.period().substring(0, 4),
              target,
              "2025"),
          clock.instant());
    }
  }
}
