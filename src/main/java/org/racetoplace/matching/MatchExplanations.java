package org.racetoplace.matching;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Create listener of the employer tasks and of {@code Task_ConfirmPlacement}: puts the opening,
 * the employer, the score and the ranker's explanation into the task-local variable {@code
 * matchExplanation}, which the forms show read-only. Task-local, so it leaves the case with the
 * task; skills and levels only, nothing that names the candidate.
 */
@Component("matchExplanations")
public class MatchExplanations implements TaskListener {

  private final ProposalDecisions decisions;

  public MatchExplanations(ProposalDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(
        HiringPipeline.VAR_MATCH_EXPLANATION, decisions.summary(MatchVariables.proposalId(task)));
  }
}
