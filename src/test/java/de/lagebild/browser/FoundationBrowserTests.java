package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator's and an administrator's first steps, in a real browser, with an accessibility
 * check per page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/browser.log"})
class FoundationBrowserTests extends DatabaseProperties {

  @LocalServerPort int port;

  @Test
  void administratorLogsInSwitchesTenantCreatesAUserAndFindsItInTheAuditLog() {
    try (Browser b = Browser.open("http://localhost:" + port)) {
      b.go("/nordhausen");
      b.waitForHeading("Landkreis Nordhausen");
      b.checkAccessibility("01-tenant-public");

      b.go("/login");
      b.waitForHeading("Anmeldung");
      b.checkAccessibility("02-login");
      b.type("username", "admin");
      b.type("password", "falsch");
      b.find(By.cssSelector("form.form button[type=submit]")).click();
      b.find(By.cssSelector(".notice.error"));
      assertThat(b.driver.getPageSource()).contains("Die Anmeldung ist fehlgeschlagen");
      b.checkAccessibility("03-login-error");
      b.type("username", "admin");
      b.type("password", "demo");
      b.find(By.cssSelector("form.form button[type=submit]")).click();
      b.waitForHeading("Landkreis Nordhausen");
      assertThat(b.driver.getPageSource()).contains("Administration");
      b.checkAccessibility("04-tenant-home");

      // switch tenant with the keyboard-reachable switcher in the header
      b.find(By.cssSelector(".switcher summary")).click();
      b.find(By.linkText("Landkreis Saalfeld-Rudolstadt")).click();
      b.waitForHeading("Landkreis Saalfeld-Rudolstadt");
      assertThat(b.driver.getCurrentUrl()).endsWith("/saalfeld-rudolstadt");
      b.find(By.cssSelector(".switcher summary")).click();
      b.find(By.linkText("Landkreis Nordhausen")).click();
      b.waitForHeading("Landkreis Nordhausen");

      b.find(By.linkText("Verwaltung")).click();
      b.waitForHeading("Verwaltung");
      b.checkAccessibility("05-admin");
      b.find(By.linkText("Benutzer")).click();
      b.waitForHeading("Benutzer");
      b.checkAccessibility("06-users");
      b.find(By.linkText("Benutzer hinzufügen")).click();
      b.waitForHeading("Benutzer hinzufügen");
      b.checkAccessibility("07-user-new");

      // a form with errors first: messages next to the fields, still accessible
      b.find(By.cssSelector("form.form button.primary")).click();
      b.find(By.cssSelector(".field-error"));
      b.checkAccessibility("08-user-new-errors");

      b.type("displayName", "Berta Browser");
      b.type("username", "berta");
      b.type("email", "berta@example.org");
      b.type("password", "sehr-geheim-42");
      new Select(b.find(By.id("new-role"))).selectByValue("CONTRIBUTOR");
      b.find(By.xpath("//label[normalize-space()='Fachbereich Jugend']")).click();
      b.find(By.cssSelector("form.form button.primary")).click();
      b.find(By.cssSelector(".notice.success"));
      assertThat(b.driver.getPageSource()).contains("Berta Browser");

      b.go("/nordhausen/verwaltung/protokoll");
      b.waitForHeading("Änderungsprotokoll");
      assertThat(b.driver.findElement(By.cssSelector("table.audit")).getText())
          .contains("Benutzer angelegt: berta")
          .contains("Demo-Administration (admin)")
          .contains("Fachbereich Jugend");
      b.checkAccessibility("09-audit");

      b.go("/nordhausen/verwaltung/einstellungen");
      b.waitForHeading("Einstellungen");
      b.checkAccessibility("10-settings");
      b.go("/nordhausen/verwaltung/einheiten");
      b.waitForHeading("Organisationseinheiten");
      b.checkAccessibility("11-units");
      b.go("/plattform/mandanten");
      b.waitForHeading("Mandanten der Plattform");
      b.checkAccessibility("12-platform");
      b.go("/profil");
      b.waitForHeading("Mein Konto");
      b.checkAccessibility("13-profile");
      b.go("/nordhausen/gibt-es-nicht");
      b.waitForHeading("Nicht gefunden");
      b.checkAccessibility("14-not-found");

      b.go("/nordhausen");
      b.find(By.cssSelector("form.inline button")).click();
      b.wait.until(ExpectedConditions.urlContains("/login?logout"));
      assertThat(b.driver.getPageSource()).contains("Sie haben sich abgemeldet.");
      assertThat(b.checkedPages).hasSize(14);
    }
  }
}
