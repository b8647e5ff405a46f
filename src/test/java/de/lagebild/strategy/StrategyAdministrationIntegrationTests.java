package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new strategy from scratch, its levels and tree, milestones, the status catalogue and the public
 * view.
 */
@IntegrationTest
class StrategyAdministrationIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  @Test
  void aCoordinatorBuildsASeniorsPlanWithTwoLevels() throws Exception {
    String title = "Seniorenplan " + UUID.randomUUID().toString().substring(0, 6);
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/neu")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("title", title)
                .param("kind", "Seniorenplan")
                .param("levelNames", "Handlungsfeld, Ziel")
                .param("status", "DRAFT")
                .param("visibility", "INTERNAL")
                .param("validFrom", "2024-01-01")
                .param("validTo", "2023-12-31"))
        .andExpect(
            content().string(containsString("Das Ende der Laufzeit liegt vor ihrem Beginn.")));
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/neu")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("title", title)
                .param("levelNames", "A, B, C, D, E, F, G")
                .param("status", "DRAFT")
                .param("visibility", "INTERNAL"))
        .andExpect(content().string(containsString("1 bis 6 Ebenen")));
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/neu")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("title", title)
                .param("kind", "Seniorenplan")
                .param("levelNames", "Handlungsfeld, Ziel")
                .param("status", "DRAFT")
                .param("visibility", "INTERNAL"))
        .andExpect(status().is3xxRedirection());
    String id = String.valueOf(dsl.fetchValue("select id from strategy where title = ?", title));

    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/" + id + "/ziele")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("code", "2")
                .param("title", "Gesundheit im Alter"))
        .andExpect(status().is3xxRedirection());
    String hf =
        String.valueOf(
            dsl.fetchValue("select id from goal where strategy_id = ? and code = '2'", id));
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/" + id + "/ziele")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("parent", hf)
                .param("code", "2.1")
                .param("title", "Ältere Menschen finden wohnortnah Bewegungsangebote."))
        .andExpect(status().is3xxRedirection());
    String ziel =
        String.valueOf(
            dsl.fetchValue("select id from goal where strategy_id = ? and code = '2.1'", id));
    // only two levels: no goal below a Ziel
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/" + id + "/ziele")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("parent", ziel)
                .param("title", "Zu tief")
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("nur 2 Ebenen")));
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/" + id + "/ziele")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("code", "2.1")
                .param("title", "Doppelt")
                .accept(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("bereits vergeben")));

    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/" + id + "/massnahmen")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("goal", ziel)
                .param("code", "2.1.1")
                .param("title", "Bestandsaufnahme der Sportvereine mit Seniorengruppen"))
        .andExpect(status().is3xxRedirection());
    String measure =
        String.valueOf(
            dsl.fetchValue("select id from measure where strategy_id = ? and code = '2.1.1'", id));
    String unit =
        String.valueOf(
            dsl.fetchValue(
                "select u.id from responsible_unit u join tenant t on t.id = u.tenant_id "
                    + "where t.slug = 'saalfeld-rudolstadt' and u.name = 'Sozialamt'"));
    mvc.perform(
            post("/saalfeld-rudolstadt/strategien/"
                    + id
                    + "/massnahmen/"
                    + measure
                    + "/meilensteine")
                .with(logins.as("sr-koordination"))
                .with(csrf())
                .param("title", "Liste liegt vor")
                .param("due", "III. Quartal 2021")
                .param("unit", unit))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchValue("select due_precision from milestone where measure_id = ?", measure))
        .isEqualTo("QUARTER");
    mvc.perform(
            get("/saalfeld-rudolstadt/strategien/" + id + "/massnahmen/" + measure)
                .with(logins.as("sr-lesen")))
        .andExpect(content().string(containsString("Liste liegt vor")))
        .andExpect(content().string(containsString("III. Quartal 2021")))
        .andExpect(content().string(containsString("Sozialamt")));
    mvc.perform(
            get("/saalfeld-rudolstadt/strategien/" + id + "/struktur")
                .with(logins.as("sr-koordination")))
        .andExpect(content().string(containsString("Gesundheit im Alter")))
        .andExpect(content().string(containsString("Ziel 2.1 nach oben")));
  }

  @Test
  void theStatusCatalogueIsEditablePerTenant() throws Exception {
    String id =
        String.valueOf(
            dsl.fetchValue(
                "select s.id from status_option s join tenant t on t.id = s.tenant_id "
                    + "where t.slug = 'saalfeld-rudolstadt' and s.code = 'DELAYED'"));
    mvc.perform(
            post("/saalfeld-rudolstadt/verwaltung/status/" + id)
                .with(logins.as("sr-admin"))
                .with(csrf())
                .param("label", "Verzögert (Ressourcen)")
                .param("defaultProgress", "25")
                .param("colour", "#8a3b00")
                .param("symbol", "⚠")
                .param("active", "true"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/saalfeld-rudolstadt/verwaltung/status/" + id)
                .with(logins.as("sr-admin"))
                .with(csrf())
                .param("label", "x")
                .param("defaultProgress", "25")
                .param("colour", "red; background:url(x)")
                .param("symbol", "⚠")
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("#RRGGBB")));
    mvc.perform(get("/saalfeld-rudolstadt/status.css").with(logins.as("sr-lesen")))
        .andExpect(
            content().string(containsString(".badge.status-DELAYED { border-color: #8a3b00")));
    // the other tenant keeps its own catalogue
    assertThat(
            dsl.fetchValue(
                "select s.label from status_option s join tenant t on t.id = s.tenant_id "
                    + "where t.slug = 'nordhausen' and s.code = 'DELAYED'"))
        .isEqualTo("Verzögert");
    mvc.perform(get("/saalfeld-rudolstadt/verwaltung/status").with(logins.as("sr-koordination")))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePublicSeesPublicStrategiesWithoutInternalFields() throws Exception {
    String strategy = DemoData.nordhausenStrategy(dsl);
    mvc.perform(get("/nordhausen").accept(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Veröffentlichte Strategien")))
        .andExpect(
            content().string(containsString("/nordhausen/oeffentlich/strategien/" + strategy)));
    mvc.perform(get("/nordhausen/oeffentlich/strategien/" + strategy).accept(MediaType.TEXT_HTML))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Kinder und Familien mit Kindern")))
        .andExpect(content().string(not(containsString("/massnahmen/"))))
        .andExpect(content().string(not(containsString("Bearbeiten"))));
    // an internal strategy is not found publicly, and the internal pages need a login
    mvc.perform(get("/nordhausen/strategien/" + strategy).accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
    String title = "Interne Familienstrategie " + UUID.randomUUID().toString().substring(0, 6);
    mvc.perform(
            post("/nordhausen/strategien/neu")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("title", title)
                .param("levelNames", "Handlungsfeld, Ziel")
                .param("status", "DRAFT")
                .param("visibility", "INTERNAL"))
        .andExpect(status().is3xxRedirection());
    String internal =
        String.valueOf(dsl.fetchValue("select id from strategy where title = ?", title));
    mvc.perform(get("/nordhausen/oeffentlich/strategien/" + internal).accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound());
    mvc.perform(get("/nordhausen").accept(MediaType.TEXT_HTML))
        .andExpect(content().string(not(containsString(title))));
  }
}
