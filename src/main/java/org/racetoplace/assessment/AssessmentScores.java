package org.racetoplace.assessment;

/**
 * What the pipeline needs of a stored result to decide on it (decision {@code
 * assessment-outcome}): the scores and the application's role track code. No personal data.
 */
public record AssessmentScores(
    long resultId, int scaledScore, int fundamentalsScore, int languageScore, String roleTrack) {}
