package de.lagebild.identity.internal.security;

import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.platform.DatabaseOutage;
import de.lagebild.platform.LagebildProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Authentication (form login, later API tokens) and the HTTP hardening. Authorisation of
 * application endpoints is done per handler method by {@link TenantAccessInterceptor} from the
 * {@code @Allow…} annotations, which every endpoint must carry (ArchitectureTests); the filter
 * chain only guards what is not a handler method.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The policy, with the origin of a configured map tile server allowed for images. */
  static String csp(String tileUrl) {
    if (tileUrl == null || tileUrl.isBlank()) {
      return CSP;
    }
    URI uri =
        URI.create(
            tileUrl
                .replace("{s}", "a")
                .replace("{z}", "0")
                .replace("{x}", "0")
                .replace("{y}", "0"));
    String origin =
        uri.getScheme()
            + "://"
            + (tileUrl.contains("{s}")
                ? "*." + uri.getHost().substring(uri.getHost().indexOf('.') + 1)
                : uri.getHost())
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    return CSP.replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: " + origin + ";");
  }

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Local accounts first, then – when configured – the district's directory; the throttle counts a
   * login once, whichever of them checks it.
   */
  @Bean
  AuthenticationManager authenticationManager(
      LagebildUserDetailsService users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      DirectorySettings directory,
      de.lagebild.identity.internal.users.DirectoryAccounts accounts,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          oidcRegistrations) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    // the code of an OpenID Connect login is exchanged and its ID token checked here (the manager
    // is ours, so the one oauth2Login() would build is not used)
    java.util.List<org.springframework.security.authentication.AuthenticationProvider> more =
        oidcRegistrations.getIfAvailable() == null
            ? java.util.List.of()
            : java.util.List.of(
                new org.springframework.security.oauth2.client.oidc.authentication
                    .OidcAuthorizationCodeAuthenticationProvider(
                    new org.springframework.security.oauth2.client.endpoint
                        .RestClientAuthorizationCodeTokenResponseClient(),
                    new org.springframework.security.oauth2.client.oidc.userinfo
                        .OidcUserService()));
    if (!directory.enabled()) {
      java.util.List<org.springframework.security.authentication.AuthenticationProvider> all =
          new java.util.ArrayList<>(more);
      all.add(0, new ThrottledAuthenticationProvider(dao, throttle));
      return new ProviderManager(all);
    }
    ProviderManager both = new ProviderManager(dao, new DirectoryLogin(directory, accounts));
    java.util.List<org.springframework.security.authentication.AuthenticationProvider> all =
        new java.util.ArrayList<>(more);
    all.add(
        0,
        new ThrottledAuthenticationProvider(
            new org.springframework.security.authentication.AuthenticationProvider() {
              @Override
              public org.springframework.security.core.Authentication authenticate(
                  org.springframework.security.core.Authentication a) {
                return both.authenticate(a);
              }

              @Override
              public boolean supports(Class<?> type) {
                return dao.supports(type);
              }
            },
            throttle));
    return new ProviderManager(all);
  }

  /**
   * Requests the firewall refuses (odd encodings, path parameters) get a 400 through the German
   * error page.
   */
  /**
   * No observation of every filter of the security chain (Spring Security wraps each of its filters
   * in a Micrometer observation when a registry is present): a JFR profile of the page CPU
   * benchmark (issue 19) put 4–6 % of a page's CPU there, and more of a static file's. Requests are
   * still measured as a whole ({@code http.server.requests}); authentication and authorization
   * outcomes are in the audit log and the security log.
   */
  @Bean
  org.springframework.security.config.observation.SecurityObservationSettings
      securityObservationSettings() {
    return org.springframework.security.config.observation.SecurityObservationSettings
        .noObservations();
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler();
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      MembershipRepository memberships,
      UserRepository users,
      ProblemResponses problems,
      LagebildProperties lagebild,
      RateLimits rateLimits,
      @org.springframework.beans.factory.annotation.Value("${lagebild.metrics-token:}")
          String metricsToken,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          oidcRegistrations,
      OidcLogin.Settings oidc,
      de.lagebild.identity.internal.users.DirectoryAccounts accounts)
      throws Exception {
    if (oidcRegistrations.getIfAvailable() != null) {
      // OpenID Connect beside the local login form
      http.oauth2Login(
          o ->
              o.loginPage("/login")
                  .clientRegistrationRepository(oidcRegistrations.getObject())
                  .successHandler(OidcLogin.success(oidc, accounts))
                  .failureHandler(
                      (req, res, ex) -> {
                        org.slf4j.LoggerFactory.getLogger(OidcLogin.class)
                            .warn("OpenID Connect login failed: {}", ex.toString());
                        res.sendRedirect(req.getContextPath() + "/login?error");
                      }));
    }
    http.authenticationManager(authenticationManager)
        // requests without login are counted once the session or token has been looked at
        .addFilterAfter(
            new RateLimitFilter(rateLimits, problems),
            org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
        // the token is checked before the CSRF filter, so that CSRF is skipped only for API
        // requests that a valid
        // token authenticated; a browser request keeps the protection whatever Authorization header
        // it carries
        .addFilterBefore(new BearerTokenFilter(memberships, users, problems), CsrfFilter.class)
        .csrf(c -> c.ignoringRequestMatchers(BearerTokenFilter::authenticatedByToken))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    // Prometheus scrapes with the metrics token (LAGEBILD_METRICS_TOKEN), or a
                    // platform administrator looks
                    .requestMatchers(r -> MetricsToken.presented(r, metricsToken))
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("PLATFORM_ADMIN")
                    // application endpoints: authorised per handler method by
                    // TenantAccessInterceptor
                    .anyRequest()
                    .permitAll())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .failureHandler(
                        (req, res, ex) ->
                            res.sendRedirect(
                                req.getContextPath()
                                    + (ex instanceof LoginThrottledException t
                                        ? "/login?blocked=" + t.seconds()
                                        : DatabaseOutage.causedBy(ex)
                                            ? "/login?unavailable"
                                            : "/login?error")))
                    .defaultSuccessUrl("/", false))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(problems)))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(csp(lagebild.atlas().tileUrl())))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * HTML requests go to the login page (telling a user whose session expired so); API requests get
   * a 401.
   */
  private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    return (HttpServletRequest req, HttpServletResponse res, AuthenticationException ex) -> {
      if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
        problems.write(res, HttpStatus.UNAUTHORIZED, "error.unauthorized");
        return;
      }
      if (req.getRequestedSessionId() != null && !req.isRequestedSessionIdValid()) {
        res.sendRedirect(req.getContextPath() + "/login?expired");
        return;
      }
      try {
        login.commence(req, res, ex);
      } catch (ServletException e) {
        throw new IOException(e);
      }
    };
  }
}
