package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HSDS 3.0 as published (issue 15): the specification's own example files – a single service, an
 * organisation with its services, the tabular data package – import; Lagebild's tabular export
 * imports into another district with the same offers. A database of its own.
 */
@IntegrationTest
class RealHsdsFilesIntegrationTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static byte[] resource(String name) throws Exception {
    try (InputStream in = RealHsdsFilesIntegrationTests.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void theSpecificationsSingleServiceImportsWithItsFields() throws Exception {
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(resource("/hsds/real/service_full.json"))
                .param("dryRun", "false")
                .param("publish", "true")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.services").value(1))
        // the example's place has a British postcode and impossible coordinates (100, 101)
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty())
        .andExpect(
            jsonPath("$.problems[0].message")
                .value(org.hamcrest.Matchers.containsString("ohne diese Angabe")));
    var offer =
        dsl.fetchOne(
            "select o.age_from, o.age_to, o.phone, o.url, g.name from offer o join organization g"
                + " on g.id = o.organization_id where o.name = 'Community Counselling'");
    assertThat(offer).isNotNull();
    assertThat(((Number) offer.get(0)).intValue()).isEqualTo(12);
    assertThat(offer.get(2)).isEqualTo("+44 1234 234567");
    assertThat(offer.get(3)).isEqualTo("http://example.com/counselling");
    // schedule (Thursday and Friday 10–18) and the contact came along
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "offer_schedule s join offer o on o.id = s.offer_id where o.name ="
                        + " 'Community Counselling' and s.opens = '10:00'")))
        .isEqualTo(2);
    assertThat(
            dsl.fetchValue(
                "select c.name from offer_contact c join offer o on o.id = c.offer_id where o.name"
                    + " = 'Community Counselling'"))
        .isEqualTo("Ann Persona");
  }

  @Test
  void anOrganisationWithItsServicesAndTheTabularPackage() throws Exception {
    mvc.perform(
            multipart("/api/v1/nordhausen/hsds-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "organization_full.json",
                        "application/json",
                        resource("/hsds/real/organization_full.json")))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.services").value(1))
        .andExpect(jsonPath("$.organizations").value(1))
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty());
    mvc.perform(
            multipart("/api/v1/nordhausen/hsds-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "hsds.zip",
                        "application/zip",
                        resource("/hsds/real/hsds-3.0-example-tabular.zip")))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.services").value(1))
        .andExpect(jsonPath("$.locations").value(1))
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty());
    // a ZIP without datapackage.json is named for what it lacks
    mvc.perform(
            multipart("/api/v1/nordhausen/hsds-imports")
                .file(
                    new MockMultipartFile(
                        "file", "x.zip", "application/zip", zipOf("services.csv", "id,name\n")))
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("kein HSDS-Datenpaket")));
  }

  /** The HSDS fields Lagebild has are emitted (issue 15). */
  @Test
  void theExportCarriesSchedulesPhonesAreasAndDates() throws Exception {
    String json =
        mvc.perform(get("/api/v1/nordhausen/hsds-export"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"last_modified\":")
        .contains("\"dtstart\":")
        .contains("\"timezone\":1")
        .contains("\"wkst\":\"MO\"")
        .containsPattern(
            "\"description\":\"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag) \\d\\d:\\d\\d–")
        .contains("\"type\":\"voice\"")
        .contains("\"service_areas\":[{")
        .contains("\"contacts\":[{");
  }

  static byte[] zipOf(String name, String content) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void theTabularExportImportsIntoAnotherDistrictWithTheSameOffers() throws Exception {
    byte[] zip =
        mvc.perform(get("/api/v1/nordhausen/hsds-export.zip"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<String> entries = new ArrayList<>();
    String services = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.add(e.getName());
        if (e.getName().equals("services.csv")) {
          services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(entries)
        .contains(
            "datapackage.json",
            "services.csv",
            "organizations.csv",
            "locations.csv",
            "addresses.csv",
            "service_at_location.csv",
            "schedules.csv",
            "phones.csv",
            "service_areas.csv");
    int published =
        dsl.fetchCount(
            dsl.selectFrom(
                "offer o join tenant t on t.id = o.tenant_id where t.slug = 'nordhausen' and"
                    + " o.status = 'PUBLISHED'"));
    assertThat(services.lines().count() - 1).isEqualTo(published);
    int before =
        dsl.fetchCount(
            dsl.selectFrom(
                "offer o join tenant t on t.id = o.tenant_id where t.slug = 'saalfeld-rudolstadt'"));
    mvc.perform(
            multipart("/api/v1/saalfeld-rudolstadt/hsds-imports")
                .file(new MockMultipartFile("file", "nordhausen.zip", "application/zip", zip))
                .param("dryRun", "false")
                .param("publish", "true")
                .with(logins.as("sr-admin"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems").isEmpty())
        .andExpect(jsonPath("$.services").value(published));
    int after =
        dsl.fetchCount(
            dsl.selectFrom(
                "offer o join tenant t on t.id = o.tenant_id where t.slug = 'saalfeld-rudolstadt'"));
    assertThat(after - before).isEqualTo(published);
    // the same names, schedules and places on both sides
    for (String sql :
        List.of(
            "select o.name from offer o join tenant t on t.id = o.tenant_id where t.slug = ? and"
                + " o.status = 'PUBLISHED' and o.name in (select name from offer where tenant_id ="
                + " (select id from tenant where slug = 'nordhausen')) order by o.name",
            "select o.name || ' ' || s.weekday || ' ' || s.opens || '-' || s.closes from"
                + " offer_schedule s join offer o on o.id = s.offer_id join tenant t on t.id ="
                + " o.tenant_id where t.slug = ? and o.name in (select name from offer where"
                + " tenant_id = (select id from tenant where slug = 'nordhausen') and status ="
                + " 'PUBLISHED') order by 1")) {
      List<?> north = dsl.fetch(sql, "nordhausen").getValues(0);
      List<?> south = dsl.fetch(sql, "saalfeld-rudolstadt").getValues(0);
      assertThat(south.stream().map(String::valueOf).toList())
          .containsAll(north.stream().map(String::valueOf).toList());
    }
  }
}
