package org.racetoplace.matching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Expressions of the model on the case's proposals: {@code ${matchProposals.expire(execution)}}
 * on {@code Task_ExpireProposal} (the employer's review timed out) and {@code
 * ${matchProposals.closeOpen(execution)}} where a case ends while a proposal may be open
 * (withdrawal).
 */
@Component("matchProposals")
public class MatchProposals {

  private final ProposalDecisions decisions;

  public MatchProposals(ProposalDecisions decisions) {
    this.decisions = decisions;
  }

  /** Marks the proposal in {@code matchProposalId} EXPIRED: the employer did not answer in time. */
  public void expire(DelegateExecution execution) {
    decisions.expire(MatchVariables.proposalId(execution));
  }

  /** Closes the case's proposals still waiting for an employer or for staff. */
  public void closeOpen(DelegateExecution execution) {
    decisions.closeOpen(execution.getProcessBusinessKey());
  }
}
