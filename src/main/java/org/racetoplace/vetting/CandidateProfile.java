package org.racetoplace.vetting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer (vetter, interviewer, employer) judges a candidate on: skills and evidence,
 * without what should not sway the decision or could identify the person — no name, email,
 * phone, age or birth year, employer names, school or issuer names, links. Free text the
 * candidate wrote passes through {@link ProfileRedaction} first.
 *
 * @param roleTrack code, e.g. {@code software-engineer}
 * @param assessment the latest stored result, null when none
 * @param candidateUpdates what the candidate sent when asked for more information, oldest first
 */
public record CandidateProfile(
    String reference,
    String roleTrack,
    String roleTrackTitle,
    List<String> languages,
    List<SkillLevel> skills,
    List<Experience> workHistory,
    List<ProjectSummary> projects,
    List<CertificateSummary> certificates,
    AssessmentSummary assessment,
    List<Update> candidateUpdates) {

  /** A skill with the candidate's own rating, 1 (beginner) to 5 (expert). */
  public record SkillLevel(String name, int level) {}

  /**
   * A job: the title and how long it lasted in whole years (0: under a year). No employer, and no
   * years on a calendar, which would hint at age.
   */
  public record Experience(String title, int years, boolean current) {}

  public record ProjectSummary(String name, List<String> technologies, String description) {}

  public record CertificateSummary(String name, int year) {}

  /**
   * @param language the language of the language part, e.g. {@code Java}
   * @param rawScore items answered right in the built-in test; null for a result that came with
   *     subscores only (staff, a provider)
   * @param maxScore items scored in the built-in test; null exactly when {@code rawScore} is
   * @param topicScores subscore (0–100) per topic, by topic name
   */
  public record AssessmentSummary(
      String language,
      int scaledScore,
      int fundamentalsScore,
      int languageScore,
      Integer rawScore,
      Integer maxScore,
      Map<String, Integer> topicScores) {}

  public record Update(Instant receivedAt, String message) {}
}
