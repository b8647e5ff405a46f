package de.lagebild.catalogue.internal.admin;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Defaults of the catalogue that an installation may replace with beans of its own. */
@Configuration
class CatalogueConfiguration {

  /** No geocoding service is reachable by default: addresses get no coordinates by themselves. */
  @Bean
  @ConditionalOnMissingBean(Geocoder.class)
  Geocoder noGeocoder() {
    return (street, postalCode, city) -> Optional.empty();
  }
}
