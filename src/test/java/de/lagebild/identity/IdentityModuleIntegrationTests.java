package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/** The identity module on its own dependencies: tenants, members and units of the demo. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class IdentityModuleIntegrationTests extends DatabaseProperties {

  @Autowired TenantDirectory tenants;

  @Test
  void theModuleStartsOnItsDependenciesAndKnowsTheDemoTenants() {
    assertThat(tenants.publicTenants()).extracting(TenantSummary::slug).contains("nordhausen");
    assertThat(tenants.userId("koordination")).isPresent();
    assertThat(tenants.systemAccess("saalfeld-rudolstadt")).isPresent();
  }
}
