package de.lagebild.identity.internal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.identity.internal.users.UserRow;
import de.lagebild.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An installation without demo data on an empty database: no default password, a one-time setup
 * link.
 */
@SpringBootTest(
    properties = {"lagebild.demo=false", "logging.file.name=target/test-logs/first-start.log"})
@AutoConfigureMockMvc
class FirstStartIntegrationTests {

  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired FirstAdministrator firstAdministrator;
  @Autowired UserRepository users;

  @Test
  void theFirstAdministratorIsCreatedThroughAOneTimeLinkAndNoDefaultPasswordExists()
      throws Exception {
    assertThat(users.count()).isZero();
    mvc.perform(post("/login").param("username", "admin").param("password", "demo").with(csrf()))
        .andExpect(redirectedUrl("/login?error"));

    String link = firstAdministrator.ensure();
    assertThat(link).startsWith("http://localhost:8080/setup/");
    String path = link.substring("http://localhost:8080".length());
    mvc.perform(get("/setup/0000")).andExpect(status().isNotFound());
    mvc.perform(get(path)).andExpect(status().isOk());

    mvc.perform(
            post(path)
                .with(csrf())
                .param("displayName", "Landesadministration")
                .param("username", "land")
                .param("email", "land@example.org")
                .param("password", "zu-kurz"))
        .andExpect(status().isOk());
    assertThat(users.count()).isZero();

    mvc.perform(
            post(path)
                .with(csrf())
                .param("displayName", "Landesadministration")
                .param("username", "land")
                .param("email", "land@example.org")
                .param("password", "ein-langes-passwort"))
        .andExpect(redirectedUrl("/login"));
    assertThat(users.findByUsername("land"))
        .get()
        .extracting(UserRow::platformAdmin)
        .isEqualTo(true);

    // the link is used up
    mvc.perform(get(path)).andExpect(status().isNotFound());
    mvc.perform(
            post(path)
                .with(csrf())
                .param("displayName", "Zweiter")
                .param("username", "zweiter")
                .param("email", "zweiter@example.org")
                .param("password", "ein-langes-passwort"))
        .andExpect(status().isNotFound());
    assertThat(users.count()).isEqualTo(1);
    assertThat(firstAdministrator.ensure()).isNull();
    mvc.perform(
            post("/login")
                .param("username", "land")
                .param("password", "ein-langes-passwort")
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
  }
}
