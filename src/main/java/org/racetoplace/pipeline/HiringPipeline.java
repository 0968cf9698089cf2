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
  public static final String END_NOT_ADVANCED = "EndEvent_NotAdvanced";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
  public static final String START_CANDIDATE_WITHDREW = "StartEvent_CandidateWithdrew";
  public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";

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
  /** Vetting: the vetter asks the candidate for more before deciding. */
  public static final String DECISION_MORE_INFORMATION = "more-information";

  /** Vetting form, required to decline: why. Kept in vetting_review; removed from the case. */
  public static final String VAR_VETTING_RATIONALE = "vettingRationale";
  /** Vetting form, required for more-information: what the candidate is asked (they see it). */
  public static final String VAR_INFORMATION_REQUESTED = "informationRequested";
  /** Task-local, read-only in forms: the anonymized profile a reviewer judges. */
  public static final String VAR_CANDIDATE_PROFILE = "candidateProfile";

  /** Message name: the candidate sent the information asked for; correlated by business key. */
  public static final String MESSAGE_CANDIDATE_UPDATED = "CandidateUpdated";
  public static final String TASK_NOTIFY_MORE_INFORMATION = "Task_NotifyMoreInformationNeeded";
  public static final String TASK_AWAIT_CANDIDATE_UPDATE = "Task_AwaitCandidateUpdate";
  public static final String TIMER_CANDIDATE_UPDATE_TIMEOUT = "Timer_CandidateUpdateTimeout";

  // Interview stage
  public static final String STAGE_INTERVIEW = "Stage_Interview";
  public static final String TASK_SCHEDULE_INTERVIEW = "Task_ScheduleInterview";
  public static final String TASK_NOTIFY_INTERVIEW_SCHEDULED = "Task_NotifyInterviewScheduled";
  public static final String TASK_CONDUCT_INTERVIEW = "Task_ConductInterview";
  public static final String TASK_SCORE_INTERVIEW = "Task_ScoreInterview";
  public static final String TASK_DECIDE_INTERVIEW_OUTCOME = "Task_DecideInterviewOutcome";
  public static final String GATEWAY_INTERVIEW_ATTENDED = "Gateway_InterviewAttended";
  public static final String GATEWAY_RESCHEDULE_ALLOWED = "Gateway_RescheduleAllowed";
  public static final String GATEWAY_INTERVIEW_PASSED = "Gateway_InterviewPassed";

  /** Schedule form: local date-time of the interview ({@code 2026-12-01T10:00}), community time. */
  public static final String VAR_INTERVIEW_AT = "interviewAt";
  /** Schedule form: {@code video}, {@code phone} or {@code in-person}. */
  public static final String VAR_INTERVIEW_FORMAT = "interviewFormat";
  /** Schedule form: address, phone instructions or video link. Kept in interview_appointment. */
  public static final String VAR_INTERVIEW_LOCATION = "interviewLocation";
  /** Set when scheduling: 1 for the first appointment, 2 for the reschedule. */
  public static final String VAR_INTERVIEW_ATTEMPT = "interviewAttempt";
  /** Scorecard form: {@code attended} or {@code no-show}. */
  public static final String VAR_INTERVIEW_ATTENDANCE = "interviewAttendance";
  public static final String ATTENDANCE_ATTENDED = "attended";
  public static final String ATTENDANCE_NO_SHOW = "no-show";
  /** Set by the scorecard listener: no-shows so far in this case (Integer). */
  public static final String VAR_INTERVIEW_NO_SHOWS = "interviewNoShows";
  /** Scorecard form, 1–5 each; kept in interview_scorecard and removed from the case. */
  public static final String VAR_COMMUNICATION_SCORE = "communicationScore";
  public static final String VAR_TEAMWORK_SCORE = "teamworkScore";
  public static final String VAR_PROBLEM_SOLVING_SCORE = "problemSolvingScore";
  public static final String VAR_LEARNING_AGILITY_SCORE = "learningAgilityScore";
  public static final String VAR_PROFESSIONALISM_SCORE = "professionalismScore";
  /** Scorecard form, optional free text; kept in interview_scorecard and removed from the case. */
  public static final String VAR_INTERVIEW_NOTES = "interviewNotes";
  /** Scorecard form: {@code strong-yes}, {@code yes}, {@code no}, {@code strong-no}. */
  public static final String VAR_INTERVIEW_RECOMMENDATION = "interviewRecommendation";
  /** Set by {@code scoreInterviewDelegate}: 0–100 (Integer). */
  public static final String VAR_INTERVIEW_SCORE = "interviewScore";
  /** Set by the decision {@code interview-outcome}. */
  public static final String VAR_INTERVIEW_PASSED = "interviewPassed";

  // Match stage
  public static final String STAGE_MATCH = "Stage_Match";
  public static final String TASK_FIND_MATCHES = "Task_FindMatches";
  public static final String TASK_EMPLOYER_REVIEW = "Task_EmployerReview";
  public static final String TASK_EXPIRE_PROPOSAL = "Task_ExpireProposal";
  public static final String TASK_NOTIFY_MATCH_FOUND = "Task_NotifyMatchFound";
  public static final String TASK_EMPLOYER_DECISION = "Task_EmployerDecision";
  public static final String TASK_CONFIRM_PLACEMENT = "Task_ConfirmPlacement";
  public static final String TASK_NOTIFY_PLACED = "Task_NotifyPlaced";
  public static final String GATEWAY_MATCH_FOUND = "Gateway_MatchFound";
  public static final String GATEWAY_TALENT_POOL = "Gateway_TalentPool";
  public static final String TIMER_TALENT_POOL_REMATCH = "Timer_TalentPoolRematch";
  public static final String TIMER_TALENT_POOL_GIVE_UP = "Timer_TalentPoolGiveUp";
  public static final String EVENT_OPENING_POSTED = "Event_OpeningPosted";
  public static final String TIMER_EMPLOYER_REVIEW_TIMEOUT = "Timer_EmployerReviewTimeout";
  public static final String END_PLACED = "EndEvent_Placed";

  /** Message name: an opening was posted or reopened; every case in the talent pool re-matches. */
  public static final String MESSAGE_OPENING_POSTED = "OpeningPosted";

  /** Set by {@code findMatchesDelegate}: whether a proposal was made (Boolean). */
  public static final String VAR_MATCH_FOUND = "matchFound";
  /** Set by {@code findMatchesDelegate}: the proposal under review (Long). */
  public static final String VAR_MATCH_PROPOSAL_ID = "matchProposalId";
  /** Set by {@code findMatchesDelegate}: the opening proposed (Long). */
  public static final String VAR_OPENING_ID = "openingId";
  /** Set by {@code findMatchesDelegate}: the Tasklist group of the employer, {@code employer-<slug>}. */
  public static final String VAR_EMPLOYER_GROUP = "employerGroup";
  /** Employer review form: {@code invite} (to interview) or {@code decline}. */
  public static final String VAR_EMPLOYER_DECISION = "employerDecision";
  public static final String DECISION_INVITE = "invite";
  /** Employer decision form after their interview: {@code hire} or {@code decline}. */
  public static final String VAR_HIRING_DECISION = "hiringDecision";
  public static final String DECISION_HIRE = "hire";
  /** Employer forms, required to decline; kept in match_proposal and removed from the case. */
  public static final String VAR_DECLINE_REASON = "declineReason";
  /** Task-local, read-only in employer forms: why this candidate fits this opening. */
  public static final String VAR_MATCH_EXPLANATION = "matchExplanation";
  /** Confirm placement form: first day of work, {@code yyyy-MM-dd}. */
  public static final String VAR_PLACEMENT_START_DATE = "placementStartDate";
  /** Set when the case first enters the talent pool (ISO instant); the give-up date counts from it. */
  public static final String VAR_TALENT_POOL_SINCE = "talentPoolSince";

  private HiringPipeline() {}
}
