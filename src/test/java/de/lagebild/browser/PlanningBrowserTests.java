package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.planning.internal.surveys.LimeSurveyExport;
import de.lagebild.support.DatabaseProperties;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planning cycle's middle in a real browser, checked with axe-core: the demo needs, a need's
 * goal with its whole chain (need, indicator verdict, assessed measures), a figure of the profile
 * recorded as a need, and the gap analysis with its map beside the ranked table; a LimeSurvey
 * export imported through upload, preview and commit, with its small area suppressed and its free
 * texts waiting for review.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class PlanningBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  @Test
  void needsChainProfileFigureAndGapAnalysis() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.find(By.linkText("Bedarfe")).click();
      b.waitForHeading("Bedarfe");
      assertThat(b.driver.findElements(By.cssSelector("table.data tbody tr")).size())
          .isGreaterThanOrEqualTo(4);
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("#needs-map path.leaflet-interactive")).size()
                      >= 22);
      b.checkAccessibility("80-needs");
      b.find(By.linkText("Verfestigte Langzeitarbeitslosigkeit")).click();
      b.waitForHeading("Verfestigte Langzeitarbeitslosigkeit");
      assertThat(b.find(By.id("content")).getText())
          .contains("aufgegriffen")
          .contains("Anteil der Langzeitarbeitslosen");
      b.checkAccessibility("81-need");
      b.find(By.partialLinkText("Teilziel 2.3.1")).click();
      b.waitForHeading("Vernetzung");
      String chain = b.find(By.cssSelector("ol.chain")).getText();
      assertThat(chain)
          .contains("Verfestigte Langzeitarbeitslosigkeit")
          .contains("Maßnahmen")
          .contains("keine aktuellen Daten");
      b.checkAccessibility("82-goal-chain");

      // a figure of the profile becomes a need
      b.go("/nordhausen/atlas");
      b.find(By.linkText("Nordhausen")).click();
      b.waitForHeading("Nordhausen");
      b.find(
              By.cssSelector(
                  "a[aria-label='Bedarf zu „Anteil lediger Kinder unter 18 Jahren an den Personen"
                      + " in Bedarfsgemeinschaften“ erfassen']"))
          .click();
      b.waitForHeading("Bedarf erfassen");
      assertThat(b.find(By.id("ev-value-0")).getAttribute("value")).contains("33,91");
      b.checkAccessibility("83-need-form");
      b.type("title", "Kinderarmut im Browser");
      b.find(By.cssSelector("form.need-form button.primary")).click();
      b.waitForHeading("Kinderarmut im Browser");
      assertThat(b.find(By.id("content")).getText()).contains("Dezember 2018: 33,91");

      // gap analysis: children against all offers, per Kreis
      b.go("/nordhausen/bedarfe/abgleich");
      b.waitForHeading("Abgleich von Angebot und Bedarf");
      new Select(b.find(By.id("demand"))).selectByVisibleText("Bevölkerung unter 18 Jahren");
      new Select(b.find(By.id("level"))).selectByValue("KREIS");
      b.find(By.cssSelector("form.gap-form button.primary")).click();
      b.waitForHeading("Abgleich von Angebot und Bedarf");
      new WebDriverWait(b.driver, Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("#gap-map path.leaflet-interactive")).size() >= 22);
      assertThat(b.driver.findElements(By.cssSelector("table.gap-table tbody tr"))).hasSize(22);
      assertThat(b.find(By.cssSelector("table.gap-table tbody tr:first-child")).getText())
          .contains("Erfurt")
          .contains("hoher Bedarf, wenig Angebot");
      b.checkAccessibility("84-gap-analysis");
    }
  }

  @Test
  void limeSurveyExportImportedWithTheSmallAreaSuppressed() throws Exception {
    LimeSurveyExport export =
        new LimeSurveyExport(List.of("Nordhausen", "Eichsfeld", "Kyffhäuserkreis"));
    List<LimeSurveyExport.Response> responses = new ArrayList<>();
    int[] perArea = {14, 9, 3};
    for (int a = 0; a < perArea.length; a++) {
      for (int i = 0; i < perArea[a]; i++) {
        responses.add(
            new LimeSurveyExport.Response(
                true,
                "A" + (a + 1),
                "A" + (1 + (i + a) % 4),
                new boolean[] {true, i % 3 == 0, i % 5 == 0},
                String.valueOf(i % 4),
                new String[] {"A" + (1 + i % 3), "A2"},
                i == 1 ? "Mehr Sprechstunden am Nachmittag in Bleicherode" : ""));
      }
    }
    Path dir = Files.createTempDirectory("befragung");
    Path lss = dir.resolve("limesurvey_survey_482915.lss");
    Path csv = dir.resolve("results-survey482915.csv");
    Files.write(lss, export.lss());
    Files.write(csv, export.csv(responses, true, Charset.forName("windows-1252"), ';'));
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.go("/nordhausen/befragungen");
      b.waitForHeading("Befragungen");
      b.checkAccessibility("85-surveys");
      b.find(By.linkText("Befragung importieren")).click();
      b.waitForHeading("Befragung importieren");
      b.find(By.id("structure")).sendKeys(lss.toString());
      b.find(By.id("responses")).sendKeys(csv.toString());
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Vorschau der Befragung");
      // the answers of the area question are matched to the areas by name
      for (int i = 0; i < 3; i++) {
        String answer =
            b.driver
                .findElement(By.xpath("//select[@id='area-" + i + "']/ancestor::tr/th"))
                .getText();
        assertThat(new Select(b.find(By.id("area-" + i))).getFirstSelectedOption().getText())
            .isEqualTo(answer);
      }
      assertThat(b.find(By.id("content")).getText()).contains("Windows-1252");
      b.checkAccessibility("86-survey-preview");
      b.type("title", "Familienbefragung im Browser");
      b.find(By.id("text-Q5")).click();
      b.find(By.cssSelector("button.primary[formaction]")).click();
      b.waitForHeading("Familienbefragung im Browser");
      String page = b.find(By.id("content")).getText();
      assertThat(page).contains("Nordhausen").contains("Kyffhäuserkreis");
      assertThat(b.driver.findElements(By.cssSelector("#content abbr"))).isNotEmpty();
      b.checkAccessibility("87-survey");
      b.find(By.partialLinkText("Freitexte")).click();
      b.waitForHeading("Freitexte durchsehen");
      assertThat(b.find(By.id("content")).getText())
          .contains("Mehr Sprechstunden am Nachmittag in Bleicherode");
      b.checkAccessibility("88-survey-review");
    } finally {
      Files.deleteIfExists(lss);
      Files.deleteIfExists(csv);
      Files.deleteIfExists(dir);
    }
  }
}
