package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.racetoplace.assessment.builtin.BankItem;
import org.racetoplace.assessment.builtin.BuiltInAssessmentProperties;
import org.racetoplace.assessment.builtin.ItemBank;
import org.racetoplace.assessment.builtin.ItemKind;
import org.racetoplace.candidate.HeadlessChromium.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The candidates' pages in a real browser: Debian's Chromium, headless, driven through its
 * ChromeDriver (no browser download), against the application on a random port with the real
 * pipeline and its job executor. Every flow runs on a desktop window and on a 360 px wide phone
 * screen; each page is saved as a screenshot under {@code target/screenshots/} for people to look
 * at, after axe-core has audited it against WCAG 2.1 A and AA and its width has been checked. The
 * application and the assessment are also done with the keyboard alone.
 *
 * <p>Runs with {@code ./mvnw verify -Pbrowser} (README, "For candidates' pages"); needs {@code
 * apt-get install chromium chromium-driver}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CandidatePagesBrowserTest {

  private static final Duration CASE_MOVES_WITHIN = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ItemBank bank;
  @Autowired BuiltInAssessmentProperties assessment;
  @Autowired JdbcTemplate jdbc;

  private WebDriver browser;
  private Viewport viewport;
  private int shot;

  private void open(Viewport viewport) {
    this.viewport = viewport;
    browser = HeadlessChromium.open(viewport);
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
    countdownShowsTheServersTimeLeft(reference);
    anAnswerIsSavedBeforeTheCandidateMovesOn();

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

  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void wrongLinksLeadToFriendlyPages(Viewport viewport) throws Exception {
    open(viewport);
    go("/applications/BHM-999999");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We could not open this application");
    screenshot("link-not-valid");
    go("/communities/nowhere");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("We do not run the program in that community");
    screenshot("community-unknown");
    go("/applications/BHM-000001/nothing-here");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Go to the home page");
    screenshot("page-not-found");
  }

  // --- with the keyboard alone -------------------------------------------------------------

  /**
   * The whole way from the form to the end of the assessment with Tab, Shift+Tab, Enter, Space and
   * the arrow keys, no mouse: every element Tab reaches shows where the focus is, a refused form
   * puts the focus on its summary of problems, whose links lead into the fields. On a phone too:
   * a keyboard paired with a phone, or a switch device, moves the focus the same way.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void applyAndTakeTheAssessmentWithTheKeyboardAlone(Viewport viewport) throws Exception {
    open(viewport);
    go("/apply?community=birmingham");
    // the first name is left out, to meet the problems
    tabTo("lastName");
    press("Lovelace");
    tabTo("email");
    press("keys-" + System.nanoTime() + "@example.org");
    tabTo(element -> "roleTrack".equals(element.getDomAttribute("name")), "the first role");
    press(Keys.SPACE);
    assertThat(focused().isSelected()).as("Space chose the role").isTrue();
    tabTo("language-0");
    press(Keys.SPACE);
    assertThat(focused().isSelected()).as("Space ticked the language").isTrue();
    tabTo("skills-0-name");
    press("Java");
    tabTo("skills-0-level");
    press(Keys.ARROW_DOWN);
    assertThat(value("skills-0-level")).as("the arrow key moved the level from 3").isEqualTo("4");

    tabTo("add-skills");
    pressToNextPage(Keys.ENTER);
    focusMovesTo("skills-1-name");
    assertThat(value("skills-0-name")).isEqualTo("Java");
    press("SQL");

    tabTo("consent");
    press(Keys.SPACE);
    assertThat(focused().isSelected()).isTrue();
    tabTo("submit-application");
    // back over the privacy link in the consent's label, and forward again
    pressShiftTab();
    assertThat(focused().getDomAttribute("href")).endsWith("#privacy");
    pressShiftTab();
    assertThat(focused().getDomAttribute("id")).isEqualTo("consent");
    tabTo("submit-application");
    pressToNextPage(Keys.ENTER);

    WebElement summary = focusMovesTo("error-summary");
    assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
    assertFocusVisible(summary);
    WebElement firstName = browser.findElement(By.id("firstName"));
    assertThat(firstName.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(firstName.getDomAttribute("aria-describedby")).isEqualTo("firstName-error");
    assertThat(browser.findElement(By.id("firstName-error")).getText()).contains("must not be blank");
    assertThat(value("skills-1-name")).isEqualTo("SQL");
    assertThat(value("skills-0-level")).isEqualTo("4");

    tabTo(element -> "#firstName".equals(element.getDomAttribute("href")), "the summary's link to the first name");
    press(Keys.ENTER);
    assertThat(focused().getDomAttribute("id")).as("the summary's link leads into the field").isEqualTo("firstName");
    press("Ada");
    // Enter in a text field sends the form, as the form's default button is "send"
    pressToNextPage(Keys.ENTER);
    String reference = browser.findElement(By.id("reference")).getText();
    assertThat(reference).matches("BHM-\\d{6}");

    tabTo("status-link");
    pressToNextPage(Keys.ENTER);
    waitForStage("Assessment");
    tabTo("take-assessment");
    pressToNextPage(Keys.ENTER);
    tabTo("start-assessment");
    pressToNextPage(Keys.ENTER);
    while (!browser.getCurrentUrl().endsWith("/assessment/review")) {
      answerWithTheKeyboard();
    }
    assertThat(browser.findElements(By.id("unanswered-warning"))).isEmpty();
    tabTo("submit-assessment");
    pressToNextPage(Keys.ENTER);
    assertThat(browser.findElement(By.id("assessment-done")).getText()).contains("Thank you");
  }

  /** Chooses or types the bank's key with keys only, then "Save and next". */
  private void answerWithTheKeyboard() {
    BankItem item = bank.item(browser.findElement(By.id("answer-form")).getDomAttribute("data-item-id")).orElseThrow();
    if (item.kind() == ItemKind.SINGLE_CHOICE) {
      // in a group of radio buttons Tab stops once; the arrow keys move between them and choose
      String key = "option-" + item.keyOptions().iterator().next();
      tabTo(element -> "choice".equals(element.getDomAttribute("name")), "the choices");
      int options = browser.findElements(By.name("choice")).size();
      for (int i = 0; i < options && !key.equals(focused().getDomAttribute("id")); i++) {
        press(Keys.ARROW_DOWN);
      }
      assertThat(focused().getDomAttribute("id")).isEqualTo(key);
      if (!focused().isSelected()) {
        press(Keys.SPACE);
      }
      assertThat(focused().isSelected()).isTrue();
    } else if (item.kind() == ItemKind.MULTIPLE_CHOICE) {
      List<WebElement> boxes = browser.findElements(By.name("choices"));
      tabTo(boxes.get(0).getDomAttribute("id"));
      for (int i = 0; i < boxes.size(); i++) {
        String id = boxes.get(i).getDomAttribute("id");
        assertThat(focused().getDomAttribute("id")).isEqualTo(id);
        if (item.keyOptions().contains(id.substring("option-".length()))) {
          press(Keys.SPACE);
          assertThat(focused().isSelected()).as(id + " ticked").isTrue();
        }
        if (i < boxes.size() - 1) {
          press(Keys.TAB);
        }
      }
    } else {
      tabTo("answer-text");
      press(item.acceptedAnswers().get(0));
    }
    tabTo("next-question");
    pressToNextPage(Keys.ENTER);
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  /** Keys to whatever has the focus, as a person types them. */
  private void press(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private void pressShiftTab() {
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertFocusVisible(focused());
  }

  /** Presses the key and waits until the next page has loaded (its scripts have run). */
  private void pressToNextPage(CharSequence key) {
    WebElement page = browser.findElement(By.tagName("html"));
    press(key);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(driver -> isGone(page));
    wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState;")));
  }

  /** The page puts the focus somewhere by itself (autofocus, a script): wait for it there. */
  private WebElement focusMovesTo(String id) {
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .withMessage("focus on #" + id)
        .until(driver -> id.equals(focused().getDomAttribute("id")));
    return focused();
  }

  private WebElement tabTo(String id) {
    return tabTo(element -> id.equals(element.getDomAttribute("id")), "#" + id);
  }

  /** Presses Tab until the wanted element has the focus, checking that every stop on the way shows it. */
  private WebElement tabTo(Predicate<WebElement> wanted, String what) {
    for (int stops = 0; stops < 150; stops++) {
      press(Keys.TAB);
      WebElement element = focused();
      assertFocusVisible(element);
      if (wanted.test(element)) {
        return element;
      }
    }
    return fail("Tab never reached " + what + " on " + browser.getCurrentUrl());
  }

  /**
   * The focused element is on screen and marked by its focus: an outline or a shadow that it does
   * not have without the focus (a "current" style must not hide the focus), and an outline of at
   * least 3:1 against the background it is drawn on (WCAG 2.1, 1.4.11), which axe does not check.
   */
  private void assertFocusVisible(WebElement element) {
    String problem = (String) ((JavascriptExecutor) browser).executeScript(FOCUS_CHECK, element);
    assertThat(problem).as("focused " + element.getTagName() + " " + element.getDomAttribute("id") + " " + element.getText()).isNull();
  }

  private static final String FOCUS_CHECK =
      """
      var element = arguments[0], box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) { return 'is too small to see'; }
      function ring(style) {
        var outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return (outline ? style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor : '')
          + '|' + style.boxShadow;
      }
      var style = getComputedStyle(element);
      var focused = ring(style);
      if (focused === '|none') {
        return 'has no focus outline (outline ' + style.outlineStyle + ' ' + style.outlineWidth + ', shadow ' + style.boxShadow + ')';
      }
      var outlineColor = style.outlineStyle !== 'none' ? style.outlineColor : null;
      element.blur();
      var unfocused = ring(getComputedStyle(element));
      element.focus({preventScroll: true});
      if (focused === unfocused) { return 'looks the same with and without the focus (' + focused + ')'; }
      if (!outlineColor) { return null; }
      function rgb(color) { return color.match(/[\\d.]+/g).map(Number); }
      function luminance(c) {
        var channel = function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
      }
      var behind = [255, 255, 255];
      for (var node = element.parentElement; node; node = node.parentElement) {
        var background = rgb(getComputedStyle(node).backgroundColor);
        if (background.length < 4 || background[3] > 0) { behind = background; break; }
      }
      var a = luminance(rgb(outlineColor)), b = luminance(behind);
      var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return ratio >= 3 ? null : 'has a focus outline of ' + ratio.toFixed(2) + ':1 against its background (' + outlineColor + ' on rgb(' + behind.slice(0, 3) + '))';
      """;

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
  /**
   * The countdown starts at the sitting's deadline as the server keeps it (the configured time
   * limit from the start), not at a figure of the page's own, and counts down.
   */
  private void countdownShowsTheServersTimeLeft(String reference) {
    Instant deadline =
        jdbc.queryForObject(
                "select s.deadline from assessment_sitting s join application a on a.id = s.application_id"
                    + " where a.reference = ?",
                Timestamp.class,
                reference)
            .toInstant();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
    String first = wait.until(driver -> countdown().matches("\\d+:\\d\\d") ? countdown() : null);
    long serverLeft = Duration.between(Instant.now(), deadline).toSeconds();
    assertThat(serverLeft)
        .as("the server's time left, just after the start")
        .isBetween(assessment.timeLimit().toSeconds() - 120, assessment.timeLimit().toSeconds());
    String[] minutesAndSeconds = first.split(":");
    long shownLeft = Long.parseLong(minutesAndSeconds[0]) * 60 + Long.parseLong(minutesAndSeconds[1]);
    assertThat(shownLeft).as("countdown %s against the server's %d s", first, serverLeft).isBetween(serverLeft - 5, serverLeft + 2);
    wait.until(driver -> !countdown().equals(first));
  }

  private String countdown() {
    return browser.findElement(By.id("countdown-value")).getText();
  }

  /** The answer is chosen, the page saves it by itself, and a reload shows it chosen. */
  private void anAnswerIsSavedBeforeTheCandidateMovesOn() {
    BankItem item = enterTheKey();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage("autosave status")
        .until(driver -> "Saved".equals(driver.findElement(By.id("autosave-status")).getText()));
    browser.navigate().refresh();
    if (item.kind() == ItemKind.SINGLE_CHOICE || item.kind() == ItemKind.MULTIPLE_CHOICE) {
      for (String option : item.keyOptions()) {
        assertThat(browser.findElement(By.id("option-" + option)).isSelected()).as("option %s after a reload", option).isTrue();
      }
    } else {
      assertThat(browser.findElement(By.id("answer-text")).getDomProperty("value")).isEqualTo(item.acceptedAnswers().get(0));
    }
  }

  private void answerCurrentQuestion() {
    enterTheKey();
    clickToNextPage(browser.findElement(By.id("next-question")));
  }

  /** Gives the key's answer to the question on the page, without moving on. */
  private BankItem enterTheKey() {
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
    return item;
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

  /**
   * Saves the page after checking it: it fits the screen's width with every control inside it, and
   * axe-core finds no WCAG 2.1 A or AA violation.
   */
  private void screenshot(String name) throws IOException {
    AccessibilityAudit.assertFitsWidth(browser, name + " on " + viewport);
    AccessibilityAudit.assertNoViolations(browser, name + " on " + viewport);
    HeadlessChromium.saveScreenshot(browser, viewport, String.format("%02d-%s", ++shot, name));
  }
}
