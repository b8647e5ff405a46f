package de.lagebild.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gap analysis on the demo: offers of Nordhausen's catalogue against the Kreise of the atlas,
 * checked against the catalogue's own record of where each location lies; the map data, the page
 * with its ranked table, and one click from a gap to a prefilled need.
 */
@IntegrationTest
class GapAnalysisIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired JsonMapper json;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  String api(String query) throws Exception {
    return mvc.perform(
            get("/api/v1/nordhausen/gap-analysis?" + query).header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void supplyPerAreaMatchesTheCataloguesOwnPlacesAndCoverageIsPerThousand() throws Exception {
    String nordhausen =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.official_key = '16062'"));
    // published offers with a located place whose catalogue entry says it lies in Nordhausen
    int expected =
        ((Number)
                dsl.fetchValue(
                    "select count(distinct o.id) from offer o "
                        + "join offer_at_location ol on ol.offer_id = o.id "
                        + "join offer_location l on l.id = ol.location_id "
                        + "join tenant t on t.id = o.tenant_id "
                        + "where t.slug = 'nordhausen' and o.status = 'PUBLISHED' "
                        + "and l.latitude is not null and l.area_id = ?",
                    nordhausen))
            .intValue();
    assertThat(expected).isGreaterThan(10);
    Map<String, Object> answer =
        json.readValue(api("demand=unter18&level=KREIS&distanceKm=0"), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> areas = (List<Map<String, Object>>) answer.get("areas");
    assertThat(areas).hasSize(22);
    Map<String, Object> nh =
        areas.stream().filter(a -> "16062".equals(a.get("key"))).findFirst().orElseThrow();
    assertThat(nh.get("supply")).isEqualTo(expected);
    BigDecimal demand = new BigDecimal(String.valueOf(nh.get("demand")));
    assertThat(new BigDecimal(String.valueOf(nh.get("coverage"))))
        .isEqualByComparingTo(
            BigDecimal.valueOf(expected * 1000L).divide(demand, 4, RoundingMode.HALF_UP));
    assertThat(nh.get("rank")).isEqualTo(22);
    // the other Kreise have no offer in this catalogue: the largest demand ranks first
    assertThat(areas.get(0).get("name")).isEqualTo("Erfurt");
    assertThat(areas.get(0).get("flag")).isEqualTo("HIGH_NEED_LOW_SUPPLY");

    // within 10 km of its outline, the Kyffhäuserkreis next door is reached by some offers
    Map<String, Object> wider =
        json.readValue(api("demand=unter18&level=KREIS&distanceKm=10"), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> widerAreas = (List<Map<String, Object>>) wider.get("areas");
    int kyffhaeuser =
        (Integer)
            widerAreas.stream()
                .filter(a -> "16065".equals(a.get("key")))
                .findFirst()
                .orElseThrow()
                .get("supply");
    int suhl =
        (Integer)
            widerAreas.stream()
                .filter(a -> "16054".equals(a.get("key")))
                .findFirst()
                .orElseThrow()
                .get("supply");
    assertThat(kyffhaeuser).isGreaterThan(0);
    assertThat(suhl).isZero();
  }

  @Test
  void mapDataHoldsTheAreasAndThePlaces() throws Exception {
    String geo = api("demand=unter18&level=KREIS&category=Beratung&format=geojson");
    Map<String, Object> fc = json.readValue(geo, new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
    long polygons =
        features.stream()
            .filter(f -> !"Point".equals(((Map<?, ?>) f.get("geometry")).get("type")))
            .count();
    long points = features.size() - polygons;
    assertThat(polygons).isEqualTo(22);
    assertThat(points).isPositive();
    Map<String, Object> json2 =
        json.readValue(
            api("demand=unter18&level=KREIS&category=Beratung"), new TypeReference<>() {});
    assertThat(json2.get("category")).isEqualTo("Beratung");
    assertThat((Integer) json2.get("offers")).isPositive().isLessThanOrEqualTo((int) points);
  }

  @Test
  void badQuestionsAreAnsweredInGerman() throws Exception {
    String problem =
        mvc.perform(
                get("/api/v1/nordhausen/gap-analysis?demand=gibtsnicht")
                    .header("Authorization", TOKEN))
            .andExpect(status().is(422))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(problem)
        .contains("Die Bedarfskennzahl „gibtsnicht“ gibt es in diesem Sozialatlas nicht.");
    assertThat(
            mvc.perform(
                    get("/api/v1/nordhausen/gap-analysis?demand=unter18&distanceKm=zehn")
                        .header("Authorization", TOKEN))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("„zehn“ ist keine Entfernung in Kilometern.");
    // another tenant's atlas has its own indicators; the token of Nordhausen cannot ask there
    mvc.perform(
            get("/api/v1/saalfeld-rudolstadt/gap-analysis?demand=unter18")
                .header("Authorization", TOKEN))
        .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(401, 403, 404));
  }

  @Test
  void thePageRanksTheAreasAndAGapBecomesAPrefilledNeed() throws Exception {
    String page =
        mvc.perform(
                get("/nordhausen/bedarfe/abgleich?demand=unter18&level=KREIS&distanceKm=0")
                    .with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("hoher Bedarf, wenig Angebot")
        .contains("Vergleichswert: Median der Gebiete")
        .contains("id=\"gap-map\"")
        .contains("Als Bedarf erfassen");
    String reader =
        mvc.perform(
                get("/nordhausen/bedarfe/abgleich?demand=unter18&level=KREIS")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(reader)
        .contains("hoher Bedarf, wenig Angebot")
        .doesNotContain("Als Bedarf erfassen");

    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("href=\"(/nordhausen/bedarfe/neu\\?[^\"]+)\"")
            .matcher(page);
    assertThat(m.find()).isTrue();
    String link = m.group(1).replace("&amp;", "&");
    String form =
        mvc.perform(get(java.net.URI.create(link)).with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("value=\"Wenig Angebot (alle Kategorien) in Erfurt\"")
        .contains("Abgleich von Angebot und Bedarf: 0 Angebote für");
  }

  @Test
  @SuppressWarnings("unchecked")
  void placesStatedByOffersAreSummedAndCanBeTheSupply() throws Exception {
    String nordhausen =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'nordhausen' and a.official_key = '16062'"));
    // by hand from the catalogue: the places of the published, located offers in Nordhausen
    var stated =
        dsl.fetch(
            "select o.id, max(o.places) from offer o "
                + "join offer_at_location ol on ol.offer_id = o.id "
                + "join offer_location l on l.id = ol.location_id "
                + "join tenant t on t.id = o.tenant_id "
                + "where t.slug = 'nordhausen' and o.status = 'PUBLISHED' "
                + "and l.latitude is not null and l.area_id = ? and o.places is not null "
                + "group by o.id",
            nordhausen);
    int places = stated.stream().mapToInt(r -> ((Number) r.get(1)).intValue()).sum();
    assertThat(stated.size()).isGreaterThanOrEqualTo(3);
    assertThat(places).isGreaterThan(50);

    Map<String, Object> byOffers =
        json.readValue(api("demand=unter18&level=KREIS&distanceKm=0"), new TypeReference<>() {});
    Map<String, Object> nh =
        ((List<Map<String, Object>>) byOffers.get("areas"))
            .stream().filter(a -> "16062".equals(a.get("key"))).findFirst().orElseThrow();
    assertThat(nh.get("places")).isEqualTo(places);
    assertThat(nh.get("offersWithPlaces")).isEqualTo(stated.size());
    assertThat(nh.get("supply")).isEqualTo(nh.get("offers"));

    Map<String, Object> byPlaces =
        json.readValue(
            api("demand=unter18&level=KREIS&distanceKm=0&supply=PLACES"), new TypeReference<>() {});
    assertThat(byPlaces.get("supply")).isEqualTo("PLACES");
    Map<String, Object> nhp =
        ((List<Map<String, Object>>) byPlaces.get("areas"))
            .stream().filter(a -> "16062".equals(a.get("key"))).findFirst().orElseThrow();
    assertThat(nhp.get("supply")).isEqualTo(places);
    BigDecimal demand = new BigDecimal(String.valueOf(nhp.get("demand")));
    assertThat(new BigDecimal(String.valueOf(nhp.get("coverage"))))
        .isEqualByComparingTo(
            BigDecimal.valueOf(places * 1000L).divide(demand, 4, RoundingMode.HALF_UP));
    // an unknown way of counting is refused in German
    mvc.perform(
            get("/api/v1/nordhausen/gap-analysis?demand=unter18&supply=BETTEN")
                .header("Authorization", TOKEN))
        .andExpect(status().is(422))
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("„BETTEN“ ist keine mögliche Zählweise"));
  }
}
