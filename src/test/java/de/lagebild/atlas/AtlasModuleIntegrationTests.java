package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/** The atlas module on its own dependencies: areas, the point lookup and indicator courses. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class AtlasModuleIntegrationTests extends DatabaseProperties {

  @Autowired AreaLookup areas;
  @Autowired IndicatorFigures figures;
  @Autowired TenantDirectory tenants;

  @Test
  void theModuleStartsOnItsDependenciesAndAnswersThroughItsApi() {
    TenantContext.runAs(
        tenants.systemAccess("nordhausen").orElseThrow(),
        () -> {
          // the Rathaus of Nordhausen lies in the Landkreis Nordhausen
          assertThat(areas.areaAt(51.5050, 10.7910))
              .get()
              .extracting(AreaLookup.AreaRef::key)
              .isEqualTo("16062");
          assertThat(figures.indicators()).isNotEmpty();
          var kreis = figures.areas().stream().filter(a -> "16062".equals(a.key())).findFirst();
          assertThat(kreis).isPresent();
          assertThat(figures.series(figures.indicators().get(0).id(), kreis.get().id()))
              .isNotEmpty();
        });
  }
}
