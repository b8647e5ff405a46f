package de.lagebild.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.identity.SharedItem;
import de.lagebild.identity.StateDistricts;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.internal.state.StatePlatform;
import de.lagebild.identity.internal.tenants.TenantAdministration;
import de.lagebild.identity.internal.tenants.TenantKind;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state platform on the demo: Thüringen reads of Nordhausen exactly the items Nordhausen shares
 * – each item alone, checked against the district's own tables –, nothing of a district outside the
 * Land, and writes nothing in a district; every change of a sharing setting and of a membership is
 * audited.
 */
@IntegrationTest
class StatePlatformIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;
  @Autowired JsonMapper json;
  @Autowired StatePlatform platform;
  @Autowired StateDistricts districts;
  @Autowired TenantDirectory directory;
  @Autowired TenantAdministration administration;
  @Autowired TransactionTemplate tx;
  Logins logins;
  Set<SharedItem> before;

  @BeforeEach
  void setUp() {
    logins = new Logins(userDetails);
    before = shared("nordhausen");
  }

  @AfterEach
  void restore() {
    share("nordhausen", before);
  }

  Set<SharedItem> shared(String slug) {
    return TenantContext.callAs(
        directory.systemAccess(slug).orElseThrow(), () -> platform.sharedItems());
  }

  void share(String slug, Set<SharedItem> items) {
    TenantAccess access = directory.systemAccess(slug).orElseThrow();
    TenantContext.runAs(
        access, () -> tx.executeWithoutResult(t -> platform.saveSettings(items, Map.of())));
  }

  Map<String, Object> row(String slug) throws Exception {
    String body =
        mvc.perform(get("/api/v1/thueringen/districts").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Map<String, Object> answer = json.readValue(body, new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get("rows");
    return rows.stream().filter(r -> slug.equals(r.get("slug"))).findFirst().orElse(null);
  }

  int count(String sql, Object... args) {
    return ((Number) dsl.fetchValue(sql, args)).intValue();
  }

  @Test
  void eachItemIsReadExactlyWhenItIsShared() throws Exception {
    int offers =
        count(
            "select count(*) from offer o join tenant t on t.id = o.tenant_id "
                + "where t.slug = 'nordhausen' and o.status = 'PUBLISHED'");
    int measures =
        count(
            "select count(*) from measure m join tenant t on t.id = m.tenant_id "
                + "join strategy s on s.id = m.strategy_id "
                + "where t.slug = 'nordhausen' and s.status = 'DECIDED'");
    assertThat(offers).isGreaterThan(10);
    assertThat(measures).isGreaterThan(10);

    share("nordhausen", Set.of());
    Map<String, Object> none = row("nordhausen");
    assertThat((List<?>) none.get("shared")).isEmpty();
    assertThat(none.get("category")).isEqualTo("NOT_SHARED");
    assertThat(none.get("strategy")).isNull();
    assertThat(none.get("round")).isNull();
    assertThat(none.get("publishedOffers")).isNull();
    assertThat(none.get("dataUpdated")).isNull();

    share("nordhausen", Set.of(SharedItem.OFFERS));
    Map<String, Object> o = row("nordhausen");
    assertThat(o.get("shared")).isEqualTo(List.of("OFFERS"));
    assertThat(o.get("publishedOffers")).isEqualTo(offers);
    assertThat(o.get("strategy")).isNull();
    assertThat(o.get("round")).isNull();
    assertThat(o.get("dataUpdated")).isNull();

    share("nordhausen", Set.of(SharedItem.STRATEGY_ROLLUP));
    Map<String, Object> s = row("nordhausen");
    assertThat(s.get("category")).isEqualTo("DECIDED");
    @SuppressWarnings("unchecked")
    Map<String, Object> strategy = (Map<String, Object>) s.get("strategy");
    assertThat(strategy.get("measures"))
        .isEqualTo(
            count(
                "select count(*) from measure where strategy_id = ?",
                String.valueOf(strategy.get("id"))));
    assertThat(strategy.get("decisionRef")).asString().contains("BV 713/18");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mix = (List<Map<String, Object>>) strategy.get("statuses");
    assertThat(mix.stream().mapToInt(m -> (Integer) m.get("count")).sum())
        .isEqualTo(strategy.get("measures"));
    // the roll-up carries no text of an assessment
    assertThat(json.writeValueAsString(s)).doesNotContain("narrative").doesNotContain("evidence");
    assertThat(s.get("publishedOffers")).isNull();
    assertThat(s.get("round")).isNull();

    share("nordhausen", Set.of(SharedItem.ROUND_PROGRESS));
    Map<String, Object> r = row("nordhausen");
    @SuppressWarnings("unchecked")
    Map<String, Object> round = (Map<String, Object>) r.get("round");
    // the current round of the strategy: the newest open or in review, else the newest closed
    // (other tests may have opened further rounds in the demo)
    String strategyId = String.valueOf(round.get("strategy"));
    var expected =
        dsl.fetch(
            "select id, name, state from reporting_round where strategy_id = ? and state in"
                + " ('OPEN', 'IN_REVIEW') order by period_end desc nulls first, created_at desc",
            strategyId);
    if (expected.isEmpty()) {
      expected =
          dsl.fetch(
              "select id, name, state from reporting_round where strategy_id = ? and state ="
                  + " 'CLOSED' order by period_end desc nulls first, created_at desc",
              strategyId);
    }
    assertThat(round.get("name")).isEqualTo(expected.get(0).get("name", String.class));
    assertThat(round.get("state")).isEqualTo(expected.get(0).get("state", String.class));
    int assessed =
        count(
            "select count(distinct a.measure_id) from assessment a where a.round_id = ?",
            expected.get(0).get("id", String.class));
    assertThat(round.get("assessed")).isEqualTo(assessed);
    assertThat(r.get("strategy")).isNull();
    assertThat(r.get("category")).isEqualTo("NOT_SHARED");

    share("nordhausen", Set.of(SharedItem.INDICATORS));
    Map<String, Object> i = row("nordhausen");
    assertThat(i.get("dataUpdated")).isNotNull();
    assertThat(i.get("publishedOffers")).isNull();
  }

  /**
   * The demo's Saalfeld-Rudolstadt shares its roll-up of the strategy seed 004 reports as decided
   * on 21 May 2019, before any reporting round: decided, six measures, no status mix, no round.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aDecidedStrategyBeforeItsFirstRound() throws Exception {
    Map<String, Object> sr = row("saalfeld-rudolstadt");
    assertThat(sr.get("category")).isEqualTo("DECIDED");
    Map<String, Object> strategy = (Map<String, Object>) sr.get("strategy");
    assertThat(strategy.get("title"))
        .isEqualTo("Armutspräventionsstrategie für den Landkreis Saalfeld-Rudolstadt");
    assertThat(strategy.get("decisionRef")).asString().contains("21. Mai 2019");
    assertThat(strategy.get("measures"))
        .isEqualTo(
            count(
                "select count(*) from measure where strategy_id = ?",
                String.valueOf(strategy.get("id"))))
        .isEqualTo(6);
    assertThat((List<Object>) strategy.get("statuses")).isEmpty();
    String page = page("/thueringen/land", "land");
    String row = page.substring(page.indexOf("data-district=\"saalfeld-rudolstadt\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row)
        .contains("Armutspräventionsstrategie für den Landkreis Saalfeld-Rudolstadt")
        .contains("gültig ab 21.05.2019")
        .contains("noch keine Runde");
    // the district's own overview says that no round has been reported yet
    String own = page("/saalfeld-rudolstadt/strategien/" + strategy.get("id"), "sr-lesen");
    assertThat(own).contains("6 Maßnahmen; noch keine Berichtsrunde.");
  }

  @Test
  void theOverviewPageSaysWhatIsNotShared() throws Exception {
    share("nordhausen", Set.of(SharedItem.OFFERS));
    String page =
        mvc.perform(get("/thueringen/land").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Landkreis Nordhausen", "Landkreis Saalfeld-Rudolstadt");
    assertThat(page).contains("<svg").contains("role=\"img\"");
    // Nordhausen shares only its offers: the strategy cells say so, the offer count is there
    String nordhausen = page.substring(page.indexOf("data-district=\"nordhausen\""));
    nordhausen = nordhausen.substring(0, nordhausen.indexOf("</tr>"));
    assertThat(nordhausen)
        .contains("nicht freigegeben")
        .doesNotContain("Armutspräventionsstrategie");
    assertThat(page).contains("<title>Nordhausen: nicht freigegeben</title>");
  }

  @Test
  void aChangedSettingIsAuditedAndAStaleFormChangesNothing() throws Exception {
    share("nordhausen", Set.of());
    int audited =
        count(
            "select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                + "where t.slug = 'nordhausen' and e.entity_type = 'Sharing'");
    int version =
        count(
            "select s.version from sharing_setting s join tenant t on t.id = s.tenant_id "
                + "where t.slug = 'nordhausen' and s.item = 'OFFERS'");
    mvc.perform(
            post("/nordhausen/verwaltung/freigaben")
                .with(logins.as("admin"))
                .with(csrf())
                .param("shared", "OFFERS")
                .param("version-OFFERS", String.valueOf(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(shared("nordhausen")).containsExactly(SharedItem.OFFERS);
    assertThat(
            count(
                "select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                    + "where t.slug = 'nordhausen' and e.entity_type = 'Sharing'"))
        .isEqualTo(audited + 1);
    String audit =
        mvc.perform(get("/nordhausen/verwaltung/protokoll").with(logins.as("admin")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(audit).contains("Freigabe für das Land erteilt");

    // the same (now stale) form again, asking to share the strategy too: refused, nothing changed
    String answer =
        mvc.perform(
                post("/nordhausen/verwaltung/freigaben")
                    .with(logins.as("admin"))
                    .with(csrf())
                    .param("shared", "OFFERS", "STRATEGY_ROLLUP")
                    .param("version-OFFERS", String.valueOf(version)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(answer).contains("inzwischen");
    assertThat(shared("nordhausen")).containsExactly(SharedItem.OFFERS);
  }

  @Test
  void theLandWritesNothingInADistrictAndDistrictsSeeNoOverview() throws Exception {
    share("nordhausen", EnumSet.allOf(SharedItem.class));
    for (String path :
        List.of(
            "/nordhausen/strategien",
            "/nordhausen/atlas",
            "/nordhausen/verwaltung/freigaben",
            "/api/v1/nordhausen/gap-analysis?demand=unter18")) {
      int code =
          mvc.perform(get(path).with(logins.as("land"))).andReturn().getResponse().getStatus();
      assertThat(code).as(path).isIn(403, 404);
    }
    mvc.perform(
            post("/nordhausen/verwaltung/freigaben")
                .with(logins.as("land"))
                .with(csrf())
                .param("shared", "OFFERS"))
        .andExpect(status().isForbidden());
    // a coordinator of Nordhausen who reads in Thüringen: the overview yes, the settings no
    mvc.perform(get("/thueringen/land").with(logins.as("koordination"))).andExpect(status().isOk());
    mvc.perform(
            post("/nordhausen/verwaltung/freigaben")
                .with(logins.as("koordination"))
                .with(csrf())
                .param("shared", "OFFERS"))
        .andExpect(status().isForbidden());
    // a district has no overview of districts
    mvc.perform(get("/nordhausen/land").with(logins.as("koordination")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/nordhausen/districts").with(logins.as("koordination")))
        .andExpect(status().isNotFound());
    // and a reader without a membership in the Land sees nothing of it
    mvc.perform(get("/thueringen/land").with(logins.as("sr-lesen")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aDistrictOutsideTheLandIsNotReadEvenWhenItShares() throws Exception {
    String slug = "kreis-" + UUID.randomUUID().toString().substring(0, 8);
    administration.create(
        new TenantAdministration.NewTenant(
            slug, "Landkreis Probe", TenantKind.LANDKREIS, "16099", false),
        null,
        false);
    share(slug, EnumSet.allOf(SharedItem.class));
    assertThat(row(slug)).isNull();
    TenantContext.runAs(
        directory.systemAccess("thueringen").orElseThrow(),
        () -> assertThat(districts.readShared(slug, SharedItem.OFFERS, () -> "gelesen")).isEmpty());

    // the platform administration makes it a member: now it appears, with what it shares
    mvc.perform(
            post("/plattform/laender/" + slug)
                .with(logins.as("admin"))
                .with(csrf())
                .param("land", "thueringen"))
        .andExpect(status().is3xxRedirection());
    assertThat(row(slug)).isNotNull();
    assertThat((List<?>) row(slug).get("shared")).hasSize(SharedItem.values().length);
    int audited =
        count(
            "select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                + "where t.slug in (?, 'thueringen') and e.entity_type = 'StateMember' "
                + "and e.summary like '%Landkreis Probe%'",
            slug);
    assertThat(audited).isEqualTo(2);

    // a Land cannot be a member of a Land
    String refused =
        mvc.perform(
                post("/plattform/laender/thueringen")
                    .with(logins.as("admin"))
                    .with(csrf())
                    .param("land", "thueringen"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("Ein Land kann keinem anderen Land angehören");

    // and out again
    mvc.perform(
            post("/plattform/laender/" + slug)
                .with(logins.as("admin"))
                .with(csrf())
                .param("land", ""))
        .andExpect(status().is3xxRedirection());
    assertThat(row(slug)).isNull();
  }

  Map<String, Double> atlasValues(String code, String period) {
    Map<String, Double> out = new java.util.TreeMap<>();
    for (var r :
        dsl.fetch(
            "select a.official_key, v.value from indicator_value v"
                + " join indicator i on i.id = v.indicator_id join area a on a.id = v.area_id"
                + " join tenant t on t.id = v.tenant_id"
                + " where t.slug = 'thueringen' and i.code = ? and v.period = ? and v.value is not null",
            code,
            period)) {
      if (r.get(0) != null) {
        out.put(r.get(0, String.class), r.get(1, java.math.BigDecimal.class).doubleValue());
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> compared(String indicators, String period) throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/thueringen/comparison")
                    .param("indicators", indicators)
                    .param("period", period)
                    .with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Map<String, Object> answer = json.readValue(body, new TypeReference<>() {});
    Map<String, Object> byCode = new java.util.LinkedHashMap<>();
    for (Map<String, Object> i : (List<Map<String, Object>>) answer.get("indicators")) {
      byCode.put((String) i.get("code"), i);
    }
    return byCode;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theComparisonAgreesWithTheAtlasOfTheLand() throws Exception {
    Map<String, Double> share = atlasValues("anteil65", "2020-12");
    double land = share.get("16");
    List<Double> kreise =
        share.entrySet().stream()
            .filter(e -> e.getKey().length() == 5)
            .map(Map.Entry::getValue)
            .sorted()
            .toList();
    int n = kreise.size();
    double median =
        n % 2 == 1 ? kreise.get(n / 2) : (kreise.get(n / 2 - 1) + kreise.get(n / 2)) / 2;

    Map<String, Object> result = compared("anteil65,bevoelkerung", "2020-12");
    Map<String, Object> a = (Map<String, Object>) result.get("anteil65");
    assertThat(((Number) a.get("landValue")).doubleValue()).isEqualTo(land);
    assertThat(((Number) a.get("median")).doubleValue())
        .isCloseTo(median, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(((Number) a.get("min")).doubleValue()).isEqualTo(kreise.getFirst());
    assertThat(((Number) a.get("max")).doubleValue()).isEqualTo(kreise.getLast());
    assertThat(a.get("districtsWithValue")).isEqualTo(n);
    assertThat(a.get("test")).isEqualTo("WILSON_95");
    Map<String, Object> nordhausen =
        ((List<Map<String, Object>>) a.get("districts"))
            .stream().filter(d -> "16062".equals(d.get("key"))).findFirst().orElseThrow();
    double value = ((Number) nordhausen.get("value")).doubleValue();
    double lower = ((Number) nordhausen.get("lower")).doubleValue();
    double upper = ((Number) nordhausen.get("upper")).doubleValue();
    assertThat(value).isEqualTo(share.get("16062"));
    // about 82,000 inhabitants: the interval is narrow and holds the share
    assertThat(lower).isLessThan(value);
    assertThat(upper).isGreaterThan(value);
    assertThat(upper - lower).isBetween(0.3, 1.0);
    String expected = lower > land ? "HIGHER" : upper < land ? "LOWER" : "NOT_DIFFERENT";
    assertThat(nordhausen.get("verdict")).isEqualTo(expected);

    // a count is compared with the median of the Kreise, not with the Land's sum
    Map<String, Object> population = (Map<String, Object>) result.get("bevoelkerung");
    assertThat(population.get("referenceIsMedian")).isEqualTo(true);
    assertThat(population.get("landValue")).isNull();
    assertThat(population.get("test")).isEqualTo("NONE");

    // the seed's unemployment rate against the Land's 5,3 % of the same table: a rate without
    // counts, so no test, and said so
    Map<String, Object> alq = (Map<String, Object>) compared("alq", "2019").get("alq");
    assertThat(alq.get("referenceIsMedian")).isEqualTo(false);
    assertThat(((Number) alq.get("landValue")).doubleValue()).isEqualTo(5.3);
    assertThat(alq.get("test")).isEqualTo("NONE");
    assertThat(((List<Map<String, Object>>) alq.get("districts")))
        .allSatisfy(d -> assertThat((String) d.get("verdict")).matches(".*_UNTESTED|EQUAL"));
    Map<String, Object> nordhausenAlq =
        ((List<Map<String, Object>>) alq.get("districts"))
            .stream().filter(d -> "16062".equals(d.get("key"))).findFirst().orElseThrow();
    assertThat(((Number) nordhausenAlq.get("value")).doubleValue()).isEqualTo(7.0);
    assertThat(nordhausenAlq.get("verdict")).isEqualTo("WORSE_UNTESTED");
    // the six figures that no file here has for the Land still compare with the median
    Map<String, Object> sgb2 = (Map<String, Object>) compared("sgb2", "2018-12").get("sgb2");
    assertThat(sgb2.get("referenceIsMedian")).isEqualTo(true);
    assertThat(sgb2.get("landValue")).isNull();

    // the pages: the spine chart with its table, and the ranking with the Land value on top
    String page =
        mvc.perform(get("/thueringen/land/vergleich").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("class=\"spine-chart\"").contains("Nordhausen im Vergleich");
    String ranking =
        mvc.perform(
                get("/thueringen/land/vergleich/rangfolge")
                    .param("indikator", "anteil65")
                    .with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(ranking).contains("Freistaat Thüringen (Landeswert)");
    assertThat(ranking.indexOf("(Landeswert)")).isLessThan(ranking.indexOf("Nordhausen"));
  }

  @Test
  void theFundingOfThePlanningIsSummedForTheDistrictAndReadByTheLandWhenShared() throws Exception {
    Set<SharedItem> sr = shared("saalfeld-rudolstadt");
    try {
      // seed 001: 51,500 € from the programme and 25,500 € own funds a year, 2016 to 2018
      String page =
          mvc.perform(get("/saalfeld-rudolstadt/foerderung").with(logins.as("sr-lesen")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(page).contains("231.000,00 €").contains("Eigenmittel des Landkreises");

      share("saalfeld-rudolstadt", EnumSet.of(SharedItem.FUNDING));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> funding =
          (List<Map<String, Object>>) row("saalfeld-rudolstadt").get("funding");
      assertThat(funding).hasSize(6);
      assertThat(funding.stream().mapToDouble(f -> ((Number) f.get("amount")).doubleValue()).sum())
          .isEqualTo(231000.0);

      share("saalfeld-rudolstadt", EnumSet.of(SharedItem.OFFERS));
      assertThat(row("saalfeld-rudolstadt").get("funding")).isNull();

      // a bad amount is refused with a German message, nothing written
      int before = count("select count(*) from planning_funding");
      String refused =
          mvc.perform(
                  post("/saalfeld-rudolstadt/foerderung")
                      .with(logins.as("sr-koordination"))
                      .with(csrf())
                      .param("source", "ESF Plus")
                      .param("amount", "viel")
                      .param("periodStart", "2024-01-01")
                      .param("periodEnd", "2024-12-31"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(refused).contains("„viel“ ist kein Betrag");
      assertThat(count("select count(*) from planning_funding")).isEqualTo(before);
      // readers may look, not write
      mvc.perform(
              post("/saalfeld-rudolstadt/foerderung")
                  .with(logins.as("sr-lesen"))
                  .with(csrf())
                  .param("source", "ESF Plus")
                  .param("amount", "1")
                  .param("periodStart", "2024-01-01")
                  .param("periodEnd", "2024-12-31"))
          .andExpect(status().isForbidden());
    } finally {
      share("saalfeld-rudolstadt", sr);
    }
  }

  @Test
  void theProgrammeReviewReadsBackAsTaggedPdfAndAsWord() throws Exception {
    Set<SharedItem> sr = shared("saalfeld-rudolstadt");
    try {
      share("nordhausen", EnumSet.of(SharedItem.STRATEGY_ROLLUP, SharedItem.ROUND_PROGRESS));
      share("saalfeld-rudolstadt", EnumSet.of(SharedItem.FUNDING));
      byte[] pdf =
          mvc.perform(
                  get("/api/v1/thueringen/programme-review")
                      .param("format", "pdf")
                      .with(logins.as("land")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
        assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        String text =
            new org.apache.pdfbox.text.PDFTextStripper()
                .getText(doc)
                .replaceAll("-\\R(?=\\p{Ll})", "")
                .replaceAll("\\s+", " ");
        assertThat(text)
            .contains("Programmbericht Armutsprävention – Freistaat Thüringen")
            .contains("Zahlen und Fakten: Nordhausen")
            .contains("Armutspräventionsstrategie des Landkreises Nordhausen")
            .containsPattern("Juni 20\\d\\d: \\d+ von \\d+ Maßnahmen eingeschätzt")
            .contains("231.000")
            .contains("Landesrichtlinie Armutsprävention (ESF und Land)");
        // Nordhausen shares no funding: the review says so
        assertThat(text).contains("Nicht freigegeben.");
      }
      byte[] docx =
          mvc.perform(
                  get("/thueringen/land/programmbericht")
                      .param("format", "docx")
                      .with(logins.as("land")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
          new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
        List<String> districts =
            doc.getParagraphs().stream()
                .filter(p -> "Heading2".equals(p.getStyle()))
                .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                .toList();
        assertThat(districts)
            .contains("Überblick", "Landkreis Nordhausen", "Landkreis Saalfeld-Rudolstadt");
        String tables =
            doc.getTables().stream()
                .map(org.apache.poi.xwpf.usermodel.XWPFTable::getText)
                .reduce("", String::concat);
        assertThat(tables).contains("Anteil der Bevölkerung ab 65 Jahren").contains("231.000");
        assertThat(doc.getTables().getFirst().getRow(0).isRepeatHeader()).isTrue();
      }
      String refused =
          mvc.perform(
                  get("/api/v1/thueringen/programme-review")
                      .param("format", "xls")
                      .with(logins.as("land")))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(refused).contains("Das Format „xls“ gibt es nicht");
      mvc.perform(
              get("/api/v1/nordhausen/programme-review")
                  .param("format", "pdf")
                  .with(logins.as("koordination")))
          .andExpect(status().isNotFound());
    } finally {
      share("saalfeld-rudolstadt", sr);
    }
  }

  @Test
  void theProfilesOfAllKreiseHaveAPageEach() throws Exception {
    int kreise =
        count(
            "select count(*) from area a join tenant t on t.id = a.tenant_id where t.slug ="
                + " 'thueringen' and a.type = 'KREIS' and a.valid_to is null");
    assertThat(kreise).isEqualTo(22);
    byte[] pdf =
        mvc.perform(get("/thueringen/land/profile").param("format", "pdf").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(kreise + 1);
      String text =
          new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Zahlen und Fakten: Nordhausen")
          .contains("Zahlen und Fakten: Wartburgkreis")
          .doesNotContain("Zahlen und Fakten: Eisenach");
    }
    byte[] docx =
        mvc.perform(get("/thueringen/land/profile").param("format", "docx").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
      assertThat(
              doc.getParagraphs().stream()
                  .filter(p -> "Heading2".equals(p.getStyle()))
                  .filter(p -> p.isPageBreak())
                  .count())
          .isEqualTo(kreise);
    }
  }

  @Test
  void assessmentTextsAreReadOnlyWhenShared() throws Exception {
    share("nordhausen", EnumSet.of(SharedItem.STRATEGY_ROLLUP));
    String unshared =
        mvc.perform(
                get("/thueringen/land/kreise/nordhausen/einschaetzungen").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(unshared).contains("gibt die Texte seiner Einschätzungen nicht für das Land frei");
    assertThat(unshared).doesNotContain("<tbody>");

    share("nordhausen", EnumSet.of(SharedItem.ASSESSMENT_TEXTS, SharedItem.STRATEGY_ROLLUP));
    @SuppressWarnings("unchecked")
    String strategyId =
        String.valueOf(((Map<String, Object>) row("nordhausen").get("strategy")).get("id"));
    // the newest public round of the strategy (closed or published), from the tables
    String newest =
        String.valueOf(
            dsl.fetchValue(
                "select name from reporting_round where strategy_id = ? and (state = 'CLOSED' or"
                    + " published_at is not null) order by period_end desc nulls first,"
                    + " created_at desc limit 1",
                strategyId));
    // the newest accepted version of an assessment in that round
    String narrative =
        String.valueOf(
            dsl.fetchValue(
                "select a.narrative from assessment a join reporting_round r on r.id = a.round_id"
                    + " join tenant t on t.id = a.tenant_id join assessment_review v on"
                    + " v.assessment_id = a.id where t.slug = 'nordhausen' and r.name = ?"
                    + " and r.strategy_id = ?"
                    + " and v.decision = 'ACCEPTED' and a.narrative is not null and a.narrative"
                    + " not like '%\"%' and a.narrative not like '%&%' and a.narrative not like"
                    + " '%''%' and a.version_no = (select max(b.version_no) from assessment b where"
                    + " b.round_id = a.round_id and b.measure_id = a.measure_id) order by a.id"
                    + " limit 1",
                newest, strategyId));
    String page =
        mvc.perform(
                get("/thueringen/land/kreise/nordhausen/einschaetzungen").with(logins.as("land")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Berichtsrunde " + newest);
    if (!"null".equals(narrative)) {
      assertThat(page).contains(narrative.substring(0, Math.min(40, narrative.length())));
    }
    // a district outside the Land, or an unknown one: not found
    mvc.perform(
            get("/thueringen/land/kreise/gibt-es-nicht/einschaetzungen").with(logins.as("land")))
        .andExpect(status().isNotFound());
  }

  @Test
  @SuppressWarnings("unchecked")
  void costsAreSummedPerStrategyAndFieldOfActionForTheLand() throws Exception {
    share("nordhausen", EnumSet.of(SharedItem.STRATEGY_ROLLUP));
    String strategy =
        String.valueOf(((Map<String, Object>) row("nordhausen").get("strategy")).get("id"));
    try {
      dsl.execute(
          "update measure set cost_amount = 48000 where strategy_id = ? and code = '2.1.2.1'",
          strategy);
      dsl.execute(
          "update measure set cost_amount = 12500.50 where strategy_id = ? and code = '1.1.1'",
          strategy);
      share("nordhausen", EnumSet.of(SharedItem.STRATEGY_ROLLUP));
      Map<String, Object> s = (Map<String, Object>) row("nordhausen").get("strategy");
      assertThat(((Number) s.get("costs")).doubleValue()).isEqualTo(60500.50);
      assertThat(s.get("costed")).isEqualTo(2);
      List<Map<String, Object>> fields = (List<Map<String, Object>>) s.get("fields");
      assertThat(fields).extracting(f -> f.get("code")).containsExactly("1", "2");
      assertThat(((Number) fields.get(0).get("costs")).doubleValue()).isEqualTo(12500.50);
      assertThat(((Number) fields.get(1).get("costs")).doubleValue()).isEqualTo(48000.0);
      assertThat(fields.get(1).get("costed")).isEqualTo(1);
    } finally {
      dsl.execute("update measure set cost_amount = null where strategy_id = ?", strategy);
    }
  }

  int subscriptionVersion(String slug) {
    Object v =
        dsl.fetchValue(
            "select x.version from state_subscription x join tenant t on t.id = x.tenant_id"
                + " where t.slug = ?",
            slug);
    return v == null ? -1 : ((Number) v).intValue();
  }

  /** The table row of the page that names the indicator (from its header cell to the row's end). */
  static String rowOf(String page, String indicator) {
    int at = page.indexOf("<span>" + indicator + "</span>");
    return at < 0 ? "" : page.substring(at, page.indexOf("</tr>", at));
  }

  String landData(String user) throws Exception {
    return mvc.perform(get("/nordhausen/landesdaten").with(logins.as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  String page(String path, String user) throws Exception {
    return mvc.perform(get(path).with(logins.as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * The Land's indicator set inside the district's own atlas: the same map, table, profile and PDF,
   * with the Land's corrected figure (47.3), read only – no editing, no exports through the
   * district's API, no needs recorded from it.
   */
  void landAtlasShowsTheLandsFigures(String land) throws Exception {
    String indicator =
        String.valueOf(
            dsl.fetchValue(
                "select id from indicator where tenant_id = ? and code = 'anteil65'", land));
    String kreis =
        String.valueOf(
            dsl.fetchValue(
                "select id from area where tenant_id = ? and official_key = '16062'", land));
    assertThat(page("/nordhausen/atlas", "lesen"))
        .contains("href=\"/nordhausen/atlas/land\"")
        .contains("Indikatoren des Landes Freistaat Thüringen im Sozialatlas");
    String home = page("/nordhausen/atlas/land", "lesen");
    assertThat(home)
        .contains("Indikatorensatz des Landes Freistaat Thüringen")
        .contains("/nordhausen/atlas/land/indikatoren/" + indicator)
        .contains("/nordhausen/atlas/land/gebiete/" + kreis)
        .doesNotContain("/bearbeiten")
        .doesNotContain("/nordhausen/atlas/import");
    String map =
        page("/nordhausen/atlas/land/indikatoren/" + indicator + "?periode=2020-12", "lesen");
    assertThat(map)
        .contains("Anteil der Bevölkerung ab 65 Jahren")
        .contains("/nordhausen/atlas/land/karten-daten")
        .contains("47,3")
        .doesNotContain("/api/v1/nordhausen/values")
        .doesNotContain("/bearbeiten");
    String geo =
        mvc.perform(
                get("/nordhausen/atlas/land/karten-daten")
                    .param("indicator", indicator)
                    .param("period", "2020-12")
                    .with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(geo).contains("\"FeatureCollection\"").contains("47.3");
    String profile = page("/nordhausen/atlas/land/gebiete/" + kreis, "lesen");
    assertThat(profile)
        .contains("Nordhausen")
        .contains("Indikatorensatz des Landes")
        .contains("47,3")
        .doesNotContain("/bedarfe/neu");
    byte[] pdf =
        mvc.perform(
                get("/nordhausen/atlas/land/gebiete/" + kreis + "/pdf").with(logins.as("lesen")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Nordhausen")
          .contains("47,3");
    }
    // an area of the Land is not an area of the district: the district's own atlas does not know it
    mvc.perform(get("/nordhausen/atlas/gebiete/" + kreis).with(logins.as("lesen")))
        .andExpect(status().isNotFound());
    // the Land's users are no members of the district
    mvc.perform(get("/nordhausen/atlas/land").with(logins.as("land")))
        .andExpect(status().isForbidden());
  }

  /**
   * A goal of the district measured by an indicator of the Land: linked from the goal's form, its
   * course read live from the Land; mixing the Land's indicator with an own area is refused.
   */
  void goalsAreMeasuredByTheLandsIndicators(String land) throws Exception {
    var goal =
        dsl.fetchOne(
            "select g.id, g.strategy_id from goal g join tenant t on t.id = g.tenant_id"
                + " where t.slug = 'nordhausen' order by g.position limit 1");
    String goalPath = "/nordhausen/strategien/" + goal.get(1) + "/ziele/" + goal.get(0);
    String indicator =
        String.valueOf(
            dsl.fetchValue(
                "select id from indicator where tenant_id = ? and code = 'anteil65'", land));
    String kreis =
        String.valueOf(
            dsl.fetchValue(
                "select id from area where tenant_id = ? and official_key = '16062'", land));
    String ownArea =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id"
                    + " where t.slug = 'nordhausen' limit 1"));
    assertThat(page(goalPath, "koordination"))
        .contains("Indikatoren des Landes Freistaat Thüringen (abonniert, nur lesen)")
        .contains("value=\"land:" + indicator + "\"")
        .contains("value=\"land:" + kreis + "\"");
    try {
      mvc.perform(
              post(goalPath + "/indikatoren")
                  .with(logins.as("koordination"))
                  .with(csrf())
                  .param("indicator", "land:" + indicator)
                  .param("area", ownArea)
                  .param("targetValue", "45"))
          .andExpect(status().is3xxRedirection())
          .andExpect(
              flash()
                  .attribute("problem", org.hamcrest.Matchers.containsString("demselben Atlas")));
      mvc.perform(
              post(goalPath + "/indikatoren")
                  .with(logins.as("koordination"))
                  .with(csrf())
                  .param("indicator", "land:" + indicator)
                  .param("area", "land:" + kreis)
                  .param("targetValue", "45")
                  .param("targetPeriod", "2025"))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attributeExists("success"));
      assertThat(
              count(
                  "select count(*) from goal_indicator where goal_id = '"
                      + goal.get(0)
                      + "' and land = true and indicator_id = '"
                      + indicator
                      + "'"))
          .isEqualTo(1);
      String measured = page(goalPath, "koordination");
      assertThat(measured)
          .contains("Aus dem Sozialatlas des Landes")
          .contains("Anteil der Bevölkerung ab 65 Jahren – Nordhausen")
          .contains("47,3");
      // readers of the district see it too; the Land's users are no members of the district
      assertThat(page(goalPath, "lesen")).contains("47,3");
      // the Land's Kreis in the district's atlas lists the district's goal measured there
      assertThat(page("/nordhausen/atlas/land/gebiete/" + kreis, "lesen")).contains(goalPath);
      mvc.perform(get(goalPath).with(logins.as("land"))).andExpect(status().isForbidden());
    } finally {
      dsl.execute("delete from goal_indicator where goal_id = ? and land = true", goal.get(0));
    }
  }

  @Test
  void aSubscribedDistrictReadsTheLandsIndicatorSetLiveAndReadOnly() throws Exception {
    assertThat(landData("lesen")).contains("abonniert die Indikatoren des Landes nicht");
    mvc.perform(
            post("/nordhausen/verwaltung/freigaben/abonnement")
                .with(logins.as("admin"))
                .with(csrf())
                .param("subscribed", "true")
                .param("version", String.valueOf(subscriptionVersion("nordhausen"))))
        .andExpect(status().is3xxRedirection());
    String land = String.valueOf(dsl.fetchValue("select id from tenant where slug = 'thueringen'"));
    String where =
        " where indicator_num = (select num from indicator where tenant_id = ? and code ="
            + " 'anteil65') and area_num = (select num from area where tenant_id = ? and"
            + " official_key = '16062') and period = '2020-12'";
    java.math.BigDecimal before =
        dsl.fetchValue("select value from atlas_value" + where, land, land) instanceof Number n
            ? new java.math.BigDecimal(n.toString())
            : null;
    try {
      String page = landData("lesen");
      assertThat(page)
          .contains("Aus dem Sozialatlas des Landes Freistaat Thüringen")
          .contains("Anteil der Bevölkerung ab 65 Jahren")
          .contains("class=\"spine-chart\"");
      // the Land corrects a figure: the district sees it at once (read live, no copy)
      assertThat(rowOf(page, "Anteil der Bevölkerung ab 65 Jahren")).doesNotContain("47,3");
      dsl.execute("update atlas_value set value = 47.3" + where, land, land);
      dsl.execute("update atlas_revision set revision = revision + 1 where tenant_id = ?", land);
      long until = System.nanoTime() + 2_000_000_000L;
      String after = landData("lesen");
      while (!rowOf(after, "Anteil der Bevölkerung ab 65 Jahren").contains("47,3")
          && System.nanoTime() < until) {
        Thread.sleep(100);
        after = landData("lesen");
      }
      assertThat(rowOf(after, "Anteil der Bevölkerung ab 65 Jahren")).contains("47,3");
      landAtlasShowsTheLandsFigures(land);
      goalsAreMeasuredByTheLandsIndicators(land);
      // nothing of the Land's atlas was copied into the district
      assertThat(
              count(
                  "select count(*) from indicator i join tenant t on t.id = i.tenant_id where"
                      + " t.slug = 'nordhausen' and i.code like 'anteil65%'"))
          .isLessThanOrEqualTo(1);
      // district readers still cannot enter the Land
      mvc.perform(get("/thueringen/land").with(logins.as("lesen")))
          .andExpect(status().isForbidden());
    } finally {
      dsl.execute("update atlas_value set value = ?" + where, before, land, land);
      dsl.execute("update atlas_revision set revision = revision + 1 where tenant_id = ?", land);
      mvc.perform(
              post("/nordhausen/verwaltung/freigaben/abonnement")
                  .with(logins.as("admin"))
                  .with(csrf())
                  .param("subscribed", "false")
                  .param("version", String.valueOf(subscriptionVersion("nordhausen"))))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(landData("lesen")).contains("abonniert die Indikatoren des Landes nicht");
    // unsubscribed: the Land's atlas says so, its indicator pages are not found
    assertThat(page("/nordhausen/atlas/land", "lesen"))
        .contains("abonniert die Indikatoren des Landes nicht");
    assertThat(page("/nordhausen/atlas", "lesen")).doesNotContain("/nordhausen/atlas/land\"");
    String indicator =
        String.valueOf(
            dsl.fetchValue(
                "select i.id from indicator i join tenant t on t.id = i.tenant_id"
                    + " where t.slug = 'thueringen' and i.code = 'anteil65'"));
    mvc.perform(get("/nordhausen/atlas/land/indikatoren/" + indicator).with(logins.as("lesen")))
        .andExpect(status().isNotFound());
    assertThat(
            count(
                "select count(*) from audit_event e join tenant t on t.id = e.tenant_id where"
                    + " t.slug = 'nordhausen' and e.entity_type = 'StateSubscription'"))
        .isGreaterThanOrEqualTo(2);
  }
}
