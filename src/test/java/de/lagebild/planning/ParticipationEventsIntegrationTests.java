package de.lagebild.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Conferences and workshops: recorded with participants per group (counts only), refused in German
 * when a count is not a number, a need recorded from one points back to it, and another tenant does
 * not find it.
 */
@IntegrationTest
class ParticipationEventsIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;
  final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  String page(String path, String user) throws Exception {
    return mvc.perform(get(path).with(logins.as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void anEventWithGroupsAndANeedRecordedFromIt() throws Exception {
    String area =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.official_key = '16062'"));
    int before = dsl.fetchCount(dsl.selectFrom("participation_event"));
    String refused =
        mvc.perform(
                post("/nordhausen/beteiligung/neu")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("title", "Werkstatt " + suffix)
                    .param("format", "WORKSHOP")
                    .param("heldOn", "2025-03-01")
                    .param("groupName", "Fachkräfte", "Eltern")
                    .param("groupPeople", "12", "viele"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Zeile 2 der Teilnehmenden: „viele“ ist keine Anzahl.");
    assertThat(dsl.fetchCount(dsl.selectFrom("participation_event"))).isEqualTo(before);

    String location =
        mvc.perform(
                post("/nordhausen/beteiligung/neu")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("title", "Werkstatt " + suffix)
                    .param("format", "WORKSHOP")
                    .param("heldOn", "2025-03-01")
                    .param("area", area)
                    .param("results", "Spielplatz fehlt, Treffpunkt für Jugendliche")
                    .param("groupName", "Fachkräfte", "Eltern, Großeltern", "")
                    .param("groupPeople", "12", "19", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String event = location.substring("/nordhausen/beteiligung/".length());
    assertThat(
            dsl.fetch(
                    "select name, people from participation_group where event_id = ? order by position",
                    event)
                .map(r -> r.get(0) + "=" + r.get(1)))
        .containsExactly("Fachkräfte=12", "Eltern, Großeltern=19");
    assertThat(page(location, "lesen")).contains("Planungswerkstatt").contains(">31<");

    // a need from the event: source, area and the event are prefilled
    String form = page("/nordhausen/bedarfe/neu?event=" + event, "koordination");
    assertThat(form)
        .contains("value=\"Planungswerkstatt „Werkstatt " + suffix + "“ am 01.03.2025\"")
        .contains("name=\"event\" value=\"" + event + "\"");
    String need =
        mvc.perform(
                post("/nordhausen/bedarfe/neu")
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("title", "Treffpunkt für Jugendliche " + suffix)
                    .param("sourceKind", "CONFERENCE")
                    .param("priority", "MEDIUM")
                    .param("event", event))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(page(need, "lesen")).contains("Werkstatt " + suffix);
    assertThat(page(location, "lesen")).contains("Treffpunkt für Jugendliche " + suffix);

    // readers may not record; another tenant does not find the event
    mvc.perform(
            post("/nordhausen/beteiligung/neu")
                .with(logins.as("lesen"))
                .with(csrf())
                .param("title", "X")
                .param("format", "FORUM")
                .param("heldOn", "2025-03-01"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/saalfeld-rudolstadt/beteiligung/" + event).with(logins.as("sr-admin")))
        .andExpect(status().isNotFound());
    // a need of another tenant cannot point to this event
    String foreign =
        mvc.perform(
                post("/saalfeld-rudolstadt/bedarfe/neu")
                    .with(logins.as("sr-koordination"))
                    .with(csrf())
                    .param("title", "Fremd " + suffix)
                    .param("sourceKind", "CONFERENCE")
                    .param("priority", "LOW")
                    .param("event", event))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(foreign).contains("Die Veranstaltung " + event + " gibt es nicht.");
  }
}
