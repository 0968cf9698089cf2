package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which openings a case may be proposed, and in which order. */
class OpeningRankerTest {

  private static final SkillVocabulary VOCABULARY = SkillTaxonomy.bundled().vocabulary();
  private static final String HOME = "atlanta";

  private static MatchCandidate ada() {
    return MatchCandidate.builder(VOCABULARY, 1, HOME).selfRated("Java", 3).selfRated("Git", 2).build();
  }

  private static MatchOpening opening(long id, String community, boolean remote, OpeningStatus status, int filled, boolean active, OpeningSkill... skills) {
    return MatchOpening.of(VOCABULARY, id, community, remote, status, 2, filled, active, List.of(skills));
  }

  private static MatchOpening open(long id, String community, boolean remote, OpeningSkill... skills) {
    return opening(id, community, remote, OpeningStatus.OPEN, 0, true, skills);
  }

  private static List<Long> ids(List<RankedOpening> ranked) {
    return ranked.stream().map(RankedOpening::openingId).toList();
  }

  @Test
  void onlyOpenReachableOpeningsWithAPositionLeftAtActivePartnersNeverProposedBeforeCount() {
    List<MatchOpening> openings =
        List.of(
            open(1, HOME, false, required("Java", 2, 1)),
            open(2, "seattle", true, required("Java", 2, 1)),
            open(3, "seattle", false, required("Java", 2, 1)),
            opening(4, HOME, false, OpeningStatus.PAUSED, 0, true, required("Java", 2, 1)),
            opening(5, HOME, false, OpeningStatus.OPEN, 2, true, required("Java", 2, 1)),
            opening(6, HOME, false, OpeningStatus.OPEN, 0, false, required("Java", 2, 1)),
            open(7, HOME, false, required("Java", 2, 1)),
            open(8, HOME, false, required("Java", 2, 1), required("Haskell", 1, 1)));

    assertThat(ids(OpeningRanker.rank(ada(), openings, Set.of(7L)))).containsExactly(1L, 2L);
  }

  @Test
  void higherScoreFirstThenTheHomeCommunityThenTheOlderOpening() {
    List<MatchOpening> openings =
        List.of(
            open(10, "seattle", true, required("Java", 2, 1)),
            open(11, HOME, false, required("Java", 2, 1)),
            open(12, HOME, false, required("Java", 2, 1), preferred("Git", 2, 1)),
            open(9, HOME, false, required("Java", 2, 1)));

    List<RankedOpening> ranked = OpeningRanker.rank(ada(), openings, Set.of());

    assertThat(ids(ranked)).containsExactly(12L, 9L, 11L, 10L);
    assertThat(ranked.get(0).score()).isEqualByComparingTo("56.0");
    assertThat(ranked.get(3).sameCommunity()).isFalse();
    assertThat(ranked.get(1).sameCommunity()).isTrue();
  }

  @Test
  void theSameDataGiveTheSameRanking() {
    List<MatchOpening> openings =
        List.of(open(3, HOME, false, required("Java", 3, 1)), open(1, HOME, false, required("Java", 3, 1)), open(2, "akron", true, required("JS", 1, 1), required("Java", 1, 1)));
    assertThat(OpeningRanker.rank(ada(), openings, Set.of())).isEqualTo(OpeningRanker.rank(ada(), openings, Set.of()));
  }
}
