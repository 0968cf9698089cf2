package org.racetoplace.assessment.builtin;

/** Where a sitting of the built-in assessment stands. Only {@link #IN_PROGRESS} takes answers. */
public enum SittingStatus {
  /** Started; answers are saved until the candidate submits or the deadline passes. */
  IN_PROGRESS,
  /** The candidate submitted; scored and handed to the case. */
  SUBMITTED,
  /** The deadline passed first; scored as it stood at the deadline and handed to the case. */
  TIMED_OUT,
  /**
   * Closed without a result: the case stopped waiting for one (the invitation expired, the
   * candidate withdrew, or staff recorded a result) before the sitting was scored.
   */
  CANCELLED;

  public boolean isFinished() {
    return this != IN_PROGRESS;
  }
}
