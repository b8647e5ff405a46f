package de.lagebild.strategy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The public strategy page shows what the coordinator released and nothing else: accepted
 * assessments of rounds that are closed or published. A contributor's submission, a returned
 * version or a newer unreviewed version never reaches it.
 */
@IntegrationTest
class PublicReleaseIntegrationTests extends DatabaseProperties {

  static final String AGREEMENT =
      """
      Handlungsfeld 1: Öffentlichkeit
      Ziel 1.1\tKinder werden früh gefördert.

      Maßnahme 1.1.1\tSprachförderung in allen Kitas
      Verantwortlich\tFachbereich Jugend
      Einschätzung Juni 2022\tBegonnen: zwei Kitas nehmen teil.
      """;

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  @Test
  void onlyAcceptedAssessmentsOfReleasedRoundsArePublic() throws Exception {
    String title = "Öffentlich-Test " + UUID.randomUUID().toString().substring(0, 6);
    mvc.perform(
            multipart("/api/v1/nordhausen/strategy-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "vereinbarung.txt",
                        "text/plain",
                        AGREEMENT.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .param("strategy", title)
                .header("Authorization", "Bearer lgb_demo_koordination_nordhausen"))
        .andExpect(status().isOk());
    String strategy =
        String.valueOf(dsl.fetchValue("select id from strategy where title = ?", title));
    dsl.execute("update strategy set visibility = 'PUBLIC' where id = ?", strategy);
    String measure =
        String.valueOf(dsl.fetchValue("select id from measure where strategy_id = ?", strategy));
    String page = "/nordhausen/oeffentlich/strategien/" + strategy;

    // the imported closed round is the published history
    publicPage(page)
        .andExpect(
            content().string(containsString("1 Maßnahmen, davon 1 in der Runde „Juni 2022“")));

    mvc.perform(
            post("/nordhausen/strategien/" + strategy + "/runden")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("name", "Juni 2023"))
        .andExpect(status().is3xxRedirection());
    String round =
        String.valueOf(
            dsl.fetchValue(
                "select id from reporting_round where strategy_id = ? and name = 'Juni 2023'",
                strategy));
    mvc.perform(
            post("/nordhausen/runden/" + round + "/status")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("state", "OPEN")
                .param("version", version(round)))
        .andExpect(status().is3xxRedirection());
    assess(round, measure, "IMPLEMENTED", "Alle Kitas nehmen teil.");

    // submitted in an open, unpublished round: the public sees nothing of it
    publicPage(page)
        .andExpect(content().string(containsString("davon 1 in der Runde „Juni 2022“")))
        .andExpect(content().string(not(containsString("Juni 2023"))))
        .andExpect(content().string(not(containsString("Umgesetzt: 1"))));

    mvc.perform(
            post("/nordhausen/runden/" + round + "/veroeffentlichung")
                .with(logins.as("fachdienst"))
                .with(csrf())
                .param("publish", "true")
                .param("version", version(round)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/nordhausen/runden/" + round + "/veroeffentlichung")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("publish", "true")
                .param("version", version(round)))
        .andExpect(status().is3xxRedirection());
    // published, but nothing accepted yet
    publicPage(page)
        .andExpect(content().string(containsString("davon 0 in der Runde „Juni 2023“")))
        .andExpect(content().string(not(containsString("Umgesetzt: 1"))));

    String first = assessmentId(round, measure, 1);
    mvc.perform(
            post("/nordhausen/einschaetzungen/" + first + "/pruefung")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("decision", "RETURNED")
                .param("comment", "Bitte die Zahl der Kitas nennen."))
        .andExpect(status().is3xxRedirection());
    publicPage(page)
        .andExpect(content().string(containsString("davon 0 in der Runde „Juni 2023“")));

    assess(round, measure, "IMPLEMENTED", "Alle 31 Kitas nehmen teil.");
    publicPage(page)
        .andExpect(content().string(containsString("davon 0 in der Runde „Juni 2023“")));
    mvc.perform(
            post("/nordhausen/einschaetzungen/" + assessmentId(round, measure, 2) + "/pruefung")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("decision", "ACCEPTED"))
        .andExpect(status().is3xxRedirection());
    publicPage(page)
        .andExpect(content().string(containsString("davon 1 in der Runde „Juni 2023“")))
        .andExpect(content().string(containsString("Umgesetzt: 1")));

    // a newer, unreviewed version does not replace the accepted one in public
    assess(round, measure, "DELAYED", "Doch verzögert.");
    publicPage(page)
        .andExpect(content().string(containsString("Umgesetzt: 1")))
        .andExpect(content().string(not(containsString("Verzögert: 1"))));
    // the members' overview shows the newest version
    mvc.perform(
            get("/nordhausen/strategien/" + strategy)
                .param("runde", round)
                .with(logins.as("lesen")))
        .andExpect(content().string(containsString("Verzögert: 1")));

    // withdrawn: the public page falls back to the closed round
    mvc.perform(
            post("/nordhausen/runden/" + round + "/veroeffentlichung")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("publish", "false")
                .param("version", version(round)))
        .andExpect(status().is3xxRedirection());
    publicPage(page)
        .andExpect(content().string(containsString("davon 1 in der Runde „Juni 2022“")))
        .andExpect(content().string(not(containsString("Juni 2023"))));
    mvc.perform(get("/nordhausen/verwaltung/protokoll").with(logins.as("admin")))
        .andExpect(content().string(containsString("Berichtsrunde Juni 2023 veröffentlicht")));
  }

  ResultActions publicPage(String path) throws Exception {
    return mvc.perform(get(path)).andExpect(status().isOk());
  }

  void assess(String round, String measure, String status, String text) throws Exception {
    mvc.perform(
            post("/nordhausen/runden/" + round + "/massnahmen/" + measure)
                .with(logins.as("fachdienst"))
                .with(csrf())
                .param("statusCode", status)
                .param("narrative", text))
        .andExpect(status().is3xxRedirection());
  }

  String assessmentId(String round, String measure, int version) {
    return String.valueOf(
        dsl.fetchValue(
            "select id from assessment where round_id = ? and measure_id = ? "
                + "and version_no = ?",
            round,
            measure,
            version));
  }

  String version(String round) {
    return String.valueOf(
        dsl.fetchValue("select version from reporting_round where id = ?", round));
  }
}
