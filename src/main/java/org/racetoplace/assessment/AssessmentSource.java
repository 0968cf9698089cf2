package org.racetoplace.assessment;

/** Where a result came from; the rest of the pipeline treats all of them alike. */
public enum AssessmentSource {
  /** The built-in timed test. */
  BUILT_IN,
  /** An external assessment provider (named in {@code provider}). */
  PROVIDER,
  /** Entered by staff, e.g. from a test taken on paper or at a partner. */
  STAFF
}
