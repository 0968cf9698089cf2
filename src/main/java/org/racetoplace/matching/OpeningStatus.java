package org.racetoplace.matching;

/**
 * Where an opening stands. Only {@link #OPEN} openings with a position left are proposed; {@link
 * #FILLED} is set by the placement that takes the last position.
 */
public enum OpeningStatus {
  OPEN,
  /** The employer stopped hiring for a while; reopening wakes the talent pool. */
  PAUSED,
  FILLED,
  CLOSED
}
