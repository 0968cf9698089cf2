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
 * @param topicScores subscores per topic, in the order given; may be empty
 * @param completedAt when the candidate finished; null means now
 */
public record RecordedResult(
    AssessmentSource source,
    String provider,
    ProgrammingLanguage language,
    int fundamentalsScore,
    int languageScore,
    Map<String, Integer> topicScores,
    Instant completedAt) {

  public RecordedResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(language, "language");
    topicScores =
        topicScores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(topicScores));
  }

  /** A result staff enter by hand, completed now. */
  public static RecordedResult byStaff(
      ProgrammingLanguage language,
      int fundamentalsScore,
      int languageScore,
      Map<String, Integer> topicScores) {
    return new RecordedResult(
        AssessmentSource.STAFF, null, language, fundamentalsScore, languageScore, topicScores, null);
  }
}
