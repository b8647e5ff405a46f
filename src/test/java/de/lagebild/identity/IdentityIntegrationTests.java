package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Accounts, roles, forms and login as a user meets them, on SQLite and on PostgreSQL. */
@IntegrationTest
class IdentityIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  int count(String table) {
    return dsl.fetchCount(DSL.table(DSL.name(table)));
  }

  @Test
  void adminCreatesAUserWhoCanLogInAndTheAuditLogShowsIt() throws Exception {
    mvc.perform(
            post("/nordhausen/verwaltung/benutzer/neu")
                .with(logins.as("admin"))
                .with(csrf())
                .param("displayName", "Frieda Fachdienst")
                .param("username", "frieda")
                .param("email", "frieda@example.org")
                .param("password", "geheim-genug-123")
                .param("role", "CONTRIBUTOR")
                .param("units", unitId("Fachbereich Soziales")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/nordhausen/verwaltung/benutzer"));

    mvc.perform(get("/nordhausen/verwaltung/benutzer").with(logins.as("admin")))
        .andExpect(content().string(Matchers.containsString("Frieda Fachdienst")));
    mvc.perform(get("/nordhausen/verwaltung/protokoll").with(logins.as("admin")))
        .andExpect(content().string(Matchers.containsString("Benutzer angelegt: frieda")))
        .andExpect(content().string(Matchers.containsString("Fachbereich Soziales")));
    mvc.perform(formLogin("/login").user("frieda").password("geheim-genug-123"))
        .andExpect(redirectedUrl("/"));
    // the new contributor sees the tenant but not its administration
    mvc.perform(get("/nordhausen/verwaltung").with(logins.as("frieda")))
        .andExpect(status().isForbidden());
  }

  @Test
  void missingAndTooLongFieldsAreNamedInGermanAndNothingIsWritten() throws Exception {
    int users = count("app_user");
    int audit = count("audit_event");
    mvc.perform(
            post("/nordhausen/verwaltung/benutzer/neu")
                .with(logins.as("admin"))
                .with(csrf())
                .param("displayName", "x".repeat(201))
                .param("username", "")
                .param("email", "keine-mail")
                .param("password", "kurz")
                .param("role", "READER"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Bitte füllen Sie dieses Feld aus.")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("Die Eingabe ist zu lang (höchstens 200 Zeichen).")))
        .andExpect(
            content()
                .string(Matchers.containsString("Bitte geben Sie eine gültige E-Mail-Adresse an.")))
        .andExpect(content().string(Matchers.containsString("zwischen 10 und 200 Zeichen")));
    assertThat(count("app_user")).isEqualTo(users);
    assertThat(count("audit_event")).isEqualTo(audit);
  }

  @Test
  void aDuplicateEmailIsRefusedWithAGermanMessage() throws Exception {
    int users = count("app_user");
    mvc.perform(
            post("/nordhausen/verwaltung/benutzer/neu")
                .with(logins.as("admin"))
                .with(csrf())
                .param("displayName", "Doppelt")
                .param("username", "doppelt")
                .param("email", "LESEN@demo.lagebild.invalid")
                .param("password", "geheim-genug-123")
                .param("role", "READER"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("gehört bereits zu einem Konto")));
    assertThat(count("app_user")).isEqualTo(users);
  }

  @Test
  void aPostWithoutCsrfTokenIsRefused() throws Exception {
    int units = count("responsible_unit");
    mvc.perform(
            post("/nordhausen/verwaltung/einheiten")
                .with(logins.as("admin"))
                .param("name", "Ohne Token"))
        .andExpect(status().isForbidden());
    assertThat(count("responsible_unit")).isEqualTo(units);
  }

  @Test
  void anUnknownTenantSlugGivesAGerman404() throws Exception {
    mvc.perform(get("/gibt-es-nicht").accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("Diesen Mandanten gibt es nicht.")));
  }

  @Test
  void rolesDecideWhatIsVisible() throws Exception {
    mvc.perform(get("/nordhausen/verwaltung"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/nordhausen/verwaltung").with(logins.as("lesen")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/nordhausen/verwaltung").with(logins.as("fachdienst")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/nordhausen/verwaltung/einheiten").with(logins.as("koordination")))
        .andExpect(status().isOk());
    mvc.perform(get("/nordhausen/verwaltung/benutzer").with(logins.as("koordination")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/nordhausen/verwaltung").with(logins.as("admin"))).andExpect(status().isOk());
    mvc.perform(get("/plattform/mandanten").with(logins.as("koordination")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/plattform/mandanten").with(logins.as("admin"))).andExpect(status().isOk());
  }

  @Test
  void wrongPasswordsGiveOneNeutralMessageAndRepeatedFailuresAreThrottled() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login("lesen", "falsch" + i, "10.0.0.10"))
          .andExpect(redirectedUrl("/login?error"));
    }
    // the same message for a name that does not exist: no user enumeration
    mvc.perform(login("niemand", "x", "10.0.1.1")).andExpect(redirectedUrl("/login?error"));
    // sixth attempt for "lesen" from that address: even the right password waits, and the page says
    // how long
    mvc.perform(login("lesen", "demo", "10.0.0.10")).andExpect(redirectedUrl("/login?blocked=30"));
    mvc.perform(get("/login?blocked=30"))
        .andExpect(content().string(Matchers.containsString("Bitte warten Sie 30 Sekunden")));
    mvc.perform(get("/login?blocked=<b>x</b>"))
        .andExpect(content().string(Matchers.containsString("Bitte warten Sie 60 Sekunden")));
    mvc.perform(get("/login?error"))
        .andExpect(content().string(Matchers.containsString("Die Anmeldung ist fehlgeschlagen")));
  }

  @Test
  void anExpiredSessionLeadsToTheLoginWithAMessage() throws Exception {
    mvc.perform(
            get("/nordhausen/verwaltung")
                .with(
                    r -> {
                      r.setRequestedSessionId("abgelaufen");
                      r.setRequestedSessionIdValid(false);
                      return r;
                    }))
        .andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/login?expired"))
        .andExpect(content().string(Matchers.containsString("Ihre Sitzung ist abgelaufen")));
  }

  @Test
  void aStaleFormIsRefusedByOptimisticLocking() throws Exception {
    String id = unitId("Pflegestützpunkt");
    mvc.perform(
            post("/nordhausen/verwaltung/einheiten/" + id)
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Pflegestützpunkt")
                .param("shortName", "PSP")
                .param("active", "true")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/nordhausen/verwaltung/einheiten/" + id)
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Pflegestützpunkt")
                .param("shortName", "anders")
                .param("active", "true")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("inzwischen von jemand anderem geändert")));
    assertThat(dsl.fetchValue("select short_name from responsible_unit where id = ?", id))
        .isEqualTo("PSP");
  }

  @Test
  void aUserWithTwoTenantsCanSwitchBetweenThem() throws Exception {
    mvc.perform(get("/nordhausen").with(logins.as("admin")))
        .andExpect(content().string(Matchers.containsString("Mandant wechseln")))
        .andExpect(content().string(Matchers.containsString("href=\"/saalfeld-rudolstadt\"")));
    mvc.perform(get("/saalfeld-rudolstadt/verwaltung/benutzer").with(logins.as("admin")))
        .andExpect(content().string(Matchers.containsString("sr-koordination")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Ina Beispiel"))));
  }

  @Test
  void aLogoIsAcceptedAsPngAndRefusedAsSvg() throws Exception {
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    mvc.perform(
            MockMvcRequestBuilders.multipart("/saalfeld-rudolstadt/verwaltung/logo")
                .file(
                    new MockMultipartFile(
                        "logo",
                        "logo.svg",
                        "image/svg+xml",
                        "<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)))
                .with(logins.as("sr-admin"))
                .with(csrf())
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("PNG- oder JPEG-Datei")));
    mvc.perform(get("/saalfeld-rudolstadt/logo")).andExpect(status().isNotFound());

    mvc.perform(
            MockMvcRequestBuilders.multipart("/saalfeld-rudolstadt/verwaltung/logo")
                .file(new MockMultipartFile("logo", "logo.jpg", "image/jpeg", png))
                .with(logins.as("sr-admin"))
                .with(csrf()))
        .andExpect(redirectedUrl("/saalfeld-rudolstadt/verwaltung/einstellungen"));
    mvc.perform(get("/saalfeld-rudolstadt/logo"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/png"))
        .andExpect(content().bytes(png));
  }

  @Test
  void thePlatformAdministratorCreatesATenantAndAdministersIt() throws Exception {
    mvc.perform(
            post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Landkreis Weimarer Land")
                .param("slug", "login")
                .param("kind", "LANDKREIS")
                .param("officialKey", "16071"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("Die Adresse „login“ ist nicht erlaubt")));
    mvc.perform(
            post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Landkreis Weimarer Land")
                .param("slug", "weimarer-land")
                .param("kind", "LANDKREIS")
                .param("officialKey", "1607"))
        .andExpect(content().string(Matchers.containsString("kein amtlicher Schlüssel")));
    mvc.perform(
            post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Landkreis Weimarer Land")
                .param("slug", "weimarer-land")
                .param("kind", "LANDKREIS")
                .param("officialKey", "16071"))
        .andExpect(redirectedUrl("/weimarer-land/verwaltung"));
    mvc.perform(get("/weimarer-land/verwaltung/benutzer").with(logins.as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Demo-Administration")));
    // not public: strangers neither see its start page nor its administration
    mvc.perform(get("/weimarer-land").with(logins.as("koordination")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/weimarer-land").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(csrf())
                .param("name", "Doppelt")
                .param("slug", "weimarer-land")
                .param("kind", "LANDKREIS"))
        .andExpect(content().string(Matchers.containsString("bereits vergeben")));
  }

  @Test
  void pagesAreSentWithSecurityHeaders() throws Exception {
    mvc.perform(get("/nordhausen"))
        .andExpect(
            MockMvcResultMatchers.header()
                .string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
        .andExpect(
            MockMvcResultMatchers.header()
                .string(
                    "Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(MockMvcResultMatchers.header().string("X-Frame-Options", "DENY"))
        .andExpect(MockMvcResultMatchers.header().string("Referrer-Policy", "same-origin"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString(" style=\""))));
  }

  @Test
  void theEmbeddedDatabaseRunsInWalModeWithForeignKeys() {
    Assumptions.assumeFalse(TestDatabase.isPostgres(), "SQLite only");
    assertThat(dsl.fetchValue("pragma journal_mode")).isEqualTo("wal");
    assertThat(dsl.fetchValue("pragma foreign_keys").toString()).isEqualTo("1");
  }

  private static RequestBuilder login(String user, String password, String from) {
    return post("/login")
        .param("username", user)
        .param("password", password)
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(from);
              return r;
            });
  }

  private String unitId(String name) {
    return dsl.fetchValue(
            "select u.id from responsible_unit u join tenant t on t.id = u.tenant_id "
                + "where t.slug = 'nordhausen' and u.name = ?",
            name)
        .toString();
  }
}
