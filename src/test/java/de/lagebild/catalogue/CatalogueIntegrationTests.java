package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offer catalogue on the demo data: German search (endings, compounds, typos, filters
 * combined), the public pages, providers limited to their own organisation, the review of their
 * changes, staleness with an e-mail reminder through a local SMTP server (GreenMail), and bad input
 * with field and reason.
 */
@IntegrationTest
class CatalogueIntegrationTests extends DatabaseProperties {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", "smtp"));

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  Logins logins;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
  }

  /** The names of the offers a public search finds, in order. */
  List<String> search(String query) throws Exception {
    String html =
        mvc.perform(get("/nordhausen/angebote?" + query))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> names = new ArrayList<>();
    Matcher m =
        Pattern.compile("<h3><a href=\"/nordhausen/angebote/[0-9a-f-]+\">([^<]+)</a>")
            .matcher(html);
    while (m.find()) {
      names.add(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return names;
  }

  String offerId(String name) {
    return String.valueOf(
        dsl.fetchValue(
            "select o.id from offer o join tenant t on t.id = o.tenant_id "
                + "where t.slug = 'nordhausen' and o.name = ?",
            name));
  }

  String categoryId(String name) {
    return String.valueOf(
        dsl.fetchValue(
            "select c.id from catalogue_category c join tenant t on t.id = c.tenant_id "
                + "where t.slug = 'nordhausen' and c.name = ?",
            name));
  }

  @Test
  void germanSearchForgivesEndingsCompoundsAndTypos() throws Exception {
    // a compound finds its parts: "Schuldnerberatung" → "Schuldner- und Insolvenzberatung"
    assertThat(search("q=Schuldnerberatung")).first().isEqualTo("Schuldner- und Insolvenzberatung");
    // endings: plural and other forms
    assertThat(search("q=Sprachkurse")).contains("Sprachkurs für Frauen mit Kinderbetreuung");
    assertThat(search("q=Beratungen")).contains("Suchtberatung", "Allgemeine Sozialberatung");
    // a typo (one letter missing, one swapped) still finds the offer
    assertThat(search("q=Kinderbetreung"))
        .contains("Sprachkurs für Frauen mit Kinderbetreuung")
        .doesNotContain("Offener Jugendtreff Roland");
    assertThat(search("q=Suchtbreatung")).contains("Suchtberatung");
    // umlauts and case do not matter
    assertThat(search("q=Demenz-Cafe")).contains("Demenz-Café „Vergissmeinnicht“");
    // every word counts: two words narrow the result
    assertThat(search("q=Beratung+Schwangerschaft"))
        .containsExactly("Schwangerschafts- und Schwangerschaftskonfliktberatung");
    // nothing for nonsense; unpublished offers are never found
    assertThat(search("q=Quantenphysik")).isEmpty();
    assertThat(search("q=Vater-Kind-Samstage")).isEmpty();
    assertThat(search("q=Sportfest")).doesNotContain("Inklusives Sportfest (Planung)");
  }

  @Test
  void filtersCombine() throws Exception {
    // age 16, Arabic, free of charge: the Arabic-speaking offers open to 16-year-olds that cost
    // nothing
    List<String> found = search("alter=16&sprache=ar&kostenlos=true");
    assertThat(found)
        .contains(
            "Offener Jugendtreff Roland", "Deutschkurs Alltag (A1–A2)", "Jugendmigrationsdienst")
        .doesNotContain("Hausaufgabenhilfe und Lernpaten", "Lebensmittelausgabe", "Suchtberatung");
    // plus a word
    assertThat(search("q=Deutsch&alter=16&sprache=ar&kostenlos=true"))
        .contains("Deutschkurs Alltag (A1–A2)")
        .doesNotContain("Offener Jugendtreff Roland");
    // a category includes its sub-categories; a target group narrows it
    assertThat(search("kategorie=" + categoryId("Beratung")))
        .contains(
            "Suchtberatung",
            "Schuldner- und Insolvenzberatung",
            "Erziehungs- und Familienberatung");
    assertThat(search("kategorie=" + categoryId("Beratung") + "&zielgruppe=SENIOREN"))
        .containsExactly("Rentenberatung und Hilfe bei Anträgen");
    assertThat(search("lebenslage=MIGRATION&zielgruppe=FRAUEN"))
        .contains("Interkulturelles Frauencafé", "Sprachkurs für Frauen mit Kinderbetreuung")
        .doesNotContain("Migrationsberatung für Erwachsene");
    // sign language
    assertThat(search("sprache=gsg"))
        .containsExactlyInAnyOrder(
            "Ergänzende unabhängige Teilhabeberatung", "Inklusive Theatergruppe");
    // a bad age is a message, not an error page
    assertThat(
            mvc.perform(get("/nordhausen/angebote?alter=alt"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("„alt“ ist kein Alter");
  }

  @Test
  void theDetailPageCountsViewsWithoutCookiesAndTheBrochureIsAPdf() throws Exception {
    String id = offerId("Suchtberatung");
    var response =
        mvc.perform(get("/nordhausen/angebote/" + id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(response.getContentAsString())
        .contains("Suchtberatung")
        .contains("Beratungshaus am Petersberg")
        .contains("Montag bis Donnerstag")
        .contains("08:00–16:00 Uhr")
        .contains("Demo-Eintrag");
    assertThat(response.getCookies()).isEmpty();
    assertThat(response.getHeader("Set-Cookie")).isNull();
    mvc.perform(get("/nordhausen/angebote/" + id));
    Number views =
        (Number)
            dsl.fetchValue(
                "select views from offer_access where offer_id = ? and month = ?",
                id,
                YearMonth.now(ZoneId.of("Europe/Berlin")).toString());
    assertThat(views.intValue()).isGreaterThanOrEqualTo(2);
    // the count table holds offer, month and a number – nothing about the visitor
    assertThat(dsl.meta().getTables("offer_access").get(0).fields())
        .extracting(f -> f.getName().toLowerCase())
        .containsExactlyInAnyOrder("tenant_id", "offer_id", "month", "views");
    // not published: not there
    mvc.perform(get("/nordhausen/angebote/" + offerId("Vater-Kind-Samstage")))
        .andExpect(status().isNotFound());
    byte[] pdf =
        mvc.perform(
                get("/nordhausen/angebote/broschuere")
                    .param("kategorie", categoryId("Sprachkurse")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("-\\R(?=\\p{Ll})", "");
      assertThat(text)
          .contains("Sprachkurse")
          .contains("Deutschkurs Alltag")
          .contains("Interkulturelles Zentrum")
          .contains("Demo-Daten");
    }
    String map =
        mvc.perform(get("/nordhausen/angebote/karte").param("q", "Schuldnerberatung"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(map).contains("\"type\":\"Point\"").contains("Schuldner- und Insolvenzberatung");
  }

  @Test
  void aProviderEditsOnlyItsOwnOffersAndChangesWaitForReview() throws Exception {
    String own = offerId("Babytreff und Krabbelgruppe");
    String foreign = offerId("Suchtberatung");
    String page =
        mvc.perform(get("/nordhausen/anbieter").with(logins.as("anbieter")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Familienwerk Südharz e. V.")
        .contains("Babytreff und Krabbelgruppe")
        .doesNotContain("Suchtberatung");
    // another organisation's offer is not found for this provider; nor is another tenant's
    // catalogue writable
    mvc.perform(get("/nordhausen/angebote/" + foreign + "/bearbeiten").with(logins.as("anbieter")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/nordhausen/angebote/" + foreign + "/bestaetigen")
                .with(logins.as("anbieter"))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/nordhausen/angebote/verwaltung").with(logins.as("anbieter")))
        .andExpect(status().isForbidden());
    // a change to a published offer becomes a proposal; the public page keeps the published text
    String form =
        mvc.perform(get("/nordhausen/angebote/" + own + "/bearbeiten").with(logins.as("anbieter")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String version = value(form, "version");
    String location =
        dsl.fetchValue("select location_id from offer_at_location where offer_id = ?", own)
            .toString();
    mvc.perform(
            edit("/nordhausen/angebote/" + own + "/bearbeiten", version, location)
                .param("name", "Babytreff und Krabbelgruppe (neu: auch freitags)")
                .with(logins.as("anbieter")))
        .andExpect(status().is3xxRedirection());
    assertThat(
            mvc.perform(get("/nordhausen/angebote/" + own))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("auch freitags");
    // the coordinator sees what changed and returns it with a comment; the provider sees the
    // comment
    String admin =
        mvc.perform(get("/nordhausen/angebote/verwaltung").with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(admin)
        .contains("Babytreff und Krabbelgruppe (neu: auch freitags)")
        .contains("Geänderte Angaben: Name");
    String change =
        dsl.fetchValue(
                "select id from offer_change where offer_id = ? and state = 'SUBMITTED'", own)
            .toString();
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/pruefung/" + change + "/zurueckgeben")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("comment", " "))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/pruefung/" + change + "/zurueckgeben")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("comment", "Bitte die Uhrzeit am Freitag nennen."))
        .andExpect(status().is3xxRedirection());
    assertThat(
            mvc.perform(get("/nordhausen/anbieter").with(logins.as("anbieter")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Bitte die Uhrzeit am Freitag nennen.");
    // proposed again and accepted: now it is published
    mvc.perform(
            edit("/nordhausen/angebote/" + own + "/bearbeiten", version, location)
                .param("name", "Babytreff und Krabbelgruppe (auch freitags)")
                .param("tag-1", "5")
                .param("von-1", "09:30")
                .param("bis-1", "11:00")
                .with(logins.as("anbieter")))
        .andExpect(status().is3xxRedirection());
    String second =
        dsl.fetchValue(
                "select id from offer_change where offer_id = ? and state = 'SUBMITTED'", own)
            .toString();
    // a provider cannot decide
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/pruefung/" + second + "/uebernehmen")
                .with(logins.as("anbieter"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/pruefung/" + second + "/uebernehmen")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            mvc.perform(get("/nordhausen/angebote/" + own))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Babytreff und Krabbelgruppe (auch freitags)")
        .contains("Freitag");
    assertThat(search("q=freitags")).contains("Babytreff und Krabbelgruppe (auch freitags)");
    // deciding twice is refused with a message
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/pruefung/" + second + "/uebernehmen")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().isUnprocessableContent());
    // a stale form (old version) is a conflict
    mvc.perform(
            edit("/nordhausen/angebote/" + own + "/bearbeiten", version, location)
                .param("name", "Veraltet")
                .with(logins.as("koordination")))
        .andExpect(status().isConflict());
    // a new offer of a provider waits in review and is not public
    String org = dsl.fetchValue("select organization_id from offer where id = ?", own).toString();
    mvc.perform(
            edit("/nordhausen/angebote/neu?organisation=" + org, null, location)
                .param("name", "Spielplatztreff im Sommer")
                .with(logins.as("anbieter")))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchValue("select status from offer where name = 'Spielplatztreff im Sommer'"))
        .isEqualTo("IN_REVIEW");
    assertThat(search("q=Spielplatztreff")).doesNotContain("Spielplatztreff im Sommer");
    // the second provider cannot add offers to the first provider's organisation
    mvc.perform(
            edit("/nordhausen/angebote/neu?organisation=" + org, null, location)
                .param("name", "Fremd")
                .with(logins.as("anbieter2")))
        .andExpect(status().isNotFound());
  }

  static MockHttpServletRequestBuilder edit(String url, String version, String location) {
    MockHttpServletRequestBuilder b =
        post(url)
            .with(csrf())
            .param("cost", "FREE")
            .param("languages", "de")
            .param("targetGroups", "FAMILIEN")
            .param("lifeSituations", "FAMILIE")
            .param("locations", location)
            .param("tag-0", "2")
            .param("von-0", "09:30")
            .param("bis-0", "11:00");
    if (version != null) {
      b.param("version", version);
    }
    return b;
  }

  static String value(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void badInputIsRefusedWithFieldAndReason() throws Exception {
    String own = offerId("Familiencafé Helmetal");
    String form =
        mvc.perform(
                get("/nordhausen/angebote/" + own + "/bearbeiten").with(logins.as("koordination")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String version = value(form, "version");
    String location =
        dsl.fetchValue("select location_id from offer_at_location where offer_id = ?", own)
            .toString();
    String answer =
        mvc.perform(
                edit("/nordhausen/angebote/" + own + "/bearbeiten", version, location)
                    .param("name", "Familiencafé Helmetal")
                    .param("ageFrom", "12")
                    .param("ageTo", "3")
                    .param("url", "javascript:alert(1)")
                    .param("email", "kein-at-zeichen")
                    .param("tag-1", "2")
                    .param("von-1", "10:00")
                    .param("bis-1", "12:00")
                    .param("tag-2", "4")
                    .param("von-2", "18:00")
                    .param("bis-2", "17:00")
                    .with(logins.as("koordination")))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer)
        .contains("Der Altersbereich ist vertauscht (12–3)")
        .contains("„javascript:alert(1)“ ist keine Internetadresse")
        .contains("„kein-at-zeichen“ ist keine E-Mail-Adresse")
        .contains("überschneiden sich am selben Tag")
        .contains("endet nicht nach ihrem Beginn")
        .contains("value=\"javascript:alert(1)\"");
    // nothing was written
    assertThat(dsl.fetchValue("select version from offer where id = ?", own).toString())
        .isEqualTo(version);
    // HTML in a description is sanitised: no script, no event handler, the text stays
    mvc.perform(
            edit("/nordhausen/angebote/" + own + "/bearbeiten", version, location)
                .param("name", "Familiencafé Helmetal")
                .param(
                    "description",
                    "<p onclick=\"x()\">Kaffee <script>alert(1)</script><b>und Kuchen</b></p>")
                .with(logins.as("koordination")))
        .andExpect(status().is3xxRedirection());
    String stored = dsl.fetchValue("select description from offer where id = ?", own).toString();
    assertThat(stored)
        .contains("Kaffee")
        .contains("<b>und Kuchen</b>")
        .doesNotContain("script")
        .doesNotContain("onclick");
    // locations: coordinates swapped, out of range, not a number, half given
    String org = dsl.fetchValue("select organization_id from offer where id = ?", own).toString();
    for (String[] c :
        new String[][] {
          {"10,79", "51,50", "vertauscht"},
          {"95", "10", "außerhalb"},
          {"51,5x", "10,7", "keine Zahl"},
          {"51,5", "", "gehören zusammen"},
          {"40,4", "-3,7", "nicht in Deutschland"}
        }) {
      String page =
          mvc.perform(
                  post("/nordhausen/angebote/verwaltung/orte")
                      .with(logins.as("koordination"))
                      .with(csrf())
                      .param("organisation", org)
                      .param("name", "Testort")
                      .param("latitude", c[0])
                      .param("longitude", c[1]))
              .andExpect(status().isUnprocessableContent())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains(c[2]);
    }
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/orte")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("organisation", org)
                .param("name", "Neuer Treffpunkt Nordhausen")
                .param("postalCode", "99734")
                .param("city", "Nordhausen")
                .param("latitude", "51,5050")
                .param("longitude", "10,7910"))
        .andExpect(status().is3xxRedirection());
    // the new location lies in the atlas area of the Kreis (or of a Gemeinde in it that another
    // test imported)
    assertThat(
            dsl.fetchValue(
                    "select a.official_key from offer_location l join area a on a.id = l.area_id "
                        + "where l.name = 'Neuer Treffpunkt Nordhausen'")
                .toString())
        .startsWith("16062");
  }

  @Test
  void staleOffersAndAReminderByEmail() throws Exception {
    String admin =
        mvc.perform(get("/nordhausen/angebote/verwaltung").with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // offers of the demo not confirmed for more than a year are listed, the oldest first
    assertThat(admin)
        .contains("Trauergruppe")
        .contains("Fahrdienst zum Einkauf und Arzt")
        .contains("vor 700 Tagen");
    String org =
        dsl.fetchValue("select o.organization_id from offer o where o.name = 'Trauergruppe'")
            .toString();
    // a provider account linked to the organisation gets the reminder too
    String provider =
        dsl.fetchValue("select id from app_user where username = 'anbieter2'").toString();
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/anbieter-konten")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("user", provider)
                .param("organisation", org))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/erinnern/" + org)
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(2); // one message, delivered to two mailboxes
    assertThat(Arrays.stream(received[0].getAllRecipients()).map(Object::toString))
        .containsExactly("kontakt-gl@lagebild-demo.example.org", "anbieter2@demo.lagebild.invalid");
    assertThat(
            dsl.fetchValue(
                    "select r.sent_to from offer_reminder r join tenant t on t.id = r.tenant_id "
                        + "where t.slug = 'nordhausen'")
                .toString())
        .isEqualTo("kontakt-gl@lagebild-demo.example.org, anbieter2@demo.lagebild.invalid");
    assertThat(received[0].getSubject()).contains("Gesundheitsladen Nordhausen");
    assertThat(received[1].getSubject()).isEqualTo(received[0].getSubject());
    String body = received[0].getContent().toString();
    assertThat(body)
        .contains("Trauergruppe")
        .contains("/nordhausen/anbieter")
        .doesNotContain("Repair-Café");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("offer_reminder r join tenant t on t.id = r.tenant_id")
                    .where("t.slug = 'nordhausen'")))
        .isEqualTo(1);
    // the provider confirms: the offer leaves the list
    String trauer = offerId("Trauergruppe");
    mvc.perform(
            post("/nordhausen/angebote/" + trauer + "/bestaetigen")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String after =
        mvc.perform(get("/nordhausen/angebote/verwaltung").with(logins.as("koordination")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String staleSection =
        after.substring(after.indexOf("id=\"aktualitaet\""), after.indexOf("id=\"alle\""));
    assertThat(staleSection).doesNotContain("Trauergruppe").contains("Fahrdienst");
    // an organisation with nothing stale gets no e-mail
    String fresh =
        dsl.fetchValue("select o.organization_id from offer o where o.name = 'Repair-Café'")
            .toString();
    mvc.perform(
            post("/nordhausen/angebote/verwaltung/erinnern/" + fresh)
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().isUnprocessableContent());
    assertThat(mail.getReceivedMessages()).hasSize(2);
  }

  /** The number a filter option shows in brackets on the search page. */
  int count(String html, String optionText) {
    Matcher m = Pattern.compile(Pattern.quote(optionText) + " \\((\\d+)\\)").matcher(html);
    assertThat(m.find()).as(optionText).isTrue();
    return Integer.parseInt(m.group(1));
  }

  String page(String query) throws Exception {
    return mvc.perform(get("/nordhausen/angebote?" + query))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  int total(String query) throws Exception {
    Matcher m = Pattern.compile("(\\d+) Angebote? gefunden").matcher(page(query));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void categoriesAreReorderedAndArchivedOffersHaveTheirOwnList() throws Exception {
    String admin = "/nordhausen/angebote/verwaltung";
    // two sub-categories of one parent swap places: the public filter lists them in the new order
    String parent = categoryId("Beratung");
    List<String> subs =
        dsl.fetch(
                "select name from catalogue_category where parent_id = ? order by position, name",
                parent)
            .getValues(0, String.class);
    assertThat(subs.size()).isGreaterThanOrEqualTo(2);
    String second = subs.get(1);
    mvc.perform(
            post(admin + "/kategorien/" + categoryId(second) + "/verschieben")
                .param("richtung", "hoch")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String html = page("");
    assertThat(html.indexOf("– " + second + " ("))
        .isLessThan(html.indexOf("– " + subs.get(0) + " ("));
    // the first cannot move further up; a provider cannot reorder
    mvc.perform(
            post(admin + "/kategorien/" + categoryId(second) + "/verschieben")
                .param("richtung", "hoch")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post(admin + "/kategorien/" + categoryId(second) + "/verschieben")
                .param("richtung", "runter")
                .with(logins.as("anbieter"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(admin + "/kategorien/" + categoryId(second) + "/verschieben")
                .param("richtung", "runter")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    html = page("");
    assertThat(html.indexOf("– " + subs.get(0) + " ("))
        .isLessThan(html.indexOf("– " + second + " ("));
    // archived offers: a list of their own on the coordinator page
    String offer = offerId("Kleiderkammer");
    mvc.perform(
            post("/nordhausen/angebote/" + offer + "/status")
                .param("status", "ARCHIVED")
                .with(logins.as("koordination"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    try {
      String archived =
          mvc.perform(get(admin).param("stand", "ARCHIVED").with(logins.as("koordination")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      String list =
          archived.substring(
              archived.indexOf("id=\"alle\""), archived.indexOf("id=\"kategorien\""));
      assertThat(list)
          .contains("Kleiderkammer")
          .doesNotContain("Suchtberatung")
          .contains("archiviert (");
      assertThat(search("q=Kleiderkammer")).doesNotContain("Kleiderkammer");
    } finally {
      mvc.perform(
              post("/nordhausen/angebote/" + offer + "/status")
                  .param("status", "PUBLISHED")
                  .with(logins.as("koordination"))
                  .with(csrf()))
          .andExpect(status().is3xxRedirection());
    }
  }

  @Test
  void accessCountsAreExportedAsCsvForCoordinatorsOnly() throws Exception {
    String id = offerId("Seniorentreff Heringen");
    String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
    String csvUrl = "/nordhausen/angebote/verwaltung/aufrufe.csv";
    int before = viewsFromCsv(csvUrl, "Seniorentreff Heringen", month);
    mvc.perform(get("/nordhausen/angebote/" + id)).andExpect(status().isOk());
    mvc.perform(get("/nordhausen/angebote/" + id)).andExpect(status().isOk());
    var response =
        mvc.perform(get(csvUrl).with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(response.getHeader("Content-Disposition"))
        .contains("nordhausen-angebote-aufrufe-" + month + ".csv");
    String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFAngebot;Anbieter;Stand;");
    List<String> header = List.of(csv.substring(1, csv.indexOf("\r\n")).split(";"));
    assertThat(header).hasSize(3 + 12 + 1).endsWith(month, "Summe");
    assertThat(viewsFromCsv(csvUrl, "Seniorentreff Heringen", month)).isEqualTo(before + 2);
    // every offer has a line, drafts too; a provider and a visitor get no file
    assertThat(csv)
        .contains("Inklusives Sportfest (Planung);Inklusionswerkstatt Harzrand gGmbH;Entwurf;");
    mvc.perform(get(csvUrl).with(logins.as("anbieter"))).andExpect(status().isForbidden());
    assertThat(mvc.perform(get(csvUrl)).andReturn().getResponse().getStatus()).isIn(302, 401);
  }

  int viewsFromCsv(String url, String offer, String month) throws Exception {
    String csv =
        new String(
            mvc.perform(get(url).with(logins.as("koordination")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    List<String> lines = List.of(csv.substring(1).split("\r\n"));
    List<String> header = List.of(lines.get(0).split(";"));
    for (String line : lines) {
      List<String> f = List.of(line.split(";"));
      if (f.get(0).equals(offer)) {
        int sum = Integer.parseInt(f.get(f.size() - 1));
        int inMonth = Integer.parseInt(f.get(header.indexOf(month)));
        assertThat(sum).isGreaterThanOrEqualTo(inMonth);
        return inMonth;
      }
    }
    throw new AssertionError(offer + " not in the CSV");
  }

  @Test
  void filterOptionsShowHowManyOffersTheyFind() throws Exception {
    // every count is what choosing that option (with the words and the other filters) finds
    String html = page("q=Beratung");
    assertThat(count(html, "Arabisch")).isEqualTo(total("q=Beratung&sprache=ar")).isPositive();
    assertThat(count(html, "nur kostenlose Angebote"))
        .isEqualTo(total("q=Beratung&kostenlos=true"))
        .isPositive();
    assertThat(count(html, "Ukrainisch")).isEqualTo(total("q=Beratung&sprache=uk"));
    // with a language chosen, the other languages still count as if chosen instead; other filters
    // narrow down
    String arabic = page("q=Beratung&sprache=ar");
    assertThat(count(arabic, "Ukrainisch")).isEqualTo(total("q=Beratung&sprache=uk"));
    assertThat(count(arabic, "nur kostenlose Angebote"))
        .isEqualTo(total("q=Beratung&sprache=ar&kostenlos=true"));
    // a top category counts the offers of its sub-categories
    String all = page("");
    assertThat(count(all, "Beratung")).isGreaterThanOrEqualTo(count(all, "– Schuldnerberatung"));
    assertThat(count(all, "– Schuldnerberatung"))
        .isEqualTo(total("kategorie=" + categoryId("Schuldnerberatung")));
  }

  @Test
  void theHsdsApiServesPublishedOffersWithoutLogin() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode page =
        json.readTree(
            mvc.perform(
                    get("/api/v1/nordhausen/services")
                        .param("search", "Schuldnerberatung")
                        .param("per_page", "5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page.path("total_items").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(page.path("page_number").asInt()).isEqualTo(1);
    assertThat(page.path("first_page").asBoolean()).isTrue();
    JsonNode service = page.path("contents").get(0);
    assertThat(service.path("name").asString()).isEqualTo("Schuldner- und Insolvenzberatung");
    // what HSDS 3.0 requires of a service, a schedule, a location, an organisation
    for (String field : List.of("id", "name", "status", "organization_id", "description")) {
      assertThat(service.has(field)).as(field).isTrue();
    }
    assertThat(service.path("status").asString())
        .isIn("active", "inactive", "defunct", "temporarily closed");
    assertThat(service.path("minimum_age").asInt()).isEqualTo(18);
    assertThat(service.path("schedules").get(0).path("byday").asString())
        .isIn("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    assertThat(service.path("schedules").get(0).path("opens_at").asString())
        .matches("\\d{2}:\\d{2}");
    JsonNode location = service.path("service_at_locations").get(0).path("location");
    assertThat(location.path("location_type").asString()).isEqualTo("physical");
    assertThat(location.path("addresses").get(0).path("country").asString()).isEqualTo("DE");
    assertThat(location.path("latitude").asDouble()).isBetween(51.0, 52.0);
    assertThat(service.path("organization").path("description").asString()).isNotBlank();
    assertThat(service.path("languages").get(0).path("code").asString()).isEqualTo("de");
    assertThat(service.path("attributes").get(0).path("taxonomy_term").path("name").asString())
        .isEqualTo("Schuldnerberatung");
    // one service, the organisations and locations that have published offers
    mvc.perform(get("/api/v1/nordhausen/services/" + service.path("id").asString()))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/nordhausen/services/" + offerId("Vater-Kind-Samstage")))
        .andExpect(status().isNotFound());
    JsonNode orgs =
        json.readTree(
            mvc.perform(get("/api/v1/nordhausen/organizations"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(orgs.path("total_items").asInt()).isGreaterThanOrEqualTo(11);
    JsonNode locations =
        json.readTree(
            mvc.perform(
                    get("/api/v1/nordhausen/locations").param("per_page", "5").param("page", "2"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(locations.path("page_number").asInt()).isEqualTo(2);
    assertThat(locations.path("contents").size()).isEqualTo(5);
    // filters as on the public page
    JsonNode filtered =
        json.readTree(
            mvc.perform(get("/api/v1/nordhausen/services").param("language", "gsg"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(filtered.path("total_items").asInt()).isEqualTo(2);
  }

  static MockMultipartFile fixture(String name) throws Exception {
    try (InputStream in =
        CatalogueIntegrationTests.class.getResourceAsStream("/catalogue/" + name)) {
      return new MockMultipartFile("file", name, "text/csv", in.readAllBytes());
    }
  }

  /**
   * Real-world cells (issue 15): addresses without scheme or with backslashes are repaired with a
   * warning, a row without a name is skipped and listed, the good rows import.
   */
  @Test
  void untidyCellsAreRepairedOrSkippedAndTheGoodRowsImport() throws Exception {
    int offers = dsl.fetchCount(dsl.selectFrom("offer"));
    MockHttpSession session = new MockHttpSession();
    String preview =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/nordhausen/angebote/import")
                    .file(fixture("angebote-import-unsauber.csv"))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("als „https://www.kita-sonnenschein.example“ übernommen")
        .contains("als „https://www.beratung-ellrich.example/sprechstunde“ übernommen")
        .contains("Der Name des Angebots fehlt – die Zeile wird übersprungen")
        .contains("name=\"token\"");
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", value(preview, "token")))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers + 2);
    assertThat(
            dsl.fetchValue(
                    "select url from offer where name = 'Kita Sonnenschein Offene Elternrunde'")
                .toString())
        .isEqualTo("https://www.kita-sonnenschein.example");
  }

  @Test
  void aTableOfOffersIsPreviewedWithDuplicatesAndCommittedInOneTransaction() throws Exception {
    int offers = dsl.fetchCount(dsl.selectFrom("offer"));
    String bad =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/nordhausen/angebote/import")
                    .file(fixture("angebote-import-fehler.csv"))
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bad)
        .contains("Fehler verhindern")
        .contains("sind vertauscht")
        .contains("Altersbereich ist vertauscht")
        .contains("„manchmal“")
        .contains("„Klingonisch“")
        .contains("javascript:alert(1)")
        .contains("Der Name des Angebots fehlt")
        .contains("Zeile 3")
        .doesNotContain("angebote/import/uebernehmen");
    MockHttpSession session = new MockHttpSession();
    String preview =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/nordhausen/angebote/import")
                    .file(fixture("angebote-import.csv"))
                    .session(session)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(preview)
        .contains("Zeile 4 gleicht Zeile 2")
        .contains("„Suchtberatung“ von „Beratungsverbund " + "Nordthüringen gGmbH“ gibt es schon")
        .contains("Elternnetz Werther e. V. (neu)");
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers);
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(session)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", value(preview, "token"))
                .param("veroeffentlichen", "true"))
        .andExpect(status().is3xxRedirection());
    // two new offers; the duplicate in the file and the one already there are skipped (no merge
    // asked for)
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers + 2);
    assertThat(
            dsl.fetchValue(
                    "select description from offer where name = 'Erziehungssprechstunde Werther'")
                .toString())
        .doesNotContain("donnerstags");
    assertThat(
            dsl.fetchCount(
                dsl.selectFrom("offer_location")
                    .where("name = 'Elternnetz Werther e. V., Werther'")))
        .isEqualTo(1);
    assertThat(search("q=Erziehungssprechstunde")).contains("Erziehungssprechstunde Werther");
    // the same file again with merging: the later row updates the offer, nothing new
    MockHttpSession again = new MockHttpSession();
    String second =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/nordhausen/angebote/import")
                    .file(fixture("angebote-import.csv"))
                    .session(again)
                    .with(logins.as("koordination"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            post("/nordhausen/angebote/import/uebernehmen")
                .session(again)
                .with(logins.as("koordination"))
                .with(csrf())
                .param("token", value(second, "token"))
                .param("zusammenfuehren", "true")
                .param("veroeffentlichen", "true"))
        .andExpect(status().is3xxRedirection());
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers + 2);
    assertThat(
            dsl.fetchValue(
                    "select description from offer where name = 'Erziehungssprechstunde Werther'")
                .toString())
        .contains("donnerstags");
    // a provider may not import
    mvc.perform(get("/nordhausen/angebote/import").with(logins.as("anbieter")))
        .andExpect(status().isForbidden());
  }

  @Test
  void hsdsExportedFromOneTenantIsImportedIntoAnother() throws Exception {
    // the other demo tenant has no catalogue yet
    String token = "Bearer lgb_demo_koordination_nordhausen";
    String page =
        mvc.perform(
                get("/api/v1/nordhausen/services")
                    .param("search", "Beratung")
                    .param("per_page", "100"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode exported = JsonMapper.builder().build().readTree(page);
    int count = exported.path("contents").size();
    assertThat(count).isGreaterThan(10);
    // into Nordhausen itself: everything is already there – a dry run reports it, nothing is
    // written
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(page)
                .header("Authorization", token))
        .andExpect(status().isOk())
        .andExpect(MockMvcResultMatchers.jsonPath("$.services").value(0))
        .andExpect(MockMvcResultMatchers.jsonPath("$.skipped").value(count));
    // a service with bad data is reported with its number and nothing is written
    String broken =
        "{\"contents\":[{\"name\":\"Kaputt\",\"organization\":{\"name\":\"Neuer Träger\"},"
            + "\"url\":\"javascript:alert(1)\",\"minimum_age\":30,\"maximum_age\":10}]}";
    int offers = dsl.fetchCount(dsl.selectFrom("offer"));
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(broken)
                .param("dryRun", "false")
                .header("Authorization", token))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            MockMvcResultMatchers.jsonPath("$.detail", Matchers.containsString("bei Dienst 1")));
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers);
    assertThat(dsl.fetchCount(dsl.selectFrom("organization").where("name = 'Neuer Träger'")))
        .isZero();
    // renamed, they are new: imported as drafts with their organisations and locations
    String renamed = page.replace("\"name\":\"", "\"name\":\"Kopie ");
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(renamed)
                .param("dryRun", "false")
                .header("Authorization", token))
        .andExpect(status().isOk())
        .andExpect(MockMvcResultMatchers.jsonPath("$.services").value(count));
    assertThat(dsl.fetchCount(dsl.selectFrom("offer"))).isEqualTo(offers + count);
    assertThat(
            dsl.fetchValue(
                    "select count(*) from offer o join offer_schedule s on s.offer_id = o.id "
                        + "where o.name = 'Kopie Schuldner- und Insolvenzberatung'")
                .toString())
        .isEqualTo("2");
    assertThat(dsl.fetchValue("select status from offer where name = 'Kopie Suchtberatung'"))
        .isEqualTo("DRAFT");
    // readers may not import
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(page)
                .with(logins.as("lesen"))
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void placesTravelAsAnHsdsAttributeAndComeBackOnImport() throws Exception {
    String page =
        mvc.perform(get("/api/v1/nordhausen/services").param("per_page", "100"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    var mapper = JsonMapper.builder().build();
    var exported = (tools.jackson.databind.node.ObjectNode) mapper.readTree(page);
    var withPlaces = mapper.createArrayNode();
    java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
    for (JsonNode s : exported.path("contents")) {
      for (JsonNode a : s.path("attributes")) {
        if ("Plätze".equals(a.path("taxonomy_term").path("name").asString())) {
          var copy = (tools.jackson.databind.node.ObjectNode) s.deepCopy();
          copy.put("name", "Platzprobe " + s.path("name").asString());
          withPlaces.add(copy);
          expected.put("Platzprobe " + s.path("name").asString(), a.path("value").asInt());
        }
      }
    }
    // the demo catalogue states places for seven offers; each is exported with its number
    assertThat(expected).hasSize(7).containsEntry("Platzprobe Mittagstisch für alle", 60);
    var body = mapper.createObjectNode();
    body.set("contents", withPlaces);
    // one value that is no number is imported without places, with a warning naming the service
    var first = (tools.jackson.databind.node.ObjectNode) withPlaces.get(0);
    String firstName = first.path("name").asString();
    for (JsonNode a : first.path("attributes")) {
      if ("Plätze".equals(a.path("taxonomy_term").path("name").asString())) {
        ((tools.jackson.databind.node.ObjectNode) a).put("value", "viele");
      }
    }
    expected.remove(firstName);
    mvc.perform(
            post("/api/v1/nordhausen/hsds-imports")
                .contentType("application/json")
                .content(mapper.writeValueAsString(body))
                .param("dryRun", "false")
                .header("Authorization", "Bearer lgb_demo_koordination_nordhausen"))
        .andExpect(status().isOk())
        .andExpect(MockMvcResultMatchers.jsonPath("$.services").value(7))
        .andExpect(
            MockMvcResultMatchers.jsonPath(
                "$.problems[*].message",
                Matchers.hasItem(Matchers.containsString("„viele“ sind keine ganze Zahl"))));
    java.util.Map<String, Integer> imported = new java.util.TreeMap<>();
    dsl.fetch("select name, places from offer where name like 'Platzprobe %'")
        .forEach(
            r -> {
              if (r.get(1) != null) {
                imported.put(r.get(0, String.class), r.get(1, Integer.class));
              }
            });
    assertThat(imported).isEqualTo(expected);
    assertThat(dsl.fetchValue("select places from offer where name = ?", firstName)).isNull();
  }
}
