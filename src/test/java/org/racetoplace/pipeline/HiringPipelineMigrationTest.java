package org.racetoplace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.racetoplace.pipeline.HiringPipeline.*;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.application.ApplicationOutcomes;

/**
 * What happens to running cases when a program manager deploys a new version of {@code
 * hiring-pipeline} and migrates them (docs/operations.md, "New model versions and migrating running
 * cases"): version 1 is the model in processes/, version 2 a copy changed here (a task renamed, a
 * documentation element added). Cases of three stages move with Camunda's migration API as a batch,
 * the way Cockpit or {@code POST /engine-rest/migration/executeAsync} runs it; a case of a stage
 * not selected stays on version 1. Delegates and listeners are stand-ins, as in {@link
 * HiringPipelineProcessTest}.
 */
class HiringPipelineMigrationTest {

  /** The engine of the process tests; its flow-node coverage is recorded but not asserted here. */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  private static final String MODEL = "processes/hiring-pipeline.bpmn";
  private static final List<String> RESOURCES =
      List.of(
          "processes/assessment-outcome.dmn",
          "processes/interview-outcome.dmn",
          "forms/vetting-review.form",
          "forms/reassign-vetting.form",
          "forms/schedule-interview.form",
          "forms/interview-scorecard.form",
          "forms/employer-review.form",
          "forms/employer-decision.form",
          "forms/confirm-placement.form");
  private static final String RENAMED = "Vet candidate (anonymized profile)";

  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;
  private RepositoryService repositoryService;
  private final Deque<Long> matches = new ArrayDeque<>();
  private int interviewAttempts;
  private ProcessDefinition v1;
  private ProcessDefinition v2;

  @BeforeEach
  void standIns() {
    runtimeService = engine.getRuntimeService();
    taskService = engine.getTaskService();
    managementService = engine.getManagementService();
    repositoryService = engine.getRepositoryService();
    Mocks.register("notifyCandidateDelegate", (JavaDelegate) execution -> {});
    Mocks.register(
        "screenApplicationDelegate",
        (JavaDelegate)
            execution -> {
              execution.setVariable(VAR_SCREENING_PASSED, true);
              execution.setVariable(VAR_SCREENING_OUTCOME, "PASSED");
            });
    Mocks.register(
        "scoreAssessmentDelegate",
        (JavaDelegate)
            execution -> {
              execution.setVariable("fundamentalsScore", 80);
              execution.setVariable("languageScore", 80);
              execution.setVariable("scaledScore", 80);
              execution.setVariable("roleTrack", "software-engineer");
            });
    Mocks.register("applicationOutcomes", mock(ApplicationOutcomes.class));
    Mocks.register("hiringRetries", new HiringRetries("R3/PT5M"));
    HiringTimers timers =
        new HiringTimers(
            Map.of(
                "assessmentReminder", "P3D",
                "assessmentDeadline", "P7D",
                "vettingReminder", "P2D",
                "vettingEscalation", "P5D",
                "candidateUpdateTimeout", "P7D",
                "interviewScheduling", "P5D",
                "employerReview", "P10D",
                "talentPoolRematch", "P7D",
                "talentPoolGiveUp", "P90D"),
            Clock.systemUTC());
    Mocks.register("hiringTimers", timers);
    Mocks.register("talentPool", new TalentPool(timers));
    Mocks.register("caseCounters", new CaseCounters());
    Mocks.register("vettingReminders", new VettingReminders(taskService));
    Mocks.register("vettingAssignments", new VettingAssignments(engine.getIdentityService()));
    for (String listener :
        List.of("candidateProfiles", "vettingReviews", "matchExplanations", "employerReviews", "hiringDecisions", "placements")) {
      Mocks.register(listener, (TaskListener) task -> {});
    }
    Mocks.register("interviewSchedules", (TaskListener) task -> task.setVariable(VAR_INTERVIEW_ATTEMPT, ++interviewAttempts));
    Mocks.register("interviewScorecards", (TaskListener) task -> task.setVariable(VAR_INTERVIEW_NO_SHOWS, 0));
    Mocks.register("scoreInterviewDelegate", (JavaDelegate) execution -> execution.setVariable(VAR_INTERVIEW_SCORE, 75));
    Mocks.register(
        "findMatchesDelegate",
        (JavaDelegate)
            execution -> {
              Long proposal = matches.isEmpty() ? null : matches.removeFirst();
              execution.setVariable(VAR_MATCH_FOUND, proposal != null);
              if (proposal != null) {
                execution.setVariable(VAR_MATCH_PROPOSAL_ID, proposal);
                execution.setVariable(VAR_EMPLOYER_GROUP, "employer-acme-" + proposal);
              }
            });
    Mocks.register("matchProposals", new HiringPipelineProcessTest.MatchProposalsStandIn());
  }

  @AfterEach
  void cleanUp() {
    Mocks.reset();
    repositoryService.createDeploymentQuery().list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  private ProcessDefinition deploy(String name, BpmnModelInstance model) {
    DeploymentBuilder deployment =
        repositoryService.createDeployment().name(name).addModelInstance("hiring-pipeline.bpmn", model);
    // the forms are bound by deployment (camunda:formRefBinding): they go with every version
    RESOURCES.forEach(deployment::addClasspathResource);
    String deploymentId = deployment.deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).processDefinitionKey(PROCESS_ID).singleResult();
  }

  private static BpmnModelInstance versionOne() {
    InputStream file = HiringPipelineMigrationTest.class.getClassLoader().getResourceAsStream(MODEL);
    return Bpmn.readModelFromStream(file);
  }

  /** Version 2 as a program manager would make it in the Modeler: a new task name, a note added. */
  private static BpmnModelInstance versionTwo() {
    BpmnModelInstance model = versionOne();
    UserTask vet = model.getModelElementById(TASK_VET_CANDIDATE);
    vet.setName(RENAMED);
    Documentation note = model.newInstance(Documentation.class);
    note.setTextContent("Version 2: reviewers see the anonymized profile first.");
    vet.getDocumentations().add(note);
    return model;
  }

  // --- cases as the pipeline leaves them ------------------------------------------------------

  private ProcessInstance start(String community, String reference) {
    return runtimeService.startProcessInstanceByKey(
        PROCESS_ID, reference, Map.of(VAR_APPLICATION_REFERENCE, reference, VAR_COMMUNITY, community));
  }

  private ProcessInstance waitingForAssessment(String community, String reference) {
    ProcessInstance pi = start(community, reference);
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_AWAIT_ASSESSMENT);
    return pi;
  }

  private ProcessInstance waitingForVetting(String community, String reference) {
    ProcessInstance pi = waitingForAssessment(community, reference);
    runtimeService.createMessageCorrelation(MESSAGE_ASSESSMENT_COMPLETED)
        .processInstanceBusinessKey(reference)
        .setVariable(VAR_ASSESSMENT_RESULT_ID, 4711L)
        .correlate();
    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
    return pi;
  }

  private ProcessInstance waitingForInterview(String community, String reference) {
    ProcessInstance pi = waitingForVetting(community, reference);
    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_SCHEDULE_INTERVIEW);
    return pi;
  }

  private Map<String, Date> timerDueDates(ProcessInstance pi) {
    Map<String, Date> due = new HashMap<>();
    for (Job timer : managementService.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
      due.put(managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId(),
          timer.getDuedate());
    }
    return due;
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** Seed job, one job per batch of instances, then the monitor job: what the job executor does. */
  private void runBatch(Batch batch) {
    execute(managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult());
    for (Job migration : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
      execute(migration);
    }
    execute(managementService.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).singleResult());
    assertThat(managementService.createBatchQuery().batchId(batch.getId()).count()).as("batch done").isZero();
  }

  @Test
  void runningCasesOfThreeStagesMoveToVersionTwoKeepingTasksTimersAndVariablesAndFinishThere() {
    v1 = deploy("hiring-pipeline v1", versionOne());
    ProcessInstance assessing = waitingForAssessment("hawaii", "HNL-000001");
    ProcessInstance vetting = waitingForVetting("birmingham", "BHM-000002");
    ProcessInstance scheduling = waitingForInterview("atlanta", "ATL-000003");
    ProcessInstance interviewing = waitingForInterview("akron", "AKR-000004");
    complete(task(interviewing), withVariables(VAR_INTERVIEW_AT, "2026-12-01T10:00", VAR_INTERVIEW_FORMAT, "video"));
    execute(job(interviewing));
    assertThat(interviewing).isWaitingAt(TASK_CONDUCT_INTERVIEW);

    Task vetTask = task(vetting);
    taskService.setAssignee(vetTask.getId(), "vetter-birmingham");
    Task scheduleTask = task(scheduling);
    Map<String, Date> assessTimers = timerDueDates(assessing);
    Map<String, Date> vetTimers = timerDueDates(vetting);
    assertThat(assessTimers).containsOnlyKeys(TIMER_ASSESSMENT_REMINDER, TIMER_ASSESSMENT_DEADLINE);
    assertThat(vetTimers).containsKeys(TIMER_VETTING_REMINDER, TIMER_VETTING_ESCALATION);

    v2 = deploy("hiring-pipeline v2", versionTwo());
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2.getId()).count())
        .as("a new version starts new cases only").isZero();

    // the cases waiting in Assess, Vet and the scheduling step of Interview; not the one in its interview
    MigrationPlan plan = runtimeService.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities().build();
    Batch batch =
        runtimeService.newMigration(plan)
            .processInstanceQuery(
                runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(v1.getId())
                    .activityIdIn(TASK_AWAIT_ASSESSMENT, TASK_VET_CANDIDATE, TASK_SCHEDULE_INTERVIEW))
            .executeAsync();
    assertThat(batch.getTotalJobs()).isEqualTo(3);
    runBatch(batch);

    for (ProcessInstance pi : List.of(assessing, vetting, scheduling)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId())
          .isEqualTo(v2.getId());
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(interviewing.getId()).singleResult().getProcessDefinitionId())
        .as("not selected: stays on version 1").isEqualTo(v1.getId());

    // open tasks: the same task, its assignee, groups and due date; the name is the task's own
    Task migratedVet = task(vetting);
    assertThat(migratedVet.getId()).isEqualTo(vetTask.getId());
    assertThat(migratedVet.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(migratedVet.getAssignee()).isEqualTo("vetter-birmingham");
    assertThat(candidateGroups(migratedVet)).containsExactly("vetters-birmingham");
    assertThat(migratedVet.getDueDate()).isEqualTo(vetTask.getDueDate());
    assertThat(migratedVet.getName()).as("kept from version 1 until the task is created anew").isEqualTo(vetTask.getName());
    Task migratedSchedule = task(scheduling);
    assertThat(migratedSchedule.getId()).isEqualTo(scheduleTask.getId());
    assertThat(candidateGroups(migratedSchedule)).containsExactly("interviewers");
    assertThat(migratedSchedule.getDueDate()).isEqualTo(scheduleTask.getDueDate());

    // timers: the same jobs with the same due dates, not counted again from the migration
    assertThat(timerDueDates(assessing)).isEqualTo(assessTimers);
    assertThat(timerDueDates(vetting)).isEqualTo(vetTimers);

    // variables survive as they were
    assertThat(runtimeService.getVariables(vetting.getId()))
        .containsEntry(VAR_APPLICATION_REFERENCE, "BHM-000002")
        .containsEntry(VAR_COMMUNITY, "birmingham")
        .containsEntry(VAR_ASSESSMENT_RESULT_ID, 4711L)
        .containsEntry("scaledScore", 80);
    assertThat(runtimeService.getVariables(assessing.getId())).containsEntry(VAR_COMMUNITY, "hawaii");

    // and each case goes on to its end on version 2
    execute(timer(assessing, TIMER_ASSESSMENT_DEADLINE));
    assertThat(assessing).isWaitingAt(TASK_NOTIFY_EXPIRED);
    execute(job(assessing));
    assertThat(assessing).hasPassed(END_EXPIRED).isEnded();

    complete(task(vetting), withVariables(VAR_VETTING_DECISION, DECISION_DECLINE));
    assertThat(vetting).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job(vetting));
    assertThat(vetting).hasPassed(END_NOT_ADVANCED).isEnded();

    matches.add(301L);
    complete(task(scheduling), withVariables(VAR_INTERVIEW_AT, "2026-12-02T10:00", VAR_INTERVIEW_FORMAT, "video"));
    execute(job(scheduling));
    complete(task(scheduling), withVariables(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_ATTENDED, VAR_INTERVIEW_RECOMMENDATION, "yes"));
    assertThat(scheduling).isWaitingAt(TASK_EMPLOYER_REVIEW);
    complete(task(scheduling), withVariables(VAR_EMPLOYER_DECISION, DECISION_INVITE));
    execute(job(scheduling));
    complete(task(scheduling), withVariables(VAR_HIRING_DECISION, DECISION_HIRE));
    assertThat(scheduling).isWaitingAt(TASK_CONFIRM_PLACEMENT);
    complete(task(scheduling), withVariables(VAR_PLACEMENT_START_DATE, "2027-01-04"));
    execute(job(scheduling));
    assertThat(scheduling).hasPassed(END_PLACED).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(scheduling.getId()).singleResult()
            .getProcessDefinitionId())
        .isEqualTo(v2.getId());

    // a case that arrives at the renamed task after the migration gets the new name
    ProcessInstance fresh = waitingForVetting("seattle", "SEA-000005");
    assertThat(task(fresh).getName()).isEqualTo(RENAMED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(fresh.getId()).singleResult().getProcessDefinitionId())
        .isEqualTo(v2.getId());
  }
}
