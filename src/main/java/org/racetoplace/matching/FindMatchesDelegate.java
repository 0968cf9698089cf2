package org.racetoplace.matching;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindMatches}: proposes the next best opening for the case (business key = the
 * application's reference) and tells the model where it goes:
 *
 * <ul>
 *   <li>{@code matchFound} (Boolean) — always;
 *   <li>{@code matchProposalId}, {@code openingId} (Long) and {@code employerGroup} ({@code
 *       employer-<slug>}, the review task's candidate group) — when found. When not, the ones of an
 *       earlier proposal are removed, so nothing downstream reads a stale proposal.
 * </ul>
 *
 * A case that has waited in the talent pool ({@code talentPoolSince} set) re-matches with the
 * cohort placement ({@link CohortPlacements}); any other takes its own best opening.
 */
@Component("findMatchesDelegate")
public class FindMatchesDelegate implements JavaDelegate {

  private final MatchingService matching;

  public FindMatchesDelegate(MatchingService matching) {
    this.matching = matching;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean fromTalentPool = execution.getVariable(HiringPipeline.VAR_TALENT_POOL_SINCE) != null;
    Optional<MatchOffer> offer = matching.findNext(reference(execution), fromTalentPool);
    execution.setVariable(HiringPipeline.VAR_MATCH_FOUND, offer.isPresent());
    if (offer.isPresent()) {
      execution.setVariable(HiringPipeline.VAR_MATCH_PROPOSAL_ID, offer.get().proposalId());
      execution.setVariable(HiringPipeline.VAR_OPENING_ID, offer.get().openingId());
      execution.setVariable(HiringPipeline.VAR_EMPLOYER_GROUP, offer.get().employerGroup());
    } else {
      execution.removeVariable(HiringPipeline.VAR_MATCH_PROPOSAL_ID);
      execution.removeVariable(HiringPipeline.VAR_OPENING_ID);
      execution.removeVariable(HiringPipeline.VAR_EMPLOYER_GROUP);
    }
  }

  private static String reference(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null) {
      Object variable = execution.getVariable(HiringPipeline.VAR_APPLICATION_REFERENCE);
      reference = variable == null ? null : variable.toString();
    }
    if (reference == null) {
      throw new IllegalStateException(
          "Case " + execution.getProcessInstanceId() + " has no business key: cannot tell which application to match");
    }
    return reference;
  }
}
