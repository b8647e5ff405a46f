package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CSRF protection is skipped only for API requests that a valid token authenticated. A logged-in
 * browser session that sends no CSRF token is refused whatever {@code Authorization} header comes
 * with it.
 */
@IntegrationTest
class CsrfIntegrationTests extends DatabaseProperties {

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
  void aSessionWithAJunkBearerHeaderStillNeedsTheCsrfToken() throws Exception {
    int rounds = count("reporting_round");
    int categories = count("catalogue_category");
    int tokens = count("api_token");
    String strategy = DemoData.nordhausenStrategy(dsl);
    mvc.perform(
            post("/nordhausen/strategien/" + strategy + "/runden")
                .with(logins.as("koordination"))
                .header("Authorization", "Bearer junk")
                .param("name", "Ohne CSRF"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/kategorien")
                .with(logins.as("koordination"))
                .header("Authorization", "Bearer junk")
                .param("name", "Ohne CSRF"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/nordhausen/profil/tokens")
                .with(logins.as("koordination"))
                .header("Authorization", "bearer lgb_demo_koordination_nordhausen")
                .param("name", "Ohne CSRF"))
        .andExpect(status().isForbidden());
    assertThat(count("reporting_round")).isEqualTo(rounds);
    assertThat(count("catalogue_category")).isEqualTo(categories);
    assertThat(count("api_token")).isEqualTo(tokens);
  }

  @Test
  void onlyAValidTokenSkipsCsrfOnTheApi() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile(
            "file",
            "x.txt",
            "text/plain",
            "Handlungsfeld 1: Test\nZiel 1.1\tEin Ziel\n".getBytes(StandardCharsets.UTF_8));
    // a browser session calling the API without CSRF token: refused
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(file)
                .with(logins.as("koordination")))
        .andExpect(status().isForbidden());
    // a junk token: not authenticated
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(file)
                .header("Authorization", "Bearer junk"))
        .andExpect(status().isUnauthorized());
    // the real token: no CSRF token needed
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(file)
                .header("Authorization", "Bearer lgb_demo_koordination_nordhausen"))
        .andExpect(status().isOk());
  }
}
