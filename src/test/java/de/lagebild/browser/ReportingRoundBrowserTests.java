package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The yearly question "where do we stand?" in a real browser: the coordinator opens a round, a
 * contributor reports on two measures of her unit, the coordinator returns one and accepts the
 * other, and the dashboard shows the new distribution. Every page is checked with axe-core.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class ReportingRoundBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  void logout(Browser b) {
    b.find(By.cssSelector(".site-header form.inline button")).click();
    b.wait.until(ExpectedConditions.urlContains("/login?logout"));
  }

  @Test
  void coordinatorOpensContributorReportsCoordinatorReviewsDashboardShowsIt() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");
      b.find(By.linkText("Strategien")).click();
      b.waitForHeading("Strategien");
      b.checkAccessibility("20-strategies");
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.waitForHeading("Armutspräventionsstrategie");
      b.checkAccessibility("21-strategy-overview");
      b.find(By.linkText("Berichtsrunden")).click();
      b.find(By.cssSelector("table.data"));
      b.checkAccessibility("22-rounds");
      // the demo's open round June 2023 is closed (through review), the next one created and opened
      b.find(By.cssSelector("button[aria-label='In Prüfung geben: Juni 2023']")).click();
      b.wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice.success"), "in Prüfung"));
      b.find(By.cssSelector("button[aria-label='Abschließen: Juni 2023']")).click();
      b.wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice.success"), "abgeschlossen"));
      b.type("name", "Juni 2024");
      b.find(By.xpath("//button[normalize-space()='Berichtsrunde anlegen']")).click();
      b.wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice.success"), "angelegt"));
      b.find(By.cssSelector("button[aria-label='Öffnen: Juni 2024']")).click();
      b.wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice.success"), "geöffnet"));
      logout(b);

      b.login("fachdienst");
      b.find(By.linkText("Meine Maßnahmen")).click();
      b.waitForHeading("Meine Maßnahmen");
      b.checkAccessibility("23-my-measures");
      List<WebElement> todo = b.driver.findElements(By.linkText("Einschätzen"));
      assertThat(todo).hasSizeGreaterThanOrEqualTo(2);
      todo.get(0).click();
      b.waitForHeading("Einschätzung");
      b.checkAccessibility("24-assess");
      b.find(By.cssSelector("label[for='status-IN_PROGRESS']")).click();
      b.type("progress", "40");
      b.type("narrative", "Erste Schritte sind getan.\n\nDer Bedarfsplan wird fortgeschrieben.");
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForNotice("gespeichert");
      b.driver.findElements(By.linkText("Einschätzen")).get(0).click();
      b.waitForHeading("Einschätzung");
      b.find(By.cssSelector("label[for='status-IMPLEMENTED']")).click();
      b.type("narrative", "Abgeschlossen: Angebot läuft seit März.");
      b.find(By.cssSelector("form.form button.primary")).click();
      b.find(By.cssSelector(".notice.success"));
      logout(b);

      b.login("koordination");
      b.go("/nordhausen/strategien");
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.find(By.linkText("Berichtsrunden")).click();
      b.find(By.linkText("Prüfung")).click();
      b.waitForHeading("Prüfung");
      assertThat(b.driver.getPageSource()).contains("2 von 44 Maßnahmen sind eingeschätzt");
      b.checkAccessibility("25-review");
      List<WebElement> items = b.driver.findElements(By.cssSelector("article.review-item"));
      assertThat(items).hasSize(2);
      WebElement first = items.get(0);
      first.findElement(By.tagName("textarea")).sendKeys("Bitte Zahlen ergänzen.");
      first.findElement(By.cssSelector("button[value=RETURNED]")).click();
      b.waitForNotice("zur Überarbeitung");
      b.find(By.cssSelector("article.review-item button[value=ACCEPTED]")).click();
      b.waitForNotice("angenommen");
      assertThat(b.driver.findElements(By.cssSelector("article.review-item"))).isEmpty();

      b.go("/nordhausen/strategien");
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.find(By.linkText("Dashboard")).click();
      b.find(By.cssSelector("tr.total"));
      String total = b.find(By.cssSelector("tr.total")).getText();
      // 1 in progress, 1 implemented, 42 not assessed in the open round "Juni 2024"
      assertThat(total).contains("Gesamt 0 0 1 1 0 0 0 0 42 44");
      b.checkAccessibility("26-dashboard");
      b.find(By.linkText("Übersicht")).click();
      b.find(By.cssSelector("ul.tree"));
      b.find(By.partialLinkText("Bedarfsgerechte Ausgestaltung")).click();
      b.waitForHeading("Maßnahme");
      b.checkAccessibility("27-measure");
      b.find(By.linkText("Maßnahme bearbeiten")).click();
      b.waitForHeading("Maßnahme bearbeiten");
      b.checkAccessibility("28-measure-edit");
      b.driver.navigate().back();
      b.waitForHeading("Maßnahme");
      b.find(By.cssSelector(".breadcrumb a")).click();
      b.find(By.linkText("Struktur")).click();
      b.waitForHeading("Zielbaum bearbeiten");
      b.checkAccessibility("29-structure");
      b.driver.navigate().back();
      b.find(By.linkText("Strategie bearbeiten")).click();
      b.waitForHeading("Strategie bearbeiten");
      b.checkAccessibility("30-strategy-edit");
      b.go("/nordhausen/strategien/import");
      b.waitForHeading("Strategie importieren");
      b.checkAccessibility("33-import");
      // pasted text keeps its tabs (typing a tab would move the focus)
      ((JavascriptExecutor) b.driver)
          .executeScript(
              "arguments[0].value = arguments[1]",
              b.find(By.id("text")),
              "Leitziel: Gesund alt werden\t\t\t\nMaßnahme\tVerantwortlich\tIndikatoren\tEinschätzung 2023\n"
                  + "Bewegungsangebote in jeder Gemeinde\tFachbereich Soziales\tAnzahl Angebote\tbegonnen\n");
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Vorschau");
      assertThat(b.driver.getPageSource())
          .contains("Einschätzung 2023".replace("Einschätzung ", ""))
          .contains("Gesund alt werden");
      b.checkAccessibility("34-import-preview");
      logout(b);

      b.login("admin");
      b.go("/nordhausen/verwaltung/status");
      b.waitForHeading("Statuskatalog");
      b.checkAccessibility("31-status-catalogue");
      logout(b);

      b.go("/nordhausen");
      b.find(By.partialLinkText("des Landkreises Nordhausen")).click();
      b.waitForHeading("Armutspräventionsstrategie");
      b.checkAccessibility("32-public-strategy");
    }
  }
}
