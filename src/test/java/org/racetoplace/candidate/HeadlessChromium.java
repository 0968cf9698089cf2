package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through its own ChromeDriver (no browser download), on a desktop
 * window or a 360 px wide phone screen: the browser of the candidates' pages suites.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of(System.getProperty("hiring.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("hiring.test.chromedriver", "/usr/bin/chromedriver"));

  /** The screens every flow is tried on. */
  enum Viewport {
    DESKTOP(1280, 900),
    PHONE(360, 740);

    final int width;
    final int height;

    Viewport(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  private HeadlessChromium() {}

  /** Where the screenshots of every page go, one folder per viewport, for people to look at. */
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Saves what the browser shows as {@code target/screenshots/<viewport>/<name>.png}. */
  static void saveScreenshot(WebDriver browser, Viewport viewport, String name) throws IOException {
    Path folder = SCREENSHOTS.resolve(viewport.name().toLowerCase());
    Files.createDirectories(folder);
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  static WebDriver open(Viewport viewport) {
    assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
    assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    if (viewport == Viewport.PHONE) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", viewport.width, "height", viewport.height, "pixelRatio", 2.0)));
    } else {
      options.addArguments("--window-size=" + viewport.width + "," + viewport.height);
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    return browser;
  }
}
