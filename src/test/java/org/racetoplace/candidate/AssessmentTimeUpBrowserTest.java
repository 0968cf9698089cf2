package org.racetoplace.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.racetoplace.candidate.HeadlessChromium.Viewport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The assessment's countdown runs out while the candidate is on a question: the page leaves the
 * question by itself and says the time is up, and the server scored the sitting as it stood. The
 * time limit is 20 seconds here so the browser sees the end; it comes from the same setting
 * ({@code hiring.assessment.built-in.time-limit}) as the 45 minutes in production.
 */
@Tag("browser")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "hiring.assessment.built-in.time-limit=PT20S")
class AssessmentTimeUpBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Viewport.class)
  void whenTheCountdownRunsOutThePageSaysTheTimeIsUp(Viewport viewport) throws IOException {
    browser = HeadlessChromium.open(viewport);
    browser.get("http://localhost:" + port + statusLinkOfANewApplication());
    WebDriverWait caseMoves = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500));
    caseMoves
        .withMessage("the case waits for the assessment")
        .until(
            driver -> {
              if (driver.findElements(By.id("take-assessment")).isEmpty()) {
                driver.navigate().refresh();
                return false;
              }
              return true;
            });
    clickAndWait("take-assessment", "start-assessment");
    clickAndWait("start-assessment", "countdown-value");
    assertThat(browser.findElement(By.id("countdown")).getText()).contains("Time left");

    new WebDriverWait(browser, Duration.ofSeconds(45))
        .withMessage("the time-up page")
        .until(driver -> !driver.findElements(By.id("assessment-done")).isEmpty());
    assertThat(browser.findElement(By.id("assessment-done")).getText()).isEqualTo("The time for your assessment is up");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("scored as they stood");
    AccessibilityAudit.assertFitsWidth(browser, "assessment-time-up on " + viewport);
    AccessibilityAudit.assertNoViolations(browser, "assessment-time-up on " + viewport);
    HeadlessChromium.saveScreenshot(browser, viewport, "assessment-time-up");
  }

  /** Applies over the API, as a quick way in, and answers the status page's path with the token. */
  private String statusLinkOfANewApplication() throws IOException {
    String body =
        """
        {"firstName":"Annie","lastName":"Easley","email":"time-up-%s@example.org","community":"akron",
         "roleTrack":"software-engineer","languages":["Python"],"consent":true}"""
            .formatted(UUID.randomUUID());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = rest.postForEntity("/api/applications", new HttpEntity<>(body, headers), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = JSON.readTree(answer.getBody());
    return "/applications/" + created.get("reference").asText() + "?token=" + created.get("statusToken").asText();
  }

  private void clickAndWait(String id, String nextId) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id(id)));
    browser.findElement(By.id(id)).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("#" + nextId + " after #" + id)
        .until(driver -> !driver.findElements(By.id(nextId)).isEmpty());
  }
}
