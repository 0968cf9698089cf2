package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.assessment.provider.WebhookSigner;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail server is down while cases come in: each confirmation job is tried as often as the
 * retry cycle says ({@code hiring.retries.mail}, here {@code R2/PT1S}), then stands as a
 * {@code failedJob} incident. The mail server comes back, staff give each job a retry over
 * {@code /engine-rest} as Cockpit does, and every candidate gets exactly one confirmation; the
 * cases then go on, and their next message also goes out exactly once. The job executor runs as
 * in production, in a database of this test's own.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hiring.retries.mail=" + PostgresMailOutageTest.RETRY_CYCLE,
      "hiring.rate-limits.enabled=false",
      "hiring.assessment.providers." + PostgresMailOutageTest.PROVIDER + ".secret=" + PostgresMailOutageTest.SECRET,
      // retried jobs are due a second later: look for them that often, not after the idle minute
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=1000"
    })
class PostgresMailOutageTest {

  static final String RETRY_CYCLE = "R2/PT1S";
  /** Attempts of a job under {@link #RETRY_CYCLE} before its incident: the first run and its retries. */
  private static final int ATTEMPTS = 2;
  static final String PROVIDER = "faults";
  static final String SECRET = "whsec_ZmF1bHRzLXRlc3QtcHJvdmlkZXItc2VjcmV0LTAwMDAwMQ==";
  private static final int CASES = 3;
  private static final int SMTP_PORT = ClusterNode.freePort();
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String url = ClusterSupport.freshDatabase("mail");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  /** Not started until the outage is over: connections to its port are refused until then. */
  private final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private record Case(String reference, String email, String processInstanceId) {}

  @AfterEach
  void stopMail() {
    smtp.stop();
  }

  @Test
  void mailJobsBecomeIncidentsAfterTheirRetriesAndSendOnceWhenRetriedFromRest() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(apply("mail-outage-" + run + "-" + i + "@example.org"));
    }

    ClusterSupport.await(
        "an incident on every confirmation",
        Duration.ofMinutes(2),
        () -> cases.stream().allMatch(c -> incidents(c).size() == 1));
    for (Case c : cases) {
      Incident incident = incidents(c).get(0);
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("Task_SendConfirmation");
      Job job = managementService.createJobQuery().jobId(incident.getConfiguration()).singleResult();
      assertThat(job.getRetries()).isZero();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 1", Long.class, job.getId()))
          .as("failed attempts of the job, per the retry cycle " + RETRY_CYCLE)
          .isEqualTo(ATTEMPTS);
      Map<String, Object> outbox =
          jdbc.queryForMap(
              "select status, attempts from notification where application_reference = ? and event_type = ?",
              c.reference(),
              "CONFIRMATION_WITH_INVITATION");
      assertThat(outbox).containsEntry("status", "PENDING").containsEntry("attempts", ATTEMPTS);
    }

    smtp.start();
    for (Case c : cases) {
      String jobId = incidents(c).get(0).getConfiguration();
      ResponseEntity<String> retried =
          rest.withBasicAuth("admin", PostgresTestDatabase.ADMIN_PASSWORD)
              .exchange(
                  "/engine-rest/job/" + jobId + "/retries",
                  HttpMethod.PUT,
                  new HttpEntity<>("{\"retries\":1}", json()),
                  String.class);
      assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    ClusterSupport.await(
        "every case waits for its assessment",
        Duration.ofMinutes(2),
        () -> cases.stream().allMatch(this::waitsForAssessment));
    assertThat(mailsPerKey()).containsOnlyKeys(keys(cases, "confirmation")).allSatisfy((key, count) -> assertThat(count).isOne());

    // the cases go on once the mail server is back: their next message goes out once too
    for (Case c : cases) {
      deliverFailingResult(c);
    }
    ClusterSupport.await(
        "every case ended after telling its candidate",
        Duration.ofMinutes(2),
        () -> cases.stream().allMatch(c -> runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() == 0));
    List<String> expected = new ArrayList<>(keys(cases, "confirmation"));
    expected.addAll(keys(cases, "not-advanced"));
    assertThat(mailsPerKey()).containsOnlyKeys(expected).allSatisfy((key, count) -> assertThat(count).isOne());
    assertThat(jdbc.queryForObject("select count(*) from notification where status <> 'SENT'", Long.class)).isZero();
    assertThat(runtimeService.createIncidentQuery().count()).as("open incidents").isZero();
  }

  private Case apply(String email) throws Exception {
    String body =
        """
        {"firstName":"Mary","lastName":"Jackson","email":"%s","community":"seattle",
         "roleTrack":"software-engineer","languages":["Java"],"consent":true}"""
            .formatted(email);
    ResponseEntity<String> answer = rest.postForEntity("/api/applications", new HttpEntity<>(body, json()), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(answer.getBody()).get("reference").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    return new Case(reference, email, processInstanceId);
  }

  private void deliverFailingResult(Case c) {
    String body =
        """
        {"type":"assessment.completed","data":{"applicationReference":"%s","language":"Java",\
        "fundamentalsScore":30,"languageScore":25,"completedAt":"%s"}}"""
            .formatted(c.reference(), Instant.now().minusSeconds(60));
    ResponseEntity<String> answer =
        rest.postForEntity(
            "/api/assessment-results/" + PROVIDER,
            new HttpEntity<>(body, WebhookSigner.headers(SECRET, "msg_" + c.reference(), Instant.now().getEpochSecond(), body)),
            String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(200, 202);
  }

  private List<Incident> incidents(Case c) {
    return runtimeService.createIncidentQuery().processInstanceId(c.processInstanceId()).list();
  }

  private boolean waitsForAssessment(Case c) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(c.processInstanceId())
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  /** Received messages per outbox key (the header each message carries). */
  private Map<String, Integer> mailsPerKey() throws MessagingException {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      counts.merge(message.getHeader("X-Race-To-Place-Notification", null), 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> keys(List<Case> cases, String event) {
    return cases.stream().map(c -> c.reference() + ":" + event).toList();
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
