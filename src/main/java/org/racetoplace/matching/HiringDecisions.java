package org.racetoplace.matching;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_EmployerDecision}, after the employer's own interview: checks
 * {@code hiringDecision} ({@code hire} or {@code decline}) and {@code declineReason} (required to
 * decline, at most 2000 characters). A decline moves the proposal INVITED → DECLINED with reason,
 * user and time; a hire keeps it INVITED, noting who decided, until staff confirm the placement.
 * The reason is removed from the case. A bad form, or a proposal that is not INVITED, refuses the
 * completion and stores nothing.
 */
@Component("hiringDecisions")
public class HiringDecisions implements TaskListener {

  private final ProposalDecisions decisions;

  public HiringDecisions(ProposalDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    EmployerDecisionForm form =
        EmployerDecisionForm.read(task, HiringPipeline.VAR_HIRING_DECISION, HiringPipeline.DECISION_HIRE);
    long proposalId = MatchVariables.proposalId(task);
    String user = MatchVariables.currentUser(task);
    try {
      if (form.declines()) {
        decisions.declineAfterInterview(proposalId, form.declineReason(), user);
      } else {
        decisions.hire(proposalId, user);
      }
    } catch (DecisionRefusedException refusal) {
      throw MatchVariables.refused(refusal);
    }
    task.removeVariable(HiringPipeline.VAR_DECLINE_REASON);
  }
}
