package de.lagebild.web.internal;

import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.TenantMembership;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts what the layout needs into every page's model: the user, their tenants, the current tenant.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  private final TenantDirectory directory;
  private final LagebildProperties properties;

  LayoutAdvice(TenantDirectory directory, LagebildProperties properties) {
    this.directory = directory;
    this.properties = properties;
  }

  @ModelAttribute("currentUser")
  LagebildUser currentUser() {
    return CurrentUser.get().orElse(null);
  }

  @ModelAttribute("myTenants")
  List<TenantMembership> myTenants() {
    return CurrentUser.get().map(u -> directory.tenantsOf(u.id())).orElse(List.of());
  }

  @ModelAttribute("currentTenant")
  TenantAccess tenant() {
    return TenantContext.access().orElse(null);
  }

  /** Whether the current tenant is a Land (its members see the overview of its districts). */
  @ModelAttribute("stateTenant")
  boolean stateTenant() {
    return TenantContext.access()
        .filter(TenantAccess::isMember)
        .flatMap(a -> directory.find(a.slug()))
        .map(t -> "tenantKind.LAND".equals(t.kindLabelKey()))
        .orElse(false);
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return properties.demo();
  }
}
