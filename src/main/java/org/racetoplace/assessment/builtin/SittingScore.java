package org.racetoplace.assessment.builtin;

import java.util.Map;

/**
 * How a sitting scored.
 *
 * @param rawScore items answered right
 * @param maxScore items scored
 * @param fundamentalsScore share of the fundamentals items answered right, 0–100
 * @param languageScore share of the language items answered right, 0–100
 * @param topicScores per topic, 0–100: fundamentals topics by name, language topics as {@code
 *     java.collections}
 * @param correctByItem per bank item id, whether it was answered right; items that are no longer
 *     in the bank are missing (not scored)
 */
public record SittingScore(
    int rawScore,
    int maxScore,
    int fundamentalsScore,
    int languageScore,
    Map<String, Integer> topicScores,
    Map<String, Boolean> correctByItem) {

  public SittingScore {
    topicScores = Map.copyOf(topicScores);
    correctByItem = Map.copyOf(correctByItem);
  }
}
