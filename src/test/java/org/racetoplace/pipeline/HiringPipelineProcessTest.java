package org.racetoplace.pipeline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_APPROVE;
import static org.racetoplace.pipeline.HiringPipeline.DECISION_DECLINE;
import static org.racetoplace.pipeline.HiringPipeline.END_DECLINED;
import static org.racetoplace.pipeline.HiringPipeline.END_VETTED;
import static org.racetoplace.pipeline.HiringPipeline.END_WITHDRAWN;
import static org.racetoplace.pipeline.HiringPipeline.MESSAGE_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.START_CANDIDATE_WITHDREW;
import static org.racetoplace.pipeline.HiringPipeline.GATEWAY_VETTING_APPROVED;
import static org.racetoplace.pipeline.HiringPipeline.PROCESS_ID;
import static org.racetoplace.pipeline.HiringPipeline.START_APPLICATION_RECEIVED;
import static org.racetoplace.pipeline.HiringPipeline.TASK_VET_CANDIDATE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_APPLICATION_REFERENCE;
import static org.racetoplace.pipeline.HiringPipeline.VAR_COMMUNITY;
import static org.racetoplace.pipeline.HiringPipeline.VAR_VETTING_DECISION;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code processes/hiring-pipeline.bpmn}, loaded from the very file deployed. */
@Deployment(resources = {"processes/hiring-pipeline.bpmn", "forms/vetting-review.form"})
class HiringPipelineProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  private ProcessInstance startCase(String community, String reference) {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_ID,
            reference,
            Map.of(VAR_APPLICATION_REFERENCE, reference, VAR_COMMUNITY, community));
  }

  @Test
  void newApplicationWaitsForVettersOfItsCommunity() {
    ProcessInstance pi = startCase("birmingham", "BHM-000001");

    assertThat(pi).isWaitingAt(TASK_VET_CANDIDATE).hasPassed(START_APPLICATION_RECEIVED);
    assertThat(task()).hasCandidateGroup("vetters-birmingham");
    assertThat(pi).hasBusinessKey("BHM-000001");
  }

  @Test
  void eachCommunityGetsItsOwnVettersGroup() {
    ProcessInstance pi = startCase("rhode-island", "PVD-000007");

    assertThat(task(pi)).hasCandidateGroup("vetters-rhode-island");
    assertThat(task(pi)).isNotAssigned();
  }

  @Test
  void approvedVettingEndsAsVetted() {
    ProcessInstance pi = startCase("atlanta", "ATL-000002");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_APPROVE));

    assertThat(pi)
        .hasPassedInOrder(START_APPLICATION_RECEIVED, TASK_VET_CANDIDATE, GATEWAY_VETTING_APPROVED, END_VETTED)
        .hasNotPassed(END_DECLINED)
        .isEnded();
  }

  @Test
  void declinedVettingEndsAsDeclined() {
    ProcessInstance pi = startCase("seattle", "SEA-000003");

    complete(task(pi), withVariables(VAR_VETTING_DECISION, DECISION_DECLINE));

    assertThat(pi)
        .hasPassedInOrder(START_APPLICATION_RECEIVED, TASK_VET_CANDIDATE, GATEWAY_VETTING_APPROVED, END_DECLINED)
        .hasNotPassed(END_VETTED)
        .isEnded();
  }

  @Test
  void candidateMayWithdrawWhileWaitingForVetting() {
    ProcessInstance pi = startCase("akron", "AKR-000004");

    runtimeService()
        .createMessageCorrelation(MESSAGE_CANDIDATE_WITHDREW)
        .processInstanceBusinessKey("AKR-000004")
        .correlate();

    assertThat(pi)
        .hasPassed(START_CANDIDATE_WITHDREW, END_WITHDRAWN)
        .hasNotPassed(END_VETTED, END_DECLINED)
        .isEnded();
  }
}
