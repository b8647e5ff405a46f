package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Offer lists as open-data portals publish them (issue 15): the real OpenStreetMap export of Jena's
 * Kindergärten as GeoJSON (points and building polygons, most without a provider), a list with the
 * English headers of open-data Kita lists, and a list whose columns only the user can map – mapped
 * once, saved by name, applied to the next file. A database of its own: the tests add offers.
 */
@IntegrationTest
class RealOfferFilesIntegrationTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  static MockMultipartFile file(String resource, String name) throws Exception {
    try (InputStream in = RealOfferFilesIntegrationTests.class.getResourceAsStream(resource)) {
      return new MockMultipartFile("file", name, "application/octet-stream", in.readAllBytes());
    }
  }

  static String token(String page) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  String upload(MockHttpSession session, MockMultipartFile file, String saved) throws Exception {
    var request =
        multipart("/nordhausen/angebote/import")
            .file(file)
            .session(session)
            .with(logins.as("koordination"))
            .with(csrf());
    if (saved != null) {
      request.param("zuordnung", saved);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  int offers(String orgName) {
    return dsl.fetchCount(
        dsl.selectFrom(
            "offer o join organization g on g.id = o.organization_id where g.name = '"
                + orgName
                + "'"));
  }

  @Test
  void theOpenStreetMapKindergartensOfJenaAsGeoJson() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String first =
        upload(
            session, file("/catalogue/real/jena-osm-kindergarten.geojson", "kitas.geojson"), null);
    // columns proposed from the OSM tags; most rows have no operator: errors, nothing written
    assertThat(first)
        .contains("GeoJSON")
        .contains("<option value=\"name\" selected=\"selected\">")
        .contains("<option value=\"operator\" selected=\"selected\">")
        .contains("<option value=\"addr:street\" selected=\"selected\">")
        .contains("<option value=\"addr:housenumber\" selected=\"selected\">")
        .contains("Der Anbieter fehlt.")
        .doesNotContain("angebote/import/uebernehmen");
    String withProvider =
        mvc.perform(
                post("/nordhausen/angebote/import/vorschau")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("token", token(first))
                    .param("anbieterFuerAlle", "Träger unbekannt (OpenStreetMap)")
                    .param("speichernAls", "Kitas aus OpenStreetMap"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(withProvider)
        .contains("Die Zuordnung wurde als „Kitas aus OpenStreetMap“ gespeichert.")
        .contains("Der Name des Angebots fehlt – die Zeile wird übersprungen.")
        .contains("Dornburger Straße 26")
        .doesNotContain("Der Anbieter fehlt.")
        .contains("angebote/import/uebernehmen");
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", token(withProvider))
                .param("anbieterFuerAlle", "Träger unbekannt (OpenStreetMap)")
                .param("veroeffentlichen", "true"))
        .andExpect(status().is3xxRedirection());
    // 58 features, 2 without a name: 56 offers (rows of the same name and address merge as
    // duplicates)
    int withoutOperator = offers("Träger unbekannt (OpenStreetMap)");
    int all =
        dsl.fetchCount(
            dsl.selectFrom(
                "offer o join organization g on g.id = o.organization_id join tenant t on t.id ="
                    + " o.tenant_id where t.slug = 'nordhausen' and o.created_at is not null and"
                    + " (g.name = 'Träger unbekannt (OpenStreetMap)' or g.id in (select"
                    + " organization_id from offer_location where city = 'Jena'))"));
    assertThat(withoutOperator).isBetween(40, 46);
    assertThat(all).isBetween(50, 56);
    // "Kinderschirm", a point, and every location inside Jena (building polygons by their centre)
    assertThat(
            dsl.fetchValue(
                "select l.street from offer_location l join offer_at_location ol on ol.location_id"
                    + " = l.id join offer o on o.id = ol.offer_id where o.name = 'Kinderschirm'"))
        .isEqualTo("Dornburger Straße 26");
    var box =
        dsl.fetchOne(
            "select min(l.latitude), max(l.latitude), min(l.longitude), max(l.longitude), count(*)"
                + " from offer_location l join organization g on g.id = l.organization_id"
                + " where g.name = 'Träger unbekannt (OpenStreetMap)'");
    assertThat(((Number) box.get(4)).intValue()).isPositive();
    assertThat(new BigDecimal(box.get(0).toString())).isGreaterThan(new BigDecimal("50.85"));
    assertThat(new BigDecimal(box.get(1).toString())).isLessThan(new BigDecimal("51.0"));
    assertThat(new BigDecimal(box.get(2).toString())).isGreaterThan(new BigDecimal("11.50"));
    assertThat(new BigDecimal(box.get(3).toString())).isLessThan(new BigDecimal("11.70"));
  }

  @Test
  void englishOpenDataHeadersAreProposed() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String page = upload(session, file("/catalogue/angebote-open-data.csv", "kitas.csv"), null);
    assertThat(page)
        .contains("<option value=\"facility\" selected=\"selected\">")
        .contains("<option value=\"institution\" selected=\"selected\">")
        .contains("<option value=\"postcode\" selected=\"selected\">")
        .contains("Kita Sonnenschein")
        .contains("angebote/import/uebernehmen");
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", token(page)))
        .andExpect(status().is3xxRedirection());
    assertThat(
            dsl.fetchValue(
                "select l.latitude from offer_location l join organization g on g.id ="
                    + " l.organization_id where g.name = 'AWO Kreisverband Nordhausen e. V.'"))
        .isNotNull();
  }

  @Test
  void aMappingChosenOnceAndSavedImportsTheNextFileDirectly() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String first =
        upload(session, file("/catalogue/angebote-eigene-spalten.csv", "liste.csv"), null);
    assertThat(first).contains("Die Spalte „Angebot“ fehlt in der Kopfzeile.");
    String mapped =
        mvc.perform(
                post("/nordhausen/angebote/import/vorschau")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("token", token(first))
                    .param("feld_name", "Einrichtungsname")
                    .param("feld_organization", "Betreiber")
                    .param("feld_street", "Str")
                    .param("feld_city", "PLZ/Ort")
                    .param("feld_phone", "Tel.-Nr.")
                    .param("speichernAls", "Liste der Familienzentren"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(mapped).contains("Familienzentrum Mitte").contains("angebote/import/uebernehmen");
    // next year's file, the saved mapping chosen at the upload: ready to import at once
    MockHttpSession next = new MockHttpSession();
    String again =
        upload(
            next,
            file("/catalogue/angebote-eigene-spalten.csv", "liste-2027.csv"),
            "Liste der Familienzentren");
    assertThat(again)
        .contains("Familienzentrum Mitte")
        .doesNotContain("fehlt in der Kopfzeile")
        .contains("angebote/import/uebernehmen");
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(next)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", token(again))
                .param("feld_name", "Einrichtungsname")
                .param("feld_organization", "Betreiber")
                .param("feld_street", "Str")
                .param("feld_city", "PLZ/Ort")
                .param("feld_phone", "Tel.-Nr."))
        .andExpect(status().is3xxRedirection());
    assertThat(offers("Diakonie Nordhausen")).isEqualTo(2);
    // "99734 Nordhausen" in one column: postcode and town apart
    assertThat(
            dsl.fetchValue(
                "select l.postal_code || '|' || l.city from offer_location l join organization g on"
                    + " g.id = l.organization_id where g.name = 'Diakonie Nordhausen' and l.street"
                    + " = 'Töpferstraße 8'"))
        .isEqualTo("99734|Nordhausen");
  }
}
