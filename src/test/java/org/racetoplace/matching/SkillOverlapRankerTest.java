package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.Skill;

/** The ranking rules of the Match stage, with numbers, without a database. */
class SkillOverlapRankerTest {

  private static final String HOME = "birmingham";
  private final SkillOverlapRanker ranker = new SkillOverlapRanker();

  private static CandidateSkills candidate(List<Skill> skills, List<String> languages) {
    return CandidateSkills.of(skills, languages);
  }

  private static OpeningProfile opening(long id, String community, boolean remote, OpeningSkill... skills) {
    return new OpeningProfile(id, community, remote, OpeningStatus.OPEN, 2, 0, true, List.of(skills));
  }

  private List<RankedOpening> rank(CandidateSkills candidate, OpeningProfile... openings) {
    return ranker.rank(candidate, HOME, List.of(openings), Set.of());
  }

  private static List<Long> ids(List<RankedOpening> ranked) {
    return ranked.stream().map(RankedOpening::openingId).toList();
  }

  @Test
  void aMissingRequiredSkillExcludesTheOpening() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 5)), List.of());

    assertThat(rank(ada, opening(1, HOME, false, required("Java", 2, 1), required("SQL", 1, 1)))).isEmpty();
  }

  @Test
  void aRequiredSkillBelowItsMinimumLevelExcludesTheOpeningAndAtTheMinimumItQualifies() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 2)), List.of());

    assertThat(rank(ada, opening(1, HOME, false, required("Java", 3, 1)))).isEmpty();
    assertThat(ids(rank(ada, opening(2, HOME, false, required("Java", 2, 1))))).containsExactly(2L);
  }

  @Test
  void theScoreIsEightyForRequiredSkillsPlusTheWeightedShareOfPreferredOnesAndTheExplanationShowsEachSkill() {
    CandidateSkills ada =
        candidate(List.of(new Skill("Java", 4), new Skill("SQL", 2), new Skill("Git", 1)), List.of("Python"));
    OpeningProfile opening =
        opening(
            7,
            HOME,
            false,
            required("Java", 3, 3),
            required("SQL", 2, 1),
            preferred("Git", 2, 1),
            preferred("Docker", 2, 1));

    RankedOpening ranked = rank(ada, opening).get(0);

    // required: 80 in full; preferred: Git at half its level earns 5 of 10, Docker 0 of 10
    assertThat(ranked.score()).isEqualByComparingTo("85.0");
    assertThat(ranked.explanation())
        .contains("Location: in the candidate's community")
        .contains("Required skills (80 points):")
        .contains("- Java: required level 3, candidate level 4 (self-reported) → 60/60")
        .contains("- SQL: required level 2, candidate level 2 (self-reported) → 20/20")
        .contains("Preferred skills (20 points):")
        .contains("- Git: preferred level 2, candidate level 1 (self-reported) → 5/10")
        .contains("- Docker: preferred level 2, not listed by the candidate → 0/10")
        .endsWith("Score: 85/100");
  }

  @Test
  void preferredSkillsAddUpToTwentyAndPartSharesAreRoundedOnceHalfUp() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 3), new Skill("Git", 3)), List.of());
    OpeningProfile threePreferred =
        opening(1, HOME, false, required("Java", 3, 1), preferred("Git", 2, 1), preferred("CSS", 2, 1), preferred("Linux", 2, 1));
    OpeningProfile allPreferredMet = opening(2, HOME, false, required("Java", 3, 1), preferred("Git", 3, 1));
    OpeningProfile nonePreferred = opening(3, HOME, false, required("Java", 3, 1));

    // 80 + 20 × 1/3 = 86.666… → 86.7
    RankedOpening oneOfThree = rank(ada, threePreferred).get(0);
    assertThat(oneOfThree.score()).isEqualByComparingTo("86.7");
    assertThat(oneOfThree.explanation()).contains("- Git: preferred level 2, candidate level 3 (self-reported) → 6.7/6.7");
    assertThat(rank(ada, allPreferredMet).get(0).score()).isEqualByComparingTo("100.0");
    assertThat(rank(ada, nonePreferred).get(0).score()).isEqualByComparingTo("100.0");
    assertThat(rank(ada, nonePreferred).get(0).explanation()).contains("- none asked for → 20/20");
  }

  @Test
  void theBetterPreferredMatchRanksFirst() {
    CandidateSkills ada = candidate(List.of(new Skill("JavaScript", 3), new Skill("CSS", 3)), List.of());

    List<RankedOpening> ranked =
        rank(
            ada,
            opening(1, HOME, false, required("JavaScript", 2, 1), preferred("React", 2, 1)),
            opening(2, HOME, false, required("JavaScript", 2, 1), preferred("CSS", 2, 1)));

    assertThat(ids(ranked)).containsExactly(2L, 1L);
    assertThat(ranked.get(0).score()).isEqualByComparingTo("100.0");
    assertThat(ranked.get(1).score()).isEqualByComparingTo("80.0");
  }

  @Test
  void namesCompareCaseInsensitivelyAndTrimmed() {
    CandidateSkills ada = candidate(List.of(new Skill("  javascript ", 3), new Skill("HTML", 2)), List.of());

    List<RankedOpening> ranked = rank(ada, opening(1, HOME, false, required("JavaScript", 3, 1), required(" html", 2, 1)));

    assertThat(ids(ranked)).containsExactly(1L);
    assertThat(ranked.get(0).explanation()).contains("- JavaScript: required level 3, candidate level 3 (self-reported)");
  }

  @Test
  void aPreferredLanguageCountsAsLevelThreeUnlessTheCandidateRatedIt() {
    CandidateSkills onlyLanguage = candidate(List.of(), List.of("Python"));
    CandidateSkills ratedLower = candidate(List.of(new Skill("python", 2)), List.of("Python"));

    List<RankedOpening> ranked = rank(onlyLanguage, opening(1, HOME, false, required("Python", 3, 1)));
    assertThat(ranked.get(0).explanation())
        .contains("- Python: required level 3, candidate level 3 (preferred language, counted as level 3) → 80/80");
    assertThat(rank(onlyLanguage, opening(2, HOME, false, required("Python", 4, 1)))).isEmpty();
    assertThat(rank(ratedLower, opening(3, HOME, false, required("Python", 3, 1))))
        .as("the candidate's own rating wins over the language's level 3")
        .isEmpty();
  }

  @Test
  void otherCommunitiesCountOnlyWhenRemoteIsAllowedAndOnEqualScoresTheOwnCommunityWins() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 3)), List.of());
    OpeningProfile remoteElsewhere = opening(1, "seattle", true, required("Java", 2, 1));
    OpeningProfile onSiteElsewhere = opening(2, "atlanta", false, required("Java", 2, 1));
    OpeningProfile home = opening(3, HOME, false, required("Java", 2, 1));

    List<RankedOpening> ranked = rank(ada, remoteElsewhere, onSiteElsewhere, home);

    assertThat(ids(ranked)).containsExactly(3L, 1L);
    assertThat(ranked.get(0).sameCommunity()).isTrue();
    assertThat(ranked.get(1).sameCommunity()).isFalse();
    assertThat(ranked.get(1).explanation()).startsWith("Location: remote work allowed (opening in another community)");
  }

  @Test
  void aHigherScoreBeatsTheOwnCommunity() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 3), new Skill("Git", 2)), List.of());

    List<RankedOpening> ranked =
        rank(
            ada,
            opening(1, HOME, false, required("Java", 2, 1), preferred("Docker", 1, 1)),
            opening(2, "seattle", true, required("Java", 2, 1), preferred("Git", 2, 1)));

    assertThat(ids(ranked)).containsExactly(2L, 1L);
  }

  @Test
  void equalScoresInTheSameCommunityGoToTheLowerOpeningIdWhateverTheInputOrder() {
    CandidateSkills ada = candidate(List.of(new Skill("SQL", 3)), List.of());
    List<OpeningProfile> openings = new ArrayList<>();
    for (long id : new long[] {12, 5, 9, 30}) {
      openings.add(opening(id, HOME, id % 2 == 0, required("SQL", 2, 1)));
    }

    List<Long> first = ids(ranker.rank(ada, HOME, openings, Set.of()));
    Collections.reverse(openings);
    List<Long> second = ids(ranker.rank(ada, HOME, openings, Set.of()));

    assertThat(first).containsExactly(5L, 9L, 12L, 30L);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void openingsProposedBeforeAreNotProposedAgain() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 3)), List.of());
    List<OpeningProfile> openings =
        List.of(opening(1, HOME, false, required("Java", 2, 1)), opening(2, HOME, false, required("Java", 2, 1)));

    assertThat(ids(ranker.rank(ada, HOME, openings, Set.of(1L)))).containsExactly(2L);
    assertThat(ranker.rank(ada, HOME, openings, Set.of(1L, 2L))).isEmpty();
  }

  @Test
  void fullPausedFilledClosedOrInactivePartnersOpeningsAreNotProposed() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 3)), List.of());
    List<OpeningSkill> java = List.of(required("Java", 2, 1));
    List<OpeningProfile> openings =
        List.of(
            new OpeningProfile(1, HOME, false, OpeningStatus.OPEN, 2, 2, true, java),
            new OpeningProfile(2, HOME, false, OpeningStatus.PAUSED, 2, 0, true, java),
            new OpeningProfile(3, HOME, false, OpeningStatus.FILLED, 1, 1, true, java),
            new OpeningProfile(4, HOME, false, OpeningStatus.CLOSED, 2, 0, true, java),
            new OpeningProfile(5, HOME, false, OpeningStatus.OPEN, 2, 0, false, java),
            new OpeningProfile(6, HOME, false, OpeningStatus.OPEN, 3, 2, true, java));

    assertThat(ids(ranker.rank(ada, HOME, openings, Set.of()))).containsExactly(6L);
  }

  @Test
  void aSkillListedTwiceCountsAtItsHigherLevel() {
    CandidateSkills ada = candidate(List.of(new Skill("Java", 2), new Skill("JAVA", 4)), List.of());

    assertThat(ada.find("java")).hasValueSatisfying(entry -> assertThat(entry.level()).isEqualTo(4));
  }

  @Test
  void pointsAreShownWithOneDecimalAtMostAndNoTrailingZeros() {
    assertThat(SkillOverlapRanker.points(new BigDecimal("40.0000000000"))).isEqualTo("40");
    assertThat(SkillOverlapRanker.points(new BigDecimal("13.3333333333"))).isEqualTo("13.3");
    assertThat(SkillOverlapRanker.points(new BigDecimal("26.6666666667"))).isEqualTo("26.7");
    assertThat(SkillOverlapRanker.points(new BigDecimal("100.0"))).isEqualTo("100");
    assertThat(SkillOverlapRanker.points(new BigDecimal("0.05"))).isEqualTo("0.1");
  }
}
