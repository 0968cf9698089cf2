package org.racetoplace.assessment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The periodic sweep as configured, with nobody calling the relay: an early result reaches its
 * case on its own once the case waits. (The relay itself is tested in {@link
 * ProviderWebhookApiTest}.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "spring.profiles.active=inbox-sweep-test",
      "hiring.admin.password=inbox-sweep-test",
      "hiring.assessment.inbox.sweep-interval=PT1S",
      "hiring.assessment.providers.sweep-tests.secret=" + InboxSweepSchedulingTest.SECRET
    })
class InboxSweepSchedulingTest {

  static final String SECRET = "whsec_c3dlZXAtdGVzdHMtc2VjcmV0LTAxMjM0NTY3ODk=";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;

  @Test
  void anEarlyResultReachesItsCaseWithoutAnyoneAsking() throws Exception {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    String application =
        """
        {"firstName":"Mary","lastName":"Jackson","email":"sweep-%s@example.org","community":"hawaii",
         "roleTrack":"web-developer","languages":["JavaScript"],"consent":true}
        """
            .formatted(UUID.randomUUID());
    ResponseEntity<String> created =
        rest.postForEntity("/api/applications", new HttpEntity<>(application, json), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(created.getBody()).get("reference").asText();
    String id = "msg_" + UUID.randomUUID();
    String body =
        """
        {"type":"assessment.completed","data":{"applicationReference":"%s","language":"JavaScript",\
        "fundamentalsScore":70,"languageScore":70,"completedAt":"%s"}}"""
            .formatted(reference, Instant.now());
    ResponseEntity<String> early =
        rest.postForEntity(
            "/api/assessment-results/sweep-tests",
            new HttpEntity<>(body, WebhookSigner.headers(SECRET, id, Instant.now().getEpochSecond(), body)),
            String.class);
    assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.ACCEPTED);

    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject("select status from assessment_inbox where webhook_id = ?", String.class, id),
            "DELIVERED"::equals);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from assessment_result r join application a on a.id = r.application_id"
                    + " where a.reference = ?",
                Long.class,
                reference))
        .isEqualTo(1);
  }
}
