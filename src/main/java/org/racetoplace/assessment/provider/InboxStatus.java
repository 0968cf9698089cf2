package org.racetoplace.assessment.provider;

/** Where a row of the assessment inbox stands; see {@code V8__assessment_inbox.sql}. */
public enum InboxStatus {
  /** Stored; the case does not wait for a result yet, or a hand-over failed and is retried. */
  PENDING,
  /** Stored as an assessment result and correlated with the case. */
  DELIVERED,
  /** Never to be used: the case ended, or it is past stage Assess. */
  REJECTED,
  /** Hand-overs kept failing with an error; an operator looks at {@code last_error}. */
  FAILED
}
