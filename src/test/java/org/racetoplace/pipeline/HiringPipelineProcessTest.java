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
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_APPROVE;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_DECLINE;
import static org.racetoplace.pipeline.HiringPipeline.END_NOT_ADVANCED;
import static org.racetoplace.pipeline.HiringPipeline.END_VETTED;
import static org.racetoplace.pipeline.HiringPipeline.END_WITHDRAWN;
import static org.racetoplace.pipeline.HiringPipeline.GATEWAY_VETTING_APPROVED;
import static org.racetoplace.pipeline.HiringPipeline.MESSAGE_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.PROCESS_ID;
import static org.racetoplace.pipeline.HiringPipeline.START_APPLICATION_RECEIVED;
import static org.racetoplace.pipeline.HiringPipeline.START_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_NOT_ADVANCED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_VETTING_PASSED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_NOTIFY_WITHDRAWN;
import static org.racetoplace.pipeline.HiringPipeline.TASK_SEND_CONFIRMATION;
import static org.racetoplace.pipeline.HiringPipeline.TASK_VET_CANDIDATE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_APPLICATION_REFERENCE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_COMMUNITY;
import static org.racetoplace.pipeline.HiringPipeline.VAR_VETTING_DECISION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.application.ApplicationOutcomes;

/**
 * Every path of {@code processes/hiring-pipeline.bpmn}, loaded from the very file deployed. The
 * delegates are stand-ins that record what the model asked of them; their own behaviour is
 * tested in their packages.
 */
@Deployment(resources = {"processes/hiring-pipeline.bpmn", "forms/vetting-review.form"})
class HiringPipelineProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  /** "activityId:notificationEvent[:outcome]" for every message the model asked to send. */
  private final List<String> messages = new ArrayList<>();
  private final ApplicationOutcomes outcomes = mock(ApplicationOutcomes.class);
  private JavaDelegate mail;

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
    Mocks.register("applicationOutcomes", outcomes);
    Mocks.register("hiringRetries", new HiringRetries("R3/PT5M"));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private ProcessInstance startCase(String community, String reference) {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_ID,
            reference,
            Map.of(VAR_APPLICATION_REFERENCE, reference, VAR_COMMUNITY, community));
  }

  /** The confirmation runs in its own job ("transaction border before mail"). */
  private ProcessInstance startCaseAndSendConfirmation(String community, String reference) {
    ProcessInstance pi = startCase(community, reference);
    assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION);
    execute(job());
    return pi;
  }

  @Test
  void aNewCaseConfirmsTheApplicationInItsOwnTransaction() {
    ProcessInstance pi = startCase("birmingham", "BHM-000001");

    assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION).hasPassed(START_APPLICATION_RECEIVED);
    assertThat(messages).as("nothing is sent inside the intake transaction").isEmpty();

    execute(job());

    assertThat(messages).containsExactly(TASK_SEND_CONFIRMATION + ":CONFIRMATION_WITH_INVITATION");
    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE);
  }

  @Test
  void confirmedCaseWaitsForVettersOfItsCommunity() {
    ProcessInstance pi = startCaseAndSendConfirmation("birmingham", "BHM-000002");

    assertThat(task(pi)).hasCandidateGroup("vetters-birmingham").isNotAssigned();
    assertThat(
            engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys()
                .singleResult().getCamundaFormRef().getKey())
        .isEqualTo("vetting-review");
  }

  @Test
  void eachCommunityGetsItsOwnVettersGroup() {
    ProcessInstance pi = startCaseAndSendConfirmation("rhode-island", "PVD-000007");

    assertThat(task(pi)).hasCandidateGroup("vetters-rhode-island");
  }

  @Test
  void approvedVettingTellsTheCandidateAndEndsAsVetted() {
    ProcessInstance pi = startCaseAndSendConfirmation("atlanta", "ATL-000002");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_VETTING_PASSED);
    execute(job());

    assertThat(pi)
        .hasPassedInOrder(
            START_APPLICATION_RECEIVED, TASK_SEND_CONFIRMATION, TASK_VET_CANDIDATE,
            GATEWAY_VETTING_APPROVED, TASK_NOTIFY_VETTING_PASSED, END_VETTED)
        .hasNotPassed(END_NOT_ADVANCED)
        .isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_VETTING_PASSED + ":VETTING_OUTCOME:approve");
  }

  @Test
  void declinedVettingTellsTheCandidateKindlyAndRecordsTheOutcome() {
    ProcessInstance pi = startCaseAndSendConfirmation("seattle", "SEA-000003");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_DECLINE));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_NOT_ADVANCED);
    execute(job());

    assertThat(pi)
        .hasPassedInOrder(TASK_VET_CANDIDATE, GATEWAY_VETTING_APPROVED, TASK_NOTIFY_NOT_ADVANCED, END_NOT_ADVANCED)
        .hasNotPassed(END_VETTED)
        .isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_NOT_ADVANCED + ":VETTING_OUTCOME:decline");
    verify(outcomes).record(any(), org.mockito.ArgumentMatchers.eq("NOT_ADVANCED"));
  }

  @Test
  void candidateMayWithdrawWhileWaitingForVetting() {
    ProcessInstance pi = startCaseAndSendConfirmation("akron", "AKR-000004");

    withdraw("AKR-000004");
    assertThat(pi).isWaitingAt(TASK_NOTIFY_WITHDRAWN);
    execute(job());

    assertThat(pi)
        .hasPassed(START_CANDIDATE_WITHDREW, TASK_NOTIFY_WITHDRAWN, END_WITHDRAWN)
        .hasNotPassed(END_VETTED, END_NOT_ADVANCED)
        .isEnded();
    assertThat(messages).endsWith(TASK_NOTIFY_WITHDRAWN + ":WITHDRAWN");
  }

  @Test
  void candidateMayWithdrawBeforeTheConfirmationGoesOut() {
    ProcessInstance pi = startCase("hawaii", "HNL-000005");

    withdraw("HNL-000005");
    execute(job(pi));

    assertThat(pi).hasPassed(END_WITHDRAWN).hasNotPassed(TASK_VET_CANDIDATE).isEnded();
    assertThat(messages).containsExactly(TASK_NOTIFY_WITHDRAWN + ":WITHDRAWN");
  }

  @Test
  void aFailingMailServerLeavesAnIncidentAndTheCaseWaits() throws Exception {
    doAnswer(call -> { throw new IllegalStateException("mail server down"); }).when(mail).execute(any());
    ProcessInstance pi = startCase("birmingham", "BHM-000009");

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

  private static void withdraw(String reference) {
    runtimeService()
        .createMessageCorrelation(MESSAGE_CANDIDATE_WITHDREW)
        .processInstanceBusinessKey(reference)
        .correlate();
  }
}
