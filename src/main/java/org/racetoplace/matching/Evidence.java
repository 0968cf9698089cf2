package org.racetoplace.matching;

/**
 * How strongly a candidate's skill is shown, weakest first. A skill counts at its strongest
 * evidence; the factor scales what the skill earns (docs/matching.md).
 */
public enum Evidence {
  /** The candidate rated themselves, or named the language as preferred. */
  SELF_REPORTED("self-reported", 0.6),
  /** A technology of a project the candidate built. */
  PROJECT("shown in a project", 0.7),
  /** Named by a certificate the candidate earned. */
  CERTIFICATE("certificate", 0.8),
  /** The language of an assessment the candidate passed with a language score of 60 or more. */
  ASSESSMENT("assessment-verified", 0.9),
  /** Backed by a project, certificate or assessment that a vetter saw and approved. */
  VETTER("vetter-confirmed", 1.0);

  private final String label;
  private final double factor;

  Evidence(String label, double factor) {
    this.label = label;
    this.factor = factor;
  }

  public String label() {
    return label;
  }

  public double factor() {
    return factor;
  }

  /** The stronger of the two. */
  static Evidence max(Evidence a, Evidence b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
