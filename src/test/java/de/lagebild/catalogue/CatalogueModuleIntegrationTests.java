package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.search.OfferSearch;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/** The catalogue module on its own dependencies: the demo catalogue is searchable in German. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/module.log"})
class CatalogueModuleIntegrationTests extends DatabaseProperties {

  @Autowired Catalogue catalogue;
  @Autowired CatalogueProperties properties;
  @Autowired TenantDirectory tenants;

  @Test
  void theModuleStartsOnItsDependenciesAndFindsOffers() {
    assertThat(properties.staleAfterDays()).isEqualTo(365);
    var page =
        TenantContext.callAs(
            tenants.systemAccess("nordhausen").orElseThrow(),
            () ->
                catalogue.search(
                    new OfferSearch.Query(
                        "Schuldnerberatung", null, null, null, null, null, null, null),
                    0,
                    10));
    assertThat(page.offers()).isNotEmpty();
  }
}
