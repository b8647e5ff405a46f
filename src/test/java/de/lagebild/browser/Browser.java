package de.lagebild.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through /usr/bin/chromedriver (nothing is
 * downloaded), with an axe-core check of every page the journey visits. Locally without Chromium
 * the browser tests are skipped; with {@code CI=true} they fail instead.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  final WebDriver driver;
  final WebDriverWait wait;
  final String base;
  final List<String> checkedPages = new ArrayList<>();

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    // while a navigation replaces the document, Chromium may answer for an element of the old one
    // ("Node … does not belong to the document"): a condition that meets this is asked again
    this.wait.ignoring(WebDriverException.class);
  }

  static Browser open(String base) {
    boolean available = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!available) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "Chromium/chromedriver missing although CI=true (.ci/run installs them)");
      }
      Assumptions.abort(
          "Chromium or chromedriver not installed: browser tests skipped (apt-get install chromium chromium-driver)");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--lang=de-DE");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), base);
  }

  void go(String path) {
    driver.get(base + path);
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Waits for the page's heading; while a navigation replaces the document, Chromium may answer for
   * an element of the old one ("Node … does not belong to the document") – that is retried, not a
   * failure.
   */
  void waitForHeading(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
  }

  /**
   * Waits for the success notice with {@code text}: after a click that reloads the page, the old
   * page's notice may still be there, so it is never read directly.
   */
  void waitForNotice(String text) {
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice.success"), text));
  }

  /** Logs in with the demo password and waits until the login page is left. */
  void login(String user) {
    go("/login");
    type("username", user);
    type("password", "demo");
    find(By.cssSelector("form.form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  void type(String id, String value) {
    WebElement e = find(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  /** Runs axe-core on the current page; serious and critical violations fail the test. */
  void checkAccessibility(String name) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<String> blocking = new ArrayList<>();
    for (Rule v : results.getViolations()) {
      if (BLOCKING_IMPACTS.contains(v.getImpact())) {
        blocking.add(
            v.getId()
                + " ("
                + v.getImpact()
                + "): "
                + v.getHelp()
                + " at "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
    assertThat(blocking)
        .as("axe violations on " + name + " (" + driver.getCurrentUrl() + ")")
        .isEmpty();
    checkedPages.add(name);
    screenshot(name);
  }

  void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
