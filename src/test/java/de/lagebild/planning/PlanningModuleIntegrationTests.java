package de.lagebild.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.GoalNeeds;
import de.lagebild.strategy.StrategyGoals;
import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The planning module started with only the modules it depends on (Spring Modulith): the demo needs
 * are loaded and the strategy module reads them for a goal through {@link GoalNeeds}.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class PlanningModuleIntegrationTests extends DatabaseProperties {

  @Autowired GoalNeeds needs;
  @Autowired StrategyGoals goals;
  @Autowired TenantDirectory tenants;

  @Test
  void theModuleStartsOnItsDependenciesAndAnswersTheNeedsOfAGoal() {
    var access = tenants.systemAccess("nordhausen").orElseThrow();
    var found =
        TenantContext.callAs(
            access,
            () -> {
              var goal = goals.goals().stream().filter(g -> "2.3.1".equals(g.code())).findFirst();
              assertThat(goal).isPresent();
              return needs.of(goal.get().id());
            });
    assertThat(found)
        .extracting(GoalNeeds.NeedRef::title)
        .contains("Verfestigte Langzeitarbeitslosigkeit");
    assertThat(found.get(0).evidence()).isNotEmpty();
    assertThat(found.get(0).statusLabel()).isEqualTo("aufgegriffen");
  }
}
