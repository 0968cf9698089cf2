package org.racetoplace.assessment;

import org.racetoplace.pipeline.HiringPipeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScoreAssessment}: reads {@code assessmentResultId} (set by message {@code
 * AssessmentCompleted}) and writes what decision {@code assessment-outcome} reads — {@code
 * scaledScore}, {@code fundamentalsScore}, {@code languageScore} (Integers) and {@code roleTrack}.
 * Scores and a code only: the candidate's data stays in the tables.
 */
@Component("scoreAssessmentDelegate")
public class ScoreAssessmentDelegate implements JavaDelegate {

  private final AssessmentResultService service;

  public ScoreAssessmentDelegate(AssessmentResultService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AssessmentScores scores = service.scoresFor(resultId(execution));
    execution.setVariable(HiringPipeline.VAR_SCALED_SCORE, scores.scaledScore());
    execution.setVariable(HiringPipeline.VAR_FUNDAMENTALS_SCORE, scores.fundamentalsScore());
    execution.setVariable(HiringPipeline.VAR_LANGUAGE_SCORE, scores.languageScore());
    execution.setVariable(HiringPipeline.VAR_ROLE_TRACK, scores.roleTrack());
  }

  /**
   * The id as the message set it (a Long); an Integer is taken too, since a hand-made correlation
   * in Cockpit or through /engine-rest easily sends one.
   */
  private static long resultId(DelegateExecution execution) {
    Object value = execution.getVariable(HiringPipeline.VAR_ASSESSMENT_RESULT_ID);
    if (value instanceof Long id) {
      return id;
    }
    if (value instanceof Integer id) {
      return id.longValue();
    }
    throw new IllegalStateException(
        "Process variable "
            + HiringPipeline.VAR_ASSESSMENT_RESULT_ID
            + " must hold an assessment result id (Long), was "
            + (value == null ? "missing" : value + " (" + value.getClass().getSimpleName() + ")")
            + " in case "
            + execution.getProcessBusinessKey());
  }
}
