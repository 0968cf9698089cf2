package org.racetoplace.matching;

import java.util.Set;
import java.util.stream.Collectors;

/** A decision on a proposal that is no longer (or not yet) in a status that allows it. */
public class ProposalStateException extends DecisionRefusedException {

  public ProposalStateException(Long proposalId, ProposalStatus status, Set<ProposalStatus> allowed) {
    super(
        null,
        "Match proposal "
            + proposalId
            + " is "
            + status
            + "; this decision needs it to be "
            + allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")));
  }
}
