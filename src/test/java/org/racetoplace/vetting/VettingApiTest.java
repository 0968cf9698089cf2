package org.racetoplace.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racetoplace.interview.InterviewFormat;
import org.racetoplace.interview.InterviewScheduleForm;
import org.racetoplace.interview.InterviewScorecardForm;
import org.racetoplace.interview.InterviewService;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.identity.IdentitySetup;
import org.racetoplace.vetting.TestApplications.Created;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web side of stages Vet and Interview, end to end over HTTP: who reads the anonymized
 * profile, the candidate's answer to a vetter's question (stored and correlated together, or
 * refused and nothing stored), and what the status answer shows of both stages.
 *
 * <p>The waiting case is a test-only model with the real ids ({@code Task_AwaitCandidateUpdate},
 * message {@code CandidateUpdated}, its timeout), started with the reference of a stored
 * application as business key.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // no demo data: the users below are the only ones besides the admin
      "spring.profiles.active=vetting-api-test",
      "hiring.admin.password=vetting-api-test"
    })
class VettingApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "candidate-update-test";
  private static final String PASSWORD = "vetting-api-test";
  private static final String QUESTION = "Which of your projects used SQL, and what did you build with it?";
  private static Path noModels;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentitySetup identitySetup;
  @Autowired VettingReviewService vettingReviews;
  @Autowired InterviewService interviews;
  @Autowired ApplicationContext context;

  /** The real model is not under test here: the engine starts with empty model folders. */
  @DynamicPropertySource
  static void emptyModelFolders(DynamicPropertyRegistry registry) throws IOException {
    noModels = Files.createTempDirectory("vetting-api-test");
    registry.add("hiring.models.processes-dir", noModels::toString);
    registry.add("hiring.models.forms-dir", noModels::toString);
  }

  @AfterAll
  static void removeFolder() throws IOException {
    Files.deleteIfExists(noModels);
  }

  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .receiveTask(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE)
        .message(HiringPipeline.MESSAGE_CANDIDATE_UPDATED)
        .userTask("Task_HoldForInspection")
        .endEvent()
        .moveToActivity(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE)
        .boundaryEvent(HiringPipeline.TIMER_CANDIDATE_UPDATE_TIMEOUT)
        .timerWithDuration("P7D")
        .endEvent("EndEvent_NoCandidateUpdate")
        .done();
  }

  @BeforeEach
  void setUp() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();
    }
    identitySetup.ensureUser("vetter-birmingham", "Val", "Birmingham", PASSWORD, HiringGroups.vetters("birmingham"));
    identitySetup.ensureUser("vetter-atlanta", "Val", "Atlanta", PASSWORD, HiringGroups.vetters("atlanta"));
    identitySetup.ensureUser("interviewer", "Ira", "Walker", PASSWORD, HiringGroups.INTERVIEWERS);
    identitySetup.ensureUser("staff", "Sam", "Taylor", PASSWORD, HiringGroups.STAFF);
    identitySetup.ensureUser("employer", "Emery", "Lee", PASSWORD, identitySetup.setUpEmployer("acme", "Acme"));
  }

  // --- helpers ------------------------------------------------------------------------------

  private Created application() {
    return new TestApplications(context).create("birmingham");
  }

  /** An application whose vetter asked a question, and its case waiting for the answer. */
  private record Waiting(Created application, ProcessInstance instance) {}

  private Waiting waitingForAnswer() {
    Created application = application();
    vettingReviews.record(
        application.reference(),
        new VettingReviewForm(VettingDecision.MORE_INFORMATION, null, QUESTION),
        "vetter-birmingham");
    return new Waiting(application, runtimeService.startProcessInstanceByKey(PROCESS, application.reference()));
  }

  private boolean stillWaits(ProcessInstance instance) {
    return runtimeService.createExecutionQuery()
            .processInstanceId(instance.getId())
            .activityId(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE)
            .count()
        == 1;
  }

  private long updatesOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from candidate_update u join application a on a.id = u.application_id where a.reference = ?",
        Long.class,
        reference);
  }

  private ResponseEntity<String> profile(String reference, String user) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.getForEntity("/api/applications/" + reference + "/profile", String.class);
  }

  private ResponseEntity<String> sendUpdate(String reference, String token, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Status-Token", token);
    return rest.exchange(
        "/api/applications/" + reference + "/updates", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private static String message(String text) {
    return JSON.createObjectNode().put("message", text).toString();
  }

  private JsonNode status(Created application) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Status-Token", application.token());
    ResponseEntity<String> response =
        rest.exchange(
            "/api/applications/" + application.reference(), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  // --- the profile --------------------------------------------------------------------------

  @Test
  void aVetterOfTheCommunityReadsTheAnonymizedProfile() throws Exception {
    Created application = application();

    ResponseEntity<String> response = profile(application.reference(), "vetter-birmingham");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    JsonNode profile = JSON.readTree(response.getBody());
    assertThat(profile.get("reference").asText()).isEqualTo(application.reference());
    assertThat(profile.get("roleTrack").asText()).isEqualTo("software-engineer");
    assertThat(profile.get("languages").toString()).isEqualTo("[\"Java\",\"Python\"]");
    assertThat(profile.get("skills").get(0).toString()).isEqualTo("{\"name\":\"Java\",\"level\":4}");
    assertThat(profile.get("workHistory").get(0).get("title").asText()).isEqualTo("Data clerk");
    assertThat(profile.get("workHistory").get(0).get("years").asInt()).isEqualTo(4);
    assertThat(profile.get("certificates").get(0).toString()).isEqualTo("{\"name\":\"Java bootcamp\",\"year\":2016}");
    assertThat(profile.get("assessment").isNull()).isTrue();
    for (String personal : TestApplications.PERSONAL_DATA) {
      assertThat(response.getBody()).doesNotContain(personal);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"interviewer", "staff", "admin"})
  void interviewersStaffAndAdminsReadEveryProfile(String user) {
    // the admin's password is hiring.admin.password, the same as the test users'
    ResponseEntity<String> response = profile(application().reference(), user);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aVetterOfAnotherCommunityAndAnEmployerAreForbidden() {
    String reference = application().reference();

    assertProblem(profile(reference, "vetter-atlanta"), HttpStatus.FORBIDDEN);
    assertProblem(profile(reference, "employer"), HttpStatus.FORBIDDEN);
  }

  @Test
  void withoutCredentialsTheAnswerIs401() {
    assertProblem(profile(application().reference(), null), HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anUnknownReferenceIs404ForReviewersAnd403ForOthers() {
    assertProblem(profile("BHM-999999", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(profile("BHM-999999", "vetter-atlanta"), HttpStatus.NOT_FOUND);
    assertProblem(profile("BHM-999999", "employer"), HttpStatus.FORBIDDEN);
  }

  // --- the candidate's answer ---------------------------------------------------------------

  @Test
  void theCandidateSeesTheQuestionAndTheirAnswerIsStoredAndSendsTheCaseBack() throws Exception {
    Waiting waiting = waitingForAnswer();
    Created application = waiting.application();
    JsonNode before = status(application);
    assertThat(before.get("informationRequested").asText()).isEqualTo(QUESTION);
    assertThat(before.get("nextStep").asText()).contains("answer their question");

    ResponseEntity<String> response =
        sendUpdate(application.reference(), application.token(), message("  The bus tracker stores arrivals in SQL.  "));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    JsonNode answer = JSON.readTree(response.getBody());
    assertThat(answer.get("reference").asText()).isEqualTo(application.reference());
    assertThat(answer.has("informationRequested")).as("no longer waiting").isFalse();
    assertThat(answer.get("nextStep").asText()).doesNotContain("answer their question");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select u.message, u.received_at, r.round, r.decision from candidate_update u"
                + " join vetting_review r on r.id = u.review_id"
                + " join application a on a.id = u.application_id where a.reference = ?",
            application.reference());
    assertThat(row)
        .containsEntry("MESSAGE", "The bus tracker stores arrivals in SQL.")
        .containsEntry("ROUND", 1)
        .containsEntry("DECISION", "MORE_INFORMATION");
    assertThat(row.get("RECEIVED_AT")).isNotNull();
    assertThat(runtimeService.createExecutionQuery()
            .processInstanceId(waiting.instance().getId())
            .activityId("Task_HoldForInspection")
            .count())
        .as("the case went on past the message")
        .isEqualTo(1);
    assertThat(runtimeService.getVariables(waiting.instance().getId())).as("the message carries no text").isEmpty();
    assertThat(status(application).has("informationRequested")).isFalse();
  }

  @Test
  void theTokenMayComeAsAQueryParameterAndFourThousandCharactersAreAccepted() {
    Waiting waiting = waitingForAnswer();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> response =
        rest.exchange(
            "/api/applications/{reference}/updates?token={token}",
            HttpMethod.POST,
            new HttpEntity<>(message("x".repeat(4000)), headers),
            String.class,
            waiting.application().reference(),
            waiting.application().token());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(updatesOf(waiting.application().reference())).isEqualTo(1);
  }

  @Test
  void aWrongTokenOrAnUnknownReferenceIs404AndNothingIsStored() {
    Waiting waiting = waitingForAnswer();
    String reference = waiting.application().reference();

    assertProblem(sendUpdate(reference, "not-the-token", message("hello")), HttpStatus.NOT_FOUND);
    assertProblem(sendUpdate("BHM-999999", waiting.application().token(), message("hello")), HttpStatus.NOT_FOUND);

    assertThat(updatesOf(reference)).isZero();
    assertThat(stillWaits(waiting.instance())).isTrue();
  }

  @Test
  void aCaseThatIsNotWaitingIs409AndNothingIsStored() throws Exception {
    Created application = application();
    vettingReviews.record(
        application.reference(),
        new VettingReviewForm(VettingDecision.MORE_INFORMATION, null, QUESTION),
        "vetter-birmingham");

    ResponseEntity<String> response = sendUpdate(application.reference(), application.token(), message("hello"));

    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(JSON.readTree(response.getBody()).get("detail").asText())
        .isEqualTo("The application is not waiting for information from you");
    assertThat(updatesOf(application.reference())).isZero();
    assertThat(status(application).has("informationRequested")).as("nothing is asked while nothing waits").isFalse();
  }

  @Test
  void aBadBodyIs400NamingTheFieldAndNothingIsStored() throws Exception {
    Waiting waiting = waitingForAnswer();
    Created application = waiting.application();

    for (String body :
        new String[] {"{}", message("   "), message("x".repeat(4001)), "{\"message\":42}", "{\"message\":null}"}) {
      ResponseEntity<String> response = sendUpdate(application.reference(), application.token(), body);
      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("field").asText())
          .as(body)
          .isEqualTo("message");
    }
    ResponseEntity<String> unknownField =
        sendUpdate(application.reference(), application.token(), "{\"message\":\"hi\",\"phone\":\"555\"}");
    assertProblem(unknownField, HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(unknownField.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("phone");
    ResponseEntity<String> malformed = sendUpdate(application.reference(), application.token(), "{\"message\":");
    assertProblem(malformed, HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(malformed.getBody()).get("type").asText()).endsWith("/malformed-json");

    assertThat(updatesOf(application.reference())).isZero();
    assertThat(stillWaits(waiting.instance())).isTrue();
  }

  // --- the interview on the status answer ---------------------------------------------------

  @Test
  void theStatusShowsTheScheduledInterviewUntilItsScorecardIsIn() throws Exception {
    Created application = application();
    assertThat(status(application).has("interview")).isFalse();
    ZoneId chicago = ZoneId.of("America/Chicago");
    ZonedDateTime at = ZonedDateTime.of(LocalDate.now(chicago).plusDays(10), LocalTime.of(10, 30), chicago);
    interviews.schedule(
        application.reference(),
        new InterviewScheduleForm(at, InterviewFormat.VIDEO, "https://meet.example.org/abc"),
        "interviewer");

    JsonNode booked = status(application);
    JsonNode interview = booked.get("interview");
    assertThat(booked.get("nextStep").asText()).startsWith("Attend your interview");

    assertThat(OffsetDateTime.parse(interview.get("at").asText())).isEqualTo(at.toOffsetDateTime());
    assertThat(interview.get("timeZone").asText()).isEqualTo("America/Chicago");
    assertThat(interview.get("format").asText()).isEqualTo("video");
    assertThat(interview.get("location").asText()).isEqualTo("https://meet.example.org/abc");

    interviews.recordScorecard(application.reference(), new InterviewScorecardForm(false, null, null, null), "interviewer");

    JsonNode after = status(application);
    assertThat(after.has("interview")).isFalse();
    assertThat(after.get("nextStep").asText()).doesNotStartWith("Attend your interview");
  }
}
