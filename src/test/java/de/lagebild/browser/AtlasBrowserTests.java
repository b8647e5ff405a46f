package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The atlas in a real browser, checked with axe-core: the map of an indicator draws all 23 Kreise without a tile
 * server, the table beside it ranks the districts with a figure, another classification changes the legend, and a
 * district profile shows the twelve figures of seed 004 with their comparison.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class AtlasBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  @Test
  void mapTableClassesAndProfile() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.go("/login");
      b.type("username", "lesen");
      b.type("password", "demo");
      b.find(By.cssSelector("form.form button[type=submit]")).click();
      b.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
      b.find(By.linkText("Sozialatlas")).click();
      b.waitForHeading("Sozialatlas");
      b.checkAccessibility("50-atlas");
      b.find(By.linkText("Arbeitslosenquote im Jahresdurchschnitt")).click();
      b.waitForHeading("Arbeitslosenquote");
      new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d ->
          d.findElements(By.cssSelector("#atlas-map path.leaflet-interactive")).size() == 23);
      assertThat(b.driver.findElements(By.cssSelector("#atlas-values tbody tr"))).hasSize(23);
      assertThat(b.find(By.cssSelector("#atlas-values tbody tr:first-child")).getText()).contains("Gera").contains("8,10");
      assertThat(b.find(By.cssSelector(".atlas-map-figure")).getText()).contains("GeoBasis-DE / BKG");
      b.checkAccessibility("51-atlas-map");
      new Select(b.find(By.id("klassen"))).selectByValue("jenks");
      b.find(By.cssSelector(".inline-form button")).click();
      b.waitForHeading("Arbeitslosenquote");
      assertThat(b.driver.findElements(By.cssSelector("table.legend tbody tr")).size()).isBetween(2, 5);
      b.find(By.linkText("Nordhausen")).click();
      b.waitForHeading("Nordhausen");
      String profile = b.find(By.cssSelector("table.profile")).getText();
      assertThat(profile).contains("83.416").contains("7,00").contains("33,91").contains("Median der 15 Kreise");
      assertThat(b.driver.getPageSource()).contains("beschlossen am 25. September 2018");
      b.checkAccessibility("52-atlas-profile");
      b.go("/nordhausen/atlas");
      b.find(By.linkText("Eisenach")).click();
      b.waitForHeading("Eisenach");
      assertThat(b.find(By.cssSelector(".notice.info")).getText()).contains("30.06.2021").contains("Wartburgkreis");
      // a goal's page, where indicators of the atlas measure it
      b.go("/nordhausen/strategien");
      b.find(By.linkText("Armutspräventionsstrategie des Landkreises Nordhausen")).click();
      b.find(By.partialLinkText("Ziel 2.3 mit Kennzahlen")).click();
      b.waitForHeading("Erwachsene");
      assertThat(b.driver.getPageSource()).contains("Kennzahlen aus dem Sozialatlas");
      b.checkAccessibility("53-goal");
    }
  }
}
