package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.racetoplace.candidate.HeadlessChromium.Viewport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page a candidate sees over the allowance of submissions, in Chromium: reached by sending the
 * form once more than allowed, it fits the screen and passes the WCAG 2.1 A and AA audit, like
 * every other candidates' page ({@code CandidatePagesBrowserTest}).
 */
@Tag("browser")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // off for the other suites (src/test/resources/config/application.yaml)
      "hiring.rate-limits.enabled=true",
      "hiring.rate-limits.applications.capacity=1",
      "hiring.rate-limits.applications.period=PT1H"
    })
class TooManyRequestsPageBrowserTest {

  @LocalServerPort int port;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private boolean refused() {
    return browser.getTitle().startsWith("Please wait");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void overTheAllowanceTheFriendlyPageIsAccessible(Viewport viewport) throws IOException {
    browser = HeadlessChromium.open(viewport);
    // one submission is allowed per hour from this address: the second at the latest is refused
    for (int submissions = 0; submissions < 2 && !refused(); submissions++) {
      browser.get("http://localhost:" + port + "/apply");
      browser.findElement(By.id("submit-application")).submit();
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(driver -> refused() || !driver.findElements(By.id("error-summary")).isEmpty());
    }
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Please wait a moment");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing was sent or stored");
    AccessibilityAudit.assertFitsWidth(browser, "too-many-requests on " + viewport);
    AccessibilityAudit.assertNoViolations(browser, "too-many-requests on " + viewport);
    HeadlessChromium.saveScreenshot(browser, viewport, "too-many-requests");
  }
}
