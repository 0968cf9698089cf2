package org.racetoplace.assessment;

import org.racetoplace.pipeline.HiringPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racetoplace.application.ProgrammingLanguage;
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
 * Staff entering an assessment result, end to end on the embedded default (H2, demo users with
 * password {@code demo}): who may, what is checked, and that the result is stored and reaches the
 * waiting case in one go — or not at all.
 *
 * <p>The waiting case is the test-only model {@code assessment/awaiting-assessment.bpmn}, started
 * with the reference of an application made through intake. The application's own pipeline
 * instance is removed first, so that however the real model's stage Assess evolves, exactly one
 * case (or none) waits for the message in each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentResultApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final String TEST_PROCESS = "awaiting-assessment-test";
  private static final String PASSWORD = "demo";

  private static final String VALID_RESULT =
      """
      {"language":"Java","fundamentalsScore":72,"languageScore":65,
       "topicScores":{"control-flow":80,"data-structures":60}}
      """;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired AssessmentResultService service;

  private String deploymentId;

  @BeforeEach
  void deployTestModel() {
    deploymentId =
        repositoryService.createDeployment()
            .name("assessment-tests")
            .addClasspathResource("assessment/awaiting-assessment.bpmn")
            .deploy()
            .getId();
  }

  @AfterEach
  void removeTestModel() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  // --- helpers ----------------------------------------------------------------------------

  /** An application made through intake, whose own pipeline instance is gone again. */
  private String applicationWithoutCase(String roleTrack) throws Exception {
    String body =
        """
        {"firstName":"Grace","lastName":"Hopper","email":"assessed-%d@example.org",
         "community":"atlanta","roleTrack":"%s","languages":["Java"],"consent":true}
        """
            .formatted(EMAILS.incrementAndGet(), roleTrack);
    ResponseEntity<String> response = post("/api/applications", body, null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(response.getBody()).get("reference").asText();
    String pipeline =
        jdbc.queryForObject(
            "select process_instance_id from application where reference = ?", String.class, reference);
    // the confirmation job may be running on the job executor; retry until the delete wins
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              if (runtimeService.createProcessInstanceQuery().processInstanceId(pipeline).count() > 0) {
                runtimeService.deleteProcessInstance(pipeline, "assessment test", true, true);
              }
              return runtimeService.createProcessInstanceQuery().processInstanceId(pipeline).count() == 0;
            });
    return reference;
  }

  private ProcessInstance waitingCase(String reference) {
    return runtimeService.startProcessInstanceByKey(TEST_PROCESS, reference);
  }

  private ResponseEntity<String> post(String path, String body, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> recordAs(String user, String reference, String body) {
    return post("/api/applications/" + reference + "/assessment-results", body, user);
  }

  private long resultsOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from assessment_result r join application a on a.id = r.application_id"
            + " where a.reference = ?",
        Long.class,
        reference);
  }

  private long topicScoresOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from assessment_topic_score t join assessment_result r on r.id = t.result_id"
            + " join application a on a.id = r.application_id where a.reference = ?",
        Long.class,
        reference);
  }

  private boolean stillWaitsForTheMessage(ProcessInstance instance) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(instance.getId())
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static List<String> fieldsOf(ResponseEntity<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.getBody()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  // --- recording --------------------------------------------------------------------------

  @Test
  void staffRecordAResultThatIsStoredAndReachesTheWaitingCase() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    ProcessInstance waiting = waitingCase(reference);

    ResponseEntity<String> response = recordAs("staff", reference, VALID_RESULT);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = JSON.readTree(response.getBody());
    long resultId = answer.get("resultId").asLong();
    // 0.6 × 72 + 0.4 × 65 = 69.2
    assertThat(answer.get("scaledScore").asInt()).isEqualTo(69);

    Map<String, Object> row =
        jdbc.queryForMap(
            "select r.source, r.provider, r.language, r.fundamentals_score, r.language_score,"
                + " r.scaled_score, r.raw_score, r.max_score, r.recorded_by, r.completed_at, r.created_at, a.reference"
                + " from assessment_result r join application a on a.id = r.application_id where r.id = ?",
            resultId);
    assertThat(row)
        .containsEntry("SOURCE", "STAFF")
        .containsEntry("PROVIDER", null)
        .containsEntry("LANGUAGE", "Java")
        .containsEntry("FUNDAMENTALS_SCORE", 72)
        .containsEntry("LANGUAGE_SCORE", 65)
        .containsEntry("SCALED_SCORE", 69)
        // staff enter subscores only
        .containsEntry("RAW_SCORE", null)
        .containsEntry("MAX_SCORE", null)
        .containsEntry("RECORDED_BY", "staff")
        .containsEntry("REFERENCE", reference);
    assertThat(row.get("COMPLETED_AT")).isNotNull();
    assertThat(row.get("CREATED_AT")).isNotNull();
    assertThat(
            jdbc.queryForList(
                "select topic, score from assessment_topic_score where result_id = ? order by topic", resultId))
        .containsExactly(
            Map.of("TOPIC", "control-flow", "SCORE", 80), Map.of("TOPIC", "data-structures", "SCORE", 60));

    assertThat(runtimeService.createExecutionQuery().processInstanceId(waiting.getId()).activityId("Task_HoldForInspection").count())
        .as("the case went on past the message")
        .isEqualTo(1);
    TypedValue carried =
        runtimeService.getVariableTyped(waiting.getId(), HiringPipeline.VAR_ASSESSMENT_RESULT_ID);
    assertThat(carried.getValue()).isInstanceOf(Long.class).isEqualTo(resultId);
    assertThat(runtimeService.getVariables(waiting.getId()))
        .as("the message carries the id only")
        .containsOnlyKeys(HiringPipeline.VAR_ASSESSMENT_RESULT_ID);

    assertThat(service.scoresFor(resultId))
        .isEqualTo(new AssessmentScores(resultId, 69, 72, 65, "software-engineer"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pm", "admin"})
  void programManagersAndAdminsMayRecordToo(String user) throws Exception {
    String reference = applicationWithoutCase("web-developer");
    waitingCase(reference);

    ResponseEntity<String> response =
        recordAs(user, reference, "{\"language\":\"python\",\"fundamentalsScore\":50,\"languageScore\":51}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    long resultId = JSON.readTree(response.getBody()).get("resultId").asLong();
    assertThat(
            jdbc.queryForMap("select language, recorded_by, scaled_score from assessment_result where id = ?", resultId))
        .containsEntry("LANGUAGE", "Python")
        .containsEntry("RECORDED_BY", user)
        .containsEntry("SCALED_SCORE", 50);
    assertThat(service.scoresFor(resultId).roleTrack()).isEqualTo("web-developer");
  }

  @Test
  void aSecondResultOfTheSameApplicationIsStoredBesideTheFirst() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    waitingCase(reference);
    assertThat(recordAs("staff", reference, VALID_RESULT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    waitingCase(reference);
    runtimeService
        .createMessageCorrelation("ReleaseTestCase")
        .processInstanceBusinessKey(reference)
        .correlateAll();

    assertThat(recordAs("staff", reference, VALID_RESULT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(resultsOf(reference)).isEqualTo(2);
  }

  // --- refusals ---------------------------------------------------------------------------

  @Test
  void aVetterIsForbiddenAndNothingIsStored() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    ProcessInstance waiting = waitingCase(reference);

    ResponseEntity<String> response = recordAs("vetter-atlanta", reference, VALID_RESULT);

    assertProblem(response, HttpStatus.FORBIDDEN);
    assertThat(resultsOf(reference)).isZero();
    assertThat(stillWaitsForTheMessage(waiting)).isTrue();
  }

  @Test
  void withoutSigningInTheAnswerIs401() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    waitingCase(reference);

    ResponseEntity<String> response = recordAs(null, reference, VALID_RESULT);

    assertProblem(response, HttpStatus.UNAUTHORIZED);
    assertThat(resultsOf(reference)).isZero();
  }

  @Test
  void anInvalidResultNamesEveryFieldAndStoresNothing() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    ProcessInstance waiting = waitingCase(reference);
    ObjectNode body = JSON.createObjectNode();
    body.put("language", "Cobol");
    body.put("fundamentalsScore", 101);
    body.put("languageScore", "65");
    body.put("notes", "sat it twice");
    ObjectNode topics = body.putObject("topicScores");
    topics.put("control-flow", -1);
    topics.put("arrays", 72.5);
    topics.put("", 50);
    topics.put("x".repeat(61), 50);
    topics.putNull("debugging");

    ResponseEntity<String> response = recordAs("staff", reference, body.toString());

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(response))
        .containsExactlyInAnyOrder(
            "fundamentalsScore",
            "language",
            "languageScore",
            "notes",
            "topicScores.control-flow",
            "topicScores.arrays",
            "topicScores.",
            "topicScores." + "x".repeat(61),
            "topicScores.debugging");
    assertThat(resultsOf(reference)).isZero();
    assertThat(stillWaitsForTheMessage(waiting)).isTrue();
  }

  @Test
  void missingScoresAndTooManyTopicsAreFieldErrors() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    waitingCase(reference);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode topics = body.putObject("topicScores");
    for (int i = 0; i <= AssessmentResultRequestReader.MAX_TOPICS; i++) {
      topics.put("topic-" + i, 50);
    }

    ResponseEntity<String> response = recordAs("staff", reference, body.toString());

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(response))
        .containsExactlyInAnyOrder("fundamentalsScore", "language", "languageScore", "topicScores");
    assertThat(resultsOf(reference)).isZero();
    assertThat(topicScoresOf(reference)).isZero();
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() throws Exception {
    String reference = applicationWithoutCase("software-engineer");
    waitingCase(reference);

    ResponseEntity<String> response = recordAs("staff", reference, "{\"language\":");

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(response.getBody()).get("type").asText()).endsWith("/malformed-json");
    assertThat(resultsOf(reference)).isZero();
  }

  @Test
  void anUnknownReferenceIs404() {
    ResponseEntity<String> response = recordAs("staff", "SEA-999999", VALID_RESULT);

    assertProblem(response, HttpStatus.NOT_FOUND);
  }

  @Test
  void aCaseThatDoesNotWaitForAResultIs409AndNothingIsStored() throws Exception {
    String reference = applicationWithoutCase("software-engineer");

    ResponseEntity<String> response = recordAs("staff", reference, VALID_RESULT);

    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(JSON.readTree(response.getBody()).get("detail").asText())
        .isEqualTo("The application is not waiting for an assessment result");
    assertThat(resultsOf(reference)).isZero();
    assertThat(topicScoresOf(reference)).isZero();
  }

  @Test
  void whenTheCorrelationFailsAfterTheRowIsWrittenTheRowIsRolledBack() throws Exception {
    // two cases of one reference waiting: the look-ahead sees a waiting case, the row is written,
    // then the engine refuses to pick one of them — and the whole transaction goes
    String reference = applicationWithoutCase("software-engineer");
    ProcessInstance first = waitingCase(reference);
    ProcessInstance second = waitingCase(reference);

    ResponseEntity<String> response = recordAs("staff", reference, VALID_RESULT);

    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(resultsOf(reference)).isZero();
    assertThat(topicScoresOf(reference)).isZero();
    assertThat(stillWaitsForTheMessage(first)).isTrue();
    assertThat(stillWaitsForTheMessage(second)).isTrue();
  }

  @Test
  void theServiceRollsBackTheRowWhenNoCaseWaits() throws Exception {
    String reference = applicationWithoutCase("web-developer");

    assertThatThrownBy(
            () ->
                service.record(
                    reference,
                    RecordedResult.byStaff(ProgrammingLanguage.JAVASCRIPT, 80, 80, Map.of("dom", 90)),
                    "staff"))
        .isInstanceOf(AssessmentNotAwaitedException.class);
    assertThat(resultsOf(reference)).isZero();
    assertThat(topicScoresOf(reference)).isZero();
  }

  @Test
  void scoresOfAnUnknownResultNameTheId() {
    assertThatThrownBy(() -> service.scoresFor(987_654_321L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("987654321");
  }
}
