package de.lagebild.atlas.internal.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the open data API: a client that sends {@code If-None-Match} with an unchanged answer
 * gets a 304.
 */
@Configuration
class AtlasWebConfiguration {

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> atlasEtags() {
    // map data carries its own ETag from its cache (no need to buffer and hash 1 MB per request)
    ShallowEtagHeaderFilter filter =
        new ShallowEtagHeaderFilter() {
          @Override
          protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().endsWith("/map-data");
          }
        };
    FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(filter);
    bean.addUrlPatterns("/api/v1/*");
    bean.setName("atlasEtags");
    return bean;
  }
}
