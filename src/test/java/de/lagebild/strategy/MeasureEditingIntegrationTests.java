package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Editing measures and the goal tree: optimistic locking, fuzzy dates, moves that would make a
 * cycle.
 */
@IntegrationTest
class MeasureEditingIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;
  String strategy;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
    strategy = DemoData.nordhausenStrategy(dsl);
  }

  String measure(String code) {
    return String.valueOf(
        dsl.fetchValue(
            "select id from measure where strategy_id = ? and code = ?", strategy, code));
  }

  String goal(String code) {
    return String.valueOf(
        dsl.fetchValue("select id from goal where strategy_id = ? and code = ?", strategy, code));
  }

  MockHttpServletRequestBuilder save(String measure, int version, String start) {
    return post("/nordhausen/strategien/" + strategy + "/massnahmen/" + measure + "/bearbeiten")
        .with(logins.as("koordination"))
        .with(csrf())
        .param("code", dsl.fetchValue("select code from measure where id = ?", measure).toString())
        .param("title", "Titel aus Test " + version)
        .param(
            "goalId",
            String.valueOf(dsl.fetchValue("select goal_id from measure where id = ?", measure)))
        .param("startText", start)
        .param("endText", "bis Ende 2024")
        .param("weight", "2")
        .param("version", String.valueOf(version));
  }

  @Test
  void theSecondOfTwoConcurrentSavesIsToldWhatChangedAndNothingIsLost() throws Exception {
    String m = measure("2.2.3.1");
    int version =
        ((Number) dsl.fetchValue("select version from measure where id = ?", m)).intValue();
    mvc.perform(save(m, version, "III. Quartal 2019")).andExpect(status().is3xxRedirection());
    // the second editor started from the same version
    mvc.perform(save(m, version, "2019-2021").param("title", "Mein anderer Titel"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("inzwischen von jemand anderem gespeichert")))
        .andExpect(content().string(containsString("Titel aus Test " + version)))
        .andExpect(content().string(containsString("Mein anderer Titel")));
    assertThat(dsl.fetchValue("select title from measure where id = ?", m))
        .isEqualTo("Titel aus Test " + version);
    assertThat(dsl.fetchValue("select start_text from measure where id = ?", m))
        .isEqualTo("III. Quartal 2019");
    assertThat(dsl.fetchValue("select start_precision from measure where id = ?", m))
        .isEqualTo("QUARTER");
    assertThat(dsl.fetchValue("select end_precision from measure where id = ?", m))
        .isEqualTo("QUARTER");
  }

  @Test
  void anUnreadableDateIsKeptAsTextWithAVisibleWarning() throws Exception {
    String m = measure("2.3.1.1");
    int version =
        ((Number) dsl.fetchValue("select version from measure where id = ?", m)).intValue();
    mvc.perform(save(m, version, "nach Haushaltslage")).andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchValue("select start_text from measure where id = ?", m))
        .isEqualTo("nach Haushaltslage");
    assertThat(dsl.fetchValue("select start_earliest from measure where id = ?", m)).isNull();
    mvc.perform(
            get("/nordhausen/strategien/" + strategy + "/massnahmen/" + m).with(logins.as("lesen")))
        .andExpect(content().string(containsString("nach Haushaltslage")))
        .andExpect(content().string(containsString("kein Datum erkannt")));
  }

  @Test
  void htmlInTextsIsShownAsTextNeverExecuted() throws Exception {
    String m = measure("2.3.2.1");
    int version =
        ((Number) dsl.fetchValue("select version from measure where id = ?", m)).intValue();
    mvc.perform(save(m, version, "2020").param("title", "<img src=x onerror=alert(1)>Titel"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/nordhausen/strategien/" + strategy + "/massnahmen/" + m).with(logins.as("lesen")))
        .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;Titel")));
  }

  @Test
  void aGoalCannotBeMovedUnderItsOwnDescendant() throws Exception {
    String leitziel = goal("2");
    String handlungsfeld = goal("2.1");
    int version =
        ((Number) dsl.fetchValue("select version from goal where id = ?", leitziel)).intValue();
    mvc.perform(
            post("/nordhausen/strategien/" + strategy + "/ziele/" + leitziel + "/verschieben")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("parent", handlungsfeld)
                .param("version", String.valueOf(version)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .string(containsString("nicht unter sich selbst oder eines seiner Unterziele")));
    assertThat(dsl.fetchValue("select parent_id from goal where id = ?", leitziel)).isNull();
  }

  @Test
  void aGoalsFieldsAreEditedAndItsLifeSituationFiltersTheTree() throws Exception {
    String g = goal("2.4.2");
    int version = ((Number) dsl.fetchValue("select version from goal where id = ?", g)).intValue();
    mvc.perform(
            post("/nordhausen/strategien/" + strategy + "/ziele/" + g + "/bearbeiten")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("code", "2.4.2")
                .param("title", "Altern wird als eigenständige Lebensphase verstanden.")
                .param("goalSource", "Seniorenkonferenz am 12.03.2021")
                .param("successCriterion", "In jeder Gemeinde ein Angebot")
                .param("lifeSituations", "TEILHABE")
                .param("version", String.valueOf(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchValue("select goal_source from goal where id = ?", g))
        .isEqualTo("Seniorenkonferenz am 12.03.2021");
    mvc.perform(
            get("/nordhausen/strategien/" + strategy)
                .param("lebenslage", "TEILHABE")
                .with(logins.as("lesen")))
        .andExpect(
            content().string(containsString("Neue Betätigungsfelder für Menschen entwickeln")));
    // a stale form does not overwrite
    mvc.perform(
            post("/nordhausen/strategien/" + strategy + "/ziele/" + g + "/bearbeiten")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("title", "Alt")
                .param("version", String.valueOf(version)))
        .andExpect(content().string(containsString("inzwischen von jemand anderem gespeichert")));
    assertThat(dsl.fetchValue("select title from goal where id = ?", g))
        .isEqualTo("Altern wird als eigenständige Lebensphase verstanden.");
  }

  @Test
  void readersCannotEdit() throws Exception {
    String m = measure("2.3.3.1");
    mvc.perform(
            get("/nordhausen/strategien/" + strategy + "/massnahmen/" + m + "/bearbeiten")
                .with(logins.as("lesen")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/nordhausen/strategien/" + strategy + "/massnahmen/" + m + "/bearbeiten")
                .with(logins.as("fachdienst")))
        .andExpect(status().isForbidden());
  }
}
