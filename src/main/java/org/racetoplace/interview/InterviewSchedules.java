package org.racetoplace.interview;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ScheduleInterview}: checks the form on the server ({@link
 * InterviewScheduleForm}), stores the {@link InterviewAppointment}, sets {@code interviewAttempt}
 * (Integer; the candidate's mail is numbered by it) and takes the place or link out of the case. A
 * bad form stops the completion and nothing is stored.
 */
@Component("interviewSchedules")
public class InterviewSchedules implements TaskListener {

  private final InterviewService service;

  public InterviewSchedules(InterviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = TaskCases.referenceOf(task);
    ZoneId zone = service.timeZoneOf(reference);
    InterviewScheduleForm form = InterviewScheduleForm.read(task::getVariable, zone, service.now());
    int attempt = service.schedule(reference, form, TaskCases.userOf(task));
    task.setVariable(HiringPipeline.VAR_INTERVIEW_ATTEMPT, attempt);
    task.setVariable(HiringPipeline.VAR_INTERVIEW_FORMAT, form.format().code());
    task.removeVariable(HiringPipeline.VAR_INTERVIEW_LOCATION);
  }
}
