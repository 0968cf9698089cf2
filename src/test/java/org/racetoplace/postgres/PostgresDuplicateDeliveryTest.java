package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
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
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
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
 * Duplicate deliveries at the same moment, end to end with the job executor running and a real
 * SMTP server: the same application submitted twice at once makes one case (one 201, one 409
 * naming it) and one confirmation mail; the same signed provider webhook delivered twice at once
 * is correlated once and the candidate gets one "not advanced" mail. The unique constraints of
 * the application tables, the inbox and the outbox decide, not timing.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hiring.rate-limits.enabled=false",
      "hiring.assessment.providers." + PostgresDuplicateDeliveryTest.PROVIDER + ".secret=" + PostgresDuplicateDeliveryTest.SECRET,
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=1000"
    })
class PostgresDuplicateDeliveryTest {

  static final String PROVIDER = "duplicates";
  static final String SECRET = "whsec_ZmF1bHRzLXRlc3QtcHJvdmlkZXItc2VjcmV0LTAwMDAwMQ==";
  private static final ServerSetup SMTP = new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  private static final GreenMail smtp = new GreenMail(SMTP);
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String url = ClusterSupport.freshDatabase("duplicates");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getPort());
  }

  @BeforeAll
  static void startMail() {
    smtp.start();
  }

  @AfterAll
  static void stopMail() {
    smtp.stop();
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private final ExecutorService clients = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @RepeatedTest(3)
  void theSameApplicationSubmittedTwiceAtOnceMakesOneCaseAndOneMail() throws Exception {
    String email = "duplicate-" + UUID.randomUUID() + "@example.org";
    String body = applicationBody(email);
    List<ResponseEntity<String>> answers = twiceAtOnce(() -> post("/api/applications", body, json()));

    List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).sorted().toList();
    assertThat(statuses).as(answers.toString()).containsExactly(201, 409);
    ResponseEntity<String> created = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CREATED).findFirst().orElseThrow();
    ResponseEntity<String> conflict = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
    String reference = JSON.readTree(created.getBody()).get("reference").asText();
    assertThat(conflict.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(JSON.readTree(conflict.getBody()).get("existingReference").asText()).isEqualTo(reference);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from application a join candidate c on c.id = a.candidate_id where c.email = ?",
                Long.class,
                email))
        .as("applications stored")
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .as("cases started")
        .isEqualTo(1);
    ClusterSupport.await("the confirmation sent", Duration.ofMinutes(1), () -> mailsTo(email) >= 1 && waitsForAssessment(reference));
    assertThat(mailsTo(email)).as("mails to the candidate").isEqualTo(1);
  }

  @RepeatedTest(3)
  void theSameWebhookDeliveredTwiceAtOnceIsCorrelatedOnceAndMailedOnce() throws Exception {
    String email = "duplicate-webhook-" + UUID.randomUUID() + "@example.org";
    ResponseEntity<String> created = post("/api/applications", applicationBody(email), json());
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(created.getBody()).get("reference").asText();
    ClusterSupport.await("the case waits for its result", Duration.ofMinutes(1), () -> waitsForAssessment(reference));

    String result =
        """
        {"type":"assessment.completed","data":{"applicationReference":"%s","language":"Java",\
        "fundamentalsScore":30,"languageScore":25,"completedAt":"%s"}}"""
            .formatted(reference, Instant.now().minusSeconds(60));
    HttpHeaders signed = WebhookSigner.headers(SECRET, "msg_" + UUID.randomUUID(), Instant.now().getEpochSecond(), result);
    List<ResponseEntity<String>> answers = twiceAtOnce(() -> post("/api/assessment-results/" + PROVIDER, result, signed));

    int takenAsNew = 0;
    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
      JsonNode receipt = JSON.readTree(answer.getBody());
      if (!receipt.get("duplicate").asBoolean()) {
        takenAsNew++;
      }
    }
    assertThat(takenAsNew).as("deliveries taken as new").isEqualTo(1);
    ClusterSupport.await(
        "the case ended after telling the candidate",
        Duration.ofMinutes(1),
        () -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0 && mailsTo(email) >= 2);

    assertThat(
            historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(
                    jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference))
                .activityId(HiringPipeline.TASK_AWAIT_ASSESSMENT)
                .finished()
                .count())
        .as("AssessmentCompleted correlations")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from assessment_result r join application a on a.id = r.application_id where a.reference = ?",
                Long.class,
                reference))
        .as("stored results")
        .isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getEndActivityId())
        .isEqualTo(HiringPipeline.END_NOT_ADVANCED);
    assertThat(mailsTo(email)).as("confirmation and the one 'not advanced' mail").isEqualTo(2);
  }

  private List<ResponseEntity<String>> twiceAtOnce(Callable<ResponseEntity<String>> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<ResponseEntity<String>> atOnce =
        () -> {
          start.await(10, TimeUnit.SECONDS);
          return request.call();
        };
    List<Future<ResponseEntity<String>>> futures = List.of(clients.submit(atOnce), clients.submit(atOnce));
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (Future<ResponseEntity<String>> future : futures) {
      answers.add(future.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private ResponseEntity<String> post(String path, String body, HttpHeaders headers) {
    return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private boolean waitsForAssessment(String reference) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  private static long mailsTo(String email) {
    long count = 0;
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(email)) {
          count++;
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return count;
  }

  private static String applicationBody(String email) {
    return """
        {"firstName":"Annie","lastName":"Easley","email":"%s","community":"akron",
         "roleTrack":"software-engineer","languages":["Java"],"consent":true}"""
        .formatted(email);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
