package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a citizen, a contributor, a coordinator and an administrator see in their first minutes with
 * the demo (issue 16), at 1400 px, with axe on every page: links instead of „in Vorbereitung“, what
 * waits for whom, a dashboard with statuses, German audit labels, an atlas that opens on a map with
 * a time series of the own Kreis and the Land, and layouts that do not overflow.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class FirstMinutesBrowserTests {

  /** A database of its own: the demo as a first visitor finds it, untouched by other tests. */
  @org.springframework.test.context.DynamicPropertySource
  static void freshDemo(org.springframework.test.context.DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired org.jooq.DSLContext dsl;

  static Object js(Browser b, String script, Object... args) {
    return ((JavascriptExecutor) b.driver).executeScript(script, args);
  }

  /** The element is not wider than its box (no horizontal scrolling, no text running out). */
  static void fits(Browser b, WebElement e, String what) {
    long scroll = (Long) js(b, "return arguments[0].scrollWidth", e);
    long client = (Long) js(b, "return arguments[0].clientWidth", e);
    assertThat(scroll)
        .as(what + " overflows (" + scroll + " > " + client + ")")
        .isLessThanOrEqualTo(client);
  }

  @Test
  void citizenFindsAtlasAndOffersFromTheStartPage() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.go("/nordhausen");
      b.waitForHeading("Landkreis Nordhausen");
      assertThat(b.driver.getPageSource()).doesNotContain("in Vorbereitung");
      b.find(By.cssSelector("a[href$='/nordhausen/angebote']"));
      b.find(By.cssSelector("a[href$='/nordhausen/oeffentlich/atlas']")).click();
      b.waitForHeading("Sozialatlas");
      // the public atlas opens on a map, with its controls above it
      b.find(By.id("atlas-map"));
      assertThat(b.find(By.cssSelector("h2.map-title")).getText()).isNotBlank();
      b.checkAccessibility("first-01-public-atlas");
    }
  }

  @Test
  void theDashboardSumsTheCostsOfTheMeasures() {
    String strategy =
        String.valueOf(
            dsl.fetchValue(
                "select s.id from strategy s join tenant t on t.id = s.tenant_id where t.slug ="
                    + " 'nordhausen'"));
    try (Browser b = Browser.open("http://localhost:" + port)) {
      dsl.execute(
          "update measure set cost_amount = 48000 where strategy_id = ? and code = '2.1.2.1'",
          strategy);
      dsl.execute(
          "update measure set cost_amount = 12500.50 where strategy_id = ? and code = '1.1.1'",
          strategy);
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.login("koordination");
      b.go("/nordhausen/strategien/" + strategy + "/dashboard");
      b.waitForHeading("Armutspräventionsstrategie");
      WebElement costs = b.find(By.cssSelector("section[aria-labelledby=costs-h]"));
      assertThat(costs.findElement(By.cssSelector("tr.total")).getText())
          .contains("60.500,50 €")
          .contains("2")
          .contains("44");
      fits(b, costs.findElement(By.cssSelector(".table-scroll")), "cost table");
      b.checkAccessibility("dashboard-costs");
    } finally {
      dsl.execute("update measure set cost_amount = null where strategy_id = ?", strategy);
    }
  }

  @Test
  void theLandSeesWhatItsDistrictsShareOnAMapAndInATable() {
    int offers =
        ((Number)
                dsl.fetchValue(
                    "select count(*) from offer o join tenant t on t.id = o.tenant_id"
                        + " where t.slug = 'nordhausen' and o.status = 'PUBLISHED'"))
            .intValue();
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.login("land");
      b.go("/thueringen");
      b.waitForHeading("Freistaat Thüringen");
      b.find(By.linkText("Kreise im Überblick")).click();
      b.waitForHeading("Kreise im Überblick");
      String nordhausen = b.find(By.cssSelector("tr[data-district=nordhausen]")).getText();
      assertThat(nordhausen)
          .contains("Armutspräventionsstrategie des Landkreises Nordhausen")
          .contains("beschlossen, gültig ab 01.09.2018")
          .contains("Juni 2022: 44 Maßnahmen")
          .contains("Juni 2023")
          .contains(String.valueOf(offers));
      // Saalfeld-Rudolstadt shares no offers and no atlas data
      assertThat(b.find(By.cssSelector("tr[data-district=saalfeld-rudolstadt]")).getText())
          .contains("nicht freigegeben");
      assertThat(js(b, "return document.querySelectorAll('svg.state-map path').length"))
          .isEqualTo(22L);
      assertThat(
              js(
                  b,
                  "return document.querySelector('svg.state-map path.kreis-decided title')"
                      + ".textContent"))
          .isEqualTo("Nordhausen: Strategie beschlossen");
      fits(b, b.find(By.cssSelector(".table-scroll")), "table of districts");
      b.checkAccessibility("state-overview");

      // compare: Nordhausen on a spine chart beside its table, then one indicator's ranking
      b.find(By.linkText("Kreise vergleichen: Spine-Chart und Rangfolgen")).click();
      b.waitForHeading("Kreise vergleichen");
      long rows =
          (Long)
              js(b, "return document.querySelectorAll('table.comparison-table tbody tr').length");
      assertThat(rows).isGreaterThan(5L);
      assertThat(js(b, "return document.querySelectorAll('svg.spine-chart circle').length"))
          .isEqualTo(rows);
      assertThat(b.find(By.cssSelector("table.comparison-table")).getText())
          .contains("signifikant höher als der Landeswert")
          .contains("(ohne Test)");
      b.checkAccessibility("state-comparison");
      b.find(By.linkText("Anteil der Bevölkerung ab 65 Jahren")).click();
      b.waitForHeading("Anteil der Bevölkerung ab 65 Jahren");
      assertThat(b.find(By.cssSelector("table.ranking-table tbody tr")).getText())
          .contains("Freistaat Thüringen (Landeswert)");
      b.checkAccessibility("state-ranking");
      b.driver.manage().deleteAllCookies();

      // the district decides what it shares, on a form that works with the keyboard
      b.login("admin");
      b.go("/nordhausen/verwaltung/freigaben");
      b.waitForHeading("Freigaben für das Land");
      assertThat(b.find(By.id("shared-OFFERS")).isSelected()).isTrue();
      assertThat(b.find(By.id("shared-ASSESSMENT_TEXTS")).isSelected()).isFalse();
      b.checkAccessibility("sharing-settings");

      // it subscribes to the Land's indicator set and finds it in its own atlas, read only
      if (!b.find(By.id("subscribed")).isSelected()) {
        b.find(By.id("subscribed")).click();
      }
      b.find(By.xpath("//button[text()='Abonnement speichern']")).click();
      b.waitForHeading("Freigaben für das Land");
      b.go("/nordhausen/atlas");
      b.waitForHeading("Sozialatlas");
      b.find(By.linkText("Indikatoren des Landes Freistaat Thüringen im Sozialatlas")).click();
      b.waitForHeading("Sozialatlas des Landes Freistaat Thüringen");
      assertThat(b.find(By.cssSelector("#content")).getText())
          .contains("können hier nur gelesen werden")
          .doesNotContain("Angaben bearbeiten");
      // the Land's map of all Kreise, drawn from the Land's map data
      new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("#atlas-map path.leaflet-interactive")).size()
                      >= 22);
      b.checkAccessibility("land-atlas-in-district");
      b.find(By.linkText("Nordhausen")).click();
      b.waitForHeading("Nordhausen");
      b.checkAccessibility("land-atlas-profile");
      // a goal can be measured by the Land's indicators: offered in their own group of the form
      var goal =
          dsl.fetchOne(
              "select g.id, g.strategy_id from goal g join tenant t on t.id = g.tenant_id"
                  + " where t.slug = 'nordhausen' order by g.position limit 1");
      b.go("/nordhausen/strategien/" + goal.get(1) + "/ziele/" + goal.get(0));
      b.find(By.id("indicator"));
      assertThat(
              js(
                  b,
                  "return [...document.querySelectorAll('#indicator optgroup')]"
                      + ".map(g => g.label).join('|')"))
          .isEqualTo(
              "Sozialatlas des Kreises|Indikatoren des Landes Freistaat Thüringen (abonniert, nur"
                  + " lesen)");
      b.checkAccessibility("goal-with-land-indicators");
    }
  }

  @Test
  void contributorAndCoordinatorSeeWhatWaitsForThem() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.login("fachdienst");
      b.go("/nordhausen");
      b.waitForHeading("Landkreis Nordhausen");
      String waiting = b.find(By.cssSelector("section.waiting")).getText();
      assertThat(waiting).containsPattern("\\d+ Einschätzungen? offen bis 30\\.06\\.2023");
      b.checkAccessibility("first-02-contributor-home");
      b.driver.manage().deleteAllCookies();

      b.login("koordination");
      b.go("/nordhausen");
      b.waitForHeading("Landkreis Nordhausen");
      assertThat(b.find(By.cssSelector("section.waiting")).getText())
          .containsPattern("\\d+ Einschätzungen? warte[nt]? auf Ihre Prüfung");
      assertThat(b.driver.getPageSource()).doesNotContain("in Vorbereitung");

      // the strategy card's title stays in its box
      b.go("/nordhausen/strategien");
      b.waitForHeading("Strategien");
      fits(b, b.find(By.cssSelector(".card h2")), "strategy card title");

      // the dashboard: statuses in the bars, compared with the round before, no sideways scrolling
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.waitForHeading("Armutspräventionsstrategie");
      b.find(By.linkText("Dashboard")).click();
      b.find(By.cssSelector(".table-scroll"));
      String page = b.driver.getPageSource();
      assertThat(page).contains("verglichen mit „Juni 2022“").doesNotContain("verglichen mit „–“");
      // the status columns of the total row hold assessments, the column „ohne Status“ none
      List<String> heads =
          b
              .driver
              .findElements(
                  By.cssSelector("section[aria-labelledby=dist-h] .table-scroll thead th"))
              .stream()
              .map(WebElement::getText)
              .map(t -> t.replace("\u00AD", "").replaceAll("\\s+", " ").trim())
              .toList();
      List<String> total =
          b
              .driver
              .findElements(By.cssSelector("section[aria-labelledby=dist-h] tr.total td"))
              .stream()
              .map(WebElement::getText)
              .toList();
      int withoutStatus = -1;
      int withStatus = 0;
      for (int i = 1; i < heads.size(); i++) {
        String h = heads.get(i);
        if (h.contains("nicht eingeschätzt")
            || h.contains("Maßnahmen")
            || h.contains("Fortschritt")) {
          continue;
        }
        int n = Integer.parseInt(total.get(i - 1).trim());
        if (h.contains("ohne Status")) {
          withoutStatus = n;
        } else {
          withStatus += n;
        }
      }
      assertThat(withoutStatus).as("assessments without a status " + heads + total).isZero();
      assertThat(withStatus).as("assessments with a status " + heads + total).isGreaterThan(10);
      fits(b, b.find(By.cssSelector(".table-scroll")), "dashboard table");
      b.checkAccessibility("first-03-dashboard");
    }
  }

  @Test
  void atlasOpensOnAMapWithTheOwnKreisAndTheLand() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.login("koordination");
      b.go("/nordhausen/atlas");
      b.waitForHeading("Sozialatlas");
      b.find(By.id("atlas-map"));
      // the controls sit in one line above the map
      List<WebElement> fields =
          b.driver.findElements(By.cssSelector("form.atlas-controls > .field")).stream()
              .filter(WebElement::isDisplayed)
              .toList();
      assertThat(fields).hasSizeGreaterThanOrEqualTo(4);
      // aligned at their input's lower edge (a hint under one field makes it taller)
      List<Integer> bottoms =
          fields.stream()
              .map(f -> f.findElement(By.cssSelector("select, input")))
              .map(i -> i.getLocation().getY() + i.getSize().getHeight())
              .toList();
      assertThat(bottoms).allSatisfy(y -> assertThat(Math.abs(y - bottoms.get(0))).isLessThan(4));
      // periods read as words or years, never as 2019-12
      for (WebElement o : b.driver.findElements(By.cssSelector("#periode option"))) {
        assertThat(o.getText()).doesNotMatch("\\d{4}-\\d{2}");
      }
      // the time series: the own Kreis and the Land, drawn as lines
      String header =
          b.find(By.cssSelector("section[aria-labelledby=series-h] table thead")).getText();
      assertThat(header).contains("Nordhausen").contains("Thüringen");
      assertThat(b.driver.findElements(By.cssSelector(".series-chart path")))
          .hasSizeGreaterThanOrEqualTo(2);
      b.checkAccessibility("first-04-atlas");

      // the profile compares with the Land and shows a change
      b.go("/nordhausen/atlas");
      b.find(By.linkText("Nordhausen")).click();
      b.waitForHeading("Nordhausen");
      // figures the Land has too are compared with the Land, and a change is shown
      WebElement population =
          b.find(
              By.xpath(
                  "//table[contains(@class,'profile')]//tr[contains(., 'Bevölkerung insgesamt')]"));
      assertThat(population.getText()).contains("Thüringen").contains("seit Dezember 2019");
      b.checkAccessibility("first-05-profile");
    }
  }

  @Test
  void administratorReadsGermanLabelsAndNoNull() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.driver.manage().window().setSize(new Dimension(1400, 1000));
      b.login("admin");
      b.go("/nordhausen/verwaltung");
      b.waitForHeading("Verwaltung");
      // account link and logout stay on one line
      WebElement account = b.find(By.cssSelector(".main-nav li.account a"));
      WebElement logout = b.find(By.cssSelector(".main-nav li.account button"));
      assertThat(logout.getLocation().getY()).isEqualTo(account.getLocation().getY());

      b.go("/nordhausen/verwaltung/benutzer");
      b.waitForHeading("Benutzer");
      assertThat(b.find(By.tagName("main")).getText()).doesNotContain("null");

      b.go("/nordhausen/verwaltung/protokoll");
      b.waitForHeading("Änderungsprotokoll");
      String log = b.find(By.cssSelector("table.audit")).getText();
      assertThat(log)
          .doesNotContainPattern("\\b(SUBMITTED|ACCEPTED|RETURNED|IN_REVIEW|KREIS|NOT_STARTED)\\b")
          .doesNotContain("review")
          .doesNotContain("null");
      b.checkAccessibility("first-06-audit");

      b.go("/nordhausen/verwaltung/status");
      assertThat(b.find(By.tagName("main")).getText()).contains("Kürzel (in Dateien)");
    }
  }
}
