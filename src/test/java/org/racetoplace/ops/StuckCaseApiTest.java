package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/ops/stuck-cases} over HTTP on the embedded default (demo users, password
 * {@code demo}): who may read it, what a stuck case looks like, and every refusal as problem+json.
 * The stuck case is a vetting task created ten days ago (engine clock set back), the service
 * running on the real clock.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class StuckCaseApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/api/ops/stuck-cases";

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;

  private ResponseEntity<String> get(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  private static JsonNode caseOf(JsonNode body, String reference) {
    for (JsonNode c : body.get("cases")) {
      if (reference.equals(c.get("reference").asText())) {
        return c;
      }
    }
    throw new AssertionError("no stuck case " + reference + " in " + body);
  }

  @Test
  void staffAndProgramManagersSeeTheStuckCaseWithItsLinksAndNoPersonalData() throws Exception {
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));
    StuckCaseFixtures.Case stuck =
        new StuckCaseFixtures(context).waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "birmingham", since);
    String taskId = taskService.createTaskQuery().processInstanceId(stuck.processInstanceId()).singleResult().getId();

    ResponseEntity<String> response = get(PATH, "staff");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(Instant.parse(body.get("generatedAt").asText())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    assertThat(body.get("incidents").isArray()).isTrue();
    JsonNode c = caseOf(body, stuck.reference());
    assertThat(c.get("community").asText()).isEqualTo("birmingham");
    assertThat(c.get("stage").asText()).isEqualTo("Stage_Vet");
    assertThat(c.get("stageName").asText()).isEqualTo("Vet");
    assertThat(c.get("activityId").asText()).isEqualTo("Task_VetCandidate");
    assertThat(c.get("kind").asText()).isEqualTo("TASK");
    assertThat(Instant.parse(c.get("waitingSince").asText())).isEqualTo(since);
    assertThat(c.get("target").asText()).isEqualTo("P5D");
    assertThat(c.get("overdueBy").asText()).startsWith("P5D");
    assertThat(c.get("assignee").isNull()).isTrue();
    assertThat(c.get("candidateGroups").get(0).asText()).isEqualTo("vetters-birmingham");
    assertThat(c.get("openIncidents").asLong()).isZero();
    assertThat(c.get("taskId").asText()).isEqualTo(taskId);
    assertThat(c.get("links").get("cockpit").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + stuck.processInstanceId());
    assertThat(c.get("links").get("tasklist").asText())
        .isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
    for (String personal : TestApplications.PERSONAL_DATA) {
      assertThat(response.getBody()).doesNotContain(personal);
    }

    ResponseEntity<String> filtered = get(PATH + "?community=birmingham&stage=vet", "pm");
    assertThat(filtered.getStatusCode()).as(filtered.getBody()).isEqualTo(HttpStatus.OK);
    caseOf(JSON.readTree(filtered.getBody()), stuck.reference());
    JsonNode otherCommunity = JSON.readTree(get(PATH + "?community=akron", "staff").getBody());
    List<String> references = new ArrayList<>();
    otherCommunity.get("cases").forEach(x -> references.add(x.get("reference").asText()));
    assertThat(references).doesNotContain(stuck.reference());
  }

  @Test
  void aVetterIsRefusedWith403ProblemAndNothingElse() throws Exception {
    ResponseEntity<String> response = get(PATH, "vetter-birmingham");
    assertProblem(response, HttpStatus.FORBIDDEN);
    assertThat(JSON.readTree(response.getBody()).has("cases")).isFalse();
    assertProblem(get(PATH, "employer"), HttpStatus.FORBIDDEN);
    assertProblem(get(PATH, "interviewer"), HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousCallersMustSignIn() {
    ResponseEntity<String> response = get(PATH, null);
    assertProblem(response, HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).doesNotContain("cases");
  }

  @Test
  void anUnknownFilterIs400WithAFieldErrorPerFilter() throws Exception {
    ResponseEntity<String> response = get(PATH + "?community=atlantis&stage=Stage_Nowhere", "staff");
    assertProblem(response, HttpStatus.BAD_REQUEST);
    JsonNode problem = JSON.readTree(response.getBody());
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactly("community", "stage");
    assertThat(problem.get("type").asText()).isEqualTo("https://racetoplace.org/problems/invalid-request");

    ResponseEntity<String> stageOnly = get(PATH + "?stage=placed", "staff");
    assertProblem(stageOnly, HttpStatus.BAD_REQUEST);
    assertThat(stageOnly.getBody()).contains("\"field\":\"stage\"");
  }
}
