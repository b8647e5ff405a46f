package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Geometry files as delivered, through the wizard and the API (issue 15, geometry): the real BKG
 * VG5000 shapefiles (Gauß-Krüger zone 3, three layers in one ZIP), the real VG250 Länder
 * GeoPackage, a file without the usual properties (choice saved for the next file) and files
 * Lagebild cannot read. A database of its own: the tests add areas.
 */
@IntegrationTest
class RealGeometryFilesIntegrationTests {

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

  static MockMultipartFile file(String resource, String name) throws Exception {
    try (InputStream in = RealGeometryFilesIntegrationTests.class.getResourceAsStream(resource)) {
      return new MockMultipartFile("file", name, "application/octet-stream", in.readAllBytes());
    }
  }

  static String token(String page) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  Object area(String key, String column) {
    return dsl.fetchValue(
        "select a."
            + column
            + " from area a join tenant t on t.id = a.tenant_id"
            + " where t.slug = 'nordhausen' and a.official_key = ?",
        key);
  }

  @Test
  void theBkgShapefileZipGivesTheDistrictItsGemeinden() throws Exception {
    MockHttpSession session = new MockHttpSession();
    long started = System.nanoTime();
    String preview =
        mvc.perform(
                multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(
                        file(
                            "/atlas/geo/vg5000_ebenen_gk3.zip",
                            "vg5000_01-01.gk3.shape.ebenen.zip"))
                    .param("nurUnter", "16062")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    System.out.printf(
        "VG5000 preview (10,997 parts, 16062 kept): %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(preview)
        .contains("Shapefile")
        .contains("EPSG:31467 (DHDN / Gauß-Krüger Zone 3)")
        .contains("VG5000_KRS")
        .contains(">16062041<")
        .contains("Nordhausen")
        .contains("Bleicherode")
        .contains("Gebiete außerhalb des gewählten Schlüsselbereichs")
        .doesNotContain("Fehler verhindern");
    assertThat(area("16062041", "id")).isNull();
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume/geometrie/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", token(preview))
                .param("ebene", "VG5000_GEM")
                .param("nurUnter", "16062"))
        .andExpect(status().is3xxRedirection());
    // the Gemeinden of the Landkreis, below the Kreis, with their outline
    assertThat(area("16062041", "type")).isEqualTo("GEMEINDE");
    assertThat(area("16062041", "name")).isEqualTo("Nordhausen");
    assertThat(area("16062041", "parent_id")).isEqualTo(area("16062", "id"));
    int gemeinden =
        dsl.fetchCount(
            dsl.selectFrom(
                "area a join tenant t on t.id = a.tenant_id join area_geometry g on g.area_id = a.id"
                    + " where t.slug = 'nordhausen' and a.official_key like '16062___'"));
    assertThat(gemeinden).isBetween(15, 30);
    assertThat(area("16051000", "id")).isNull();
  }

  @Test
  void anotherLayerOfTheSameZipIsChosenInThePreview() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String first =
        mvc.perform(
                multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(file("/atlas/geo/vg5000_ebenen_gk3.zip", "vg5000.zip"))
                    .param("nurUnter", "16")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String kreise =
        mvc.perform(
                post("/nordhausen/atlas/planungsraeume/geometrie/vorschau")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("token", token(first))
                    .param("ebene", "VG5000_KRS")
                    .param("nurUnter", "16"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(kreise)
        .contains("<option value=\"VG5000_KRS\" selected=\"selected\">")
        .contains(">16062<")
        .contains(">16056<")
        .contains("Vorhandene Gebiete (erhalten die Umrisse)")
        .doesNotContain(">16062041<");
  }

  @Test
  void theGeoPackageOfTheLaenderThroughTheApi() throws Exception {
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(file("/atlas/geo/vg250_laender_wgs84.gpkg", "federal_states_germany.gpkg"))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.format").value("GeoPackage"))
        .andExpect(jsonPath("$.crs").value("EPSG:4326 (WGS 84)"))
        .andExpect(jsonPath("$.features").value(16))
        .andExpect(jsonPath("$.layers[0]").value("federal_states_germany"))
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty());
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(file("/atlas/geo/vg250_laender_wgs84.gpkg", "federal_states_germany.gpkg"))
                .param("keyPrefix", "16")
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.features").value(1))
        .andExpect(jsonPath("$.matched").value(1));
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom(
                    "area_geometry g join area a on a.id = g.area_id join tenant t on t.id ="
                        + " a.tenant_id where t.slug = 'nordhausen' and a.official_key = '16'")))
        .isEqualTo(1);
  }

  @Test
  void aRealTopoJsonWithItsOwnNumbersAsKeys() throws Exception {
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(file("/atlas/geo/berlin.ortsteile.topojson", "berlin.ortsteile.topojson"))
                .param("key", "id")
                .param("name", "Name")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.format").value("TopoJSON"))
        // 97 polygons, 96 Ortsteile: one in two parts becomes one outline
        .andExpect(jsonPath("$.features").value(96))
        .andExpect(jsonPath("$.problems[?(@.code == 'atlas.geoMerged')]").isNotEmpty())
        .andExpect(jsonPath("$.problems[?(@.error == true)]").isEmpty())
        .andExpect(
            jsonPath("$.problems[?(@.code == 'atlas.keyOwn')].message")
                .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("101"))));
  }

  static final String BEZIRKE =
      "{\"type\":\"FeatureCollection\",\"features\":["
          + "{\"type\":\"Feature\",\"properties\":{\"Nr\":\"SB-1\",\"Bezirk\":\"Salza\",\"Flaeche\":1.2},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10.78,51.50],[10.80,51.50],[10.80,51.51],"
          + "[10.78,51.51],[10.78,51.50]]]}}]}";

  @Test
  void propertiesChosenOnceAreUsedForTheNextFile() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String first =
        mvc.perform(
                multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "bezirke.geojson",
                            "application/geo+json",
                            BEZIRKE.getBytes(StandardCharsets.UTF_8)))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // no usual name property: the file's properties with samples to choose from, no commit
    assertThat(first)
        .contains("Bitte wählen Sie, welche Eigenschaft den Namen")
        .contains("Bezirk (z. B. Salza)")
        .contains("Nr (z. B. SB-1)")
        .contains("Bitte oben wählen, welche Eigenschaft den Namen enthält")
        .doesNotContain("Das Gebiet hat keinen Namen")
        .doesNotContain("Fehler verhindern den Import")
        .doesNotContain("geometrie/uebernehmen");
    String chosen =
        mvc.perform(
                post("/nordhausen/atlas/planungsraeume/geometrie/vorschau")
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf())
                    .param("token", token(first))
                    .param("schluesselEigenschaft", "Nr")
                    .param("nameEigenschaft", "Bezirk"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(chosen).contains(">Salza<").contains("geometrie/uebernehmen");
    mvc.perform(
            post("/nordhausen/atlas/planungsraeume/geometrie/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", token(chosen))
                .param("schluesselEigenschaft", "Nr")
                .param("nameEigenschaft", "Bezirk"))
        .andExpect(status().is3xxRedirection());
    assertThat(area("SB-1", "name")).isEqualTo("Salza");
    // next year's file with the same properties: the saved choice applies
    String next =
        mvc.perform(
                multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "bezirke-2027.geojson",
                            "application/geo+json",
                            BEZIRKE
                                .replace("Salza", "Salza-Nord")
                                .getBytes(StandardCharsets.UTF_8)))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(next)
        .contains("Die gespeicherte Zuordnung wurde verwendet")
        .contains(">Salza-Nord<")
        .doesNotContain("Bitte wählen Sie, welche Eigenschaft den Namen");
  }

  @Test
  void aFileItCannotReadIsNamedWithWhatItExpects() throws Exception {
    byte[] shp;
    try (var in =
        new java.util.zip.ZipInputStream(
            RealGeometryFilesIntegrationTests.class.getResourceAsStream(
                "/atlas/geo/vg5000_ebenen_gk3.zip"))) {
      java.util.zip.ZipEntry e;
      do {
        e = in.getNextEntry();
      } while (!e.getName().endsWith("VG5000_KRS.shp"));
      shp = in.readAllBytes();
    }
    String page =
        mvc.perform(
                multipart("/nordhausen/atlas/planungsraeume/geometrie")
                    .file(
                        new MockMultipartFile(
                            "file", "VG5000_KRS.shp", "application/octet-stream", shp))
                    .session(new MockHttpSession())
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("ist ein Teil eines Shapefiles")
        .contains("bitte alle zusammen als ZIP hochladen")
        .contains("Lagebild erwartet eine Geodatei mit Flächen")
        .doesNotContain("Nur Text");
    mvc.perform(
            multipart("/api/v1/nordhausen/geometry-imports")
                .file(
                    new MockMultipartFile(
                        "file", "VG5000_KRS.shp", "application/octet-stream", shp))
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("Teil eines Shapefiles")));
  }
}
