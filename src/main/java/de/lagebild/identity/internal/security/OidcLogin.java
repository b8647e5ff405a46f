package de.lagebild.identity.internal.security;

import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.internal.users.DirectoryAccounts;
import de.lagebild.identity.internal.users.UserRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Login with OpenID Connect (Keycloak is common in German public IT), off while {@code
 * lagebild.oidc.issuer-uri} is empty. The provider is read from its discovery document at start;
 * after the login the person's claims – {@code preferred_username}, {@code name}, {@code email} and
 * the groups claim – go to {@link DirectoryAccounts} like a directory login, and the session holds
 * the same {@link LagebildUser} a local login gives.
 */
@Configuration(proxyBeanMethods = false)
class OidcLogin {

  /** The registration id; the login starts at {@code /oauth2/authorization/verzeichnis}. */
  static final String REGISTRATION = "verzeichnis";

  /**
   * @param issuerUri the provider (LAGEBILD_OIDC_ISSUER_URI), e.g. {@code
   *     https://login.kreis.de/realms/verwaltung}
   * @param clientId the client registered for Lagebild
   * @param clientSecret its secret
   * @param groupsClaim the claim that lists the person's groups (Keycloak: a "groups" mapper)
   * @param roles group → tenant role, {@code Gruppe:tenant:ROLLE} (as for LDAP)
   */
  @ConfigurationProperties("lagebild.oidc")
  record Settings(
      @DefaultValue("") String issuerUri,
      @DefaultValue("") String clientId,
      @DefaultValue("") String clientSecret,
      @DefaultValue("groups") String groupsClaim,
      @DefaultValue List<String> roles) {

    List<DirectoryAccounts.Mapping> mappings() {
      return DirectorySettings.mappings(roles, "lagebild.oidc.roles");
    }
  }

  @Bean
  @ConditionalOnProperty(prefix = "lagebild.oidc", name = "issuer-uri")
  ClientRegistrationRepository oidcRegistrations(Settings settings) {
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(settings.issuerUri())
            .registrationId(REGISTRATION)
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .scope("openid", "profile", "email")
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .clientName("Verzeichnis der Verwaltung")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** After the provider's login: the local account and roles, then the start page. */
  static AuthenticationSuccessHandler success(Settings settings, DirectoryAccounts accounts) {
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    // read once, at start: a malformed entry stops the start
    List<DirectoryAccounts.Mapping> mappings = settings.mappings();
    return (HttpServletRequest req, HttpServletResponse res, Authentication auth) -> {
      OidcUser oidc = (OidcUser) auth.getPrincipal();
      String username =
          oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
      UserRow u =
          accounts.sync(
              username.strip().toLowerCase(Locale.ROOT),
              oidc.getFullName(),
              oidc.getEmail(),
              groups(oidc.getClaims().get(settings.groupsClaim())),
              mappings);
      if (!u.enabled()) {
        SecurityContextHolder.clearContext();
        res.sendRedirect(req.getContextPath() + "/login?error");
        return;
      }
      LagebildUser user =
          new LagebildUser(u.id(), u.username(), u.displayName(), null, true, u.platformAdmin());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, req, res);
      res.sendRedirect(req.getContextPath() + "/");
    };
  }

  /** The groups claim: a list, or one string; Keycloak may write paths ("/Sozialplanung"). */
  static List<String> groups(Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof Collection<?> c) {
      c.forEach(g -> out.add(String.valueOf(g)));
    } else if (claim != null) {
      out.add(String.valueOf(claim));
    }
    return out.stream()
        .map(g -> g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g)
        .toList();
  }
}
