package de.lagebild.identity.internal.security;

import de.lagebild.identity.internal.users.DirectoryAccounts;
import de.lagebild.platform.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login with the district's directory (LDAP / Active Directory), off while {@code url} is empty.
 *
 * @param url the directory, e.g. {@code ldaps://dc.kreis.local:636/dc=kreis,dc=local}
 *     (LAGEBILD_LDAP_URL)
 * @param managerDn account that may search the directory (empty: anonymous search)
 * @param managerPassword its password
 * @param userSearchBase where people are searched, relative to the URL's base
 * @param userSearchFilter how a login name is found ({@code {0}}: the name); Active Directory:
 *     {@code (sAMAccountName={0})}
 * @param groupSearchBase where groups are searched
 * @param groupSearchFilter the groups of a person ({@code {0}}: the person's DN)
 * @param roles group → tenant role, one per entry: {@code Gruppe:tenant:ROLLE} (the group's cn)
 */
@ConfigurationProperties("lagebild.ldap")
record DirectorySettings(
    @DefaultValue("") String url,
    @DefaultValue("") String managerDn,
    @DefaultValue("") String managerPassword,
    @DefaultValue("") String userSearchBase,
    @DefaultValue("(sAMAccountName={0})") String userSearchFilter,
    @DefaultValue("") String groupSearchBase,
    @DefaultValue("(member={0})") String groupSearchFilter,
    @DefaultValue List<String> roles) {

  boolean enabled() {
    return url != null && !url.isBlank();
  }

  List<DirectoryAccounts.Mapping> mappings() {
    return mappings(roles, "lagebild.ldap.roles");
  }

  /**
   * Group → tenant role entries {@code Gruppe:tenant:ROLLE} (LDAP and OpenID Connect); a malformed
   * entry stops the start with a message naming the property and the entry.
   */
  static List<DirectoryAccounts.Mapping> mappings(List<String> roles, String property) {
    List<DirectoryAccounts.Mapping> out = new ArrayList<>();
    for (String entry : roles) {
      int role = entry.lastIndexOf(':');
      int tenant = role < 0 ? -1 : entry.lastIndexOf(':', role - 1);
      if (tenant <= 0) {
        throw new IllegalStateException(
            property + ": '" + entry + "' is not 'Gruppe:tenant:ROLLE'");
      }
      try {
        out.add(
            new DirectoryAccounts.Mapping(
                entry.substring(0, tenant).strip(),
                entry.substring(tenant + 1, role).strip(),
                Role.valueOf(entry.substring(role + 1).strip().toUpperCase(Locale.ROOT))));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            property + ": '" + entry + "' names no role of " + List.of(Role.values()), e);
      }
    }
    return out;
  }
}
