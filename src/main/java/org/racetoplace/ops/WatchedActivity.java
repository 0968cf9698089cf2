package org.racetoplace.ops;

import java.util.Arrays;
import java.util.Optional;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The places in {@code hiring-pipeline} where a case waits for a person: user tasks (someone in a
 * group has to act) and receive tasks (the candidate has to act). Each has a service-level target
 * ({@link StuckCaseTargets}); a case waiting longer is stuck. The stage is the {@code Stage_*}
 * sub-process that contains the activity (a test checks this against the model).
 */
public enum WatchedActivity {
  AWAIT_ASSESSMENT(HiringPipeline.TASK_AWAIT_ASSESSMENT, PipelineStage.ASSESS, Kind.WAIT),
  VET_CANDIDATE(HiringPipeline.TASK_VET_CANDIDATE, PipelineStage.VET, Kind.TASK),
  REASSIGN_VETTING(HiringPipeline.TASK_REASSIGN_VETTING, PipelineStage.VET, Kind.TASK),
  AWAIT_CANDIDATE_UPDATE(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE, PipelineStage.VET, Kind.WAIT),
  SCHEDULE_INTERVIEW(HiringPipeline.TASK_SCHEDULE_INTERVIEW, PipelineStage.INTERVIEW, Kind.TASK),
  CONDUCT_INTERVIEW(HiringPipeline.TASK_CONDUCT_INTERVIEW, PipelineStage.INTERVIEW, Kind.TASK),
  EMPLOYER_REVIEW(HiringPipeline.TASK_EMPLOYER_REVIEW, PipelineStage.MATCH, Kind.TASK),
  EMPLOYER_DECISION(HiringPipeline.TASK_EMPLOYER_DECISION, PipelineStage.MATCH, Kind.TASK),
  CONFIRM_PLACEMENT(HiringPipeline.TASK_CONFIRM_PLACEMENT, PipelineStage.MATCH, Kind.TASK);

  /** A user task waits for staff, volunteers or an employer; a wait (receive task) for the candidate. */
  public enum Kind {
    TASK,
    WAIT
  }

  private final String activityId;
  private final PipelineStage stage;
  private final Kind kind;

  WatchedActivity(String activityId, PipelineStage stage, Kind kind) {
    this.activityId = activityId;
    this.stage = stage;
    this.kind = kind;
  }

  public String activityId() {
    return activityId;
  }

  public PipelineStage stage() {
    return stage;
  }

  public Kind kind() {
    return kind;
  }

  public static Optional<WatchedActivity> byActivityId(String activityId) {
    return Arrays.stream(values()).filter(a -> a.activityId.equals(activityId)).findFirst();
  }
}
