package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import wizard with the real seed 000: preview writes nothing, the commit writes all of it.
 */
@IntegrationTest
class StrategyImportIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static byte[] seed() throws Exception {
    try (InputStream in =
        StrategyImportIntegrationTests.class.getResourceAsStream(
            "/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt")) {
      return in.readAllBytes();
    }
  }

  static String token(String html) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("preview offers the commit step").isTrue();
    return m.group(1);
  }

  @Test
  void theSeedIsPreviewedThenImportedInOneGo() throws Exception {
    // the same report saved by an older Word as Windows-1252
    byte[] latin = new String(seed(), StandardCharsets.UTF_8).getBytes(TextDecoder.WINDOWS_1252);
    int strategiesBefore = dsl.fetchCount(dsl.selectFrom("strategy"));
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/saalfeld-rudolstadt/strategien/import")
                    .file(new MockMultipartFile("file", "bericht.txt", "text/plain", latin))
                    .session(session)
                    .with(logins.as("sr-koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Windows-1252")))
            .andExpect(content().string(containsString("Juni 2022")))
            .andExpect(content().string(containsString("Ziele nach Handlungsfeldern")))
            .andExpect(content().string(containsString("Noch wurde nichts gespeichert.")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("<dd>27</dd>").contains("<dd>44</dd>");
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(strategiesBefore);

    String title = "Importierte Strategie " + UUID.randomUUID().toString().substring(0, 6);
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/import/uebernehmen")
                .session(session)
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("token", token(html))
                .param("title", title)
                .param("round", "Juni 2022"))
        .andExpect(status().is3xxRedirection());
    String id = String.valueOf(dsl.fetchValue("select id from strategy where title = ?", title));
    assertThat(dsl.fetchCount(dsl.selectFrom("goal where strategy_id = '" + id + "'")))
        .isEqualTo(27);
    assertThat(dsl.fetchCount(dsl.selectFrom("measure where strategy_id = '" + id + "'")))
        .isEqualTo(44);
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "assessment a join reporting_round r on r.id = a.round_id "
                        + "where r.strategy_id = '"
                        + id
                        + "' and r.name = 'Juni 2022'")))
        .isEqualTo(44);
    assertThat(
            dsl.fetchValue("select title from measure where strategy_id = ? and code = '1.1.1'", id)
                .toString())
        .startsWith("Zur weiteren Umsetzung der integrierten Sozialplanungsprozesse");
    // the token is used up
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/import/uebernehmen")
                .session(session)
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("token", token(html))
                .param("title", title + " 2")
                .accept(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("nicht mehr vorhanden")));
  }

  @Test
  void badFilesAreRefusedWithAMessageAndNothingIsWritten() throws Exception {
    int before = dsl.fetchCount(dsl.selectFrom("strategy"));
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0x0a, 0x00, 0x01, 0x02, (byte) 0xff};
    mvc.perform(
            multipart("/saalfeld-rudolstadt/strategien/import")
                .file(new MockMultipartFile("file", "bericht.txt", "text/plain", pdf))
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("keine Textdatei")));
    mvc.perform(
            multipart("/saalfeld-rudolstadt/strategien/import")
                .file(new MockMultipartFile("file", "leer.txt", "text/plain", new byte[0]))
                .param("text", "")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .accept(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Die Datei ist leer.")));
    String html =
        mvc.perform(
                multipart("/saalfeld-rudolstadt/strategien/import")
                    .param(
                        "text",
                        "Maßnahme\tVerantwortlich\tIndikatoren\tEinschätzung 2023\nEtwas tun\tJugendamt\tAnzahl\tläuft\n")
                    .with(logins.as("sr-koordination"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Maßnahme vor der ersten Zielüberschrift")
        .contains("<td>Zeile 2</td>")
        .contains("2 Fehler verhindern den Import");
    assertThat(html).doesNotContain("name=\"token\"");
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(before);
  }

  @Test
  void aPreviewOfOneTenantCannotBeCommittedInAnother() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String html =
        mvc.perform(
                multipart("/saalfeld-rudolstadt/strategien/import")
                    .file(new MockMultipartFile("file", "bericht.txt", "text/plain", seed()))
                    .session(session)
                    .with(logins.as("admin"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            post("/nordhausen/strategien/import/uebernehmen")
                .session(session)
                .with(logins.as("admin"))
                .with(csrf())
                .param("token", token(html))
                .param("title", "Falscher Mandant")
                .accept(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("nicht mehr vorhanden")));
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy where title = 'Falscher Mandant'")))
        .isZero();
  }
}
