package org.racetoplace.pipeline;

/**
 * Ids in {@code processes/hiring-pipeline.bpmn} that code, tests and Tasklist filters refer to.
 * Renaming one in the model means renaming it here.
 */
public final class HiringPipeline {

  public static final String PROCESS_ID = "hiring-pipeline";

  public static final String START_APPLICATION_RECEIVED = "StartEvent_ApplicationReceived";
  public static final String STAGE_APPLY = "Stage_Apply";
  public static final String STAGE_ASSESS = "Stage_Assess";
  public static final String STAGE_VET = "Stage_Vet";

  public static final String TASK_SCREEN_APPLICATION = "Task_ScreenApplication";
  public static final String TASK_SEND_CONFIRMATION = "Task_SendConfirmation";
  public static final String TASK_AWAIT_ASSESSMENT = "Task_AwaitAssessment";
  public static final String TASK_SEND_ASSESSMENT_REMINDER = "Task_SendAssessmentReminder";
  public static final String TASK_SCORE_ASSESSMENT = "Task_ScoreAssessment";
  public static final String TASK_DECIDE_ASSESSMENT_OUTCOME = "Task_DecideAssessmentOutcome";
  public static final String TASK_REASSIGN_VETTING = "Task_ReassignVetting";
  public static final String TASK_RAISE_VETTING_PRIORITY = "Task_RaiseVettingPriority";
  public static final String TASK_NOTIFY_EXPIRED = "Task_NotifyExpired";
  public static final String TIMER_ASSESSMENT_REMINDER = "Timer_AssessmentReminder";
  public static final String TIMER_ASSESSMENT_DEADLINE = "Timer_AssessmentDeadline";
  public static final String TIMER_VETTING_REMINDER = "Timer_VettingReminder";
  public static final String TIMER_VETTING_ESCALATION = "Timer_VettingEscalation";
  public static final String END_SCREENED_OUT = "EndEvent_ScreenedOut";
  public static final String END_ASSESSMENT_FAILED = "EndEvent_AssessmentFailed";
  public static final String END_EXPIRED = "EndEvent_Expired";
  public static final String TASK_VET_CANDIDATE = "Task_VetCandidate";
  public static final String TASK_NOTIFY_VETTING_PASSED = "Task_NotifyVettingPassed";
  public static final String TASK_NOTIFY_NOT_ADVANCED = "Task_NotifyNotAdvanced";
  public static final String TASK_NOTIFY_WITHDRAWN = "Task_NotifyWithdrawn";
  public static final String GATEWAY_VETTING_APPROVED = "Gateway_VettingApproved";
  public static final String END_VETTED = "EndEvent_Vetted";
  public static final String END_NOT_ADVANCED = "EndEvent_NotAdvanced";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
  public static final String START_CANDIDATE_WITHDREW = "StartEvent_CandidateWithdrew";

  /** Message name: an assessment result is stored; carries {@link #VAR_ASSESSMENT_RESULT_ID}. */
  public static final String MESSAGE_ASSESSMENT_COMPLETED = "AssessmentCompleted";

  /** Message name: the candidate withdrew; correlated by business key (the reference). */
  public static final String MESSAGE_CANDIDATE_WITHDREW = "CandidateWithdrew";

  /** The application's reference (e.g. {@code BHM-000123}); also the business key. */
  public static final String VAR_APPLICATION_REFERENCE = "applicationReference";
  /** The community id (e.g. {@code birmingham}); picks the vetters group. */
  public static final String VAR_COMMUNITY = "community";
  /** Set by screening: whether the case goes on to the assessment. */
  public static final String VAR_SCREENING_PASSED = "screeningPassed";
  /** Set by screening: PASSED or why not (see ApplicationScreening.Outcome). */
  public static final String VAR_SCREENING_OUTCOME = "screeningOutcome";
  /** Carried by {@link #MESSAGE_ASSESSMENT_COMPLETED}: the stored result's id. */
  public static final String VAR_ASSESSMENT_RESULT_ID = "assessmentResultId";
  /** Set by {@code scoreAssessmentDelegate} for the decision {@code assessment-outcome} (0–100). */
  public static final String VAR_SCALED_SCORE = "scaledScore";
  public static final String VAR_FUNDAMENTALS_SCORE = "fundamentalsScore";
  public static final String VAR_LANGUAGE_SCORE = "languageScore";
  /** The application's role track code ({@code software-engineer}); picks the pass marks. */
  public static final String VAR_ROLE_TRACK = "roleTrack";
  /** Set by the decision {@code assessment-outcome}. */
  public static final String VAR_ASSESSMENT_PASSED = "assessmentPassed";

  /** Chosen on Task_ReassignVetting: the vetter the next vetting task goes to; none offers it to all. */
  public static final String VAR_VETTING_ASSIGNEE = "vettingAssignee";

  /** The vetter's decision from the vetting form: {@code approve} or {@code decline}. */
  public static final String VAR_VETTING_DECISION = "vettingDecision";

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_DECLINE = "decline";

  private HiringPipeline() {}
}
