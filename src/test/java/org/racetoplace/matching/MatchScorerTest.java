package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racetoplace.interview.InterviewRecommendation;

/** The scoring formula of docs/matching.md, as tables of inputs and the points they earn. */
class MatchScorerTest {

  private static final SkillVocabulary VOCABULARY = SkillTaxonomy.bundled().vocabulary();
  private static final String HOME = "birmingham";

  private static MatchCandidate.Builder candidate() {
    return MatchCandidate.builder(VOCABULARY, 1, HOME);
  }

  private static MatchOpening opening(String community, boolean remote, OpeningSkill... skills) {
    return MatchOpening.of(VOCABULARY, 7, community, remote, OpeningStatus.OPEN, 1, 0, true, List.of(skills));
  }

  private static MatchOpening javaOpening() {
    return opening(HOME, false, required("Java", 3, 1));
  }

  /** Required Java level 3 (75 points), home (5), no preferred, no interview. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // how the candidate shows Java                      score
    "self-rated 3,                                       50.0",
    "self-rated 5,                                       50.0",
    "self-rated 2,                                       35.0",
    "self-rated 1,                                       20.0",
    "preferred language (level 3),                       50.0",
    "project only (level 2),                             40.0",
    "self-rated 3 and a project,                         57.5",
    "certificate (level 3),                              65.0",
    "assessment 82 (level 4),                            72.5",
    "assessment 59 (verifies nothing) and self-rated 3,  50.0",
    "project and vetter approval,                        80.0",
    "self-rated 3 and vetter approval,                   50.0",
  })
  void evidenceAndLevelDecideWhatARequiredSkillEarns(String shown, double expected) {
    MatchCandidate.Builder builder = candidate();
    switch (shown.trim()) {
      case "self-rated 3" -> builder.selfRated("Java", 3);
      case "self-rated 5" -> builder.selfRated("java", 5);
      case "self-rated 2" -> builder.selfRated("Java", 2);
      case "self-rated 1" -> builder.selfRated("Java", 1);
      case "preferred language (level 3)" -> builder.preferredLanguage("Java");
      case "project only (level 2)" -> builder.project("Java");
      case "self-rated 3 and a project" -> builder.selfRated("Java", 3).project("java");
      case "certificate (level 3)" -> builder.certificate("Oracle Certified Java Programmer Java SE 11");
      case "assessment 82 (level 4)" -> builder.assessed("Java", 82);
      case "assessment 59 (verifies nothing) and self-rated 3" -> builder.assessed("Java", 59).selfRated("Java", 3);
      case "project and vetter approval" -> builder.project("Java").selfRated("Java", 3).vetterApproved(true);
      case "self-rated 3 and vetter approval" -> builder.selfRated("Java", 3).vetterApproved(true);
      default -> throw new IllegalArgumentException(shown);
    }
    int tenths = MatchScorer.score(builder.build(), javaOpening());
    assertThat(tenths / 10.0).isEqualTo(expected);
  }

  @Test
  void aMissingRequiredSkillExcludesThePairWhateverElseMatches() {
    MatchCandidate strong =
        candidate().selfRated("Python", 5).selfRated("SQL", 5).vetterApproved(true)
            .interview(InterviewRecommendation.STRONG_YES, 100).build();
    MatchOpening needsJava = opening(HOME, false, required("Python", 1, 5), required("Java", 1, 1), preferred("SQL", 1, 1));

    assertThat(MatchScorer.score(strong, needsJava)).isEqualTo(MatchScorer.EXCLUDED);
    assertThat(MatchScorer.explain(strong, needsJava, VOCABULARY)).isNull();
  }

  @Test
  void aRelatedSkillGivesItsLinkCreditAndKeepsThePair() {
    // Spring Boot → Java 0.5; self-reported 0.6; level 4 ≥ 3
    MatchCandidate springDeveloper = candidate().selfRated("SpringBoot", 4).build();
    MatchScorer.Explained explained = MatchScorer.explain(springDeveloper, javaOpening(), VOCABULARY);

    assertThat(explained).isNotNull();
    assertThat(explained.tenths()).isEqualTo(275); // 75 × 0.5 × 0.6 = 22.5, + 5 home
    assertThat(explained.explanation())
        .contains("- Java: required level 3, weight 1 — via related Spring Boot (link credit 0.5), level 4, self-reported (self-rated 4) → 22.5/75");
  }

  @Test
  void aDirectMatchWinsOverARelatedOneWhenItIsWorthMore() {
    MatchCandidate both = candidate().selfRated("Java", 3).selfRated("Kotlin", 5).build();
    assertThat(MatchScorer.score(both, javaOpening())).isEqualTo(500);
  }

  @Test
  void aliasesMatchOnBothSides() {
    MatchCandidate js = candidate().selfRated("JS", 3).selfRated("Postgres", 3).build();
    MatchOpening opening = opening(HOME, false, required("JavaScript", 3, 1), required("PostgreSQL", 3, 1));
    assertThat(MatchScorer.score(js, opening)).isEqualTo(500);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // where                                   score
    "home community,                            50.0",
    "remote opening elsewhere,                  48.0",
  })
  void theCommunityFitsBetterThanRemoteWork(String where, double expected) {
    MatchCandidate candidate = candidate().selfRated("Java", 3).build();
    MatchOpening opening =
        where.startsWith("home") ? javaOpening() : opening("seattle", true, required("Java", 3, 1));
    assertThat(MatchScorer.score(candidate, opening) / 10.0).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource({
    "STRONG_YES, 100, 10",
    "STRONG_YES,  80,  9",
    "YES,         80,  7.75",
    "NO,          40,  3.25",
    "STRONG_NO,    0,  0",
    "YES,           , 7.5",
  })
  void theInterviewAddsUpToTenPoints(InterviewRecommendation recommendation, Integer score, double points) {
    assertThat(MatchScorer.interviewPoints(recommendation, score)).isEqualTo(points);
    MatchCandidate interviewed = candidate().selfRated("Java", 3).interview(recommendation, score).build();
    assertThat(MatchScorer.score(interviewed, javaOpening())).isEqualTo((int) Math.round((50 + points) * 10));
  }

  @Test
  void preferredSkillsAreABonusSharedByWeight() {
    MatchCandidate candidate = candidate().selfRated("Java", 3).selfRated("Git", 2).build();
    MatchOpening noPreferred = javaOpening();
    MatchOpening gitAndDocker = opening(HOME, false, required("Java", 3, 1), preferred("Git", 2, 3), preferred("Docker", 2, 1));

    assertThat(MatchScorer.score(candidate, noPreferred)).isEqualTo(500);
    // Git holds 3/4 of the 10 bonus points, at 0.6: 4.5
    assertThat(MatchScorer.score(candidate, gitAndDocker)).isEqualTo(545);
  }

  @Test
  void theExplanationSaysPerSkillHowItMatchedWithWhatEvidenceAndWorthHowMuch() {
    MatchCandidate candidate =
        candidate()
            .selfRated("Java", 2)
            .project("PostgreSQL")
            .assessed("Java", 91)
            .vetterApproved(true)
            .interview(InterviewRecommendation.YES, 70)
            .build();
    MatchOpening opening =
        opening("seattle", true, required("Java", 3, 3), required("SQL", 2, 1), preferred("Docker", 1, 1));

    MatchScorer.Explained explained = MatchScorer.explain(candidate, opening, VOCABULARY);

    // Java: vetter 1.0 × level 5 → 56.25; SQL via PostgreSQL 0.6 × vetter 1.0 → 11.25; Docker 0; remote 3;
    // interview 10 × (0.35 + 0.375) = 7.25 → 77.75 → 77.8
    assertThat(explained.score()).isEqualByComparingTo("77.8");
    assertThat(explained.explanation())
        .isEqualTo(
            """
            Location: remote work allowed (opening in another community) → 3/5
            Required skills (75 points):
            - Java: required level 3, weight 3 — held at level 5, vetter-confirmed (self-rated 2, assessment score 91, approved at vetting) → 56.3/56.3
            - SQL: required level 2, weight 1 — via related PostgreSQL (link credit 0.6), level 2, vetter-confirmed (project, approved at vetting) → 11.3/18.8
            Preferred skills (bonus, up to 10 points):
            - Docker: preferred level 1, weight 1 — not held → 0/10
            Interview: recommendation yes, score 70/100 → 7.3/10
            Score: 77.8/100""");
  }

  /**
   * The full path of {@link MatchScorer#score}, not the early return of an excluded pair: two
   * openings that the candidate meets, one at home and one remote elsewhere, with required skills
   * held directly, held below their level and covered only through a related skill, and preferred
   * skills held and not held; the candidate has an interview. The explanations (outside the
   * measurement) prove each pair takes those branches.
   */
  @Test
  void scoringAPairThroughTheWholeFormulaAllocatesNothing() {
    MatchCandidate candidate =
        candidate()
            .selfRated("Java", 3)
            .selfRated("Git", 2)
            .selfRated("Spring Boot", 4)
            .project("Docker")
            .project("PostgreSQL")
            .interview(InterviewRecommendation.YES, 70)
            .build();
    MatchOpening atHome =
        opening(HOME, false,
            required("Java", 3, 2), required("SQL", 1, 1), preferred("Git", 2, 1), preferred("Kubernetes", 1, 1));
    MatchOpening remote =
        opening("seattle", true, required("Spring", 2, 1), required("Java", 4, 1), preferred("Docker", 1, 1));

    MatchScorer.Explained home = MatchScorer.explain(candidate, atHome, VOCABULARY);
    MatchScorer.Explained elsewhere = MatchScorer.explain(candidate, remote, VOCABULARY);
    assertThat(home).isNotNull();
    assertThat(elsewhere).isNotNull();
    assertThat(home.explanation())
        .contains("in the candidate's community → 5/5")
        .contains("- Java: required level 3, weight 2 — held at level 3")
        .contains("- SQL: required level 1, weight 1 — via related PostgreSQL")
        .contains("- Git: preferred level 2, weight 1 — held at level 2")
        .contains("- Kubernetes: preferred level 1, weight 1 — not held")
        .contains("Interview: recommendation yes, score 70/100");
    assertThat(elsewhere.explanation())
        .contains("remote work allowed (opening in another community) → 3/5")
        .contains("- Spring: required level 2, weight 1 — via related Spring Boot")
        .contains("- Java: required level 4, weight 1 — held at level 3")
        .contains("- Docker: preferred level 1, weight 1 — held at level 2");
    int homeTenths = MatchScorer.score(candidate, atHome);
    int remoteTenths = MatchScorer.score(candidate, remote);
    assertThat(homeTenths).isPositive().isEqualTo(home.tenths());
    assertThat(remoteTenths).isPositive().isEqualTo(elsewhere.tenths());

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    // the control: the same measurement sees what explaining (a StringBuilder, strings) allocates
    long controlBefore = threads.getCurrentThreadAllocatedBytes();
    int explained = 0;
    for (int i = 0; i < 1_000; i++) {
      explained += MatchScorer.explain(candidate, atHome, VOCABULARY).explanation().length();
    }
    long controlAllocated = threads.getCurrentThreadAllocatedBytes() - controlBefore;
    assertThat(explained).isPositive();
    assertThat(controlAllocated).isGreaterThan(1_000L * 1024);

    long sum = 0;
    for (int i = 0; i < 20_000; i++) { // warm up
      sum += MatchScorer.score(candidate, atHome) + MatchScorer.score(candidate, remote);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      sum += MatchScorer.score(candidate, atHome) + MatchScorer.score(candidate, remote);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sum).isEqualTo(120_000L * (homeTenths + remoteTenths));
    // a count of bytes, not a time: 200,000 scorings with even one 16-byte object per call would
    // allocate 3.2 MB, with a collection the size of the taxonomy (426 skills) far more; the
    // measurement itself may allocate a little
    assertThat(allocated).isLessThan(64 * 1024);
  }
}
