package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.strategy.internal.fixtures.BenchmarkFiles;
import de.lagebild.support.DatabaseProperties;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The exchange of strategies in a real browser, every page checked with axe-core: a coordinator
 * uploads the Word version of the report (written by LibreOffice), compares it with the demo
 * strategy and takes it over; opens the report options and the imprint; and imports a large file
 * that runs in the background with a progress bar.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/browser.log",
      "lagebild.import.background-from-bytes=100000"
    })
class ExchangeBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  static Path resourceFile(String resource, String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
    Path file = dir.resolve(name);
    try (InputStream in = ExchangeBrowserTests.class.getResourceAsStream(resource)) {
      Files.write(file, in.readAllBytes());
    }
    return file.toAbsolutePath();
  }

  @Test
  void docxComparedAndTakenOverReportOptionsAndABackgroundJob() throws Exception {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.login("koordination");

      b.go("/nordhausen/strategien/import");
      b.waitForHeading("Strategie importieren");
      b.find(By.id("file"))
          .sendKeys(
              resourceFile("/imports/libreoffice-bericht-zielerreichung-2022.docx", "bericht.docx")
                  .toString());
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Vorschau");
      String preview = b.find(By.cssSelector("dl.facts")).getText();
      assertThat(preview).contains("Word-Dokument").contains("44").contains("Juni 2022");
      b.checkAccessibility("40-import-docx-preview");

      new Select(b.find(By.id("strategy")))
          .selectByVisibleText("Armutspräventionsstrategie des Landkreises Nordhausen");
      b.find(By.xpath("//button[normalize-space()='Abgleich anzeigen']")).click();
      b.waitForHeading("Abgleich");
      // the Word version of the report holds the same strategy: nothing new, nothing changed,
      // nothing missing
      assertThat(b.find(By.cssSelector("dl.facts")).getText().replaceAll("\\s+", " "))
          .contains("Neu 0")
          .contains("Geändert 0")
          .contains("Unverändert 71")
          .contains("Fehlt in der Datei 0");
      b.checkAccessibility("41-import-compare");
      b.find(By.xpath("//button[normalize-space()='Änderungen übernehmen']")).click();
      b.waitForNotice("aktualisiert");

      b.find(By.linkText("Berichtsrunden")).click();
      b.find(By.id("report-goal"));
      b.checkAccessibility("42-report-options");
      b.find(By.linkText("Impressum der Berichte bearbeiten")).click();
      b.waitForHeading("Impressum");
      b.find(By.id("mandant-publisher")).sendKeys("Landratsamt Nordhausen");
      b.find(By.cssSelector("form[aria-labelledby='h-mandant'] button.primary")).click();
      b.waitForNotice("gespeichert");
      b.checkAccessibility("43-imprint");

      Path big =
          Files.createDirectories(Path.of("target", "browser-uploads"))
              .resolve("gross.txt")
              .toAbsolutePath();
      Files.write(big, BenchmarkFiles.tableFormat(1500, 2));
      b.go("/nordhausen/strategien/import");
      b.find(By.id("file")).sendKeys(big.toString());
      b.find(By.cssSelector("form.form button.primary")).click();
      b.waitForHeading("Vorschau");
      assertThat(b.driver.getPageSource()).contains("im Hintergrund");
      b.find(By.id("title")).clear();
      b.find(By.id("title")).sendKeys("Große Strategie");
      b.find(By.xpath("//button[normalize-space()='Importieren']")).click();
      b.waitForHeading("Import im Hintergrund");
      b.checkAccessibility("44-import-job");
      new WebDriverWait(b.driver, Duration.ofSeconds(120))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("job-status"), "abgeschlossen"));
      b.screenshot("45-import-job-done");
      b.find(By.linkText("Zur Strategie")).click();
      b.waitForHeading("Große Strategie");
    }
  }
}
