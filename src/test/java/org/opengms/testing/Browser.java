package org.opengms.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's own chromedriver, for tests of web pages.
 *
 * <p>Both paths are given to Selenium explicitly, so Selenium Manager (which would download a
 * browser or driver from the internet) never runs. A missing browser or driver fails the test with
 * how to install them: the page tests are part of the suite, not optional. Paths can be overridden
 * with {@code -Dit.chromium=} and {@code -Dwebdriver.chrome.driver=}.
 *
 * <p>The browser resolves no host name but loopback and the server's: Chromium's own background
 * traffic (sign-in, autofill, updates, search engine preconnect), which the switches below do not
 * all stop, fails at once instead of trying the internet. Each instance has its own fresh profile
 * directory, deleted by {@link #close()}.
 */
public final class Browser implements AutoCloseable {

  /** How long any wait for the page waits at most. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private static final String INSTALL =
      "install Chromium and its driver: apt-get install chromium chromium-driver (.ci/run does)";

  /**
   * Silences Selenium's warning that it has no DevTools (CDP) classes for this Chromium version:
   * the tests use WebDriver only. Held here because java.util.logging keeps loggers weakly.
   */
  private static final Logger CDP_VERSION_FINDER = quietCdpWarning();

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Starts a headless Chromium with a fresh profile that may reach {@code server}'s host. */
  public static Browser start(URL server) {
    return start(server, null);
  }

  /**
   * As {@link #start(URL)}, saving downloads into {@code downloads} without asking (null: the
   * browser's default).
   */
  public static Browser start(URL server, Path downloads) {
    Path chromium = executable("it.chromium", "/usr/bin/chromium", "Chromium");
    Path chromedriver =
        executable("webdriver.chrome.driver", "/usr/bin/chromedriver", "chromedriver");
    Path profile;
    try {
      profile = Files.createTempDirectory("opengms-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-proxy-server",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1], EXCLUDE "
            + server.getHost(),
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    // the page's console (CSP refusals, script errors) for consoleErrors()
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogFile(
                new File(System.getProperty("it.chromedriver.log", "target/chromedriver.log")))
            .build();
    try {
      return new Browser(profile, service, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw new AssertionError(
          "Chromium " + chromium + " did not start through " + chromedriver + ": " + e, e);
    }
  }

  private static Logger quietCdpWarning() {
    Logger logger = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static Path executable(String property, String fallback, String what) {
    Path path = Path.of(System.getProperty(property, fallback));
    if (!Files.isExecutable(path)) {
      throw new AssertionError(what + " not found at " + path + ": " + INSTALL);
    }
    return path;
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(URI page) {
    driver.get(page.toString());
  }

  public WebElement byId(String id) {
    try {
      return driver.findElement(By.id(id));
    } catch (NoSuchElementException e) {
      // say which page the browser shows instead (an error page, another URL), not only "not found"
      String source = driver.getPageSource();
      throw new AssertionError(
          "#"
              + id
              + " not on "
              + driver.getCurrentUrl()
              + " (title \""
              + driver.getTitle()
              + "\"): "
              + source.substring(0, Math.min(source.length(), 400)),
          e);
    }
  }

  public void click(String id) {
    byId(id).click();
  }

  /** Replaces what the input holds, as a user selecting all and typing would. */
  public void type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
  }

  public String text(String id) {
    return byId(id).getText();
  }

  /**
   * Waits (at most {@link #WAIT}) until the visible text of element {@code id} satisfies {@code
   * condition}, and answers that text. On timeout the message names {@code what} and the text seen.
   */
  public String awaitText(String id, String what, Predicate<String> condition) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> what + "; #" + id + " shows \"" + text(id) + "\"")
        .until(
            d -> {
              String text = d.findElement(By.id(id)).getText();
              return condition.test(text) ? text : null;
            });
  }

  /**
   * Waits (at most {@link #WAIT}) until {@code script} run in the page returns a truthy value, and
   * answers it. On timeout the message names {@code what}.
   */
  public Object awaitScript(String what, String script) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> what)
        .until(
            d -> {
              Object value = driver.executeScript(script);
              return value == null || Boolean.FALSE.equals(value) || "".equals(value)
                  ? null
                  : value;
            });
  }

  /** Runs {@code script} in the page and answers what it returns. */
  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Resizes the window to {@code width} x {@code height} CSS pixels and answers what sticks out of
   * the page's width then (tag, id and class of each element whose right edge is past the window),
   * empty when nothing does: a phone-sized window must have nothing to scroll sideways.
   */
  public String overflowAt(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    return (String)
        script(
            "const w = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > w + 1)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                + " + Math.round(e.getBoundingClientRect().right) + '>' + w).join(', ');");
  }

  /**
   * Saves a PNG of the viewport as {@code target/screenshots/<name>.png}: the pictures of the pages
   * in docs/ are taken so, by the browser tests.
   */
  public void screenshot(String name) {
    Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    screenshot(dir.resolve(name + ".png"));
  }

  /**
   * The console messages of level SEVERE (script errors, Content-Security-Policy refusals) since
   * the last call; each call takes them from the browser.
   */
  public java.util.List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a PNG of the viewport (for looking at a page while writing its test). */
  public void screenshot(Path file) {
    try {
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory is harmless.
    }
  }
}
