package org.racetoplace.matching;

import java.math.BigDecimal;

/**
 * An opening the candidate qualifies for, with its score in tenths (0–1000). The explanation is
 * built only for the openings someone reads ({@link MatchScorer#explain}).
 */
public record RankedOpening(long openingId, int tenths, boolean sameCommunity) {

  /** The score, 0–100 with one decimal. */
  public BigDecimal score() {
    return BigDecimal.valueOf(tenths, 1);
  }
}
