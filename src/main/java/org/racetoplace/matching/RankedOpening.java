package org.racetoplace.matching;

import java.math.BigDecimal;

/**
 * An opening the candidate qualifies for, with its score (0–100, one decimal) and the explanation
 * an employer reads: each skill, how it was matched and what it was worth.
 */
public record RankedOpening(long openingId, BigDecimal score, boolean sameCommunity, String explanation) {}
