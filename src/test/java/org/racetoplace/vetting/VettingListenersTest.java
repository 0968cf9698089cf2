package org.racetoplace.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.vetting.TestApplications.Created;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code candidateProfiles} and {@code vettingReviews} inside the engine, on the real schema,
 * driven by a test-only model that uses them as {@code Task_VetCandidate} does.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // the REST API needs a servlet container; these tests are about the engine
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      // no demo data
      "spring.profiles.active=vetting-test",
      "hiring.admin.password=vetting-test"
    })
class VettingListenersTest {

  private static final String PROCESS = "vetting-listeners-test";
  private static Path noModels;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  /** The real model is not under test here: the engine starts with empty model folders. */
  @DynamicPropertySource
  static void emptyModelFolders(DynamicPropertyRegistry registry) throws IOException {
    noModels = Files.createTempDirectory("vetting-listeners-test");
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
        .userTask(HiringPipeline.TASK_VET_CANDIDATE)
        .camundaTaskListenerDelegateExpression("create", "${candidateProfiles}")
        .camundaTaskListenerDelegateExpression("complete", "${vettingReviews}")
        .userTask("Task_HoldForInspection")
        .endEvent()
        .done();
  }

  @BeforeEach
  void deployModelOnce() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();
    }
    identityService.clearAuthentication();
  }

  private record Case(String reference, ProcessInstance instance, Task task) {}

  private Case startCase() {
    String reference = new TestApplications(context).create("birmingham").reference();
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            PROCESS, reference, Map.of(HiringPipeline.VAR_APPLICATION_REFERENCE, reference, HiringPipeline.VAR_COMMUNITY, "birmingham"));
    return new Case(reference, instance, vettingTask(instance));
  }

  private Task vettingTask(ProcessInstance instance) {
    return taskService.createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(HiringPipeline.TASK_VET_CANDIDATE)
        .singleResult();
  }

  private long reviewsOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from vetting_review r join application a on a.id = r.application_id where a.reference = ?",
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

  @Test
  void theVettingTaskCarriesTheAnonymizedProfileAsATaskLocalVariable() {
    Case started = startCase();

    Object profile = taskService.getVariableLocal(started.task().getId(), HiringPipeline.VAR_CANDIDATE_PROFILE);

    assertThat(profile).isInstanceOf(String.class);
    assertThat((String) profile)
        .startsWith("Application " + started.reference())
        .contains("- Java: 4", "- Data clerk, 4 years", "- Support engineer", "(current)", "- Java bootcamp (2016)");
    for (String personal : TestApplications.PERSONAL_DATA) {
      assertThat((String) profile).doesNotContain(personal);
    }
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .as("the case itself holds no profile")
        .doesNotContainKey(HiringPipeline.VAR_CANDIDATE_PROFILE);
  }

  @Test
  void aDeclineIsStoredWithItsRationaleWhichLeavesTheCase() {
    Case started = startCase();
    taskService.setAssignee(started.task().getId(), "vetter-birmingham");

    taskService.complete(
        started.task().getId(),
        Map.of(
            HiringPipeline.VAR_VETTING_DECISION, "decline",
            HiringPipeline.VAR_VETTING_RATIONALE, "  No evidence of the Java skills rated 4. ",
            HiringPipeline.VAR_INFORMATION_REQUESTED, "left over from changing my mind"));

    Map<String, Object> row =
        jdbc.queryForMap(
            "select r.round, r.decision, r.rationale, r.information_requested, r.reviewer, r.decided_at"
                + " from vetting_review r join application a on a.id = r.application_id where a.reference = ?",
            started.reference());
    assertThat(row)
        .containsEntry("ROUND", 1)
        .containsEntry("DECISION", "DECLINE")
        .containsEntry("RATIONALE", "No evidence of the Java skills rated 4.")
        .containsEntry("INFORMATION_REQUESTED", null)
        .containsEntry("REVIEWER", "vetter-birmingham");
    assertThat(row.get("DECIDED_AT")).isNotNull();
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .containsEntry(HiringPipeline.VAR_VETTING_DECISION, "decline")
        .doesNotContainKeys(HiringPipeline.VAR_VETTING_RATIONALE, HiringPipeline.VAR_INFORMATION_REQUESTED);
  }

  @Test
  void aQuestionIsStoredAndASecondReviewIsTheNextRoundByTheSignedInUser() {
    Case first = startCase();
    taskService.complete(
        first.task().getId(),
        Map.of(
            HiringPipeline.VAR_VETTING_DECISION, "more-information",
            HiringPipeline.VAR_INFORMATION_REQUESTED, "Which of your projects used SQL?"));
    ProcessInstance second =
        runtimeService.startProcessInstanceByKey(
            PROCESS, first.reference(), Map.of(HiringPipeline.VAR_APPLICATION_REFERENCE, first.reference()));
    String secondTask = vettingTask(second).getId();
    // signed in, not assigned: the reviewer comes from the authentication (admins may complete it)
    identityService.setAuthentication("vetter-on-duty", List.of(HiringGroups.ADMINS));
    try {
      taskService.complete(secondTask, Map.of(HiringPipeline.VAR_VETTING_DECISION, "approve"));
    } finally {
      identityService.clearAuthentication();
    }

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select r.round, r.decision, r.information_requested, r.reviewer from vetting_review r"
                + " join application a on a.id = r.application_id where a.reference = ? order by r.round",
            first.reference());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("ROUND", 1)
        .containsEntry("DECISION", "MORE_INFORMATION")
        .containsEntry("INFORMATION_REQUESTED", "Which of your projects used SQL?")
        .containsEntry("REVIEWER", null);
    assertThat(rows.get(1))
        .containsEntry("ROUND", 2)
        .containsEntry("DECISION", "APPROVE")
        .containsEntry("INFORMATION_REQUESTED", null)
        .containsEntry("REVIEWER", "vetter-on-duty");
    assertThat(runtimeService.getVariables(first.instance().getId()))
        .containsEntry(HiringPipeline.VAR_VETTING_DECISION, "more-information")
        .doesNotContainKey(HiringPipeline.VAR_INFORMATION_REQUESTED);
  }

  @Test
  void anInvalidFormStopsTheCompletionNamesTheFieldsAndStoresNothing() {
    Case started = startCase();

    assertThatThrownBy(
            () ->
                taskService.complete(
                    started.task().getId(),
                    Map.of(
                        HiringPipeline.VAR_VETTING_DECISION, "decline",
                        HiringPipeline.VAR_VETTING_RATIONALE, "x".repeat(4001))))
        .satisfies(
            thrown ->
                assertThat(validationFailure(thrown).getMessage())
                    .contains("vettingRationale — at most 4000 characters"));
    assertThatThrownBy(
            () ->
                taskService.complete(
                    started.task().getId(), Map.of(HiringPipeline.VAR_VETTING_DECISION, "more-information")))
        .satisfies(thrown -> assertThat(validationFailure(thrown).getMessage()).contains("informationRequested"));
    assertThatThrownBy(() -> taskService.complete(started.task().getId(), Map.of()))
        .satisfies(thrown -> assertThat(validationFailure(thrown).getMessage()).contains("vettingDecision"));

    assertThat(reviewsOf(started.reference())).isZero();
    assertThat(vettingTask(started.instance())).as("the task is still open").isNotNull();
    assertThat(runtimeService.getVariables(started.instance().getId()))
        .as("nothing of the refused forms stayed in the case")
        .doesNotContainKeys(HiringPipeline.VAR_VETTING_DECISION, HiringPipeline.VAR_VETTING_RATIONALE);
  }
}
