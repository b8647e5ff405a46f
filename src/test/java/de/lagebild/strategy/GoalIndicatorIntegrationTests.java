package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.DemoData;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A goal of the demo strategy measured by an atlas indicator: baseline, course and target on the
 * goal's page.
 */
@IntegrationTest
class GoalIndicatorIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  @Test
  void aGoalShowsItsIndicatorAgainstTheTarget() throws Exception {
    String strategy = DemoData.nordhausenStrategy(dsl);
    String goal =
        String.valueOf(
            dsl.fetchValue("select id from goal where strategy_id = ? and code = '2.3'", strategy));
    String indicator =
        String.valueOf(
            dsl.fetchValue(
                "select i.id from indicator i join tenant t on t.id = i.tenant_id "
                    + "where t.slug = 'nordhausen' and i.code = 'alq'"));
    String area =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.official_key = '16062'"));
    String base = "/nordhausen/strategien/" + strategy + "/ziele/" + goal;
    // a reader may look but not link
    mvc.perform(
            post(base + "/indikatoren")
                .with(logins.as("lesen"))
                .with(csrf())
                .param("indicator", indicator)
                .param("area", area))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(base + "/indikatoren")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("indicator", indicator)
                .param("area", area)
                .param("baselineValue", "8,5")
                .param("baselinePeriod", "2017")
                .param("targetValue", "6,5")
                .param("targetPeriod", "2025"))
        .andExpect(status().is3xxRedirection());
    String page =
        mvc.perform(get(base).with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Arbeitslosenquote im Jahresdurchschnitt – Nordhausen")
        .contains("Ausgangswert")
        .contains("8,50")
        .contains("7,00")
        .contains("6,50")
        .contains("auf dem Weg zum Ziel: 7,00 (2019)");
    // a bad period is refused with a message
    mvc.perform(
            post(base + "/indikatoren")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("indicator", indicator)
                .param("area", area)
                .param("targetPeriod", "irgendwann")
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnprocessableContent());
    // the same indicator and area a second time: refused with a message, no second link
    mvc.perform(
            post(base + "/indikatoren")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("indicator", indicator)
                .param("area", area)
                .param("targetValue", "6,0"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute(
                    "problem",
                    org.hamcrest.Matchers.containsString("ist mit diesem Ziel schon verknüpft")));
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "goal_indicator where goal_id = '"
                        + goal
                        + "' and indicator_id = '"
                        + indicator
                        + "' and area_id = '"
                        + area
                        + "'")))
        .isEqualTo(1);
    // an area of another tenant cannot be linked
    String foreign =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'saalfeld-rudolstadt' and a.official_key = '16062'"));
    mvc.perform(
            post(base + "/indikatoren")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("indicator", indicator)
                .param("area", foreign))
        .andExpect(status().isNotFound());
  }
}
