package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The atlas in a real browser, checked with axe-core: the map of an indicator draws all 23 Kreise
 * without a tile server, the table beside it ranks the districts with a figure, another
 * classification changes the legend, and a district profile shows the twelve figures of seed 004
 * with their comparison.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class AtlasBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  @Test
  void mapTableClassesAndProfile() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("lesen");
      b.find(By.linkText("Sozialatlas")).click();
      b.waitForHeading("Sozialatlas");
      b.checkAccessibility("50-atlas");
      b.find(By.linkText("Arbeitslosenquote im Jahresdurchschnitt")).click();
      b.waitForHeading("Arbeitslosenquote");
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("#atlas-map path.leaflet-interactive")).size()
                      == 23);
      assertThat(b.driver.findElements(By.cssSelector("#atlas-values tbody tr"))).hasSize(23);
      assertThat(b.find(By.cssSelector("#atlas-values tbody tr:first-child")).getText())
          .contains("Gera")
          .contains("8,10");
      assertThat(b.find(By.cssSelector(".atlas-map-figure")).getText())
          .contains("GeoBasis-DE / BKG");
      b.checkAccessibility("51-atlas-map");
      new Select(b.find(By.id("klassen"))).selectByValue("jenks");
      b.find(By.cssSelector(".inline-form button")).click();
      b.waitForHeading("Arbeitslosenquote");
      assertThat(b.driver.findElements(By.cssSelector("table.legend tbody tr")).size())
          .isBetween(2, 5);
      b.find(By.linkText("Nordhausen")).click();
      b.waitForHeading("Nordhausen");
      String profile = b.find(By.cssSelector("table.profile")).getText();
      // population from GENESIS 12411-0018 (31.12.2020) against the Land, with the change since
      // December 2019; unemployment (seed 004, 2019) against the median of the 15 profiled Kreise
      assertThat(profile)
          .contains("82.456")
          .contains("2.120.237 Thüringen")
          .contains("−960 seit Dezember 2019")
          .contains("7,00")
          .contains("33,91")
          .contains("Median der 15 Kreise");
      assertThat(b.driver.getPageSource()).contains("beschlossen am 25. September 2018");
      b.checkAccessibility("52-atlas-profile");
      b.go("/nordhausen/atlas");
      b.find(By.linkText("Eisenach")).click();
      b.waitForHeading("Eisenach");
      assertThat(b.find(By.cssSelector(".notice.info")).getText())
          .contains("30.06.2021")
          .contains("Wartburgkreis");
      // a goal's page, where indicators of the atlas measure it
      b.go("/nordhausen/strategien");
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.find(By.partialLinkText("Ziel 2.3 mit Kennzahlen")).click();
      b.waitForHeading("Erwachsene");
      assertThat(b.driver.getPageSource()).contains("Kennzahlen aus dem Sozialatlas");
      b.checkAccessibility("53-goal");
    }
  }

  @Test
  void coordinatorLoadsAWideSheetEditsTheIndicatorAndBuildsAPlanningArea() throws Exception {
    Path file =
        ExchangeBrowserTests.resourceFile(
            "/atlas/wide-einwohner-je-jahr.csv", "einwohner-je-jahr.csv");
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.go("/nordhausen/atlas/import");
      b.waitForHeading("Statistik laden");
      b.checkAccessibility("54-atlas-import");
      b.find(By.id("file")).sendKeys(file.toString());
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Vorschau");
      assertThat(b.driver.getPageSource())
          .contains("Breite Tabelle")
          .contains("Leere Zelle für 16056 Eisenach");
      b.checkAccessibility("55-atlas-import-preview");
      b.type("speichernAls", "Einwohner je Kreis (Browser)");
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Sozialatlas");
      assertThat(b.find(By.id("content")).getText()).contains("11 Werte übernommen");
      // the new indicator gets its meaning: a count, shown publicly
      b.find(By.linkText("Werte je Jahr")).click();
      b.waitForHeading("Werte je Jahr");
      b.find(By.linkText("Angaben bearbeiten")).click();
      b.waitForHeading("bearbeiten");
      b.checkAccessibility("56-atlas-indicator-edit");
      b.type("name", "Einwohnerinnen und Einwohner (Browser)");
      b.type("shortName", "Einwohner");
      new Select(b.find(By.id("kind"))).selectByValue("COUNT");
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Einwohnerinnen und Einwohner (Browser)");
      // area search on the map highlights the row of the area found
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("#atlas-map path.leaflet-interactive")).size()
                      >= 20);
      b.find(By.id("gebiet-suche")).sendKeys("Wartburg");
      new WebDriverWait(b.driver, Duration.ofSeconds(5))
          .until(
              d ->
                  d.findElement(By.cssSelector("#atlas-values tr.highlight"))
                      .getText()
                      .contains("Wartburgkreis"));
      assertThat(b.find(By.id("map-status")).getAttribute("textContent")).contains("Wartburgkreis");
      b.checkAccessibility("57-atlas-map-search");
      // a planning area of two Kreise
      b.go("/nordhausen/atlas/planungsraeume");
      b.waitForHeading("Planungsräume");
      b.checkAccessibility("58-atlas-planning");
      b.type("name", "Ostthüringen (Browser)");
      b.find(By.xpath("//label[starts-with(normalize-space(.), 'Gera (')]")).click();
      b.find(By.xpath("//label[starts-with(normalize-space(.), 'Jena (')]")).click();
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Ostthüringen (Browser)");
      assertThat(b.driver.getPageSource()).contains("Planungsraum aus 2 Gebieten: Gera, Jena");
      // the population is the sum of both Kreise, with its source saying so
      String first = b.find(By.cssSelector("table.profile tbody tr:first-child")).getText();
      assertThat(first)
          .contains("Bevölkerung insgesamt")
          .contains("Summe aus 2 Gebieten")
          .doesNotContain("keine Angabe");
      b.checkAccessibility("59-atlas-planning-profile");
    }
  }

  /** A geometry file through the wizard's preview (issue 15): checked with axe, nothing written. */
  @Test
  void aTopoJsonIsPreviewedWithItsPropertiesToChooseFrom() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("ortsteile", ".topojson");
    try (var in = getClass().getResourceAsStream("/atlas/geo/berlin.ortsteile.topojson")) {
      java.nio.file.Files.write(file, in.readAllBytes());
    }
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.go("/nordhausen/atlas/planungsraeume");
      b.waitForHeading("Planungsräume");
      b.find(By.id("geo-file")).sendKeys(file.toString());
      b.find(By.id("nurUnter")).clear();
      b.find(By.cssSelector("form[action$='/geometrie'] button[type=submit]")).click();
      b.waitForHeading("Vorschau der Gebiete");
      String page = b.find(By.id("content")).getText();
      assertThat(page)
          .contains("TopoJSON")
          .contains("Mitte")
          .contains("Noch wurde nichts gespeichert");
      b.checkAccessibility("60-atlas-geometry-preview");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
