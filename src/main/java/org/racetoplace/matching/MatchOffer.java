package org.racetoplace.matching;

import java.math.BigDecimal;

/**
 * A proposal just made, as the case needs it: ids, the employer's group and the score — no
 * entities, nothing personal.
 */
public record MatchOffer(long proposalId, long openingId, String employerGroup, BigDecimal score) {

  static MatchOffer of(MatchProposal proposal) {
    return new MatchOffer(
        proposal.getId(),
        proposal.getOpening().getId(),
        proposal.getOpening().getEmployer().group(),
        proposal.getScore());
  }
}
