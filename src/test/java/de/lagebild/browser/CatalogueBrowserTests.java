package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The offer catalogue in a real browser, checked with axe-core: a citizen searches without logging
 * in, filters by age and language, sees the places on the map, opens an offer and prints it; a
 * provider proposes a change and the coordinator's review page shows it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class CatalogueBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  @Test
  void aCitizenSearchesFiltersOpensAnOfferAndPrints() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.go("/nordhausen/angebote");
      b.waitForHeading("Angebote im Landkreis Nordhausen");
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(
              d ->
                  !d.findElements(
                          By.cssSelector(
                              "#offers-map .marker-cluster, #offers-map .leaflet-marker-icon"))
                      .isEmpty());
      b.checkAccessibility("60-offers");
      b.type("q", "Beratung");
      b.type("alter", "16");
      new Select(b.find(By.id("sprache"))).selectByValue("ar");
      b.find(By.cssSelector("form.offer-search button[type=submit]")).click();
      b.wait.until(ExpectedConditions.urlContains("sprache=ar"));
      assertThat(b.find(By.id("results-h")).getText()).contains("Angebote gefunden");
      String results = b.find(By.cssSelector("ol.offer-list")).getText();
      assertThat(results).contains("Jugendmigrationsdienst").doesNotContain("Suchtberatung");
      b.checkAccessibility("61-offers-filtered");
      b.find(By.linkText("Jugendmigrationsdienst")).click();
      b.waitForHeading("Jugendmigrationsdienst");
      String detail = b.find(By.id("content")).getText();
      assertThat(detail)
          .contains("Jugendhaus Roland")
          .contains("Öffnungszeiten")
          .contains("Arabisch")
          .contains("12 bis 27 Jahre")
          .contains("Demo-Eintrag");
      b.checkAccessibility("62-offer");
      // printing: the print button opens the browser's print dialog (replaced here, so the test
      // sees it called)
      ((JavascriptExecutor) b.driver)
          .executeScript(
              "window.__printed = 0; window.print = function () { window.__printed++; };");
      b.find(By.cssSelector("button.js-print")).click();
      assertThat(
              ((Number) ((JavascriptExecutor) b.driver).executeScript("return window.__printed;"))
                  .intValue())
          .isEqualTo(1);
      assertThat(b.driver.manage().getCookies()).isEmpty();
    }
  }

  @Test
  void aProviderProposesAChangeThatTheCoordinatorSeesForReview() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("anbieter");
      b.go("/nordhausen/anbieter");
      b.waitForHeading("Meine Angebote");
      b.checkAccessibility("63-provider");
      b.find(By.cssSelector("a[aria-label='„Familiencafé Helmetal“ bearbeiten']")).click();
      b.waitForHeading("bearbeiten");
      b.checkAccessibility("64-provider-edit");
      b.type("ageFrom", "12");
      b.type("ageTo", "3");
      b.find(By.cssSelector("button[value=pruefen]")).click();
      b.waitForHeading("bearbeiten");
      assertThat(b.find(By.id("fehler")).getText()).contains("Altersbereich ist vertauscht");
      b.checkAccessibility("65-provider-edit-errors");
      b.type("ageFrom", "0");
      b.type("ageTo", "99");
      b.type("name", "Familiencafé Helmetal mit Spielecke");
      b.find(By.cssSelector("button[value=pruefen]")).click();
      b.waitForHeading("Meine Angebote");
      assertThat(b.find(By.id("content")).getText()).contains("Vorschlag in Prüfung");
    }
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.go("/nordhausen/angebote/verwaltung");
      b.waitForHeading("Angebote pflegen");
      assertThat(b.find(By.id("content")).getText())
          .contains("Familiencafé Helmetal mit Spielecke")
          .contains("Geänderte Angaben: Name");
      b.checkAccessibility("66-catalogue-admin");
      // a new location's coordinates picked on the map
      WebElement map = b.find(By.id("location-map"));
      ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView()", map);
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.cssSelector("#location-map path")).isEmpty());
      new Actions(b.driver).moveToElement(map, 10, 10).click().perform();
      new WebDriverWait(b.driver, Duration.ofSeconds(5))
          .until(d -> !d.findElement(By.id("loc-lat")).getAttribute("value").isEmpty());
      double lat =
          Double.parseDouble(b.find(By.id("loc-lat")).getAttribute("value").replace(',', '.'));
      double lon =
          Double.parseDouble(b.find(By.id("loc-lon")).getAttribute("value").replace(',', '.'));
      assertThat(lat).isBetween(50.0, 53.0);
      assertThat(lon).isBetween(9.0, 13.0);
      b.type("loc-name", "Gewählter Ort");
      b.screenshot("67-location-picked");
      b.find(By.xpath("//form[.//input[@id='loc-name']]//button[@type='submit']")).click();
      b.waitForHeading("Angebote pflegen");
      assertThat(b.find(By.id("main")).getText()).contains("Der Ort wurde angelegt");
      // categories reordered with the keyboard: the "down" button of the first sub-category,
      // pressed with Enter
      WebElement down =
          b.find(By.cssSelector("button[aria-label='„Schuldnerberatung“ nach unten verschieben']"));
      down.sendKeys(Keys.ENTER);
      b.waitForHeading("Angebote pflegen");
      assertThat(b.find(By.id("main")).getText())
          .contains("Die Reihenfolge der Kategorien ist geändert");
      String order = b.find(By.cssSelector("ul.category-admin")).getText();
      assertThat(order.indexOf("nach oben")).isPositive();
      b.find(By.cssSelector("button[aria-label='„Schuldnerberatung“ nach oben verschieben']"))
          .sendKeys(Keys.ENTER);
      b.waitForHeading("Angebote pflegen");
      // the offers by status: the drafts have a list of their own
      b.go("/nordhausen/angebote/verwaltung?stand=DRAFT#alle");
      b.waitForHeading("Angebote pflegen");
      assertThat(b.find(By.cssSelector("#alle + nav a[aria-current=page]")).getText())
          .startsWith("Entwurf");
      b.checkAccessibility("68-catalogue-by-status");
    }
  }

  /**
   * An open-data point list with its column mapping (issue 15): checked with axe, not committed.
   */
  @Test
  void aCoordinatorMapsTheColumnsOfAnOpenDataList() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("kitas", ".geojson");
    try (var in = getClass().getResourceAsStream("/catalogue/real/jena-osm-kindergarten.geojson")) {
      java.nio.file.Files.write(file, in.readAllBytes());
    }
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.go("/nordhausen/angebote/import");
      b.waitForHeading("Import aus Tabelle");
      b.checkAccessibility("66-offer-import");
      b.find(By.id("file")).sendKeys(file.toString());
      b.find(By.cssSelector("form button.primary")).click();
      b.waitForHeading("Vorschau");
      assertThat(b.find(By.id("feld_name")).getAttribute("value")).isEqualTo("name");
      assertThat(b.find(By.id("feld_organization")).getAttribute("value")).isEqualTo("operator");
      b.checkAccessibility("67-offer-import-mapping");
      b.type("anbieterFuerAlle", "Träger unbekannt (Browser)");
      b.find(By.cssSelector("details.mapping form button[type=submit]")).click();
      b.waitForHeading("Vorschau");
      assertThat(b.find(By.id("content")).getText()).doesNotContain("Der Anbieter fehlt.");
      b.checkAccessibility("68-offer-import-mapped");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
