package de.lagebild.identity.internal.security;

import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.identity.internal.tenants.TenantRow;
import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.platform.AccessDeniedInTenantException;
import de.lagebild.platform.AllowAuthenticated;
import de.lagebild.platform.AllowPlatformAdmin;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves the tenant named by the {@code {tenant}} path segment, puts it into the {@link
 * TenantContext} and checks the handler's access annotation. A handler method without one is
 * refused (fail closed).
 */
@Component
class TenantAccessInterceptor implements HandlerInterceptor {

  static final String ACCESS_ATTRIBUTE = TenantAccess.class.getName();

  private final TenantRepository tenants;
  private final MembershipRepository memberships;

  TenantAccessInterceptor(TenantRepository tenants, MembershipRepository memberships) {
    this.tenants = tenants;
    this.memberships = memberships;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !isApplicationHandler(method)
        || request.getDispatcherType() == DispatcherType.ERROR) {
      // the error dispatch renders the error of the original request, which was checked (or failed)
      // already
      return true;
    }
    Optional<LagebildUser> user = CurrentUser.get();
    TenantAccess access = resolveTenant(request, user);
    Object tokenTenant = request.getAttribute(BearerTokenFilter.TOKEN_TENANT);
    if (tokenTenant != null && (access == null || !access.tenantId().value().equals(tokenTenant))) {
      // an API token is valid for its own tenant only
      throw new AccessDeniedInTenantException();
    }
    if (access != null) {
      TenantContext.set(access);
      request.setAttribute(ACCESS_ATTRIBUTE, access);
    }
    authorize(method, access, user);
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    TenantContext.clear();
  }

  /**
   * Lagebild's own controllers; framework endpoints (error page, API docs) are guarded by the
   * filter chain.
   */
  static boolean isApplicationHandler(HandlerMethod method) {
    return method.getBeanType().getName().startsWith("de.lagebild.");
  }

  private TenantAccess resolveTenant(HttpServletRequest request, Optional<LagebildUser> user) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String slug = vars == null ? null : vars.get("tenant");
    if (slug == null) {
      return null;
    }
    TenantRow tenant = tenants.findBySlug(slug).orElseThrow(UnknownTenantException::new);
    TenantAccess anonymous =
        new TenantAccess(
            tenant.tenantId(),
            tenant.slug(),
            tenant.name(),
            tenant.publicVisible(),
            null,
            Set.of());
    if (user.isEmpty()) {
      return anonymous;
    }
    return TenantContext.callAs(
        anonymous,
        () ->
            memberships
                .find(user.get().id())
                .map(
                    m ->
                        new TenantAccess(
                            tenant.tenantId(),
                            tenant.slug(),
                            tenant.name(),
                            tenant.publicVisible(),
                            m.role(),
                            m.unitIds()))
                .orElse(anonymous));
  }

  private void authorize(HandlerMethod method, TenantAccess access, Optional<LagebildUser> user) {
    AllowPublic open = method.getMethodAnnotation(AllowPublic.class);
    AllowAuthenticated authenticated = method.getMethodAnnotation(AllowAuthenticated.class);
    AllowRoles roles = method.getMethodAnnotation(AllowRoles.class);
    AllowPlatformAdmin platform = method.getMethodAnnotation(AllowPlatformAdmin.class);
    if (open != null) {
      if (access != null
          && !open.evenForNonPublicTenants()
          && !access.isMember()
          && !access.publicVisible()) {
        requireLogin(user);
        throw new AccessDeniedInTenantException();
      }
      return;
    }
    if (authenticated != null) {
      requireLogin(user);
      return;
    }
    if (platform != null) {
      requireLogin(user);
      if (!user.get().platformAdmin()) {
        throw new AccessDeniedInTenantException();
      }
      return;
    }
    if (roles != null) {
      requireLogin(user);
      if (access == null || !access.hasRole(roles.value())) {
        throw new AccessDeniedInTenantException();
      }
      return;
    }
    throw new IllegalStateException(
        "Endpoint without access rule: "
            + method.getShortLogMessage()
            + " "
            + Arrays.toString(method.getMethod().getAnnotations()));
  }

  private static void requireLogin(Optional<LagebildUser> user) {
    if (user.isEmpty()) {
      throw new AuthenticationCredentialsNotFoundException("login required");
    }
  }

  /** An unknown tenant slug: a 404 with its own German message. */
  static class UnknownTenantException extends NotFoundException {
    UnknownTenantException() {
      super("error.unknownTenant");
    }
  }
}
