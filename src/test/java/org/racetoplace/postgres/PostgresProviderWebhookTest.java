package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.assessment.provider.AssessmentInboxRelay;
import org.racetoplace.assessment.provider.WebhookSigner;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provider webhooks where it matters, on PostgreSQL: the same message delivered twice at the same
 * moment, and two nodes sweeping the inbox at once, each lead to exactly one stored result, one
 * correlation of {@code AssessmentCompleted} and one notification — the unique constraint of the
 * inbox and {@code for update skip locked} decide, not timing. Results below the pass mark are
 * sent, so the case goes on to tell the candidate (notification {@code NOT_ADVANCED}). The job
 * executor is off: the test runs the jobs, so it can count what they made.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // the test plays both nodes' sweeps itself
      "hiring.assessment.inbox.sweep-enabled=false",
      "hiring.assessment.providers.pg-tests.secret=" + PostgresProviderWebhookTest.SECRET
    })
class PostgresProviderWebhookTest {

  static final String SECRET = "whsec_cG9zdGdyZXMtc3VpdGUtcHJvdmlkZXItc2VjcmV0LTAwMDE=";
  private static final String PATH = "/api/assessment-results/pg-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired AssessmentInboxRelay relay;

  private final ExecutorService nodes = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopThreads() {
    nodes.shutdownNow();
  }

  private record Case(String reference, String processInstanceId) {}

  /** An application through intake; its case holds at the confirmation job. */
  private Case application() throws Exception {
    String body =
        """
        {"firstName":"Dorothy","lastName":"Vaughan","email":"pg-provider-%s@example.org",
         "community":"akron","roleTrack":"software-engineer","languages":["Python"],"consent":true}
        """
            .formatted(UUID.randomUUID());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.postForEntity("/api/applications", new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(response.getBody()).get("reference").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    return new Case(reference, processInstanceId);
  }

  /** Runs the case's jobs one at a time until it has none left (or waits for a message). */
  private void runJobs(Case c) {
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(c.processInstanceId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      managementService.executeJob(jobs.get(0).getId());
    }
  }

  private boolean waitsForResult(Case c) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(c.processInstanceId())
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  private static String belowPassMark(String reference) {
    return """
        {"type":"assessment.completed","data":{"applicationReference":"%s","language":"Python",\
        "fundamentalsScore":30,"languageScore":25,"completedAt":"%s"}}"""
        .formatted(reference, Instant.now().minusSeconds(60));
  }

  private ResponseEntity<String> deliver(String id, long timestamp, String body) {
    return rest.postForEntity(PATH, new HttpEntity<>(body, WebhookSigner.headers(SECRET, id, timestamp, body)), String.class);
  }

  /** Exactly one result, one correlation, one notification: the case took the message once. */
  private void assertHandedOverOnce(Case c) {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from assessment_result r join application a on a.id = r.application_id"
                    + " where a.reference = ?",
                Long.class,
                c.reference()))
        .as("stored results")
        .isEqualTo(1);
    Long resultId =
        jdbc.queryForObject(
            "select result_id from assessment_inbox where application_reference = ? and status = 'DELIVERED'",
            Long.class,
            c.reference());
    assertThat(
            historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .activityId(HiringPipeline.TASK_AWAIT_ASSESSMENT)
                .finished()
                .count())
        .as("AssessmentCompleted taken")
        .isEqualTo(1);
    List<Object> carried = new ArrayList<>();
    historyService.createHistoricDetailQuery().processInstanceId(c.processInstanceId()).variableUpdates().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(HiringPipeline.VAR_ASSESSMENT_RESULT_ID))
        .forEach(update -> carried.add(update.getValue()));
    assertThat(carried).as("messages that carried a result").containsExactly(resultId);

    runJobs(c);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where application_reference = ? and event_type = 'NOT_ADVANCED'",
                Long.class,
                c.reference()))
        .as("candidate told once")
        .isEqualTo(1);
    assertThat(
            historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo(HiringPipeline.END_NOT_ADVANCED);
  }

  @RepeatedTest(3)
  void theSameMessageDeliveredTwiceAtOnceIsHandedOverOnce() throws Exception {
    Case c = application();
    runJobs(c);
    assertThat(waitsForResult(c)).isTrue();
    String id = "msg_" + UUID.randomUUID();
    String body = belowPassMark(c.reference());
    long timestamp = Instant.now().getEpochSecond();
    CyclicBarrier start = new CyclicBarrier(3);
    Callable<ResponseEntity<String>> delivery =
        () -> {
          start.await(10, TimeUnit.SECONDS);
          return deliver(id, timestamp, body);
        };
    // a sweep of "another node" joins in: it may find the row before the delivery hands it over
    Future<Integer> sweep =
        nodes.submit(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return relay.sweep();
            });
    List<Future<ResponseEntity<String>>> answers = List.of(nodes.submit(delivery), nodes.submit(delivery));

    int firsts = 0;
    for (Future<ResponseEntity<String>> answer : answers) {
      ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
      assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
      JsonNode receipt = JSON.readTree(response.getBody());
      if (!receipt.get("duplicate").asBoolean()) {
        firsts++;
      }
    }
    sweep.get(60, TimeUnit.SECONDS);
    assertThat(firsts).as("deliveries taken as new").isEqualTo(1);
    // if the sweep held the row while the first delivery wanted it, it is delivered by now anyway
    relay.sweep();
    assertThat(jdbc.queryForObject("select count(*) from assessment_inbox where webhook_id = ?", Long.class, id))
        .isEqualTo(1);
    assertHandedOverOnce(c);
  }

  @Test
  void twoNodesSweepingAtOnceHandAnEarlyResultOverOnce() throws Exception {
    Case c = application();
    String id = "msg_" + UUID.randomUUID();
    ResponseEntity<String> early = deliver(id, Instant.now().getEpochSecond(), belowPassMark(c.reference()));
    assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    runJobs(c);
    assertThat(waitsForResult(c)).isTrue();

    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Integer> sweep =
        () -> {
          start.await(10, TimeUnit.SECONDS);
          return relay.sweep();
        };
    Future<Integer> first = nodes.submit(sweep);
    Future<Integer> second = nodes.submit(sweep);

    assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select status from assessment_inbox where webhook_id = ?", String.class, id))
        .isEqualTo("DELIVERED");
    assertHandedOverOnce(c);
  }
}
