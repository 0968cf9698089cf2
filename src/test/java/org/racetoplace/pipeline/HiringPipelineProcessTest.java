package org.racetoplace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_APPROVE;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_DECLINE;
import static org.racetoplace.pipeline.HiringPipeline.END_ASSESSMENT_FAILED;
import static org.racetoplace.pipeline.HiringPipeline.END_EXPIRED;
import static org.racetoplace.pipeline.HiringPipeline.END_NOT_ADVANCED;
import static org.racetoplace.pipeline.HiringPipeline.END_SCREENED_OUT;
import static org.racetoplace.pipeline.HiringPipeline.END_VETTED;
import static org.racetoplace.pipeline.HiringPipeline.END_WITHDRAWN;
import static org.racetoplace.pipeline.HiringPipeline.GATEWAY_VETTING_APPROVED;
import static org.racetoplace.pipeline.HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED;
import static org.racetoplace.pipeline.HiringPipeline.MESSAGE_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.PROCESS_ID;
import static org.racetoplace.pipeline.HiringPipeline.START_APPLICATION_RECEIVED;
import static org.racetoplace.pipeline.HiringPipeline.START_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.TASK_AWAIT_ASSESSMENT;
import static org.racetoplace.pipeline.HiringPipeline.TASK_DECIDE_ASSESSMENT_OUTCOME;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_EXPIRED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_NOT_ADVANCED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_VETTING_PASSED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_WITHDRAWN;
import static org.racetoplace.pipeline.HiringPipeline.TASK_RAISE_VETTING_PRIORITY;
import static org.racetoplace.pipeline.HiringPipeline.TASK_REASSIGN_VETTING;
import static org.racetoplace.pipeline.HiringPipeline.TASK_SCORE_ASSESSMENT;
import static org.racetoplace.pipeline.HiringPipeline.TASK_SCREEN_APPLICATION;
import static org.racetoplace.pipeline.HiringPipeline.TASK_SEND_ASSESSMENT_REMINDER;
import static org.racetoplace.pipeline.HiringPipeline.TASK_SEND_CONFIRMATION;
import static org.racetoplace.pipeline.HiringPipeline.TIMER_ASSESSMENT_DEADLINE;
import static org.racetoplace.pipeline.HiringPipeline.TIMER_ASSESSMENT_REMINDER;
import static org.racetoplace.pipeline.HiringPipeline.TIMER_VETTING_ESCALATION;
import static org.racetoplace.pipeline.HiringPipeline.TIMER_VETTING_REMINDER;
import static org.racetoplace.pipeline.HiringPipeline.TASK_VET_CANDIDATE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_APPLICATION_REFERENCE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_ASSESSMENT_PASSED;
import static org.racetoplace.pipeline.HiringPipeline.VAR_ASSESSMENT_RESULT_ID;
import static org.racetoplace.pipeline.HiringPipeline.VAR_COMMUNITY;
import static org.racetoplace.pipeline.HiringPipeline.VAR_SCREENING_OUTCOME;
import static org.racetoplace.pipeline.HiringPipeline.VAR_SCREENING_PASSED;
import static org.racetoplace.pipeline.HiringPipeline.VAR_VETTING_ASSIGNEE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_VETTING_DECISION;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.application.ApplicationOutcomes;

/**
 * Every path of {@code processes/hiring-pipeline.bpmn} (with {@code assessment-outcome.dmn}),
 * loaded from the very files deployed. Delegates are stand-ins that record what the model asked
 * of them; their own behaviour is tested in their packages. Each {@code execute(job())} is a
 * transaction border the model sets on purpose: mail steps and timers run in jobs of their own.
 */
@Deployment(
    resources = {
      "processes/hiring-pipeline.bpmn",
      "processes/assessment-outcome.dmn",
      "forms/vetting-review.form",
      "forms/reassign-vetting.form"
    })
class HiringPipelineProcessTest {

  /** Fails the class when its tests together pass less than 90 % of the model's flow nodes. */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(0.9)
          .build();

  /** "activityId:notificationEvent[:outcome]" for every message the model asked to send. */
  private final List<String> messages = new ArrayList<>();
  private final ApplicationOutcomes outcomes = mock(ApplicationOutcomes.class);
  private JavaDelegate mail;
  private boolean screeningPasses = true;
  /** fundamentals and language score the stand-in scorer reports */
  private int fundamentals = 80;
  private int language = 80;

  @BeforeEach
  void registerDelegates() throws Exception {
    mail = mock(JavaDelegate.class);
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              Object outcome = execution.getVariableLocal("notificationOutcome");
              messages.add(
                  execution.getCurrentActivityId() + ":" + execution.getVariableLocal("notificationEvent")
                      + (outcome == null ? "" : ":" + outcome));
              return null;
            })
        .when(mail)
        .execute(any());
    Mocks.register("notifyCandidateDelegate", mail);
    Mocks.register(
        "screenApplicationDelegate",
        (JavaDelegate)
            execution -> {
              execution.setVariable(VAR_SCREENING_PASSED, screeningPasses);
              execution.setVariable(VAR_SCREENING_OUTCOME, screeningPasses ? "PASSED" : "OPEN_IN_OTHER_COMMUNITY");
            });
    Mocks.register(
        "scoreAssessmentDelegate",
        (JavaDelegate)
            execution -> {
              assertThat(execution.getVariable(VAR_ASSESSMENT_RESULT_ID)).isEqualTo(4711L);
              execution.setVariable("fundamentalsScore", fundamentals);
              execution.setVariable("languageScore", language);
              execution.setVariable("scaledScore", (int) Math.round(0.6 * fundamentals + 0.4 * language));
              execution.setVariable("roleTrack", "software-engineer");
            });
    Mocks.register("applicationOutcomes", outcomes);
    Mocks.register("hiringRetries", new HiringRetries("R3/PT5M"));
    Mocks.register(
        "hiringTimers",
        new HiringTimers(
            Map.of(
                "assessmentReminder", "P3D",
                "assessmentDeadline", "P7D",
                "vettingReminder", "P2D",
                "vettingEscalation", "P5D"),
            Clock.systemUTC()));
    Mocks.register("vettingReminders", new VettingReminders(engine.getTaskService()));
    Mocks.register("vettingAssignments", new VettingAssignments(engine.getIdentityService()));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  // --- helpers that read like the process --------------------------------------------------

  private ProcessInstance startCase(String community, String reference) {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_ID,
            reference,
            Map.of(VAR_APPLICATION_REFERENCE, reference, VAR_COMMUNITY, community));
  }

  /** Apply: screening runs with the start, the confirmation in its own job. */
  private ProcessInstance applied(String community, String reference) {
    ProcessInstance pi = startCase(community, reference);
    assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION);
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_AWAIT_ASSESSMENT);
    return pi;
  }

  private static void assessmentCompleted(String reference) {
    runtimeService()
        .createMessageCorrelation(MESSAGE_ASSESSMENT_COMPLETED)
        .processInstanceBusinessKey(reference)
        .setVariable(VAR_ASSESSMENT_RESULT_ID, 4711L)
        .correlate();
  }

  /** Apply and Assess passed: the case waits for its community's vetters. */
  private ProcessInstance waitingForVetting(String community, String reference) {
    ProcessInstance pi = applied(community, reference);
    assessmentCompleted(reference);
    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
    return pi;
  }

  private static Job timer(ProcessInstance pi, String timerId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId).singleResult();
  }

  private static void withdraw(String reference) {
    runtimeService()
        .createMessageCorrelation(MESSAGE_CANDIDATE_WITHDREW)
        .processInstanceBusinessKey(reference)
        .correlate();
  }

  // --- Apply ---------------------------------------------------------------------------------

  @Test
  void aScreenedApplicationIsConfirmedInItsOwnTransactionAndWaitsForItsAssessment() {
    ProcessInstance pi = startCase("birmingham", "BHM-000001");

    assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION).hasPassed(TASK_SCREEN_APPLICATION);
    assertThat(messages).as("nothing is sent inside the intake transaction").isEmpty();

    execute(job(pi));

    assertThat(messages).containsExactly(TASK_SEND_CONFIRMATION + ":CONFIRMATION_WITH_INVITATION");
    assertThat(pi).isWaitingAt(TASK_AWAIT_ASSESSMENT);
    assertThat(timer(pi, TIMER_ASSESSMENT_REMINDER)).isNotNull();
    assertThat(timer(pi, TIMER_ASSESSMENT_DEADLINE)).isNotNull();
  }

  @Test
  void aScreenedOutApplicationIsNotAdvancedWithoutAnInvitation() {
    screeningPasses = false;
    ProcessInstance pi = startCase("atlanta", "ATL-000001");

    assertThat(pi).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job(pi));

    assertThat(pi).hasPassed(END_SCREENED_OUT, END_NOT_ADVANCED).hasNotPassed(TASK_SEND_CONFIRMATION).isEnded();
    assertThat(messages).containsExactly(TASK_NOTIFY_NOT_ADVANCED + ":NOT_ADVANCED");
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  // --- Assess --------------------------------------------------------------------------------

  @Test
  void aPassingAssessmentGoesToTheCommunitysVetters() {
    ProcessInstance pi = applied("rhode-island", "PVD-000007");

    assessmentCompleted("PVD-000007");

    assertThat(pi)
        .hasPassedInOrder(TASK_AWAIT_ASSESSMENT, TASK_SCORE_ASSESSMENT, TASK_DECIDE_ASSESSMENT_OUTCOME)
        .isWaitingAt(TASK_VET_CANDIDATE)
        .variables()
        .containsEntry(VAR_ASSESSMENT_PASSED, true);
    assertThat(task(pi)).hasCandidateGroup("vetters-rhode-island").isNotAssigned();
    assertThat(task(pi).getDueDate()).isInTheFuture();
    assertThat(
            engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys()
                .singleResult().getCamundaFormRef().getKey())
        .isEqualTo("vetting-review");
    assertThat(timer(pi, TIMER_ASSESSMENT_DEADLINE)).as("the deadline ends with the stage").isNull();
  }

  @Test
  void anAssessmentBelowThePassMarkIsNotAdvanced() {
    fundamentals = 40;
    language = 90;
    ProcessInstance pi = applied("akron", "AKR-000002");

    assessmentCompleted("AKR-000002");
    assertThat(pi).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job(pi));

    assertThat(pi).hasPassed(END_ASSESSMENT_FAILED, END_NOT_ADVANCED).hasNotPassed(TASK_VET_CANDIDATE).isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_NOT_ADVANCED + ":NOT_ADVANCED");
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  @Test
  void aReminderThenTheDeadlineExpiresTheCase() {
    ProcessInstance pi = applied("hawaii", "HNL-000003");

    execute(timer(pi, TIMER_ASSESSMENT_REMINDER));
    assertThat(pi).isWaitingAt(TASK_AWAIT_ASSESSMENT, TASK_SEND_ASSESSMENT_REMINDER);
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).activityId(TASK_SEND_ASSESSMENT_REMINDER).singleResult());
    assertThat(pi).isWaitingAt(TASK_AWAIT_ASSESSMENT);
    assertThat(messages).endsWith(TASK_SEND_ASSESSMENT_REMINDER + ":ASSESSMENT_REMINDER");

    execute(timer(pi, TIMER_ASSESSMENT_DEADLINE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_EXPIRED);
    execute(job(pi));

    assertThat(pi).hasPassed(END_EXPIRED).hasNotPassed(TASK_SCORE_ASSESSMENT).isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_EXPIRED + ":ASSESSMENT_EXPIRED");
    verify(outcomes).record(any(), eq("EXPIRED"));
  }

  // --- Vet -----------------------------------------------------------------------------------

  @Test
  void approvedVettingTellsTheCandidateAndEndsAsVetted() {
    ProcessInstance pi = waitingForVetting("atlanta", "ATL-000004");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_VETTING_PASSED);
    execute(job(pi));

    assertThat(pi)
        .hasPassedInOrder(
            START_APPLICATION_RECEIVED, TASK_SCREEN_APPLICATION, TASK_SEND_CONFIRMATION, TASK_AWAIT_ASSESSMENT,
            TASK_SCORE_ASSESSMENT, TASK_VET_CANDIDATE, GATEWAY_VETTING_APPROVED, TASK_NOTIFY_VETTING_PASSED,
            END_VETTED)
        .hasNotPassed(END_NOT_ADVANCED)
        .isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_VETTING_PASSED + ":VETTING_OUTCOME:approve");
  }

  @Test
  void declinedVettingTellsTheCandidateKindlyAndRecordsTheOutcome() {
    ProcessInstance pi = waitingForVetting("seattle", "SEA-000005");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_DECLINE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job(pi));

    assertThat(pi).hasPassed(GATEWAY_VETTING_APPROVED, END_NOT_ADVANCED).hasNotPassed(END_VETTED).isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_NOT_ADVANCED + ":NOT_ADVANCED");
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  @Test
  void anUnfinishedVettingTaskIsRaisedToTheTopOfTasklist() {
    ProcessInstance pi = waitingForVetting("birmingham", "BHM-000006");
    int before = task(pi).getPriority();

    execute(timer(pi, TIMER_VETTING_REMINDER));

    assertThat(pi).hasPassed(TASK_RAISE_VETTING_PRIORITY).isWaitingAt(TASK_VET_CANDIDATE);
    assertThat(task(pi).getPriority()).isGreaterThan(before).isEqualTo(80);
  }

  @Test
  void anOverdueVettingIsReassignedByAProgramManagerAndGoesBackToTheVetters() {
    ProcessInstance pi = waitingForVetting("akron", "AKR-000008");

    execute(timer(pi, TIMER_VETTING_ESCALATION));

    assertThat(pi).isWaitingAt(TASK_REASSIGN_VETTING);
    assertThat(task(pi)).hasCandidateGroup("program-managers");
    complete(task(pi));

    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
    assertThat(task(pi)).hasCandidateGroup("vetters-akron").isNotAssigned();
    assertThat(timer(pi, TIMER_VETTING_ESCALATION)).as("a fresh escalation window").isNotNull();
  }

  @Test
  void aProgramManagerMayHandTheOverdueVettingToOneVetterOfTheCommunity() {
    vetter("vetter-ana", "vetters-akron");
    ProcessInstance pi = waitingForVetting("akron", "AKR-000013");
    execute(timer(pi, TIMER_VETTING_ESCALATION));

    complete(task(pi), withVariables(VAR_VETTING_ASSIGNEE, "vetter-ana"));

    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
    assertThat(task(pi)).isAssignedTo("vetter-ana");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
        .as("the community still sees it")
        .anyMatch(link -> "vetters-akron".equals(link.getGroupId()));
  }

  @Test
  void aVetterOfAnotherCommunityCannotBeChosen() {
    vetter("vetter-bo", "vetters-birmingham");
    ProcessInstance pi = waitingForVetting("akron", "AKR-000014");
    execute(timer(pi, TIMER_VETTING_ESCALATION));
    String reassign = task(pi).getId();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.getTaskService().complete(reassign, Map.of(VAR_VETTING_ASSIGNEE, "vetter-bo")))
        .hasMessageContaining("vetters-akron");

    assertThat(pi).isWaitingAt(TASK_REASSIGN_VETTING);
  }

  private static void vetter(String userId, String group) {
    var identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    identity.saveUser(identity.newUser(userId));
    identity.createMembership(userId, group);
  }

  // --- Withdrawal, in every stage ------------------------------------------------------------

  @Test
  void candidateMayWithdrawBeforeTheConfirmationGoesOut() {
    ProcessInstance pi = startCase("hawaii", "HNL-000009");

    withdraw("HNL-000009");
    execute(job(pi));

    assertThat(pi).hasPassed(END_WITHDRAWN).hasNotPassed(TASK_AWAIT_ASSESSMENT).isEnded();
    assertThat(messages).containsExactly(TASK_NOTIFY_WITHDRAWN + ":WITHDRAWN");
  }

  @Test
  void candidateMayWithdrawWhileTheAssessmentIsOpen() {
    ProcessInstance pi = applied("seattle", "SEA-000010");

    withdraw("SEA-000010");
    execute(job(pi));

    assertThat(pi).hasPassed(START_CANDIDATE_WITHDREW, END_WITHDRAWN).isEnded();
    assertThat(timer(pi, TIMER_ASSESSMENT_DEADLINE)).isNull();
    assertThat(messages).endsWith(TASK_NOTIFY_WITHDRAWN + ":WITHDRAWN");
  }

  @Test
  void candidateMayWithdrawWhileWaitingForVetting() {
    ProcessInstance pi = waitingForVetting("akron", "AKR-000011");

    withdraw("AKR-000011");
    assertThat(pi).isWaitingAt(TASK_NOTIFY_WITHDRAWN);
    execute(job(pi));

    assertThat(pi)
        .hasPassed(START_CANDIDATE_WITHDREW, TASK_NOTIFY_WITHDRAWN, END_WITHDRAWN)
        .hasNotPassed(END_VETTED, END_NOT_ADVANCED)
        .isEnded();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // --- faults --------------------------------------------------------------------------------

  @Test
  void aFailingMailServerLeavesAnIncidentAndTheCaseWaits() throws Exception {
    doAnswer(call -> { throw new IllegalStateException("mail server down"); }).when(mail).execute(any());
    ProcessInstance pi = startCase("birmingham", "BHM-000012");

    for (int attempt = 1; attempt <= 3; attempt++) {
      Job confirmation = job(pi);
      try {
        managementService().executeJob(confirmation.getId());
      } catch (IllegalStateException expected) {
        // each failed attempt uses up one retry of R3/PT5M
      }
    }

    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
        .isNotNull()
        .extracting(incident -> incident.getActivityId())
        .isEqualTo(TASK_SEND_CONFIRMATION);
    assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION).isNotEnded();
  }
}
