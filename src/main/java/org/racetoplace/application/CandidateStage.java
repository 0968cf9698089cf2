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
 * the stage scopes ({@code Stage_Apply} … {@code Stage_Match}) as well as the tasks inside them;
 * an id missing here simply does not decide the stage.
 */
public enum CandidateStage {
  APPLY(
      "Apply",
      "We are checking your application. You will receive an email with an invitation to the"
          + " online assessment."),
  ASSESS(
      "Assess",
      "Take the online assessment from your status page before the deadline. Once you start,"
          + " it is timed, so begin when you have time to finish."),
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

  /** The next step while the vetters' question waits for the candidate's answer. */
  static final String ANSWER_QUESTION =
      "The reviewers need more information: answer their question shown here before the"
          + " deadline, so they can finish reviewing your application.";

  /** The next step once an interview is booked. */
  static final String ATTEND_INTERVIEW =
      "Attend your interview at the time and place shown here. If the time does not work for"
          + " you, contact your local program as soon as you can.";

  /** BPMN activity id → stage. Stage scopes and task ids of the full model, and the skeleton's. */
  static final Map<String, CandidateStage> ACTIVITIES =
      Map.ofEntries(
          Map.entry(HiringPipeline.STAGE_APPLY, APPLY),
          Map.entry(HiringPipeline.STAGE_ASSESS, ASSESS),
          Map.entry(HiringPipeline.STAGE_VET, VET),
          Map.entry(HiringPipeline.STAGE_INTERVIEW, INTERVIEW),
          Map.entry(HiringPipeline.STAGE_MATCH, MATCH),
          Map.entry(HiringPipeline.TASK_SEND_CONFIRMATION, APPLY),
          Map.entry(HiringPipeline.TASK_SCORE_ASSESSMENT, ASSESS),
          Map.entry(HiringPipeline.TASK_VET_CANDIDATE, VET),
          Map.entry(HiringPipeline.TASK_REASSIGN_VETTING, VET),
          Map.entry(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE, VET),
          Map.entry(HiringPipeline.TASK_SCHEDULE_INTERVIEW, INTERVIEW),
          Map.entry(HiringPipeline.TASK_CONDUCT_INTERVIEW, INTERVIEW),
          Map.entry(HiringPipeline.TASK_FIND_MATCHES, MATCH),
          Map.entry(HiringPipeline.TASK_EMPLOYER_REVIEW, MATCH),
          Map.entry(HiringPipeline.TASK_EMPLOYER_DECISION, MATCH),
          Map.entry(HiringPipeline.TASK_CONFIRM_PLACEMENT, MATCH),
          Map.entry(HiringPipeline.TASK_NOTIFY_PLACED, PLACED),
          // the case has ended for the candidate; only the message is still on its way
          Map.entry(HiringPipeline.TASK_NOTIFY_NOT_ADVANCED, NOT_ADVANCED),
          Map.entry(HiringPipeline.TASK_NOTIFY_EXPIRED, EXPIRED),
          Map.entry(HiringPipeline.SUBPROCESS_WITHDRAWAL, WITHDRAWN));

  /** End event id → how the case ended. */
  static final Map<String, CandidateStage> END_EVENTS =
      Map.of(
          HiringPipeline.END_PLACED, PLACED,
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
