package org.racetoplace.assessment;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.racetoplace.application.ProgrammingLanguage;

/**
 * A result as it arrives, before it is stored: the subscores (each 0–100) and where it came from.
 * The scaled score is not part of it; {@link AssessmentScoring} computes it.
 *
 * @param provider the provider's name for {@link AssessmentSource#PROVIDER}, otherwise null
 * @param rawScore items answered right, where the source counts items (the built-in test);
 *     otherwise null
 * @param maxScore items scored, from 0; null exactly when {@code rawScore} is
 * @param topicScores subscores per topic, in the order given; may be empty
 * @param completedAt when the candidate finished; null means now
 */
public record RecordedResult(
    AssessmentSource source,
    String provider,
    ProgrammingLanguage language,
    int fundamentalsScore,
    int languageScore,
    Integer rawScore,
    Integer maxScore,
    Map<String, Integer> topicScores,
    Instant completedAt) {

  public RecordedResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(language, "language");
    if ((rawScore == null) != (maxScore == null)) {
      throw new IllegalArgumentException("raw score and max score come together, were " + rawScore + " of " + maxScore);
    }
    if (rawScore != null && (rawScore < 0 || rawScore > maxScore)) {
      throw new IllegalArgumentException("raw score must be from 0 to the max score, was " + rawScore + " of " + maxScore);
    }
    topicScores =
        topicScores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(topicScores));
  }

  /** A result staff enter by hand, completed now: subscores only, no raw score. */
  public static RecordedResult byStaff(
      ProgrammingLanguage language,
      int fundamentalsScore,
      int languageScore,
      Map<String, Integer> topicScores) {
    return new RecordedResult(
        AssessmentSource.STAFF, null, language, fundamentalsScore, languageScore, null, null, topicScores, null);
  }
}
