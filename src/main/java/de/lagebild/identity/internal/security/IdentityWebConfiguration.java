package de.lagebild.identity.internal.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

  private final TenantAccessInterceptor tenantAccess;

  IdentityWebConfiguration(TenantAccessInterceptor tenantAccess) {
    this.tenantAccess = tenantAccess;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(tenantAccess);
  }
}
