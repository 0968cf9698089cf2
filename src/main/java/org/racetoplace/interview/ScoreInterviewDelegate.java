package org.racetoplace.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScoreInterview}: scores the latest attended interview of the case's application,
 * stores the score on its scorecard and sets {@code interviewScore} (Integer, 0–100) for decision
 * {@code interview-outcome}.
 */
@Component("scoreInterviewDelegate")
public class ScoreInterviewDelegate implements JavaDelegate {

  private final InterviewService service;

  public ScoreInterviewDelegate(InterviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = TaskCases.referenceOf(execution, execution.getProcessBusinessKey());
    execution.setVariable(HiringPipeline.VAR_INTERVIEW_SCORE, service.scoreLatestInterview(reference));
  }
}
