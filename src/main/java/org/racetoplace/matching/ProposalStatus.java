package org.racetoplace.matching;

/** The life of one proposal of one opening to one case. */
public enum ProposalStatus {
  /** Waiting for the employer's review. */
  PROPOSED,
  /** The employer invited the candidate to its interview; stays so when it decides to hire. */
  INVITED,
  /** The employer declined, at review or after its interview (see the decline reason). */
  DECLINED,
  /** The employer did not review it in time. */
  EXPIRED,
  /** Staff confirmed the placement. */
  HIRED,
  /** The case ended elsewhere (placed with another opening, withdrawn) while this was open. */
  CLOSED;

  /** Still waiting for an employer or for staff. */
  public boolean isOpen() {
    return this == PROPOSED || this == INVITED;
  }
}
