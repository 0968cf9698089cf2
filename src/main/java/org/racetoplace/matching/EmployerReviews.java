package org.racetoplace.matching;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_EmployerReview}: checks {@code employerDecision} ({@code invite}
 * or {@code decline}) and {@code declineReason} (required to decline, at most 2000 characters),
 * records the decision on the proposal (PROPOSED → INVITED or DECLINED, with reason, user and
 * time) and removes the reason from the case: it is free text about a person and belongs in
 * {@code match_proposal}, not in the engine's history. A bad form, or a proposal no longer waiting
 * for review, refuses the completion and stores nothing.
 */
@Component("employerReviews")
public class EmployerReviews implements TaskListener {

  private final ProposalDecisions decisions;

  public EmployerReviews(ProposalDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    EmployerDecisionForm form =
        EmployerDecisionForm.read(task, HiringPipeline.VAR_EMPLOYER_DECISION, HiringPipeline.DECISION_INVITE);
    long proposalId = MatchVariables.proposalId(task);
    String user = MatchVariables.currentUser(task);
    try {
      if (form.declines()) {
        decisions.declineAtReview(proposalId, form.declineReason(), user);
      } else {
        decisions.invite(proposalId, user);
      }
    } catch (DecisionRefusedException refusal) {
      throw MatchVariables.refused(refusal);
    }
    task.removeVariable(HiringPipeline.VAR_DECLINE_REASON);
  }
}
