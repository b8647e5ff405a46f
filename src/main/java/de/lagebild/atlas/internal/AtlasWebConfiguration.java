package de.lagebild.atlas.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** ETags for the open data API: a client that sends {@code If-None-Match} with an unchanged answer gets a 304. */
@Configuration
class AtlasWebConfiguration {

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> atlasEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    bean.addUrlPatterns("/api/v1/*");
    bean.setName("atlasEtags");
    return bean;
  }
}
