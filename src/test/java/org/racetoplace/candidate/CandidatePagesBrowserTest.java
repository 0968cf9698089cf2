package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.racetoplace.assessment.builtin.BankItem;
import org.racetoplace.assessment.builtin.ItemBank;
import org.racetoplace.assessment.builtin.ItemKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The candidates' pages in a real browser: Debian's Chromium, headless, driven through its
 * ChromeDriver (no browser download), against the application on a random port with the real
 * pipeline and its job executor. Every flow runs on a desktop window and on a 360 px wide phone
 * screen; each page is saved as a screenshot under {@code target/screenshots/} for people to look
 * at.
 *
 * <p>Runs with {@code ./mvnw verify -Pbrowser} (README, "For candidates' pages"); needs {@code
 * apt-get install chromium chromium-driver}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CandidatePagesBrowserTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("hiring.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("hiring.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration CASE_MOVES_WITHIN = Duration.ofSeconds(60);

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

  @LocalServerPort int port;
  @Autowired ItemBank bank;

  private WebDriver browser;
  private Viewport viewport;
  private int shot;

  private void open(Viewport viewport) {
    assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
    assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
    this.viewport = viewport;
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
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  // --- flows -----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void applyWithErrorsFixThemTakeTheAssessmentAndMoveOnToVetting(Viewport viewport) throws Exception {
    open(viewport);
    go("/");
    screenshot("home");
    clickToNextPage(browser.findElement(By.linkText("Birmingham, AL")));
    screenshot("community");
    clickToNextPage(browser.findElement(By.partialLinkText("Apply in")));
    assertThat(browser.getCurrentUrl()).endsWith("/apply?community=birmingham");
    screenshot("apply");

    // invalid: no first name, a broken email, a script link for the project
    fillApplication("", "ada@", "Bus tracker", "javascript:alert(1)");
    submitApplication();
    assertThat(browser.findElement(By.id("error-summary")).getText()).contains("First name must not be blank");
    assertThat(browser.findElement(By.id("firstName-error")).getText()).contains("must not be blank");
    assertThat(browser.findElement(By.id("email-error")).getText()).contains("valid email");
    assertThat(browser.findElement(By.id("projects-0-url-error")).getText()).contains("http or https");
    assertThat(browser.findElement(By.id("firstName")).getAttribute("aria-describedby")).isEqualTo("firstName-error");
    // what was typed is still there
    assertThat(value("lastName")).isEqualTo("Lovelace");
    assertThat(value("email")).isEqualTo("ada@");
    assertThat(value("skills-0-name")).isEqualTo("Java");
    assertThat(browser.findElement(By.id("language-0")).isSelected()).isTrue();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    screenshot("apply-errors");

    type("firstName", "Ada");
    type("email", "ada-" + System.nanoTime() + "@example.org");
    type("projects-0-url", "https://example.org/bus");
    submitApplication();
    String reference = browser.findElement(By.id("reference")).getText();
    assertThat(reference).matches("BHM-\\d{6}");
    screenshot("confirmation");

    WebElement statusLink = browser.findElement(By.id("status-link"));
    String link = statusLink.getAttribute("href");
    clickToNextPage(statusLink);
    assertThat(browser.getCurrentUrl()).endsWith("/applications/" + reference).doesNotContain("token");
    waitForStage("Assessment");
    screenshot("status-assessment");

    clickToNextPage(browser.findElement(By.id("take-assessment")));
    screenshot("assessment-start");
    clickToNextPage(browser.findElement(By.id("start-assessment")));
    screenshot("assessment-question");

    // answer a few, then "close the browser": the session cookie goes, the email's link brings it back
    answerCurrentQuestion();
    answerCurrentQuestion();
    browser.manage().deleteAllCookies();
    browser.get(link);
    clickToNextPage(browser.findElement(By.id("take-assessment")));
    assertThat(browser.findElement(By.cssSelector(".progress")).getText()).startsWith("Question 3 of").contains("2 answered");

    while (!browser.getCurrentUrl().endsWith("/assessment/review")) {
      answerCurrentQuestion();
    }
    assertThat(browser.findElements(By.id("unanswered-warning"))).isEmpty();
    screenshot("assessment-review");
    clickToNextPage(browser.findElement(By.id("submit-assessment")));
    assertThat(browser.findElement(By.id("assessment-done")).getText()).contains("Thank you");
    screenshot("assessment-finished");

    go("/applications/" + reference);
    waitForStage("Vetting");
    screenshot("status-vetting");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void withdrawAfterConfirmingAndSeeWithdrawn(Viewport viewport) throws Exception {
    open(viewport);
    go("/apply");
    fillApplication("Grace", "grace-" + System.nanoTime() + "@example.org", "Compiler", "https://example.org/c");
    selectCommunity("atlanta");
    submitApplication();
    String reference = browser.findElement(By.id("reference")).getText();
    assertThat(reference).startsWith("ATL-");
    clickToNextPage(browser.findElement(By.id("status-link")));

    clickToNextPage(browser.findElement(By.id("withdraw-link")));
    screenshot("withdraw-confirm");
    clickToNextPage(browser.findElement(By.id("confirm-withdrawal")));
    assertThat(browser.getCurrentUrl()).endsWith("/applications/" + reference);
    assertThat(browser.findElement(By.id("stage-name")).getText()).isEqualTo("Withdrawn");
    assertThat(browser.findElements(By.id("withdraw-link"))).isEmpty();
    screenshot("status-withdrawn");
  }

  // --- helpers ---------------------------------------------------------------------------

  private void go(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private void fillApplication(String firstName, String email, String project, String projectUrl) {
    type("firstName", firstName);
    type("lastName", "Lovelace");
    type("email", email);
    type("phone", "+1 205 555 0100");
    click(browser.findElement(By.id("roleTrack-software-engineer")));
    WebElement java = browser.findElement(By.id("language-0"));
    if (!java.isSelected()) {
      click(java);
    }
    type("skills-0-name", "Java");
    type("workHistory-0-title", "Cashier");
    type("workHistory-0-employer", "Acme");
    type("workHistory-0-startYear", "2013");
    type("projects-0-name", project);
    type("projects-0-url", projectUrl);
    WebElement consent = browser.findElement(By.id("consent"));
    if (!consent.isSelected()) {
      click(consent);
    }
  }

  private void selectCommunity(String id) {
    click(browser.findElement(By.cssSelector("#community option[value='" + id + "']")));
  }

  private void submitApplication() {
    clickToNextPage(browser.findElement(By.id("submit-application")));
  }

  /** Clicks and waits until the next page has replaced this one (a touch click may take a moment). */
  private void clickToNextPage(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    click(element);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> isGone(page));
  }

  /**
   * Whether the old page's element is gone. Chromium answers a node of a page being replaced
   * either as stale or, in the middle of the swap, as not belonging to the document.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
  }

  /** Scrolls the element into view first: on a phone most of the form is below the fold. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Answers the question on screen with the bank's key, then "Save and next". */
  private void answerCurrentQuestion() {
    WebElement form = browser.findElement(By.id("answer-form"));
    BankItem item = bank.item(form.getAttribute("data-item-id")).orElseThrow();
    if (item.kind() == ItemKind.SINGLE_CHOICE || item.kind() == ItemKind.MULTIPLE_CHOICE) {
      for (String option : item.keyOptions()) {
        WebElement input = browser.findElement(By.id("option-" + option));
        if (!input.isSelected()) {
          click(browser.findElement(By.cssSelector("label[for='option-" + option + "']")));
        }
      }
    } else {
      type("answer-text", item.acceptedAnswers().get(0));
    }
    clickToNextPage(browser.findElement(By.id("next-question")));
  }

  /** Reloads the status page until the case shows the stage (the job executor moves it). */
  private void waitForStage(String stage) {
    new WebDriverWait(browser, CASE_MOVES_WITHIN, Duration.ofMillis(500))
        .withMessage("stage " + stage)
        .until(
            driver -> {
              String shown = driver.findElement(By.id("stage-name")).getText();
              if (!shown.equals(stage)) {
                driver.navigate().refresh();
                return false;
              }
              return true;
            });
  }

  /** Saves the page and checks it fits the screen's width (no sideways scrolling). */
  private void screenshot(String name) throws IOException {
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(((Number) overflow).intValue()).as(name + " is wider than the " + viewport + " screen").isLessThanOrEqualTo(0);
    Path folder = SCREENSHOTS.resolve(viewport.name().toLowerCase());
    Files.createDirectories(folder);
    Path file = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, folder.resolve(String.format("%02d-%s.png", ++shot, name)), StandardCopyOption.REPLACE_EXISTING);
  }
}
