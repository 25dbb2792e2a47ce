package org.coopera.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.coopera.identity.internal.DemoAccounts;
import org.coopera.identity.internal.Totp;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, pointed at the application of a test. It uses
 * Debian's {@code chromium} and {@code chromium-driver} (paths overridable with {@code
 * COOPERA_TEST_CHROMIUM} and {@code COOPERA_TEST_CHROMEDRIVER}); nothing is downloaded. Without
 * them a browser test is skipped, unless {@code COOPERA_TEST_BROWSER_REQUIRED} is set, as {@code
 * .ci/run} sets it: then it fails, so that CI never skips the browser tests silently.
 */
public final class Browser implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur");

  private final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A new browser (English, 1280 × 1000) for the application on this port. */
  public static Browser start(int port) {
    Path chromium = executable("COOPERA_TEST_CHROMIUM", "/usr/bin/chromium");
    Path chromedriver = executable("COOPERA_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  private static Path executable(String variable, String fallback) {
    String configured = System.getenv(variable);
    Path path = Path.of(configured != null && !configured.isBlank() ? configured : fallback);
    if (!Files.isExecutable(path)) {
      String why = path + " is missing: install chromium and chromium-driver, or set " + variable;
      if (System.getenv("COOPERA_TEST_BROWSER_REQUIRED") != null) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
    return path;
  }

  /** Opens a path of the application ({@code /recommendations?q=…}). */
  public void open(String path) {
    driver.get(base + path);
  }

  public WebElement find(By by) {
    return until(d -> d.findElement(by));
  }

  /**
   * Waits until the condition answers something other than null or false. An element replaced while
   * it is being read (htmx swaps, a page that reloads) counts as not yet.
   */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .pollingEvery(POLL)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /**
   * Clicks the element, brought into view first (as a person scrolls to it), finding it again if
   * the page replaced it meanwhile.
   */
  public void click(By by) {
    until(
        d -> {
          WebElement element = d.findElement(by);
          ((org.openqa.selenium.JavascriptExecutor) d)
              .executeScript(
                  "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
          element.click();
          return Boolean.TRUE;
        });
  }

  /** The elements the page shows now, without waiting: for what must not be there. */
  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Sets a date field to this day, as its calendar would (typing into it depends on the browser's
   * locale).
   */
  public void date(By by, LocalDate day) {
    WebElement input = find(by);
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            day.toString());
  }

  /** The element's text, read again if the page replaced it meanwhile. */
  public String text(By by) {
    return until(d -> d.findElement(by).getText());
  }

  /** Waits until the element's text is this text. */
  public void untilText(By by, String text) {
    until(d -> d.findElement(by).getText().strip().equals(text) ? Boolean.TRUE : null);
  }

  /** The driver itself, for what the helpers here do not do (keys, scripts, axe). */
  public WebDriver driver() {
    return driver;
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  /**
   * Signs in through the sign-in page, as a person would, in the language this browser already
   * speaks (the language cookie is kept).
   */
  public void signIn(String email, String password) {
    open("/login");
    find(By.id("email")).sendKeys(email);
    find(By.id("password")).sendKeys(password);
    click(By.cssSelector("form button[type=submit]"));
    until(d -> d.getCurrentUrl().contains("/login") ? null : Boolean.TRUE);
    if (url().contains("/sign-in/code")) {
      enterDemoCode();
    }
  }

  /**
   * Types the code of the demo accounts' published authenticator secret, as a person reads it from
   * their app. A code is accepted once: if another test used this step's code, the next step's is
   * tried.
   */
  private void enterDemoCode() {
    long step = Totp.step(Instant.now());
    for (int attempt = 0; attempt < 3 && url().contains("/sign-in/code"); attempt++) {
      WebElement code = find(By.id("code"));
      code.clear();
      code.sendKeys(Totp.code(DemoAccounts.TOTP_SECRET, step + attempt));
      click(By.cssSelector("form button[type=submit]"));
      until(
          d ->
              !d.getCurrentUrl().contains("/sign-in/code") || !all(By.id("code-error")).isEmpty()
                  ? Boolean.TRUE
                  : null);
    }
    Assertions.assertFalse(url().contains("/sign-in/code"), "the demo code was refused");
  }

  /**
   * Signs out by forgetting the session, as closing the browser would: the cookies that last only
   * as long as the browser go, the remembered language stays.
   */
  public void signOut() {
    open("/");
    for (Cookie cookie : driver.manage().getCookies()) {
      if (cookie.getExpiry() == null) {
        driver.manage().deleteCookie(cookie);
      }
    }
  }

  /**
   * Waits until the page is in this language: its {@code <html lang>} is the language and its
   * direction is right to left for Arabic (and the other scripts written so), left to right
   * otherwise.
   */
  public void assertLanguage(String language) {
    String direction = RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr";
    until(
        d -> {
          WebElement html = d.findElement(By.tagName("html"));
          return language.equals(html.getAttribute("lang"))
                  && direction.equals(html.getAttribute("dir"))
              ? Boolean.TRUE
              : null;
        });
  }

  /** Chooses a local file in a file input. */
  public void chooseFile(By input, File file) {
    find(input).sendKeys(file.getAbsolutePath());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
