package org.racetoplace.assessment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Providers posting results, end to end on H2 with the real pipeline: every answer of the
 * endpoint, what each stores (or not), and the inbox relay handing early results over once the
 * case waits. The job executor is off, so a new case stays at its confirmation job (stage Apply,
 * not yet waiting for a result) until a test runs that job; the relay's periodic sweep is off, so
 * tests run {@link AssessmentInboxRelay#sweep} themselves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // no demo data: a quicker start, and only this test's cases
      "spring.profiles.active=provider-webhook-test",
      "hiring.admin.password=provider-webhook-test",
      "hiring.assessment.inbox.sweep-enabled=false",
      "hiring.assessment.inbox.max-attempts=3",
      "hiring.assessment.providers.acme-tests.secret="
          + ProviderWebhookApiTest.OLD_SECRET
          + " "
          + ProviderWebhookApiTest.NEW_SECRET,
      "hiring.assessment.providers.other-tests.secret=" + ProviderWebhookApiTest.OTHER_SECRET
    })
class ProviderWebhookApiTest {

  static final String OLD_SECRET = "whsec_b2xkLXNlY3JldC1vZi1hY21lLXRlc3RzLTAxMjM0NTY3";
  static final String NEW_SECRET = "whsec_bmV3LXNlY3JldC1vZi1hY21lLXRlc3RzLTc2NTQzMjEw";
  static final String OTHER_SECRET = "whsec_c2VjcmV0LW9mLWFub3RoZXItcHJvdmlkZXItNDI0MjQy";
  private static final String PROVIDER = "acme-tests";
  private static final String PATH = "/api/assessment-results/" + PROVIDER;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger EMAILS = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired AssessmentInboxRelay relay;
  @Autowired AssessmentInboxRepository inbox;
  @Autowired AssessmentInboxInserts inserts;
  @Autowired PlatformTransactionManager transactionManager;

  // --- helpers ----------------------------------------------------------------------------

  private record Applicant(String reference, String token, String email, String processInstanceId) {}

  /** An application through intake; its case holds at the confirmation job (stage Apply). */
  private Applicant applicant() throws Exception {
    String email = "provider-" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID() + "@example.org";
    String body =
        """
        {"firstName":"Katherine","lastName":"Johnson","email":"%s","community":"atlanta",
         "roleTrack":"software-engineer","languages":["Java"],"consent":true}
        """
            .formatted(email);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.postForEntity("/api/applications", new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = JSON.readTree(response.getBody());
    String reference = answer.get("reference").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    return new Applicant(reference, answer.get("statusToken").asText(), email, processInstanceId);
  }

  /** Runs the confirmation job: the case goes on to stage Assess and waits for a result. */
  private void sendConfirmation(Applicant applicant) {
    Job job = managementService.createJobQuery().processInstanceId(applicant.processInstanceId()).singleResult();
    managementService.executeJob(job.getId());
    assertThat(waitsForResult(applicant)).as("the case waits for its result").isTrue();
  }

  private Applicant waitingApplicant() throws Exception {
    Applicant applicant = applicant();
    sendConfirmation(applicant);
    return applicant;
  }

  private boolean waitsForResult(Applicant applicant) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(applicant.processInstanceId())
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  private boolean isAtVetting(Applicant applicant) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(applicant.processInstanceId())
            .activityId(HiringPipeline.TASK_VET_CANDIDATE)
            .count()
        == 1;
  }

  private long finishedWaits(Applicant applicant) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(applicant.processInstanceId())
        .activityId(HiringPipeline.TASK_AWAIT_ASSESSMENT)
        .finished()
        .count();
  }

  private static String result(String reference, int fundamentals, int language) {
    return """
        {"type":"assessment.completed","timestamp":"%s",\
        "data":{"applicationReference":"%s","providerAssessmentId":"acme-%s",\
        "language":"Java","fundamentalsScore":%d,"languageScore":%d,\
        "topicScores":{"control-flow":80,"debugging":61},"completedAt":"2026-01-02T03:04:05Z"}}"""
        .formatted(Instant.now(), reference, reference, fundamentals, language);
  }

  private static String passing(String reference) {
    return result(reference, 80, 70);
  }

  private static String newId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private ResponseEntity<String> post(String path, HttpHeaders headers, String body) {
    return post(path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<String> post(String path, HttpHeaders headers, byte[] body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** A delivery signed with the provider's current secret. */
  private ResponseEntity<String> deliver(String id, String body) {
    return post(PATH, WebhookSigner.headers(NEW_SECRET, id, now(), body), body);
  }

  private long resultsOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from assessment_result r join application a on a.id = r.application_id"
            + " where a.reference = ?",
        Long.class,
        reference);
  }

  private long inboxRowsWithId(String webhookId) {
    return jdbc.queryForObject("select count(*) from assessment_inbox where webhook_id = ?", Long.class, webhookId);
  }

  private Map<String, Object> inboxRow(String webhookId) {
    return jdbc.queryForMap("select * from assessment_inbox where webhook_id = ?", webhookId);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** 401 with our problem type, nothing stored, and the case still waiting. */
  private void assertRefused(ResponseEntity<String> response, String webhookId, Applicant waiting) throws Exception {
    assertProblem(response, HttpStatus.UNAUTHORIZED);
    assertThat(json(response).get("type").asText()).isEqualTo(WebhookVerificationException.TYPE.toString());
    assertThat(inboxRowsWithId(webhookId)).isZero();
    assertThat(resultsOf(waiting.reference())).isZero();
    assertThat(waitsForResult(waiting)).isTrue();
  }

  // --- 200 and 202 --------------------------------------------------------------------------

  @Test
  void aResultForAWaitingCaseIsStoredAndReachesTheCaseAt200() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    String body = passing(applicant.reference());

    ResponseEntity<String> response = deliver(id, body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode receipt = json(response);
    assertThat(receipt.get("webhookId").asText()).isEqualTo(id);
    assertThat(receipt.get("status").asText()).isEqualTo("DELIVERED");
    assertThat(receipt.get("duplicate").asBoolean()).isFalse();
    long resultId = receipt.get("resultId").asLong();

    Map<String, Object> result = jdbc.queryForMap("select * from assessment_result where id = ?", resultId);
    assertThat(result)
        .containsEntry("SOURCE", "PROVIDER")
        .containsEntry("PROVIDER", PROVIDER)
        .containsEntry("LANGUAGE", "Java")
        .containsEntry("FUNDAMENTALS_SCORE", 80)
        .containsEntry("LANGUAGE_SCORE", 70)
        // 0.6 × 80 + 0.4 × 70
        .containsEntry("SCALED_SCORE", 76)
        // the payload carries no raw score
        .containsEntry("RAW_SCORE", null)
        .containsEntry("MAX_SCORE", null)
        .containsEntry("RECORDED_BY", null);
    assertThat(((java.time.OffsetDateTime) result.get("COMPLETED_AT")).toInstant())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(jdbc.queryForList("select topic, score from assessment_topic_score where result_id = ? order by topic", resultId))
        .containsExactly(Map.of("TOPIC", "control-flow", "SCORE", 80), Map.of("TOPIC", "debugging", "SCORE", 61));

    Map<String, Object> row = inboxRow(id);
    assertThat(row)
        .containsEntry("PROVIDER", PROVIDER)
        .containsEntry("APPLICATION_REFERENCE", applicant.reference())
        .containsEntry("PROVIDER_ASSESSMENT_ID", "acme-" + applicant.reference())
        .containsEntry("STATUS", "DELIVERED")
        .containsEntry("ATTEMPTS", 1)
        .containsEntry("RESULT_ID", resultId)
        .containsEntry("LAST_ERROR", null)
        .containsEntry("PAYLOAD", body);

    assertThat(isAtVetting(applicant)).as("the case went on to vetting").isTrue();
    assertThat(runtimeService.getVariable(applicant.processInstanceId(), HiringPipeline.VAR_ASSESSMENT_RESULT_ID))
        .isEqualTo(resultId);
    assertThat(runtimeService.getVariables(applicant.processInstanceId()).values())
        .as("no personal data in the case")
        .noneMatch(value -> String.valueOf(value).contains(applicant.email()))
        .noneMatch(value -> String.valueOf(value).contains("Katherine"))
        .noneMatch(value -> String.valueOf(value).contains("Johnson"));
  }

  @Test
  void keyRotationOnBothSidesIsAccepted() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    String body = passing(applicant.reference());
    long timestamp = now();
    // the provider sends a signature with a key we do not know and one with our old secret
    String signatures =
        WebhookSigner.sign(OTHER_SECRET, id, timestamp, body) + " " + WebhookSigner.sign(OLD_SECRET, id, timestamp, body);

    ResponseEntity<String> response =
        post(PATH, WebhookSigner.headers(id, Long.toString(timestamp), signatures), body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).get("status").asText()).isEqualTo("DELIVERED");
  }

  @Test
  void anEarlyResultIsKeptAt202AndHandedOverOnceTheCaseWaits() throws Exception {
    Applicant applicant = applicant();
    assertThat(waitsForResult(applicant)).as("still at the confirmation").isFalse();
    String id = newId();
    String body = passing(applicant.reference());

    ResponseEntity<String> response = deliver(id, body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode receipt = json(response);
    assertThat(receipt.get("status").asText()).isEqualTo("PENDING");
    assertThat(receipt.has("resultId")).isFalse();
    assertThat(inboxRow(id)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);
    assertThat(resultsOf(applicant.reference())).isZero();

    // a sweep while the case is still in stage Apply leaves the row as it is
    relay.sweep();
    assertThat(inboxRow(id)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);

    sendConfirmation(applicant);
    relay.sweep();

    Map<String, Object> row = inboxRow(id);
    assertThat(row).containsEntry("STATUS", "DELIVERED").containsEntry("ATTEMPTS", 1);
    assertThat(resultsOf(applicant.reference())).isEqualTo(1);
    assertThat(isAtVetting(applicant)).as("the case went on").isTrue();
    assertThat(finishedWaits(applicant)).isEqualTo(1);
    assertThat(runtimeService.getVariable(applicant.processInstanceId(), HiringPipeline.VAR_ASSESSMENT_RESULT_ID))
        .isEqualTo(row.get("RESULT_ID"));

    // nothing more to do for the next sweep; the provider's retry learns where it stands
    assertThat(relay.sweep()).isZero();
    ResponseEntity<String> retry = deliver(id, body);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(retry).get("status").asText()).isEqualTo("DELIVERED");
    assertThat(json(retry).get("duplicate").asBoolean()).isTrue();
    assertThat(resultsOf(applicant.reference())).isEqualTo(1);
  }

  @Test
  void aDuplicateIsAnswered200AndChangesNothing() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    String body = passing(applicant.reference());
    ResponseEntity<String> first = deliver(id, body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> rowBefore = inboxRow(id);

    // a retry carries a new timestamp and signature; an odd sender even a changed body
    ResponseEntity<String> retry = post(PATH, WebhookSigner.headers(OLD_SECRET, id, now() + 60, body), body);
    String changed = result(applicant.reference(), 10, 10);
    ResponseEntity<String> changedRetry = deliver(id, changed);

    for (ResponseEntity<String> again : List.of(retry, changedRetry)) {
      assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
      JsonNode receipt = json(again);
      assertThat(receipt.get("duplicate").asBoolean()).isTrue();
      assertThat(receipt.get("status").asText()).isEqualTo("DELIVERED");
      assertThat(receipt.get("resultId").asLong()).isEqualTo(json(first).get("resultId").asLong());
    }
    assertThat(inboxRowsWithId(id)).isEqualTo(1);
    assertThat(inboxRow(id)).isEqualTo(rowBefore);
    assertThat(resultsOf(applicant.reference())).isEqualTo(1);
    assertThat(finishedWaits(applicant)).isEqualTo(1);
  }

  @Test
  void theSameIdFromAnotherProviderIsAnotherMessage() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    assertThat(deliver(id, passing(applicant.reference())).getStatusCode()).isEqualTo(HttpStatus.OK);
    Applicant other = waitingApplicant();
    String body = passing(other.reference());

    ResponseEntity<String> response =
        post("/api/assessment-results/other-tests", WebhookSigner.headers(OTHER_SECRET, id, now(), body), body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).get("duplicate").asBoolean()).isFalse();
    assertThat(inboxRowsWithId(id)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select provider from assessment_result r join application a on a.id = r.application_id where a.reference = ?", String.class, other.reference()))
        .isEqualTo("other-tests");
  }

  // --- results that will never be used ------------------------------------------------------

  @Test
  void aResultForAWithdrawnApplicationIsKeptAsRejected() throws Exception {
    Applicant applicant = waitingApplicant();
    HttpHeaders token = new HttpHeaders();
    token.set("X-Status-Token", applicant.token());
    ResponseEntity<String> withdrawn =
        rest.exchange(
            "/api/applications/" + applicant.reference() + "/withdraw", HttpMethod.POST, new HttpEntity<>(token), String.class);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    String id = newId();

    ResponseEntity<String> response = deliver(id, passing(applicant.reference()));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).get("status").asText()).isEqualTo("REJECTED");
    assertThat(inboxRow(id))
        .containsEntry("STATUS", "REJECTED")
        .containsEntry("LAST_ERROR", "the application is closed (WITHDRAWN)")
        .containsEntry("RESULT_ID", null);
    assertThat(resultsOf(applicant.reference())).isZero();
  }

  @Test
  void aPendingResultWhoseCaseEndsIsRejectedByTheSweepAndLeftAlone() throws Exception {
    Applicant applicant = applicant();
    String id = newId();
    assertThat(deliver(id, passing(applicant.reference())).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    runtimeService.deleteProcessInstance(applicant.processInstanceId(), "test: the case ends otherwise");
    relay.sweep();

    Map<String, Object> rejected = inboxRow(id);
    assertThat(rejected).containsEntry("STATUS", "REJECTED").containsEntry("LAST_ERROR", "the case has ended");
    relay.sweep();
    assertThat(inboxRow(id)).as("not tried again").isEqualTo(rejected);
    assertThat(resultsOf(applicant.reference())).isZero();
  }

  @Test
  void aSecondResultAfterTheCaseMovedOnIsRejected() throws Exception {
    Applicant applicant = waitingApplicant();
    assertThat(deliver(newId(), passing(applicant.reference())).getStatusCode()).isEqualTo(HttpStatus.OK);
    String second = newId();

    ResponseEntity<String> response = deliver(second, result(applicant.reference(), 20, 20));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).get("status").asText()).isEqualTo("REJECTED");
    assertThat(inboxRow(second)).containsEntry("LAST_ERROR", "the case is past stage Assess");
    assertThat(resultsOf(applicant.reference())).isEqualTo(1);
    assertThat(isAtVetting(applicant)).isTrue();
  }

  // --- the relay ----------------------------------------------------------------------------

  @Test
  void aHandOverThatKeepsFailingIsCountedThenMarkedFailed() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    // stored as a row whose payload no longer passes the checks (say, a language since retired):
    // every hand-over fails, and its transaction rolls back
    String stale = passing(applicant.reference()).replace("\"Java\"", "\"Cobol\"");
    jdbc.update(
        "insert into assessment_inbox (provider, webhook_id, webhook_timestamp, application_reference, payload,"
            + " status, attempts, received_at, updated_at) values (?, ?, current_timestamp, ?, ?, 'PENDING', 0,"
            + " current_timestamp, current_timestamp)",
        PROVIDER,
        id,
        applicant.reference(),
        stale);

    relay.sweep();
    assertThat(inboxRow(id))
        .containsEntry("STATUS", "PENDING")
        .containsEntry("ATTEMPTS", 1)
        .extractingByKey("LAST_ERROR")
        .asString()
        .startsWith("InvalidRequestException");
    relay.sweep();
    relay.sweep();
    assertThat(inboxRow(id)).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", 3);
    relay.sweep();
    assertThat(inboxRow(id)).as("left to an operator").containsEntry("ATTEMPTS", 3);

    assertThat(resultsOf(applicant.reference())).isZero();
    assertThat(waitsForResult(applicant)).isTrue();
  }

  @Test
  void aRowHeldByAnotherTransactionIsSkippedNotWaitedFor() throws Exception {
    Applicant applicant = applicant();
    String id = newId();
    assertThat(deliver(id, passing(applicant.reference())).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    sendConfirmation(applicant);
    long rowId = ((Number) inboxRow(id).get("ID")).longValue();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService otherNode = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> holder =
          otherNode.submit(
              () ->
                  new TransactionTemplate(transactionManager)
                      .execute(
                          status -> {
                            boolean claimed = inbox.claimPending(rowId).isPresent();
                            held.countDown();
                            try {
                              release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return claimed;
                          }));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

      long started = System.nanoTime();
      assertThat(relay.attempt(rowId)).isEqualTo(AssessmentInboxRelay.Outcome.NOT_CLAIMED);
      assertThat(relay.sweep()).isZero();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("did not wait").isLessThan(5);

      release.countDown();
      assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      otherNode.shutdownNow();
    }
    assertThat(relay.attempt(rowId)).isEqualTo(AssessmentInboxRelay.Outcome.DELIVERED);
    assertThat(relay.attempt(rowId)).isEqualTo(AssessmentInboxRelay.Outcome.NOT_CLAIMED);
    assertThat(resultsOf(applicant.reference())).isEqualTo(1);
  }

  @Test
  void theInboxStoresAMessageOncePerProvider() throws Exception {
    Applicant applicant = applicant();
    String id = newId();
    AssessmentInboxInserts.NewRow row =
        new AssessmentInboxInserts.NewRow(
            PROVIDER, id, Instant.now(), applicant.reference(), null, passing(applicant.reference()), Instant.now());

    assertThat(inserts.insertIfNew(row)).isPresent();
    assertThat(inserts.insertIfNew(row)).as("the unique constraint refuses the copy").isEmpty();
    assertThat(
            inserts.insertIfNew(
                new AssessmentInboxInserts.NewRow(
                    "other-tests", id, Instant.now(), applicant.reference(), null, "{}", Instant.now())))
        .as("another provider's message with the same id")
        .isPresent();
    assertThat(inboxRowsWithId(id)).isEqualTo(2);
    jdbc.update("delete from assessment_inbox where webhook_id = ?", id);
  }

  // --- 400, 401, 404, 413: nothing stored ----------------------------------------------------

  @Test
  void anInvalidResultIs400WithEveryFieldAndStoresNothing() throws Exception {
    Applicant applicant = waitingApplicant();
    String id = newId();
    ObjectNode body = (ObjectNode) JSON.readTree(passing(applicant.reference()));
    ObjectNode data = (ObjectNode) body.get("data");
    data.put("language", "Cobol");
    data.put("fundamentalsScore", 101);
    data.remove("completedAt");
    data.put("candidateEmail", applicant.email());
    body.put("type", "assessment.started");

    ResponseEntity<String> response = deliver(id, body.toString());

    assertProblem(response, HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields)
        .containsExactly("data.candidateEmail", "data.completedAt", "data.fundamentalsScore", "data.language", "type");
    assertThat(inboxRowsWithId(id)).isZero();
    assertThat(resultsOf(applicant.reference())).isZero();
    assertThat(waitsForResult(applicant)).isTrue();

    // nothing was kept of the message: the corrected retry is taken as new
    ResponseEntity<String> corrected = deliver(id, passing(applicant.reference()));
    assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(corrected).get("duplicate").asBoolean()).isFalse();
  }

  @Test
  void aBodyThatIsNotJsonIs400() throws Exception {
    String id = newId();

    ResponseEntity<String> response = deliver(id, "{\"type\":");

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(json(response).get("type").asText()).endsWith("/malformed-json");
    assertThat(inboxRowsWithId(id)).isZero();
  }

  @Test
  void aSignedBodyOver64KbIs413() throws Exception {
    String id = newId();
    String body = passing("BHM-000001").replace("{\"type\"", "{" + " ".repeat(70_000) + "\"type\"");

    ResponseEntity<String> response = deliver(id, body);

    assertProblem(response, HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(inboxRowsWithId(id)).isZero();
  }

  @Test
  void aBadSignatureIs401AndStoresNothing() throws Exception {
    Applicant applicant = waitingApplicant();
    String body = passing(applicant.reference());
    String id = newId();

    assertRefused(post(PATH, WebhookSigner.headers(OTHER_SECRET, id, now(), body), body), id, applicant);
    // signed, then changed on the way
    HttpHeaders signed = WebhookSigner.headers(NEW_SECRET, id, now(), body);
    assertRefused(post(PATH, signed, body.replace("\"fundamentalsScore\":80", "\"fundamentalsScore\":99")), id, applicant);
    // a signature for another message id
    assertRefused(
        post(PATH, WebhookSigner.headers(id, Long.toString(now()), WebhookSigner.sign(NEW_SECRET, newId(), now(), body)), body),
        id,
        applicant);
    assertThat(json(post(PATH, WebhookSigner.headers(OTHER_SECRET, id, now(), body), body)).get("detail").asText())
        .isEqualTo("No signature in header webhook-signature is valid for this endpoint.");
  }

  @Test
  void staleAndFutureTimestampsAre401() throws Exception {
    Applicant applicant = waitingApplicant();
    String body = passing(applicant.reference());
    String id = newId();

    // validly signed a while ago: a replay
    assertRefused(post(PATH, WebhookSigner.headers(NEW_SECRET, id, now() - 6 * 60, body), body), id, applicant);
    assertRefused(post(PATH, WebhookSigner.headers(NEW_SECRET, id, now() + 6 * 60, body), body), id, applicant);
    assertThat(json(post(PATH, WebhookSigner.headers(NEW_SECRET, id, now() - 3600, body), body)).get("detail").asText())
        .isEqualTo("Header webhook-timestamp is more than 300 seconds away from the current time.");
  }

  @Test
  void missingOrMalformedHeadersAre401() throws Exception {
    Applicant applicant = waitingApplicant();
    String body = passing(applicant.reference());
    String id = newId();
    String timestamp = Long.toString(now());
    String signature = WebhookSigner.sign(NEW_SECRET, id, timestamp, body.getBytes(StandardCharsets.UTF_8));

    assertRefused(post(PATH, WebhookSigner.headers(null, timestamp, signature), body), id, applicant);
    assertRefused(post(PATH, WebhookSigner.headers(id, null, signature), body), id, applicant);
    assertRefused(post(PATH, WebhookSigner.headers(id, timestamp, null), body), id, applicant);
    assertRefused(post(PATH, WebhookSigner.headers(id, timestamp + "000", signature), body), id, applicant);
    assertRefused(post(PATH, WebhookSigner.headers(id, timestamp, signature.substring(3)), body), id, applicant);
    // unsigned and without a body at all: still 401, not 400
    assertRefused(post(PATH, new HttpHeaders(), new byte[0]), id, applicant);
  }

  @Test
  void anUnknownProviderGetsTheAnswerOfABadSignature() throws Exception {
    Applicant applicant = waitingApplicant();
    String body = passing(applicant.reference());
    String id = newId();

    ResponseEntity<String> unknown =
        post("/api/assessment-results/nobody", WebhookSigner.headers(NEW_SECRET, id, now(), body), body);
    ResponseEntity<String> wrongSecret = post(PATH, WebhookSigner.headers(OTHER_SECRET, id, now(), body), body);

    assertRefused(unknown, id, applicant);
    ObjectNode unknownProblem = (ObjectNode) json(unknown);
    ObjectNode wrongProblem = (ObjectNode) json(wrongSecret);
    unknownProblem.remove("instance");
    wrongProblem.remove("instance");
    assertThat(unknownProblem).isEqualTo(wrongProblem);
    // the demo profile's provider is not configured here
    assertRefused(
        post("/api/assessment-results/demo-provider", WebhookSigner.headers(NEW_SECRET, id, now(), body), body),
        id,
        applicant);
  }

  @Test
  void anUnknownApplicationIs404AndNothingIsStored() throws Exception {
    String id = newId();
    String body = passing("SEA-999999");

    ResponseEntity<String> response = deliver(id, body);

    assertProblem(response, HttpStatus.NOT_FOUND);
    assertThat(json(response).get("detail").asText()).contains("SEA-999999");
    assertThat(inboxRowsWithId(id)).isZero();
    // the provider's retry is judged afresh, not taken for a duplicate
    assertProblem(deliver(id, body), HttpStatus.NOT_FOUND);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anUnknownApplicationIsLoggedForSupportWithoutPersonalData(CapturedOutput output) throws Exception {
    // a real candidate, and a provider that sends their result under a mistyped reference
    Applicant applicant = waitingApplicant();
    String mistyped = applicant.reference().substring(0, 4) + "999998";
    String id = newId();
    String body = passing(mistyped);
    int before = output.getOut().length();

    assertProblem(deliver(id, body), HttpStatus.NOT_FOUND);

    String logged = output.getOut().substring(before);
    assertThat(logged.lines().filter(line -> line.contains("names unknown application")))
        .as(logged)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("WARN")
                    .contains("Assessment result " + id + " of provider " + PROVIDER)
                    .contains("names unknown application " + mistyped + "; not stored"));
    // what support needs (provider, message id, reference) and nothing of the person or the result
    assertThat(logged)
        .doesNotContain(applicant.email())
        .doesNotContain("Katherine")
        .doesNotContain("Johnson")
        .doesNotContain(applicant.token())
        .doesNotContain(applicant.reference())
        .doesNotContain("acme-" + mistyped)
        .doesNotContain(body)
        .doesNotContain("Score")
        .doesNotContain("control-flow");
    assertThat(inboxRowsWithId(id)).isZero();
    assertThat(waitsForResult(applicant)).as("the real case still waits").isTrue();
  }
}
