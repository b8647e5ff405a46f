package de.lagebild.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * Screenshots of the pages a coordinator, a Dezernent (reader), a contributor, an administrator and
 * an anonymous citizen see first, at 1400 px and 390 px, against any running instance: {@code java
 * … ScreenshotTour http://localhost:8080 target/screenshots/after}. Used to look at the product
 * before and after a change; the browser tests assert the states.
 */
public final class ScreenshotTour {

  private ScreenshotTour() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    for (int width : new int[] {1400, 390}) {
      try (Browser b = Browser.open(base)) {
        b.driver.manage().window().setSize(new Dimension(width, 1000));
        shoot(b, out, width, "anon-home", "/nordhausen");
        shoot(b, out, width, "anon-atlas", "/nordhausen/oeffentlich/atlas");
        b.login("koordination");
        shoot(b, out, width, "coord-home", "/nordhausen");
        shoot(b, out, width, "coord-strategies", "/nordhausen/strategien");
        b.go("/nordhausen/strategien");
        String id =
            b.driver.findElements(By.cssSelector("a[href*='/strategien/']")).stream()
                .map(e -> e.getAttribute("href"))
                .filter(h -> h.matches(".*/strategien/[0-9a-f-]{36}"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*/strategien/", "");
        shoot(b, out, width, "coord-dashboard", "/nordhausen/strategien/" + id + "/dashboard");
        shoot(b, out, width, "coord-strategy", "/nordhausen/strategien/" + id);
        shoot(b, out, width, "coord-atlas", "/nordhausen/atlas");
        List<WebElement> indicators =
            b.driver.findElements(By.cssSelector("a[href*='/atlas/indikatoren/']"));
        if (!indicators.isEmpty()) {
          String href = indicators.get(0).getAttribute("href");
          shoot(b, out, width, "coord-indicator", href.substring(base.length()));
        }
        List<WebElement> areas =
            b.driver.findElements(By.cssSelector("a[href*='/atlas/gebiete/']"));
        if (!areas.isEmpty()) {
          String href = areas.get(0).getAttribute("href");
          shoot(b, out, width, "coord-profile", href.substring(base.length()));
        }
        b.go("/logout");
        b.driver.manage().deleteAllCookies();
        b.login("fachdienst");
        shoot(b, out, width, "contrib-home", "/nordhausen");
        b.driver.manage().deleteAllCookies();
        b.login("lesen");
        shoot(b, out, width, "reader-home", "/nordhausen");
        shoot(b, out, width, "reader-dashboard", "/nordhausen/strategien/" + id + "/dashboard");
        b.driver.manage().deleteAllCookies();
        b.login("admin");
        b.go("/nordhausen");
        shoot(b, out, width, "admin-home", "/nordhausen");
        shoot(b, out, width, "admin-admin", "/nordhausen/verwaltung");
        shoot(b, out, width, "admin-users", "/nordhausen/verwaltung/benutzer");
        shoot(b, out, width, "admin-audit", "/nordhausen/verwaltung/protokoll");
        shoot(b, out, width, "admin-status", "/nordhausen/verwaltung/status");
      }
    }
  }

  static void shoot(Browser b, Path out, int width, String name, String path) throws Exception {
    b.go(path);
    b.find(By.tagName("h1"));
    // the whole page, up to 5000 px high
    long height =
        (Long)
            ((org.openqa.selenium.JavascriptExecutor) b.driver)
                .executeScript("return document.documentElement.scrollHeight");
    b.driver.manage().window().setSize(new Dimension(width, (int) Math.min(5000, height + 120)));
    Files.write(
        out.resolve(name + "-" + width + ".png"),
        ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
    b.driver.manage().window().setSize(new Dimension(width, 1000));
  }
}
