package de.lagebild.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The exchange module alone: its readers and writers are plain classes that need nothing of the
 * other modules; the context starts without any of their beans.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@TestPropertySource(properties = {"logging.file.name=target/test-logs/module.log"})
class ExchangeModuleIntegrationTests extends DatabaseProperties {

  @Autowired ApplicationContext context;

  @Test
  void theModuleStartsAlone() {
    assertThat(context.getBeansOfType(de.lagebild.identity.TenantDirectory.class)).isEmpty();
    assertThat(context.getBeansOfType(de.lagebild.platform.AuditLog.class)).isEmpty();
    assertThat(FuzzyDate.parse("III. Quartal 2019").earliest()).hasToString("2019-07-01");
  }
}
