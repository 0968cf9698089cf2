package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the application's stored facts become levels and evidence. */
class MatchCandidateTest {

  private static final SkillVocabulary VOCABULARY = SkillTaxonomy.bundled().vocabulary();

  private static int id(String name) {
    return VOCABULARY.resolve(name).id();
  }

  private static MatchCandidate.Builder candidate() {
    return MatchCandidate.builder(VOCABULARY, 1, "akron");
  }

  @Test
  void aRatingWinsOverAPreferredLanguageEvenWhenLowerAndTheHigherOfTwoRatingsCounts() {
    MatchCandidate candidate =
        candidate().preferredLanguage("Python").selfRated("python", 2).selfRated("JS", 2).selfRated("JavaScript", 4).preferredLanguage("Go").build();
    assertThat(candidate.levelOf(id("Python"))).isEqualTo(2);
    assertThat(candidate.levelOf(id("JavaScript"))).isEqualTo(4);
    assertThat(candidate.levelOf(id("Go"))).isEqualTo(MatchCandidate.PREFERRED_LANGUAGE_LEVEL);
    assertThat(candidate.evidenceOf(id("Go"))).isEqualTo(Evidence.SELF_REPORTED);
    assertThat(candidate.skillCount()).isEqualTo(3);
  }

  @Test
  void evidenceIsTheStrongestShownAndLevelsRiseWithIt() {
    MatchCandidate candidate =
        candidate()
            .selfRated("Docker", 1)
            .project("docker")
            .certificate("CompTIA Security+")
            .assessed("C#", 76)
            .assessed("Ruby", 40)
            .build();
    assertThat(candidate.evidenceOf(id("Docker"))).isEqualTo(Evidence.PROJECT);
    assertThat(candidate.levelOf(id("Docker"))).isEqualTo(MatchCandidate.PROJECT_LEVEL);
    assertThat(candidate.evidenceOf(id("Security+"))).isEqualTo(Evidence.CERTIFICATE);
    assertThat(candidate.levelOf(id("Security+"))).isEqualTo(MatchCandidate.CERTIFICATE_LEVEL);
    assertThat(candidate.evidenceOf(id("C#"))).isEqualTo(Evidence.ASSESSMENT);
    assertThat(candidate.levelOf(id("C#"))).isEqualTo(4);
    assertThat(candidate.evidenceOf(id("Ruby"))).as("a failed language score verifies nothing").isNull();
  }

  @Test
  void aVetterApprovalConfirmsWhatIsBackedByEvidenceButNotBareClaims() {
    MatchCandidate candidate = candidate().selfRated("Java", 4).project("React").vetterApproved(true).build();
    assertThat(candidate.evidenceOf(id("React"))).isEqualTo(Evidence.VETTER);
    assertThat(candidate.evidenceOf(id("Java"))).isEqualTo(Evidence.SELF_REPORTED);
  }

  @Test
  void unknownSkillsAreKeptAndBlankOnesIgnored() {
    MatchCandidate candidate = candidate().selfRated("Quantum Widgets", 3).selfRated(" ", 5).project(null).build();
    assertThat(candidate.skillCount()).isEqualTo(1);
    assertThat(candidate.levelOf(id("quantum widgets"))).isEqualTo(3);
  }
}
