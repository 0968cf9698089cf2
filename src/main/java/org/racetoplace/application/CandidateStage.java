package org.racetoplace.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * What a candidate is told about where their case stands, and what to do next. Never names a
 * reviewer, never repeats a note.
 *
 * <p>The engine knows the stage; {@link #ACTIVITIES} translates BPMN ids into it. It recognises
 * the stage scopes of the full model ({@code Stage_Apply} … {@code Stage_Match}) as well as the
 * tasks inside them, so it works with today's skeleton (only {@code Task_VetCandidate}) and with
 * the full model. An id missing here simply does not decide the stage.
 */
public enum CandidateStage {
  APPLY(
      "Apply",
      "We are checking your application. You will receive an email with an invitation to the"
          + " online assessment."),
  ASSESS(
      "Assess",
      "Take the online assessment using the link in your invitation email before the deadline."),
  VET(
      "Vet",
      "Volunteer hiring professionals from your community are reviewing your application."
          + " Nothing to do for now; we will email you when they have decided."),
  INTERVIEW(
      "Interview",
      "Watch your email for your interview invitation and attend the interview at the agreed"
          + " time."),
  MATCH(
      "Match",
      "We are matching you with openings at our employer partners. We will email you when an"
          + " employer wants to meet you."),
  PLACED("Placed", "Congratulations on your new job. Nothing else to do."),
  NOT_ADVANCED(
      "Not advanced",
      "Your application did not advance this time. You are welcome to apply again."),
  WITHDRAWN("Withdrawn", "You withdrew this application. You are welcome to apply again."),
  EXPIRED(
      "Expired",
      "This application expired because a deadline passed. You are welcome to apply again."),
  CLOSED("Closed", "This application is closed. You are welcome to apply again.");

  /** BPMN activity id → stage. Stage scopes and task ids of the full model, and the skeleton's. */
  static final Map<String, CandidateStage> ACTIVITIES =
      Map.ofEntries(
          Map.entry(HiringPipeline.STAGE_APPLY, APPLY),
          Map.entry(HiringPipeline.STAGE_ASSESS, ASSESS),
          Map.entry(HiringPipeline.STAGE_VET, VET),
          Map.entry("Stage_Interview", INTERVIEW),
          Map.entry("Stage_Match", MATCH),
          Map.entry(HiringPipeline.TASK_SEND_CONFIRMATION, APPLY),
          Map.entry(HiringPipeline.TASK_SCORE_ASSESSMENT, ASSESS),
          Map.entry(HiringPipeline.TASK_VET_CANDIDATE, VET),
          Map.entry(HiringPipeline.TASK_REASSIGN_VETTING, VET),
          Map.entry(HiringPipeline.TASK_NOTIFY_VETTING_PASSED, VET),
          Map.entry(HiringPipeline.TASK_NOTIFY_NOT_ADVANCED, VET),
          Map.entry("Task_ScheduleInterview", INTERVIEW),
          Map.entry("Task_ConductInterview", INTERVIEW),
          Map.entry("Task_FindMatches", MATCH),
          Map.entry("Task_EmployerReview", MATCH),
          Map.entry("Task_ConfirmPlacement", MATCH));

  /** End event id → how the case ended. */
  static final Map<String, CandidateStage> END_EVENTS =
      Map.of(
          "EndEvent_Placed", PLACED,
          HiringPipeline.END_NOT_ADVANCED, NOT_ADVANCED,
          HiringPipeline.END_WITHDRAWN, WITHDRAWN,
          HiringPipeline.END_EXPIRED, EXPIRED);

  private final String label;
  private final String nextStep;

  CandidateStage(String label, String nextStep) {
    this.label = label;
    this.nextStep = nextStep;
  }

  /** What the API shows: "Vet", "Not advanced". */
  public String label() {
    return label;
  }

  public String nextStep() {
    return nextStep;
  }

  /**
   * The stage of a running case from its active activity ids, outermost scope first (so a
   * {@code Stage_*} scope wins over the tasks inside it).
   */
  static Optional<CandidateStage> ofActiveActivities(List<String> activityIdsOuterFirst) {
    return activityIdsOuterFirst.stream()
        .map(ACTIVITIES::get)
        .filter(stage -> stage != null)
        .findFirst();
  }

  /** How a closed application ended, from its status. */
  static CandidateStage ofClosedStatus(ApplicationStatus status) {
    return switch (status) {
      case PLACED -> PLACED;
      case NOT_ADVANCED -> NOT_ADVANCED;
      case WITHDRAWN -> WITHDRAWN;
      case EXPIRED -> EXPIRED;
      case SUBMITTED, IN_PROGRESS -> CLOSED;
    };
  }
}
