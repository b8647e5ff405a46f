package de.lagebild.identity.internal.security;

import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.internal.setup.FirstAdministrator;
import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.identity.internal.users.UserRow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on {@code /api/} requests: the token's owner becomes the
 * principal for this request only (nothing goes into a session), and the token's tenant is
 * remembered so that {@link TenantAccessInterceptor} refuses any other tenant. Unknown or revoked
 * tokens get a 401 problem.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  static final String TOKEN_TENANT = BearerTokenFilter.class.getName() + ".tenant";

  private final MembershipRepository memberships;
  private final UserRepository users;

  private final ProblemResponses problems;

  BearerTokenFilter(
      MembershipRepository memberships, UserRepository users, ProblemResponses problems) {
    this.problems = problems;
    this.memberships = memberships;
    this.users = users;
  }

  static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * Whether a valid API token authenticated this request (set by this filter, only on {@code /api/}
   * paths).
   */
  static boolean authenticatedByToken(HttpServletRequest request) {
    return request.getAttribute(TOKEN_TENANT) != null;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || !hasBearer(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = request.getHeader("Authorization").substring(7).strip();
    var owner = memberships.tokenOwner(FirstAdministrator.hash(secret));
    var user = owner.flatMap(o -> users.findById(o.userId())).filter(UserRow::enabled);
    if (user.isEmpty()) {
      problems.write(
          response, org.springframework.http.HttpStatus.UNAUTHORIZED, "error.tokenUnknown");
      return;
    }
    UserRow u = user.get();
    LagebildUser principal =
        new LagebildUser(u.id(), u.username(), u.displayName(), null, true, u.platformAdmin());
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    request.setAttribute(TOKEN_TENANT, owner.get().tenantId());
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
