package org.racetoplace.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ConductInterview}: checks the scorecard on the server ({@link
 * InterviewScorecardForm}), stores it for the latest appointment and sets {@code interviewNoShows}
 * (Integer), which the model branches on. The ratings and notes leave the case; attendance and
 * recommendation stay for the gateway and decision {@code interview-outcome}. A bad form stops the
 * completion and nothing is stored.
 */
@Component("interviewScorecards")
public class InterviewScorecards implements TaskListener {

  private final InterviewService service;

  public InterviewScorecards(InterviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    InterviewScorecardForm form = InterviewScorecardForm.read(task::getVariable);
    int noShows = service.recordScorecard(TaskCases.referenceOf(task), form, TaskCases.userOf(task));
    task.setVariable(HiringPipeline.VAR_INTERVIEW_NO_SHOWS, noShows);
    task.setVariable(
        HiringPipeline.VAR_INTERVIEW_ATTENDANCE,
        form.attended() ? HiringPipeline.ATTENDANCE_ATTENDED : HiringPipeline.ATTENDANCE_NO_SHOW);
    if (form.recommendation() != null) {
      task.setVariable(HiringPipeline.VAR_INTERVIEW_RECOMMENDATION, form.recommendation().code());
    }
    task.removeVariable(HiringPipeline.VAR_INTERVIEW_NOTES);
    InterviewScorecardForm.RATINGS.forEach(task::removeVariable);
  }
}
