package de.lagebild.web.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Switches off the resource URL encoding filter that Spring Boot registers for Thymeleaf because
 * the WebJars locator is on the class path. Lagebild writes no versioned resource URLs (the
 * version-less htmx path is resolved when the file is served, not when the link is written), and
 * the filter looked up every link of every page on the class path – a quarter of the CPU time of
 * the offer search page in a profile (Spring Framework issue 34014).
 */
@Configuration(proxyBeanMethods = false)
class WebResourceConfiguration {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
