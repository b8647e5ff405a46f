package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The strategy module started with only the modules it depends on (Spring Modulith): its API
 * answers – the demo strategy read from seed 000 is published.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class StrategyModuleIntegrationTests extends DatabaseProperties {

  @Autowired PublishedStrategies published;
  @Autowired TenantDirectory tenants;

  @Test
  void theModuleStartsOnItsDependenciesAndPublishesTheDemoStrategy() {
    var access = tenants.systemAccess("nordhausen").orElseThrow();
    var list = TenantContext.callAs(access, published::list);
    assertThat(list)
        .extracting(StrategySummary::title)
        .contains("Armutspräventionsstrategie des Landkreises Nordhausen");
  }
}
