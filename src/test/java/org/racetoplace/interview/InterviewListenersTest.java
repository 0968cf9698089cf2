package org.racetoplace.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code interviewSchedules}, {@code interviewScorecards} and {@code scoreInterviewDelegate}
 * inside the engine, on the real schema, driven by a test-only model shaped like {@code
 * Stage_Interview}: schedule, conduct, a first no-show back to scheduling, a second one out.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // the REST API needs a servlet container; these tests are about the engine
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      // no demo data
      "spring.profiles.active=interview-test",
      "hiring.admin.password=interview-test"
    })
class InterviewListenersTest {

  private static final String PROCESS = "interview-listeners-test";
  /** Birmingham's zone, where the test applications are. */
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static Path noModels;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  /** The real model is not under test here: the engine starts with empty model folders. */
  @DynamicPropertySource
  static void emptyModelFolders(DynamicPropertyRegistry registry) throws IOException {
    noModels = Files.createTempDirectory("interview-listeners-test");
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
        .exclusiveGateway("Gateway_JoinScheduling")
        .userTask(HiringPipeline.TASK_SCHEDULE_INTERVIEW)
        .camundaTaskListenerDelegateExpression("complete", "${interviewSchedules}")
        .userTask(HiringPipeline.TASK_CONDUCT_INTERVIEW)
        .camundaTaskListenerDelegateExpression("complete", "${interviewScorecards}")
        .exclusiveGateway(HiringPipeline.GATEWAY_INTERVIEW_ATTENDED)
        .condition("attended", "${interviewAttendance == 'attended'}")
        .serviceTask(HiringPipeline.TASK_SCORE_INTERVIEW)
        .camundaDelegateExpression("${scoreInterviewDelegate}")
        .userTask("Task_HoldForInspection")
        .endEvent()
        .moveToNode(HiringPipeline.GATEWAY_INTERVIEW_ATTENDED)
        .condition("no-show", "${interviewAttendance == 'no-show'}")
        .exclusiveGateway(HiringPipeline.GATEWAY_RESCHEDULE_ALLOWED)
        .condition("first", "${interviewNoShows < 2}")
        .connectTo("Gateway_JoinScheduling")
        .moveToNode(HiringPipeline.GATEWAY_RESCHEDULE_ALLOWED)
        .condition("second", "${interviewNoShows >= 2}")
        .endEvent("EndEvent_NotAdvanced")
        .done();
  }

  @BeforeEach
  void deployModelOnce() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private record Case(String reference, ProcessInstance instance) {}

  private Case startCase() {
    String reference = new TestApplications(context).create("birmingham").reference();
    return new Case(
        reference,
        runtimeService.startProcessInstanceByKey(
            PROCESS, reference, Map.of(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)));
  }

  private Task task(Case started, String taskDefinitionKey) {
    return taskService.createTaskQuery()
        .processInstanceId(started.instance().getId())
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  /** Ten in the morning, community time, some days ahead, as the form sends it. */
  private static String inDays(int days) {
    return LocalDateTime.of(LocalDate.now(CHICAGO).plusDays(days), LocalTime.of(10, 0)).toString();
  }

  private static Map<String, Object> schedule(String at, String format, String location) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(HiringPipeline.VAR_INTERVIEW_AT, at);
    variables.put(HiringPipeline.VAR_INTERVIEW_FORMAT, format);
    variables.put(HiringPipeline.VAR_INTERVIEW_LOCATION, location);
    return variables;
  }

  private void scheduleVideo(Case started) {
    taskService.complete(
        task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW).getId(),
        schedule(inDays(7), "video", "https://meet.example.org/race-to-place"));
  }

  private void noShow(Case started) {
    taskService.complete(
        task(started, HiringPipeline.TASK_CONDUCT_INTERVIEW).getId(),
        Map.of(HiringPipeline.VAR_INTERVIEW_ATTENDANCE, "no-show", HiringPipeline.VAR_INTERVIEW_NOTES, "Did not join."));
  }

  private static Map<String, Object> attendedScorecard() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(HiringPipeline.VAR_INTERVIEW_ATTENDANCE, "attended");
    variables.put(HiringPipeline.VAR_COMMUNICATION_SCORE, 4L);
    variables.put(HiringPipeline.VAR_TEAMWORK_SCORE, 4L);
    variables.put(HiringPipeline.VAR_PROBLEM_SOLVING_SCORE, 3L);
    variables.put(HiringPipeline.VAR_LEARNING_AGILITY_SCORE, 3L);
    variables.put(HiringPipeline.VAR_PROFESSIONALISM_SCORE, 3L);
    variables.put(HiringPipeline.VAR_INTERVIEW_RECOMMENDATION, "yes");
    variables.put(HiringPipeline.VAR_INTERVIEW_NOTES, "Explained the bus tracker clearly.");
    return variables;
  }

  private long rowsOf(String table, String reference) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " t join application a on a.id = t.application_id where a.reference = ?",
        Long.class,
        reference);
  }

  private static FormFieldValidationException validationFailure(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException failure) {
        return failure;
      }
    }
    throw new AssertionError("not a form validation failure", thrown);
  }

  // --- scheduling ---------------------------------------------------------------------------

  @Test
  void schedulingStoresTheAppointmentInCommunityTimeAndTakesThePlaceOutOfTheCase() {
    Case started = startCase();
    Task scheduling = task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW);
    taskService.setAssignee(scheduling.getId(), "interviewer");
    String at = inDays(7);

    taskService.complete(scheduling.getId(), schedule(at, "video", "https://meet.example.org/race-to-place"));

    Map<String, Object> row =
        jdbc.queryForMap(
            "select t.attempt, t.scheduled_at, t.time_zone, t.format, t.location, t.scheduled_by, t.created_at"
                + " from interview_appointment t join application a on a.id = t.application_id where a.reference = ?",
            started.reference());
    assertThat(row)
        .containsEntry("ATTEMPT", 1)
        .containsEntry("TIME_ZONE", "America/Chicago")
        .containsEntry("FORMAT", "VIDEO")
        .containsEntry("LOCATION", "https://meet.example.org/race-to-place")
        .containsEntry("SCHEDULED_BY", "interviewer");
    Instant stored = jdbc.queryForObject(
        "select t.scheduled_at from interview_appointment t join application a on a.id = t.application_id where a.reference = ?",
        java.time.OffsetDateTime.class,
        started.reference()).toInstant();
    assertThat(stored).isEqualTo(LocalDateTime.parse(at).atZone(CHICAGO).toInstant());
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .containsEntry(HiringPipeline.VAR_INTERVIEW_ATTEMPT, 1)
        .containsEntry(HiringPipeline.VAR_INTERVIEW_AT, at)
        .containsEntry(HiringPipeline.VAR_INTERVIEW_FORMAT, "video")
        .doesNotContainKey(HiringPipeline.VAR_INTERVIEW_LOCATION);
    assertThat(task(started, HiringPipeline.TASK_CONDUCT_INTERVIEW)).isNotNull();
  }

  @Test
  void anInvalidScheduleNamesTheFieldsAndStoresNothing() {
    Case started = startCase();
    String taskId = task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW).getId();
    String yesterday = inDays(-1);

    assertThatThrownBy(() -> taskService.complete(taskId, schedule(yesterday, "video", "Zoom")))
        .satisfies(
            thrown ->
                assertThat(validationFailure(thrown).getMessage())
                    .contains("interviewAt — must be in the future")
                    .contains("interviewLocation — for a video interview, the http(s) link to join"));
    assertThatThrownBy(() -> taskService.complete(taskId, schedule(inDays(91), "fax", null)))
        .satisfies(
            thrown ->
                assertThat(validationFailure(thrown).<Map<String, String>>getDetail())
                    .containsOnlyKeys("interviewAt", "interviewFormat", "interviewLocation"));

    assertThat(rowsOf("interview_appointment", started.reference())).isZero();
    assertThat(task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW)).as("still to schedule").isNotNull();
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .doesNotContainKeys(HiringPipeline.VAR_INTERVIEW_ATTEMPT, HiringPipeline.VAR_INTERVIEW_LOCATION);
  }

  // --- scorecards ---------------------------------------------------------------------------

  @Test
  void anAttendedInterviewIsStoredScoredAndLeavesOnlyOutcomesInTheCase() {
    Case started = startCase();
    scheduleVideo(started);
    Task conduct = task(started, HiringPipeline.TASK_CONDUCT_INTERVIEW);
    taskService.setAssignee(conduct.getId(), "interviewer");

    taskService.complete(conduct.getId(), attendedScorecard());

    Map<String, Object> row =
        jdbc.queryForMap(
            "select s.attended, s.communication_score, s.teamwork_score, s.problem_solving_score,"
                + " s.learning_agility_score, s.professionalism_score, s.notes, s.recommendation, s.score,"
                + " s.interviewer, s.recorded_at, p.attempt from interview_scorecard s"
                + " join interview_appointment p on p.id = s.appointment_id"
                + " join application a on a.id = s.application_id where a.reference = ?",
            started.reference());
    assertThat(row)
        .containsEntry("ATTENDED", true)
        .containsEntry("COMMUNICATION_SCORE", 4)
        .containsEntry("TEAMWORK_SCORE", 4)
        .containsEntry("PROBLEM_SOLVING_SCORE", 3)
        .containsEntry("LEARNING_AGILITY_SCORE", 3)
        .containsEntry("PROFESSIONALISM_SCORE", 3)
        .containsEntry("NOTES", "Explained the bus tracker clearly.")
        .containsEntry("RECOMMENDATION", "YES")
        // mean 3.4: round(100 × 2.4 / 4) = 60
        .containsEntry("SCORE", 60)
        .containsEntry("INTERVIEWER", "interviewer")
        .containsEntry("ATTEMPT", 1);
    Map<String, Object> variables = runtimeService.getVariables(started.instance().getId());
    assertThat(variables)
        .containsEntry(HiringPipeline.VAR_INTERVIEW_ATTENDANCE, "attended")
        .containsEntry(HiringPipeline.VAR_INTERVIEW_RECOMMENDATION, "yes")
        .containsEntry(HiringPipeline.VAR_INTERVIEW_NO_SHOWS, 0)
        .containsEntry(HiringPipeline.VAR_INTERVIEW_SCORE, 60)
        .doesNotContainKeys(
            HiringPipeline.VAR_INTERVIEW_NOTES,
            HiringPipeline.VAR_COMMUNICATION_SCORE,
            HiringPipeline.VAR_TEAMWORK_SCORE,
            HiringPipeline.VAR_PROBLEM_SOLVING_SCORE,
            HiringPipeline.VAR_LEARNING_AGILITY_SCORE,
            HiringPipeline.VAR_PROFESSIONALISM_SCORE);
    assertThat(variables.get(HiringPipeline.VAR_INTERVIEW_SCORE)).isInstanceOf(Integer.class);
    assertThat(task(started, "Task_HoldForInspection")).isNotNull();
  }

  @Test
  void aFirstNoShowReschedulesAndASecondEndsTheCase() {
    Case started = startCase();
    scheduleVideo(started);

    noShow(started);

    assertThat(runtimeService.getVariable(started.instance().getId(), HiringPipeline.VAR_INTERVIEW_NO_SHOWS)).isEqualTo(1);
    assertThat(task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW)).as("back to scheduling").isNotNull();
    taskService.complete(
        task(started, HiringPipeline.TASK_SCHEDULE_INTERVIEW).getId(), schedule(inDays(14), "phone", "We call you"));
    assertThat(runtimeService.getVariable(started.instance().getId(), HiringPipeline.VAR_INTERVIEW_ATTEMPT)).isEqualTo(2);

    noShow(started);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.instance().getId()).count())
        .as("ended after the second no-show")
        .isZero();
    List<Map<String, Object>> scorecards =
        jdbc.queryForList(
            "select p.attempt, s.attended, s.communication_score, s.recommendation, s.score, s.notes"
                + " from interview_scorecard s join interview_appointment p on p.id = s.appointment_id"
                + " join application a on a.id = s.application_id where a.reference = ? order by p.attempt",
            started.reference());
    assertThat(scorecards).hasSize(2).allSatisfy(row -> assertThat(row)
        .containsEntry("ATTENDED", false)
        .containsEntry("COMMUNICATION_SCORE", null)
        .containsEntry("RECOMMENDATION", null)
        .containsEntry("SCORE", null)
        .containsEntry("NOTES", "Did not join."));
    assertThat(scorecards).extracting(row -> row.get("ATTEMPT")).containsExactly(1, 2);
  }

  @Test
  void anIncompleteScorecardIsRefusedAndNothingIsStored() {
    Case started = startCase();
    scheduleVideo(started);
    String taskId = task(started, HiringPipeline.TASK_CONDUCT_INTERVIEW).getId();
    Map<String, Object> scorecard = attendedScorecard();
    scorecard.put(HiringPipeline.VAR_TEAMWORK_SCORE, 6L);
    scorecard.remove(HiringPipeline.VAR_INTERVIEW_RECOMMENDATION);

    assertThatThrownBy(() -> taskService.complete(taskId, scorecard))
        .satisfies(
            thrown ->
                assertThat(validationFailure(thrown).<Map<String, String>>getDetail())
                    .containsOnlyKeys(HiringPipeline.VAR_TEAMWORK_SCORE, HiringPipeline.VAR_INTERVIEW_RECOMMENDATION));

    assertThat(rowsOf("interview_scorecard", started.reference())).isZero();
    assertThat(task(started, HiringPipeline.TASK_CONDUCT_INTERVIEW)).isNotNull();
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .doesNotContainKeys(HiringPipeline.VAR_INTERVIEW_NO_SHOWS, HiringPipeline.VAR_INTERVIEW_NOTES);
  }

  @Test
  void scoringWithoutAnAttendedInterviewFailsNamingTheApplication() {
    Case started = startCase();
    InterviewService service = context.getBean(InterviewService.class);

    assertThatThrownBy(() -> service.scoreLatestInterview(started.reference()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(started.reference());
  }
}
