package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The built-in assessment in the real pipeline, on the embedded default with the job executor
 * running: a candidate applies, their case reaches stage Assess and waits for {@code
 * AssessmentCompleted}; they start the test, answer every question, submit — and the case passes
 * the message, scores, decides in {@code assessment-outcome.dmn} and moves on to stage Vet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BuiltInAssessmentEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ItemBank bank;

  private SittingRequests requests;

  @BeforeEach
  void setUp() {
    requests = new SittingRequests(rest, bank);
  }

  private boolean waitsForAssessment(String reference) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        == 1;
  }

  @Test
  void applyStartAnswerSubmitAndTheCaseLeavesStageAssess() throws Exception {
    // Go first: the built-in test does not offer it, so the first language it does offer is taken
    ResponseEntity<String> applied =
        requests.call(
            HttpMethod.POST,
            "/api/applications",
            null,
            """
            {"firstName":"Katherine","lastName":"Johnson","email":"built-in-e2e@example.org",
             "community":"seattle","roleTrack":"software-engineer","languages":["Go","Python","Java"],
             "consent":true}
            """);
    assertThat(applied.getStatusCode()).as(applied.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(applied.getBody()).get("reference").asText();
    String token = JSON.readTree(applied.getBody()).get("statusToken").asText();
    String assessment = "/api/applications/" + reference + "/assessment";

    // screening runs at once; the confirmation is a job, after which the case enters stage Assess
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waitsForAssessment(reference));
    String processInstanceId =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();

    ResponseEntity<String> started = requests.call(HttpMethod.POST, assessment, token, null);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode sitting = JSON.readTree(started.getBody());
    assertThat(sitting.get("language").asText()).isEqualTo("Python");
    for (JsonNode item : sitting.get("items")) {
      String itemId = item.get("id").asText();
      ResponseEntity<String> saved =
          requests.call(HttpMethod.PUT, assessment + "/answers/" + itemId, token, requests.rightAnswer(itemId));
      assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
    }

    ResponseEntity<String> submitted = requests.call(HttpMethod.POST, assessment + "/submit", token, null);

    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(submitted.getBody()).get("status").asText()).isEqualTo("SUBMITTED");

    Map<String, Object> result =
        jdbc.queryForMap(
            "select r.* from assessment_result r join application a on a.id = r.application_id where a.reference = ?",
            reference);
    assertThat(result)
        .containsEntry("SOURCE", "BUILT_IN")
        .containsEntry("LANGUAGE", "Python")
        .containsEntry("FUNDAMENTALS_SCORE", 100)
        .containsEntry("LANGUAGE_SCORE", 100)
        .containsEntry("SCALED_SCORE", 100)
        .containsEntry("RAW_SCORE", 22)
        .containsEntry("MAX_SCORE", 22);

    // the engine's own record: the case passed the message, was scored and decided, and left Assess
    List<String> passed =
        historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list().stream()
            .map(HistoricActivityInstance::getActivityId)
            .toList();
    assertThat(passed)
        .contains(
            HiringPipeline.TASK_AWAIT_ASSESSMENT,
            HiringPipeline.TASK_SCORE_ASSESSMENT,
            HiringPipeline.TASK_DECIDE_ASSESSMENT_OUTCOME,
            HiringPipeline.STAGE_ASSESS)
        .doesNotContain(HiringPipeline.TIMER_ASSESSMENT_DEADLINE);
    assertThat(waitsForAssessment(reference)).isFalse();
    assertThat(
            taskService.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(HiringPipeline.TASK_VET_CANDIDATE)
                .count())
        .as("the case is in stage Vet")
        .isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, HiringPipeline.VAR_ASSESSMENT_RESULT_ID))
        .isEqualTo(((Number) result.get("ID")).longValue());
    assertThat(runtimeService.getVariable(processInstanceId, HiringPipeline.VAR_ASSESSMENT_PASSED)).isEqualTo(true);
    // nothing of the sitting (answers, items) went into the case's variables
    assertThat(
            historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(HistoricVariableInstance::getName))
        .noneMatch(name -> name.toLowerCase().contains("answer") || name.toLowerCase().contains("sitting"));

    // the candidate's status follows
    JsonNode status =
        JSON.readTree(requests.call(HttpMethod.GET, "/api/applications/" + reference, token, null).getBody());
    assertThat(status.get("deadlines").toString()).doesNotContain("Complete the online assessment by");
  }
}
