package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Login with the district's directory against a real LDAP server (UnboundID in memory, on
 * loopback): people log in with their directory password, get a local account without password, and
 * their groups become tenant roles – following the directory at every login. Local accounts keep
 * working.
 */
@IntegrationTest
class DirectoryLoginIntegrationTests extends DatabaseProperties {

  static final InMemoryDirectoryServer LDAP = start();

  static InMemoryDirectoryServer start() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=kreis,dc=test");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      config.setSchema(null);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.add("dn: dc=kreis,dc=test", "objectClass: top", "objectClass: domain", "dc: kreis");
      server.add(
          "dn: ou=Personen,dc=kreis,dc=test", "objectClass: organizationalUnit", "ou: Personen");
      server.add(
          "dn: ou=Gruppen,dc=kreis,dc=test", "objectClass: organizationalUnit", "ou: Gruppen");
      server.add(
          "dn: uid=m.mueller,ou=Personen,dc=kreis,dc=test",
          "objectClass: inetOrgPerson",
          "uid: m.mueller",
          "cn: Maria Müller",
          "sn: Müller",
          "displayName: Maria Müller (Sozialplanung)",
          "mail: maria.mueller@kreis.test",
          "userPassword: Verzeichnis-2026");
      server.add(
          "dn: uid=k.schulz,ou=Personen,dc=kreis,dc=test",
          "objectClass: inetOrgPerson",
          "uid: k.schulz",
          "cn: Karl Schulz",
          "sn: Schulz",
          "userPassword: Fachdienst-2026");
      server.add(
          "dn: cn=Sozialplanung,ou=Gruppen,dc=kreis,dc=test",
          "objectClass: groupOfNames",
          "cn: Sozialplanung",
          "member: uid=m.mueller,ou=Personen,dc=kreis,dc=test");
      server.add(
          "dn: cn=Fachdienste,ou=Gruppen,dc=kreis,dc=test",
          "objectClass: groupOfNames",
          "cn: Fachdienste",
          "member: uid=m.mueller,ou=Personen,dc=kreis,dc=test",
          "member: uid=k.schulz,ou=Personen,dc=kreis,dc=test");
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry r) {
    TestDatabase.register(r);
    r.add(
        "lagebild.ldap.url",
        () -> "ldap://127.0.0.1:" + LDAP.getListenPort() + "/dc=kreis,dc=test");
    r.add("lagebild.ldap.user-search-base", () -> "ou=Personen");
    r.add("lagebild.ldap.user-search-filter", () -> "(uid={0})");
    r.add("lagebild.ldap.group-search-base", () -> "ou=Gruppen");
    r.add("lagebild.ldap.roles[0]", () -> "Sozialplanung:nordhausen:COORDINATOR");
    r.add("lagebild.ldap.roles[1]", () -> "Fachdienste:nordhausen:CONTRIBUTOR");
    r.add("lagebild.ldap.roles[2]", () -> "Sozialplanung:saalfeld-rudolstadt:READER");
  }

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;

  String role(String username, String tenant) {
    Object r =
        dsl.fetchValue(
            "select m.role from membership m join app_user u on u.id = m.user_id "
                + "join tenant t on t.id = m.tenant_id where u.username = ? and t.slug = ?",
            username,
            tenant);
    return r == null ? null : r.toString();
  }

  @Test
  void directoryUsersLogInAndTheirGroupsBecomeTenantRoles() throws Exception {
    // a wrong directory password: no login, no account
    mvc.perform(formLogin("/login").user("m.mueller").password("falsch"))
        .andExpect(unauthenticated());
    assertThat(dsl.fetchCount(dsl.selectFrom("app_user").where("username = 'm.mueller'"))).isZero();

    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user("m.mueller").password("Verzeichnis-2026"))
                .andExpect(authenticated().withUsername("m.mueller"))
                .andReturn()
                .getRequest()
                .getSession();
    // the local account: name and e-mail from the directory, no password of its own
    var user =
        dsl.fetchOne(
            "select display_name, email, password_hash from app_user where username = 'm.mueller'");
    assertThat(user.get(0, String.class)).isEqualTo("Maria Müller (Sozialplanung)");
    assertThat(user.get(1, String.class)).isEqualTo("maria.mueller@kreis.test");
    assertThat(user.get(2)).isNull();
    // both groups map to Nordhausen: the higher role wins; Sozialplanung also reads Saalfeld
    assertThat(role("m.mueller", "nordhausen")).isEqualTo("COORDINATOR");
    assertThat(role("m.mueller", "saalfeld-rudolstadt")).isEqualTo("READER");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("audit_event")
                    .where(
                        "entity_type = 'Membership' and summary like 'm.mueller aus dem Verzeichnis%'")))
        .isEqualTo(2);
    // the role works: a coordinator's page in Nordhausen
    mvc.perform(get("/nordhausen/bedarfe/neu").session(session)).andExpect(status().isOk());

    // the directory is the master: out of Sozialplanung, the next login makes her a contributor in
    // Nordhausen and takes Saalfeld away
    LDAP.modify(
        "cn=Sozialplanung,ou=Gruppen,dc=kreis,dc=test",
        new Modification(
            ModificationType.DELETE, "member", "uid=m.mueller,ou=Personen,dc=kreis,dc=test"));
    mvc.perform(formLogin("/login").user("m.mueller").password("Verzeichnis-2026"))
        .andExpect(authenticated());
    assertThat(role("m.mueller", "nordhausen")).isEqualTo("CONTRIBUTOR");
    assertThat(role("m.mueller", "saalfeld-rudolstadt")).isNull();

    // a person without mail gets a placeholder address; a contributor cannot record needs
    MockHttpSession schulz =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user("k.schulz").password("Fachdienst-2026"))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession();
    assertThat(dsl.fetchValue("select email from app_user where username = 'k.schulz'"))
        .isEqualTo("k.schulz@verzeichnis.invalid");
    assertThat(role("k.schulz", "nordhausen")).isEqualTo("CONTRIBUTOR");
    mvc.perform(get("/nordhausen/bedarfe/neu").session(schulz)).andExpect(status().isForbidden());

    // local accounts still log in; a directory account has no local password to guess
    mvc.perform(formLogin("/login").user("koordination").password("demo"))
        .andExpect(authenticated().withUsername("koordination"));
    mvc.perform(formLogin("/login").user("m.mueller").password("")).andExpect(unauthenticated());
  }
}
