package org.racetoplace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.racetoplace.pipeline.HiringPipeline.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.application.ApplicationOutcomes;

/**
 * Every path of {@code processes/hiring-pipeline.bpmn} (with its two decisions), loaded from the
 * very files deployed. Delegates and listeners are stand-ins that record what the model asked of
 * them; their own behaviour is tested in their packages. Each {@code execute(job())} is a
 * transaction border the model sets on purpose: mail steps and timers run in jobs of their own.
 */
@Deployment(
    resources = {
      "processes/hiring-pipeline.bpmn",
      "processes/assessment-outcome.dmn",
      "processes/interview-outcome.dmn",
      "forms/vetting-review.form",
      "forms/reassign-vetting.form",
      "forms/schedule-interview.form",
      "forms/interview-scorecard.form",
      "forms/employer-review.form",
      "forms/employer-decision.form",
      "forms/confirm-placement.form"
    })
class HiringPipelineProcessTest {

  /** Fails the class when its tests together pass less than 90 % of the model's flow nodes. */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(0.9)
          .build();

  /** "activityId:notificationEvent[:outcome][#sequence]" for every message the model asked to send. */
  private final List<String> messages = new ArrayList<>();
  /** The task listeners the model called, "listener@taskDefinitionKey". */
  private final List<String> listenerCalls = new ArrayList<>();
  private final ApplicationOutcomes outcomes = mock(ApplicationOutcomes.class);
  private final MatchProposalsStandIn proposals = new MatchProposalsStandIn();
  private JavaDelegate mail;
  private boolean screeningPasses = true;
  /** fundamentals and language score the stand-in scorer reports */
  private int fundamentals = 80;
  private int language = 80;
  private int interviewScore = 75;
  /** what the stand-in matcher finds on each call: a proposal id, or null for "no opening" */
  private final Deque<Long> matches = new ArrayDeque<>();
  private int interviewAttempts;
  private int noShows;

  /** The model calls {@code ${matchProposals.expire(execution)}} and {@code closeOpen}. */
  public static class MatchProposalsStandIn {
    public final List<Object> expired = new ArrayList<>();
    public int closed;

    public void expire(DelegateExecution execution) {
      expired.add(execution.getVariable(VAR_MATCH_PROPOSAL_ID));
    }

    public void closeOpen(DelegateExecution execution) {
      closed++;
    }
  }

  @BeforeEach
  void registerDelegates() throws Exception {
    mail = mock(JavaDelegate.class);
    doAnswer(
            call -> {
              DelegateExecution execution = call.getArgument(0);
              Object outcome = execution.getVariableLocal("notificationOutcome");
              Object sequence = execution.getVariable("notificationSequence");
              messages.add(
                  execution.getCurrentActivityId() + ":" + execution.getVariableLocal("notificationEvent")
                      + (outcome == null ? "" : ":" + outcome)
                      + (sequence == null ? "" : "#" + sequence));
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
    Mocks.register("vettingReminders", new VettingReminders(engine.getTaskService()));
    Mocks.register("vettingAssignments", new VettingAssignments(engine.getIdentityService()));
    for (String listener :
        List.of("candidateProfiles", "vettingReviews", "matchExplanations", "employerReviews", "hiringDecisions", "placements")) {
      Mocks.register(listener, (TaskListener) task -> listenerCalls.add(listener + "@" + task.getTaskDefinitionKey()));
    }
    Mocks.register(
        "interviewSchedules",
        (TaskListener) task -> task.setVariable(VAR_INTERVIEW_ATTEMPT, ++interviewAttempts));
    Mocks.register(
        "interviewScorecards",
        (TaskListener)
            task -> {
              if (ATTENDANCE_NO_SHOW.equals(task.getVariable(VAR_INTERVIEW_ATTENDANCE))) {
                noShows++;
              }
              task.setVariable(VAR_INTERVIEW_NO_SHOWS, noShows);
            });
    Mocks.register(
        "scoreInterviewDelegate",
        (JavaDelegate) execution -> execution.setVariable(VAR_INTERVIEW_SCORE, interviewScore));
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
    Mocks.register("matchProposals", proposals);
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

  /** Vetting approved and the candidate told: an interviewer is to schedule the interview. */
  private ProcessInstance waitingForInterview(String community, String reference) {
    ProcessInstance pi = waitingForVetting(community, reference);
    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_SCHEDULE_INTERVIEW);
    return pi;
  }

  /** Schedules the interview and sends the candidate the notice: the interview is due. */
  private void interviewScheduled(ProcessInstance pi) {
    complete(task(pi), withVariables(VAR_INTERVIEW_AT, "2026-12-01T10:00", VAR_INTERVIEW_FORMAT, "video"));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_INTERVIEW_SCHEDULED);
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_CONDUCT_INTERVIEW);
  }

  private void interviewAttended(ProcessInstance pi, String recommendation) {
    complete(
        task(pi),
        withVariables(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_ATTENDED, VAR_INTERVIEW_RECOMMENDATION, recommendation));
  }

  /** Interview passed: the matcher runs at once (with whatever {@link #matches} holds). */
  private ProcessInstance interviewPassed(String community, String reference) {
    ProcessInstance pi = waitingForInterview(community, reference);
    interviewScheduled(pi);
    interviewAttended(pi, "yes");
    assertThat(pi).hasPassed(END_STAGE_INTERVIEW_PASSED);
    return pi;
  }

  private static final String END_STAGE_INTERVIEW_PASSED = "EndEvent_InterviewPassed";

  private static Job timer(ProcessInstance pi, String timerId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId).singleResult();
  }

  private static void withdraw(String reference) {
    runtimeService()
        .createMessageCorrelation(MESSAGE_CANDIDATE_WITHDREW)
        .processInstanceBusinessKey(reference)
        .correlate();
  }

  private static void notAdvancedNoticeSent(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job(pi));
    assertThat(pi).hasPassed(END_NOT_ADVANCED).isEnded();
  }

  // --- the whole way ---------------------------------------------------------------------------

  @Test
  void aCandidateGoesFromApplicationToPlacement() {
    matches.add(101L);
    ProcessInstance pi = interviewPassed("birmingham", "BHM-000100");

    assertThat(pi).isWaitingAt(TASK_EMPLOYER_REVIEW).variables().containsEntry(VAR_MATCH_PROPOSAL_ID, 101L);
    assertThat(task(pi)).hasCandidateGroup("employer-acme-101");
    assertThat(task(pi).getDueDate()).isInTheFuture();
    complete(task(pi), withVariables(VAR_EMPLOYER_DECISION, DECISION_INVITE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_MATCH_FOUND);
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_EMPLOYER_DECISION);
    assertThat(task(pi)).hasCandidateGroup("employer-acme-101");
    complete(task(pi), withVariables(VAR_HIRING_DECISION, DECISION_HIRE));
    assertThat(pi).isWaitingAt(TASK_CONFIRM_PLACEMENT);
    assertThat(task(pi)).hasCandidateGroup("staff");
    complete(task(pi), withVariables(VAR_PLACEMENT_START_DATE, "2027-01-04"));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_PLACED);
    execute(job(pi));

    assertThat(pi)
        .hasPassed(STAGE_APPLY, STAGE_ASSESS, STAGE_VET, STAGE_INTERVIEW, STAGE_MATCH)
        .hasPassedInOrder(
            TASK_SCREEN_APPLICATION, TASK_SEND_CONFIRMATION, TASK_SCORE_ASSESSMENT, TASK_VET_CANDIDATE,
            TASK_SCHEDULE_INTERVIEW, TASK_CONDUCT_INTERVIEW, TASK_SCORE_INTERVIEW, TASK_DECIDE_INTERVIEW_OUTCOME,
            TASK_FIND_MATCHES, TASK_EMPLOYER_REVIEW, TASK_EMPLOYER_DECISION, TASK_CONFIRM_PLACEMENT,
            TASK_NOTIFY_PLACED, END_PLACED)
        .hasNotPassed(END_NOT_ADVANCED)
        .isEnded();
    assertThat(messages)
        .containsExactly(
            TASK_SEND_CONFIRMATION + ":CONFIRMATION_WITH_INVITATION",
            TASK_NOTIFY_VETTING_PASSED + ":VETTING_OUTCOME:approve",
            TASK_NOTIFY_INTERVIEW_SCHEDULED + ":INTERVIEW_SCHEDULED#1",
            TASK_NOTIFY_MATCH_FOUND + ":MATCH_FOUND#101",
            TASK_NOTIFY_PLACED + ":PLACED");
    assertThat(listenerCalls)
        .contains(
            "candidateProfiles@" + TASK_VET_CANDIDATE, "vettingReviews@" + TASK_VET_CANDIDATE,
            "candidateProfiles@" + TASK_EMPLOYER_REVIEW, "matchExplanations@" + TASK_EMPLOYER_REVIEW,
            "employerReviews@" + TASK_EMPLOYER_REVIEW, "hiringDecisions@" + TASK_EMPLOYER_DECISION,
            "matchExplanations@" + TASK_CONFIRM_PLACEMENT, "placements@" + TASK_CONFIRM_PLACEMENT);
    verify(outcomes).record(any(), eq("PLACED"));
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

    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed(END_SCREENED_OUT).hasNotPassed(TASK_SEND_CONFIRMATION);
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
    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed(END_ASSESSMENT_FAILED).hasNotPassed(TASK_VET_CANDIDATE);
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
  void approvedVettingTellsTheCandidateAndGoesToTheInterview() {
    ProcessInstance pi = waitingForVetting("atlanta", "ATL-000004");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_VETTING_PASSED);
    execute(job(pi));

    assertThat(pi)
        .hasPassedInOrder(
            START_APPLICATION_RECEIVED, TASK_SCREEN_APPLICATION, TASK_SEND_CONFIRMATION, TASK_AWAIT_ASSESSMENT,
            TASK_SCORE_ASSESSMENT, TASK_VET_CANDIDATE, GATEWAY_VETTING_APPROVED, TASK_NOTIFY_VETTING_PASSED)
        .isWaitingAt(TASK_SCHEDULE_INTERVIEW);
    assertThat(task(pi)).hasCandidateGroup("interviewers");
    assertThat(task(pi).getDueDate()).isInTheFuture();
    assertThat(messages).endsWith(TASK_NOTIFY_VETTING_PASSED + ":VETTING_OUTCOME:approve");
  }

  @Test
  void declinedVettingTellsTheCandidateKindlyAndRecordsTheOutcome() {
    ProcessInstance pi = waitingForVetting("seattle", "SEA-000005");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_DECLINE));
    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed(GATEWAY_VETTING_APPROVED).hasNotPassed(TASK_SCHEDULE_INTERVIEW);
    assertThat(messages).endsWith(TASK_NOTIFY_NOT_ADVANCED + ":NOT_ADVANCED");
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  @Test
  void moreInformationIsAskedForThenTheUpdateGoesBackToTheVetters() {
    ProcessInstance pi = waitingForVetting("birmingham", "BHM-000015");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_MORE_INFORMATION));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_MORE_INFORMATION);
    execute(job(pi));
    assertThat(pi).isWaitingAt(TASK_AWAIT_CANDIDATE_UPDATE);
    assertThat(timer(pi, TIMER_CANDIDATE_UPDATE_TIMEOUT).getDuedate()).isInTheFuture();

    runtimeService().createMessageCorrelation(MESSAGE_CANDIDATE_UPDATED).processInstanceBusinessKey("BHM-000015").correlate();

    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
    assertThat(task(pi)).hasCandidateGroup("vetters-birmingham");
    assertThat(timer(pi, TIMER_CANDIDATE_UPDATE_TIMEOUT)).isNull();
    assertThat(runtimeService().getVariables(pi.getId()))
        .as("the form of the new round opens with no decision chosen")
        .doesNotContainKey(VAR_VETTING_DECISION);

    // a second question gets its own message, not a duplicate of the first
    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_MORE_INFORMATION));
    execute(job(pi));
    assertThat(messages)
        .containsSubsequence(
            TASK_NOTIFY_MORE_INFORMATION + ":MORE_INFORMATION_NEEDED#1",
            TASK_NOTIFY_MORE_INFORMATION + ":MORE_INFORMATION_NEEDED#2");
    assertThat(listenerCalls.stream().filter(("vettingReviews@" + TASK_VET_CANDIDATE)::equals)).hasSize(2);
  }

  @Test
  void moreInformationNotSentInTimeEndsTheCaseAsNotAdvanced() {
    ProcessInstance pi = waitingForVetting("seattle", "SEA-000016");
    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_MORE_INFORMATION));
    execute(job(pi));

    execute(timer(pi, TIMER_CANDIDATE_UPDATE_TIMEOUT));
    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed("EndEvent_NoCandidateUpdate").hasNotPassed(TASK_SCHEDULE_INTERVIEW);
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

    assertThatThrownBy(() -> engine.getTaskService().complete(reassign, Map.of(VAR_VETTING_ASSIGNEE, "vetter-bo")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
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

  // --- Interview -----------------------------------------------------------------------------

  @Test
  void aNoShowIsRescheduledOnceAndASecondNoShowIsNotAdvanced() {
    ProcessInstance pi = waitingForInterview("hawaii", "HNL-000020");
    interviewScheduled(pi);

    complete(task(pi), withVariables(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_NO_SHOW));

    assertThat(pi).hasPassed(GATEWAY_RESCHEDULE_ALLOWED).isWaitingAt(TASK_SCHEDULE_INTERVIEW);
    interviewScheduled(pi);
    assertThat(messages)
        .as("the new appointment is a new message")
        .containsSubsequence(
            TASK_NOTIFY_INTERVIEW_SCHEDULED + ":INTERVIEW_SCHEDULED#1",
            TASK_NOTIFY_INTERVIEW_SCHEDULED + ":INTERVIEW_SCHEDULED#2");

    complete(task(pi), withVariables(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_NO_SHOW));
    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed("EndEvent_SecondNoShow").hasNotPassed(TASK_SCORE_INTERVIEW, STAGE_MATCH);
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  @Test
  void aRescheduledInterviewThatTakesPlaceGoesOnToMatching() {
    ProcessInstance pi = waitingForInterview("seattle", "SEA-000021");
    interviewScheduled(pi);
    complete(task(pi), withVariables(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_NO_SHOW));
    interviewScheduled(pi);

    interviewAttended(pi, "strong-yes");

    assertThat(pi).hasPassed(TASK_SCORE_INTERVIEW, TASK_FIND_MATCHES).isWaitingAt(GATEWAY_TALENT_POOL);
  }

  @Test
  void anInterviewerWhoDoesNotRecommendTheCandidateEndsTheCase() {
    ProcessInstance pi = waitingForInterview("akron", "AKR-000022");
    interviewScheduled(pi);

    interviewAttended(pi, "no");
    notAdvancedNoticeSent(pi);

    assertThat(pi).hasPassed(TASK_DECIDE_INTERVIEW_OUTCOME, "EndEvent_InterviewNotPassed").hasNotPassed(STAGE_MATCH);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aLowInterviewScoreIsNotAdvancedEvenWhenRecommended() {
    interviewScore = 40;
    ProcessInstance pi = waitingForInterview("atlanta", "ATL-000023");
    interviewScheduled(pi);

    interviewAttended(pi, "yes");

    notAdvancedNoticeSent(pi);
    assertThat(pi).hasPassed("EndEvent_InterviewNotPassed");
  }

  // --- Match ---------------------------------------------------------------------------------

  @Test
  void withoutAnOpeningTheCaseWaitsInTheTalentPoolUntilAnOpeningIsPosted() {
    ProcessInstance pi = interviewPassed("rhode-island", "PVD-000030");

    assertThat(pi).isWaitingAt(GATEWAY_TALENT_POOL).variables().containsKey(VAR_TALENT_POOL_SINCE);
    assertThat(timer(pi, TIMER_TALENT_POOL_REMATCH)).isNotNull();

    matches.add(301L);
    runtimeService().createMessageCorrelation(MESSAGE_OPENING_POSTED).correlateAll();
    assertThat(pi).as("re-matched in a job, not in the request that posted the opening").isWaitingAt(EVENT_OPENING_POSTED);
    execute(job(pi));

    assertThat(pi).hasPassed(EVENT_OPENING_POSTED).isWaitingAt(TASK_EMPLOYER_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("employer-acme-301");
    assertThat(timer(pi, TIMER_TALENT_POOL_GIVE_UP)).as("out of the pool").isNull();
  }

  @Test
  void theTalentPoolReMatchesWeeklyAndGivesUpNinetyDaysAfterTheCaseFirstEnteredIt() {
    ProcessInstance pi = interviewPassed("hawaii", "HNL-000031");
    Instant giveUp = timer(pi, TIMER_TALENT_POOL_GIVE_UP).getDuedate().toInstant();
    assertThat(giveUp).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

    execute(timer(pi, TIMER_TALENT_POOL_REMATCH));

    assertThat(pi).isWaitingAt(GATEWAY_TALENT_POOL);
    assertThat(timer(pi, TIMER_TALENT_POOL_GIVE_UP).getDuedate().toInstant())
        .as("a re-match does not push the give-up date back")
        .isEqualTo(giveUp);

    execute(timer(pi, TIMER_TALENT_POOL_GIVE_UP));
    notAdvancedNoticeSent(pi);
    assertThat(pi).hasPassed("EndEvent_TalentPoolGaveUp").hasNotPassed(TASK_EMPLOYER_REVIEW);
    verify(outcomes).record(any(), eq("NOT_ADVANCED"));
  }

  @Test
  void anEmployerWhoDeclinesSendsTheCaseToTheNextBestOpening() {
    matches.addAll(List.of(401L, 402L));
    ProcessInstance pi = interviewPassed("birmingham", "BHM-000040");
    assertThat(task(pi)).hasCandidateGroup("employer-acme-401");

    complete(task(pi), withVariables(VAR_EMPLOYER_DECISION, DECISION_DECLINE));

    assertThat(pi).isWaitingAt(TASK_EMPLOYER_REVIEW).variables().containsEntry(VAR_MATCH_PROPOSAL_ID, 402L);
    assertThat(task(pi)).hasCandidateGroup("employer-acme-402");
    assertThat(messages).noneMatch(message -> message.startsWith(TASK_NOTIFY_MATCH_FOUND));
  }

  @Test
  void anEmployerSilentForTenDaysLosesTheProposalAndTheNextOpeningIsTried() {
    matches.addAll(List.of(501L, 502L));
    ProcessInstance pi = interviewPassed("atlanta", "ATL-000050");
    Job timeout = timer(pi, TIMER_EMPLOYER_REVIEW_TIMEOUT);
    assertThat(timeout.getDuedate().toInstant())
        .isBetween(Instant.now().plus(Duration.ofDays(9)), Instant.now().plus(Duration.ofDays(11)));

    execute(timeout);

    assertThat(pi).hasPassed(TASK_EXPIRE_PROPOSAL).isWaitingAt(TASK_EMPLOYER_REVIEW);
    assertThat(proposals.expired).containsExactly(501L);
    assertThat(task(pi)).hasCandidateGroup("employer-acme-502");
  }

  @Test
  void anEmployerThatDeclinesAfterItsInterviewSendsTheCaseToTheNextOpening() {
    matches.add(601L);
    ProcessInstance pi = interviewPassed("seattle", "SEA-000060");
    complete(task(pi), withVariables(VAR_EMPLOYER_DECISION, DECISION_INVITE));
    execute(job(pi));

    complete(task(pi), withVariables(VAR_HIRING_DECISION, DECISION_DECLINE));

    assertThat(pi).hasPassed(TASK_EMPLOYER_DECISION).isWaitingAt(GATEWAY_TALENT_POOL);
    assertThat(messages).endsWith(TASK_NOTIFY_MATCH_FOUND + ":MATCH_FOUND#601");
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
        .hasNotPassed(TASK_SCHEDULE_INTERVIEW, END_NOT_ADVANCED)
        .isEnded();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void candidateMayWithdrawBeforeTheInterview() {
    ProcessInstance pi = waitingForInterview("birmingham", "BHM-000070");
    interviewScheduled(pi);

    withdraw("BHM-000070");
    execute(job(pi));

    assertThat(pi).hasPassed(END_WITHDRAWN).hasNotPassed(TASK_SCORE_INTERVIEW).isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_WITHDRAWN + ":WITHDRAWN");
  }

  @Test
  void candidateMayWithdrawWhileAnEmployerReviewsTheProfileAndTheProposalIsClosed() {
    matches.add(801L);
    ProcessInstance pi = interviewPassed("akron", "AKR-000080");
    assertThat(pi).isWaitingAt(TASK_EMPLOYER_REVIEW);

    withdraw("AKR-000080");
    execute(job(pi));

    assertThat(pi).hasPassed(END_WITHDRAWN).hasNotPassed(END_PLACED).isEnded();
    assertThat(proposals.closed).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(outcomes, never()).record(any(), eq("PLACED"));
  }

  @Test
  void candidateMayWithdrawFromTheTalentPool() {
    ProcessInstance pi = interviewPassed("hawaii", "HNL-000081");

    withdraw("HNL-000081");
    execute(job(pi));

    assertThat(pi).hasPassed(END_WITHDRAWN).isEnded();
    assertThat(timer(pi, TIMER_TALENT_POOL_GIVE_UP)).isNull();
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
