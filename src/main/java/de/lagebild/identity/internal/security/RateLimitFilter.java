package de.lagebild.identity.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits for requests without login (issue 19): the open-data API ({@code /api/…}) and the
 * public offer pages ({@code /{tenant}/angebote…}) – what anyone can call in bulk. Members (session
 * or token) are not limited. Over the limit: 429 with {@code Retry-After}, as German problem+json
 * on the API, as the German error page elsewhere.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimits limits;
  private final ProblemResponses problems;

  RateLimitFilter(RateLimits limits, ProblemResponses problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!limits.enabled()) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.matches("^/[^/]+/angebote(/.*)?$"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean anonymous =
        auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    if (anonymous) {
      RateLimits.Decision d = limits.take(request.getRemoteAddr());
      if (!d.allowed()) {
        response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
          problems.write(
              response, HttpStatus.TOO_MANY_REQUESTS, "error.rateLimited", d.retryAfterSeconds());
        } else {
          response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
