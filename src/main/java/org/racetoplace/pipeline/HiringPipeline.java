package org.racetoplace.pipeline;

/**
 * Ids in {@code processes/hiring-pipeline.bpmn} that code, tests and Tasklist filters refer to.
 * Renaming one in the model means renaming it here.
 */
public final class HiringPipeline {

  public static final String PROCESS_ID = "hiring-pipeline";

  public static final String START_APPLICATION_RECEIVED = "StartEvent_ApplicationReceived";
  public static final String TASK_SEND_CONFIRMATION = "Task_SendConfirmation";
  public static final String TASK_VET_CANDIDATE = "Task_VetCandidate";
  public static final String TASK_NOTIFY_VETTING_PASSED = "Task_NotifyVettingPassed";
  public static final String TASK_NOTIFY_NOT_ADVANCED = "Task_NotifyNotAdvanced";
  public static final String TASK_NOTIFY_WITHDRAWN = "Task_NotifyWithdrawn";
  public static final String GATEWAY_VETTING_APPROVED = "Gateway_VettingApproved";
  public static final String END_VETTED = "EndEvent_Vetted";
  public static final String END_NOT_ADVANCED = "EndEvent_NotAdvanced";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
  public static final String START_CANDIDATE_WITHDREW = "StartEvent_CandidateWithdrew";

  /** Message name: the candidate withdrew; correlated by business key (the reference). */
  public static final String MESSAGE_CANDIDATE_WITHDREW = "CandidateWithdrew";

  /** The application's reference (e.g. {@code BHM-000123}); also the business key. */
  public static final String VAR_APPLICATION_REFERENCE = "applicationReference";
  /** The community id (e.g. {@code birmingham}); picks the vetters group. */
  public static final String VAR_COMMUNITY = "community";
  /** The vetter's decision from the vetting form: {@code approve} or {@code decline}. */
  public static final String VAR_VETTING_DECISION = "vettingDecision";

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_DECLINE = "decline";

  private HiringPipeline() {}
}
