package org.racetoplace.testing;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * A test-only stand-in for the pipeline's stage Assess, with the real ids: a case waits at receive
 * task {@code Task_AwaitAssessment} for message {@code AssessmentCompleted}, with the boundary timer
 * {@code Timer_AssessmentDeadline} (P7D: far off), and once the message comes holds at {@link #HOLD}
 * for the test to inspect. Shared by the built-in assessment tests and the assessment pages' web
 * test, which build the same model.
 */
public final class StandInAssessStage {

  /** Where a case waits once the message has reached it. */
  public static final String HOLD = "Task_HoldForInspection";

  private StandInAssessStage() {}

  public static BpmnModelInstance model(String processKey) {
    return Bpmn.createExecutableProcess(processKey)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .receiveTask(HiringPipeline.TASK_AWAIT_ASSESSMENT)
        .message(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
        .userTask(HOLD)
        .endEvent()
        .moveToActivity(HiringPipeline.TASK_AWAIT_ASSESSMENT)
        .boundaryEvent(HiringPipeline.TIMER_ASSESSMENT_DEADLINE)
        .timerWithDuration("P7D")
        .endEvent("EndEvent_Expired")
        .done();
  }

  /** Deploys the stand-in under {@code processKey} unless the engine has it already. */
  public static void deploy(RepositoryService repositoryService, String processKey) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
      repositoryService.createDeployment().addModelInstance(processKey + ".bpmn", model(processKey)).deploy();
    }
  }
}
