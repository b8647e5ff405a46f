package de.lagebild.identity.internal.security;

import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.internal.users.DirectoryAccounts;
import de.lagebild.identity.internal.users.UserRow;
import java.util.Collection;
import java.util.List;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Checks a login against the directory (a bind with the person's password – Lagebild never sees or
 * keeps it), reads the person's groups and hands name, e-mail and groups to {@link
 * DirectoryAccounts}, which keeps the local account and the mapped memberships. The result is the
 * same {@link LagebildUser} a local login gives, so the rest of the application does not know where
 * the login came from.
 */
final class DirectoryLogin implements AuthenticationProvider {

  /** What the directory says about a person. */
  private record Person(String dn, String name, String email, List<String> groups) {}

  private final LdapAuthenticationProvider ldap;
  private final DirectoryAccounts accounts;
  private final List<DirectoryAccounts.Mapping> mappings;

  DirectoryLogin(DirectorySettings settings, DirectoryAccounts accounts) {
    this.accounts = accounts;
    this.mappings = settings.mappings();
    DefaultSpringSecurityContextSource source =
        new DefaultSpringSecurityContextSource(settings.url());
    if (!settings.managerDn().isBlank()) {
      source.setUserDn(settings.managerDn());
      source.setPassword(settings.managerPassword());
    }
    source.afterPropertiesSet();
    BindAuthenticator bind = new BindAuthenticator(source);
    bind.setUserSearch(
        new FilterBasedLdapUserSearch(
            settings.userSearchBase(), settings.userSearchFilter(), source));
    DefaultLdapAuthoritiesPopulator groups =
        new DefaultLdapAuthoritiesPopulator(source, settings.groupSearchBase());
    groups.setGroupSearchFilter(settings.groupSearchFilter());
    groups.setGroupRoleAttribute("cn");
    groups.setRolePrefix("");
    groups.setConvertToUpperCase(false);
    groups.setSearchSubtree(true);
    this.ldap = new LdapAuthenticationProvider(bind, groups);
    this.ldap.setUserDetailsContextMapper(new PersonMapper());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Authentication checked = ldap.authenticate(authentication);
    PersonDetails p = (PersonDetails) checked.getPrincipal();
    UserRow u =
        accounts.sync(
            authentication.getName().strip(),
            p.person().name(),
            p.person().email(),
            p.person().groups(),
            mappings);
    if (!u.enabled()) {
      throw new DisabledException("disabled");
    }
    LagebildUser user =
        new LagebildUser(u.id(), u.username(), u.displayName(), null, true, u.platformAdmin());
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** Carries the directory's data from the bind to {@link #authenticate}. */
  private record PersonDetails(Person person) implements UserDetails {
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return List.of();
    }

    @Override
    public String getPassword() {
      return null;
    }

    @Override
    public String getUsername() {
      return person.dn();
    }
  }

  private static final class PersonMapper implements UserDetailsContextMapper {
    @Override
    public UserDetails mapUserFromContext(
        DirContextOperations ctx,
        String username,
        Collection<? extends GrantedAuthority> authorities) {
      String name = ctx.getStringAttribute("displayName");
      if (name == null) {
        name = ctx.getStringAttribute("cn");
      }
      return new PersonDetails(
          new Person(
              ctx.getNameInNamespace(),
              name,
              ctx.getStringAttribute("mail"),
              authorities.stream().map(GrantedAuthority::getAuthority).toList()));
    }

    @Override
    public void mapUserToContext(
        UserDetails user, org.springframework.ldap.core.DirContextAdapter ctx) {
      throw new UnsupportedOperationException();
    }
  }
}
