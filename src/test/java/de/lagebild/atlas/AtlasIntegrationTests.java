package de.lagebild.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The demo atlas through the open data API and the pages: contract, formats, ETag, validity and
 * successors.
 */
@IntegrationTest
class AtlasIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  String indicator(String code) {
    return String.valueOf(
        dsl.fetchValue(
            "select i.id from indicator i join tenant t on t.id = i.tenant_id "
                + "where t.slug = 'nordhausen' and i.code = ?",
            code));
  }

  String area(String key) {
    return String.valueOf(
        dsl.fetchValue(
            "select a.id from area a join tenant t on t.id = a.tenant_id "
                + "where t.slug = 'nordhausen' and a.official_key = ?",
            key));
  }

  @Test
  void areasAndIndicatorsWithKeysKeptAsText() throws Exception {
    mvc.perform(get("/api/v1/nordhausen/areas").header("Authorization", TOKEN))
        .andExpect(status().isOk())
        // Thüringen and its 23 Kreise (a geometry import of another test may add a Gemeinde)
        .andExpect(jsonPath("$.total", Matchers.greaterThanOrEqualTo(24)))
        .andExpect(jsonPath("$.items[0].key").value("16"))
        .andExpect(jsonPath("$.items[?(@.key == '16056')].validTo").value("2021-06-30"))
        .andExpect(jsonPath("$.items[?(@.key == '16062')].type").value("KREIS"));
    mvc.perform(
            get("/api/v1/nordhausen/indicators")
                .param("size", "5")
                .param("page", "2")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        // the twelve indicators of the demo come first (imports of other tests may add more after
        // them)
        .andExpect(jsonPath("$.total", Matchers.greaterThanOrEqualTo(12)))
        .andExpect(jsonPath("$.items[0].code").value("hlu"))
        .andExpect(jsonPath("$.items[1].code").value("asylblg"));
    mvc.perform(
            get("/api/v1/nordhausen/indicators").param("size", "0").header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Seitengröße")));
  }

  @Test
  void valuesAsJsonAndCsvAndMapDataAsGeoJson() throws Exception {
    String alq = indicator("alq");
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", alq)
                .param("area", area("16062"))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].value").value(7.0))
        .andExpect(jsonPath("$.items[0].period").value("2019"))
        .andExpect(jsonPath("$.items[0].areaKey").value("16062"));
    // CSV is streamed from a database cursor: an async answer
    var started =
        mvc.perform(
                get("/api/v1/nordhausen/values")
                    .param("indicator", indicator("sgb2kinder"))
                    .param("period", "12/2018")
                    .param("format", "csv")
                    .header("Authorization", TOKEN))
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.request()
                    .asyncStarted())
            .andReturn();
    String csv =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                    started))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains("sgb2kinder;16062;Nordhausen;2018-12;33,91;;").hasLineCount(16);
    String geo =
        mvc.perform(
                get("/api/v1/nordhausen/map-data")
                    .param("indicator", alq)
                    .header("Authorization", TOKEN))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
            .andExpect(jsonPath("$.features.length()").value(23))
            .andExpect(jsonPath("$.features[0].properties.name").value("Gera"))
            .andExpect(jsonPath("$.features[0].properties.colour").value("#b30000"))
            .andExpect(jsonPath("$.attribution", containsString("GeoBasis-DE / BKG")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(geo).contains("\"type\":\"Polygon\"");
    // unchanged answers are not sent twice
    String etag =
        mvc.perform(get("/api/v1/nordhausen/areas").header("Authorization", TOKEN))
            .andExpect(header().exists("ETag"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            get("/api/v1/nordhausen/areas")
                .header("Authorization", TOKEN)
                .header("If-None-Match", etag))
        .andExpect(status().isNotModified());
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("period", "Sommer")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("Zeitraum „Sommer“")));
  }

  @Test
  void eisenachEndsWithItsSuccessorAndTheProfileComparesWithoutColourAlone() throws Exception {
    String page =
        mvc.perform(get("/nordhausen/atlas/gebiete/" + area("16056")).with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Eisenach's latest population (GENESIS 12411-0018, 31.12.2020), before the merger
    Number eisenach2020 =
        (Number)
            dsl.fetchValue(
                "select v.value from indicator_value v join indicator i on i.id = v.indicator_id"
                    + " where v.area_id = ? and i.code = 'bevoelkerung' and v.period = '2020-12'"
                    + " and i.tenant_id = v.tenant_id and v.tenant_id = (select id from tenant"
                    + " where slug = 'nordhausen')",
                area("16056"));
    assertThat(page)
        .contains("bestand bis 30.06.2021")
        .contains("Nachfolger: Wartburgkreis")
        .contains(NumberFormat.getIntegerInstance(Locale.GERMANY).format(eisenach2020.longValue()))
        .contains("Dezember 2020");
    String nordhausen =
        mvc.perform(get("/nordhausen/atlas/gebiete/" + area("16062")).with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // the derived share of people aged 65+, computed from the two counts of December 2020
    Number share =
        (Number)
            dsl.fetchValue(
                "select v.value from indicator_value v join indicator i on i.id = v.indicator_id"
                    + " where v.area_id = ? and i.code = 'anteil65' and v.period = '2020-12'"
                    + " and i.tenant_id = v.tenant_id",
                area("16062"));
    NumberFormat oneDecimal = NumberFormat.getNumberInstance(Locale.GERMANY);
    oneDecimal.setMinimumFractionDigits(1);
    oneDecimal.setMaximumFractionDigits(1);
    assertThat(nordhausen)
        .contains("Anteil der Bevölkerung ab 65 Jahren")
        .contains(oneDecimal.format(share.doubleValue()))
        // population figures compare with the Land, which the demo has from the same table
        .contains("Thüringen");
    // unemployment 7,00 % against the Land's 5,30 % (the Land's row of Regionaldatenbank
    // 13211-02-05-4, 2019): higher, which is worse
    assertThat(nordhausen)
        .contains("7,00")
        .contains("5,30")
        .contains("höher – ungünstiger")
        .contains("beschlossen am 25. September 2018");
  }

  @Test
  void anotherTenantsAtlasIsNotReachable() throws Exception {
    mvc.perform(get("/api/v1/saalfeld-rudolstadt/areas").header("Authorization", TOKEN))
        .andExpect(status().isForbidden());
    String foreign =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id "
                    + "where t.slug = 'saalfeld-rudolstadt' and a.official_key = '16062'"));
    mvc.perform(get("/nordhausen/atlas/gebiete/" + foreign).with(logins.as("lesen")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/nordhausen/values").param("area", foreign).header("Authorization", TOKEN))
        .andExpect(status().isNotFound());
  }

  @Test
  void thePublicAtlasShowsPublicIndicatorsWithoutLogin() throws Exception {
    String alq = indicator("alq");
    String page =
        mvc.perform(get("/nordhausen/oeffentlich/atlas"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Arbeitslosenquote im Jahresdurchschnitt")
        .doesNotContain("Statistik laden");
    String map =
        mvc.perform(get("/nordhausen/oeffentlich/atlas/indikatoren/" + alq))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(map)
        .contains("/nordhausen/oeffentlich/atlas/karten-daten?indicator=" + alq)
        .doesNotContain("/api/v1/");
    mvc.perform(get("/nordhausen/oeffentlich/atlas/karten-daten").param("indicator", alq))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.features.length()").value(23));
    mvc.perform(get("/nordhausen/oeffentlich/atlas/gebiete/" + area("16062")))
        .andExpect(status().isOk());
    // an indicator that is not public (a new one from an import) is not there
    String code = "intern-" + System.nanoTime();
    mvc.perform(
            MockMvcRequestBuilders.multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "i.csv",
                        "text/csv",
                        ("Schlüssel;Indikator;Zeitraum;Wert\n16062;" + code + ";2019;1\n")
                            .getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    String hidden =
        String.valueOf(
            dsl.fetchValue(
                "select i.id from indicator i join tenant t on t.id = i.tenant_id "
                    + "where t.slug = 'nordhausen' and i.name = ?",
                code));
    mvc.perform(get("/nordhausen/oeffentlich/atlas/indikatoren/" + hidden))
        .andExpect(status().isNotFound());
    mvc.perform(get("/nordhausen/oeffentlich/atlas/karten-daten").param("indicator", hidden))
        .andExpect(status().isNotFound());
    assertThat(
            mvc.perform(get("/nordhausen/oeffentlich/atlas/gebiete/" + area("16062")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(code);
    // the open data API answers without login, for public indicators only
    mvc.perform(get("/api/v1/nordhausen/map-data").param("indicator", alq))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.features.length()").value(23));
    mvc.perform(get("/api/v1/nordhausen/map-data").param("indicator", hidden))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/nordhausen/values").param("indicator", hidden))
        .andExpect(status().isNotFound());
    String open =
        mvc.perform(get("/api/v1/nordhausen/indicators"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(open).contains("\"alq\"").doesNotContain(code);
    Number publicCount =
        (Number)
            dsl.fetchValue(
                "select count(*) from indicator i join tenant t on t.id = i.tenant_id "
                    + "where t.slug = 'nordhausen' and i.public_visible = true");
    mvc.perform(get("/api/v1/nordhausen/indicators"))
        .andExpect(jsonPath("$.total").value(publicCount.intValue()));
    var streamed =
        mvc.perform(
                get("/api/v1/nordhausen/values")
                    .param("format", "csv")
                    .param("area", area("16062")))
            .andReturn();
    String allValues =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                    streamed))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(allValues).contains("alq;16062").doesNotContain(code);
    // with the token, the tenant's own users see the internal indicator too
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", hidden)
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].value").value(1));
    // a tenant that is not public stays closed (created without "publicVisible")
    String slug = "api-geschlossen-" + (System.nanoTime() % 100000);
    mvc.perform(
            MockMvcRequestBuilders.post("/plattform/mandanten")
                .with(logins.as("admin"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "Landkreis Geschlossen")
                .param("slug", slug)
                .param("kind", "LANDKREIS")
                .param("officialKey", "16071"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/" + slug + "/indicators")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/" + slug + "/areas")).andExpect(status().isUnauthorized());
  }

  @Test
  void theMapAsSvgAndTheTableAsXlsx() throws Exception {
    String alq = indicator("alq");
    byte[] svg =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + alq + "/export")
                    .param("format", "svg")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(svg, StandardCharsets.UTF_8);
    assertThat(text.split("<path ", -1)).hasSize(24);
    assertThat(text)
        .contains("<title>Gera: 8,10</title>")
        .contains("GeoBasis-DE / BKG")
        .contains("Legende");
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "atlas-map-export.svg"), svg);
    byte[] xlsx =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + alq + "/export")
                    .param("format", "xlsx")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Gera");
      assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(8.1);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("16052");
    }
  }

  @Test
  void aTimeSeriesComparesUpToFourAreas() throws Exception {
    String alq = indicator("alq");
    String page =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + alq)
                    .param("vergleich", area("16062"))
                    .param("vergleich", area("16073"))
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String section = page.substring(page.indexOf("id=\"series-h\""));
    assertThat(section)
        .contains("<th scope=\"col\" class=\"num\">Nordhausen</th>")
        .contains("<th scope=\"col\" class=\"num\">Saalfeld-Rudolstadt</th>")
        .contains("<td class=\"num\">7,00</td>")
        .contains("<td class=\"num\">5,30</td>")
        .contains("<svg")
        .contains("<title>Nordhausen, 2019: 7,00</title>");
    var five =
        get("/nordhausen/atlas/indikatoren/" + alq)
            .with(logins.as("lesen"))
            .accept(MediaType.TEXT_HTML);
    for (String key : new String[] {"16062", "16073", "16052", "16053", "16055"}) {
      five.param("vergleich", area(key));
    }
    assertThat(
            mvc.perform(five)
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("höchstens vier Gebiete");
  }

  @Test
  void theMapAsPngAndTheProfileAsPdf() throws Exception {
    String alq = indicator("alq");
    byte[] png =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + alq + "/export")
                    .param("format", "png")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("image/png"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(2040);
    // areas are filled in class colours: more than white, black and grey in the picture
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < 1600; x += 7) {
      for (int y = 120; y < image.getHeight() - 120; y += 7) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertThat(colours.size()).isGreaterThan(5);
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "atlas-map-export.png"), png);
    byte[] pdf =
        mvc.perform(
                get("/nordhausen/atlas/gebiete/" + area("16062") + "/pdf").with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    Files.write(Path.of("target", "screenshots", "atlas-profile.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("-\\R(?=\\p{Ll})", "");
      assertThat(text)
          .contains("Nordhausen – Zahlen und Fakten")
          .contains("Arbeitslosenquote")
          .contains("Median der")
          .contains("ungünstiger");
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
    }
    // the public profile PDF holds public indicators only
    byte[] open =
        mvc.perform(get("/nordhausen/oeffentlich/atlas/gebiete/" + area("16062") + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(open.length).isGreaterThan(1000);
  }

  @Test
  void aTimeSeriesInTodaysBordersAddsThePredecessor() throws Exception {
    String population = indicator("bevoelkerung");
    String wartburg = area("16063");
    Number own =
        (Number)
            dsl.fetchValue(
                "select v.value from indicator_value v where v.area_id = ? "
                    + "and v.indicator_id = ? and v.period = '2019-12'",
                wartburg,
                population);
    Number eisenach =
        (Number)
            dsl.fetchValue(
                "select v.value from indicator_value v where v.area_id = ? "
                    + "and v.indicator_id = ? and v.period = '2019-12'",
                area("16056"),
                population);
    NumberFormat german = NumberFormat.getIntegerInstance(Locale.GERMANY);
    String then =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + population)
                    .param("vergleich", wartburg)
                    .param("periode", "2019-12")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(then)
        .contains(german.format(own.longValue()))
        .doesNotContain("einschließlich Eisenach");
    // the ranking as bars: one per Kreis with a figure in December 2019 (the 15 profiles of seed
    // 004 and the other 8 Kreise from GENESIS 12411-0018), in rank order
    String bars = then.substring(then.indexOf("class=\"ranking-chart\""));
    bars = bars.substring(0, bars.indexOf("</svg>"));
    assertThat(bars.split("<rect ", -1)).hasSize(1 + 23);
    assertThat(bars.indexOf(">1. ")).isGreaterThan(0).isLessThan(bars.indexOf(">2. "));
    assertThat(bars.indexOf(">2. ")).isLessThan(bars.indexOf(">23. "));
    String today =
        mvc.perform(
                get("/nordhausen/atlas/indikatoren/" + population)
                    .param("vergleich", wartburg)
                    .param("gebietsstand", "heute")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(today)
        .contains("Wartburgkreis einschließlich Eisenach für die Zeit vor dem 01.07.2021")
        .contains(german.format(own.longValue() + eisenach.longValue()));
    // a rate without numerator and denominator is not restated, and the page says so
    assertThat(
            mvc.perform(
                    get("/nordhausen/atlas/indikatoren/" + indicator("alq"))
                        .param("vergleich", wartburg)
                        .param("gebietsstand", "heute")
                        .with(logins.as("lesen")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("lassen sich nicht auf den heutigen Gebietsstand");
  }

  @Test
  void theMapCacheFollowsTheRevisionInTheDatabaseAsASecondInstanceWould() throws Exception {
    String code = "cache-" + System.nanoTime();
    String csv =
        "Schlüssel;Indikator;Zeitraum;Wert\n16062;"
            + code
            + ";2020;7,9\n16073;"
            + code
            + ";2020;6,1\n";
    mvc.perform(
            MockMvcRequestBuilders.multipart("/api/v1/nordhausen/indicator-imports")
                .file(
                    new MockMultipartFile(
                        "file", "c.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk());
    String id = String.valueOf(dsl.fetchValue("select id from indicator where name = ?", code));
    Supplier<String> mapData =
        () -> {
          try {
            return mvc.perform(
                    get("/api/v1/nordhausen/map-data")
                        .param("indicator", id)
                        .header("Authorization", TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(mapData.get()).contains("\"value\":7.9");
    String etag =
        mvc.perform(
                get("/api/v1/nordhausen/map-data")
                    .param("indicator", id)
                    .header("Authorization", TOKEN))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            get("/api/v1/nordhausen/map-data")
                .param("indicator", id)
                .header("Authorization", TOKEN)
                .header("If-None-Match", etag))
        .andExpect(status().isNotModified());
    // a client that accepts gzip gets the bytes the cache holds, compressed once (issue 19)
    var zipped =
        mvc.perform(
                get("/api/v1/nordhausen/map-data")
                    .param("indicator", id)
                    .header("Authorization", TOKEN)
                    .header("Accept-Encoding", "gzip, deflate, br"))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Content-Encoding", "gzip"))
            .andReturn()
            .getResponse();
    String unzipped;
    try (var in =
        new java.util.zip.GZIPInputStream(
            new java.io.ByteArrayInputStream(zipped.getContentAsByteArray()))) {
      unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(unzipped).isEqualTo(mapData.get());
    assertThat(zipped.getContentAsByteArray().length).isLessThan(unzipped.length() / 2);
    assertThat(zipped.getHeader("ETag")).isNotEqualTo(etag).endsWith("-gzip\"");
    // another instance changes a value in the same database: without raising the revision, this
    // instance's cache
    // keeps its answer (the cache is really used) ...
    dsl.execute(
        "update atlas_value set value = 9.9 where value = 7.9 and indicator_num = (select num from"
            + " indicator where id = ?)",
        id);
    await()
        .during(Duration.ofMillis(1100))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mapData.get().contains("\"value\":7.9"));
    // ... and with the revision raised, as every write does in its transaction, it sees the change
    // within a second
    dsl.execute(
        "update atlas_revision set revision = revision + 1 where tenant_id = (select id from tenant "
            + "where slug = 'nordhausen')");
    await().atMost(Duration.ofSeconds(5)).until(() -> mapData.get().contains("\"value\":9.9"));
  }

  /**
   * Values paged by the database (issue 19): by page number with the total, and by cursor ("next")
   * through every value of the tenant without gaps or repeats.
   */
  @Test
  void valuesArePagedByCursorWithoutGapsOrRepeats() throws Exception {
    int total =
        ((Number)
                dsl.fetchValue(
                    "select count(*) from indicator_value v join tenant t on t.id = v.tenant_id"
                        + " where t.slug = 'nordhausen'"))
            .intValue();
    String first =
        mvc.perform(
                get("/api/v1/nordhausen/values").param("size", "40").header("Authorization", TOKEN))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(total))
            .andExpect(jsonPath("$.items.length()").value(40))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String page = first;
    int pages = 0;
    while (true) {
      var doc = com.jayway.jsonpath.JsonPath.parse(page);
      List<Map<String, Object>> items = doc.read("$.items");
      for (Map<String, Object> v : items) {
        assertThat(seen.add(v.get("indicator") + "|" + v.get("area") + "|" + v.get("period")))
            .as("repeated")
            .isTrue();
      }
      String next = doc.read("$.next");
      pages++;
      if (next == null) {
        break;
      }
      page =
          mvc.perform(
                  get("/api/v1/nordhausen/values")
                      .param("size", "40")
                      .param("after", next)
                      .header("Authorization", TOKEN))
              .andExpect(status().isOk())
              .andExpect(jsonPath("$.total").doesNotExist())
              .andReturn()
              .getResponse()
              .getContentAsString();
    }
    assertThat(seen).hasSize(total);
    assertThat(pages).isGreaterThanOrEqualTo(total / 40);
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("after", "kaputt")
                .header("Authorization", TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("after")));
  }

  /**
   * API details (issue 15): values by the indicator's code and the area's official key as well as
   * by ids; dissolved areas name their successor; a bad request answers German problem+json.
   */
  @Test
  void theValuesApiTakesCodesAndKeysAndAreasNameTheirSuccessors() throws Exception {
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", "alq")
                .param("area", "16062")
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[*].indicatorCode")
                .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("alq"))))
        .andExpect(
            jsonPath("$.items[*].areaKey")
                .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("16062"))))
        .andExpect(
            jsonPath("$.items[?(@.period == '2019')].value")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.hasToString("7"),
                            org.hamcrest.Matchers.hasToString("7.0"),
                            org.hamcrest.Matchers.hasToString("7.000000")))));
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", indicator("alq"))
                .param("area", area("16062"))
                .header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].areaKey").value("16062"));
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", "gibt-es-nicht")
                .header("Authorization", TOKEN))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(
            get("/api/v1/nordhausen/values")
                .param("indicator", "alq")
                .param("page", "erste")
                .header("Authorization", TOKEN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail", containsString("page")));
    mvc.perform(get("/api/v1/nordhausen/areas").header("Authorization", TOKEN))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[?(@.key == '16056')].successors[0].key")
                .value(org.hamcrest.Matchers.hasItem("16063")))
        .andExpect(
            jsonPath("$.items[?(@.key == '16056')].successors[0].effectiveOn")
                .value(org.hamcrest.Matchers.hasItem("2021-07-01")));
  }
}
