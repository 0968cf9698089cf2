package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.racetoplace.matching.bench.PilotData;

/**
 * Properties of the cohort placement as the talent pool runs it, on problems built from real
 * scores: pilot-like candidates and openings ({@link PilotData}, the benchmarks' generator, at a
 * small size), some openings proposed to some candidates before, through {@link
 * CohortProblem#build} and {@link DeferredAcceptance#assign}. The checks do not read the built
 * problem's preference arrays: they score each pair again with {@link MatchScorer#score} and apply
 * the rules of {@link CohortPlacements} (a candidate prefers the higher score, then an opening in
 * its own community, then the older opening; an opening prefers the higher score, then the older
 * application).
 */
class CohortPlacementPropertiesTest {

  private static final SkillTaxonomy TAXONOMY = SkillTaxonomy.bundled();

  /** A generated cohort: what the seed and sizes give, in id order as the callers pass it. */
  static final class Cohort {
    final long seed;
    final int candidateCount;
    final int openingCount;
    final double remoteShare;
    final int proposedPercent;
    final List<MatchCandidate> candidates;
    final List<MatchOpening> openings;
    final List<long[]> proposedBefore;

    Cohort(long seed, int candidateCount, int openingCount, double remoteShare, int proposedPercent) {
      this.seed = seed;
      this.candidateCount = candidateCount;
      this.openingCount = openingCount;
      this.remoteShare = remoteShare;
      this.proposedPercent = proposedPercent;
      PilotData data = new PilotData(TAXONOMY, seed);
      this.candidates = data.candidates(candidateCount);
      this.openings = data.openings(openingCount, remoteShare);
      // some openings were proposed to some candidates before: those pairs are not acceptable
      SplittableRandom random = new SplittableRandom(~seed);
      this.proposedBefore = new ArrayList<>(candidateCount);
      for (int c = 0; c < candidateCount; c++) {
        long[] ids = new long[openingCount];
        int n = 0;
        for (MatchOpening opening : openings) {
          if (random.nextInt(100) < proposedPercent) {
            ids[n++] = opening.id();
          }
        }
        proposedBefore.add(Arrays.copyOf(ids, n)); // ascending: openings come in id order
      }
    }

    /** The same cohort generated again from its seed: new objects, same facts. */
    Cohort rebuilt() {
      return new Cohort(seed, candidateCount, openingCount, remoteShare, proposedPercent);
    }

    @Override
    public String toString() {
      return "Cohort[seed=%d, candidates=%d, openings=%d, remoteShare=%s, proposed=%d%%]"
          .formatted(seed, candidateCount, openingCount, remoteShare, proposedPercent);
    }
  }

  /** A placement, with the inputs in the order they were given to the build. */
  record Placed(List<MatchCandidate> candidates, List<MatchOpening> openings, List<long[]> proposedBefore,
      CohortProblem problem, int[] assigned) {

    static Placed of(List<MatchCandidate> candidates, List<MatchOpening> openings, List<long[]> proposedBefore) {
      CohortProblem problem = CohortProblem.build(candidates, openings, proposedBefore);
      return new Placed(candidates, openings, proposedBefore, problem, DeferredAcceptance.assign(problem.problem()));
    }

    static Placed of(Cohort cohort) {
      return of(cohort.candidates, cohort.openings, cohort.proposedBefore);
    }

    /** The score in tenths, or -1 when the pair may not be placed (not reachable, proposed before, excluded). */
    int tenths(int c, int o) {
      MatchCandidate candidate = candidates.get(c);
      MatchOpening opening = openings.get(o);
      if (!OpeningRanker.considered(opening, candidate.communityId(), proposedBefore.get(c))) {
        return -1;
      }
      return MatchScorer.score(candidate, opening); // EXCLUDED is -1 too
    }

    int positions(int o) {
      MatchOpening opening = openings.get(o);
      return opening.available() ? opening.positionsLeft() : 0;
    }

    /** Application id → opening id (null when placed nowhere), whatever the input order. */
    Map<Long, Long> byIds() {
      Map<Long, Long> placed = new LinkedHashMap<>();
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < candidates.size(); c++) {
        order.add(c);
      }
      order.sort(Comparator.comparingLong(c -> candidates.get(c).applicationId()));
      for (int c : order) {
        int o = assigned[c];
        placed.put(candidates.get(c).applicationId(), o == DeferredAcceptance.UNASSIGNED ? null : openings.get(o).id());
      }
      return placed;
    }

    /** Whether candidate c, placed at `current` (or nowhere, -1), would rather have opening o. */
    boolean candidateRatherHas(int c, int o, int current) {
      if (current == DeferredAcceptance.UNASSIGNED) {
        return true;
      }
      int want = tenths(c, o);
      int has = tenths(c, current);
      if (want != has) {
        return want > has;
      }
      boolean wantHome = openings.get(o).communityId().equals(candidates.get(c).communityId());
      boolean hasHome = openings.get(current).communityId().equals(candidates.get(c).communityId());
      if (wantHome != hasHome) {
        return wantHome;
      }
      return openings.get(o).id() < openings.get(current).id();
    }

    /** Whether opening o would rather have candidate c than candidate d, whom it holds. */
    boolean openingRatherHas(int o, int c, int d) {
      int want = tenths(c, o);
      int has = tenths(d, o);
      if (want != has) {
        return want > has;
      }
      return candidates.get(c).applicationId() < candidates.get(d).applicationId();
    }
  }

  @Provide
  Arbitrary<Cohort> cohorts() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(1, 25),
            Arbitraries.of(0.0, 0.25, 0.5, 1.0),
            Arbitraries.integers().between(0, 30))
        .as(Cohort::new);
  }

  @Property(tries = 300)
  void noCandidateAndOpeningWouldBothRatherHaveEachOtherByTheirScores(@ForAll("cohorts") Cohort cohort) {
    Placed placed = Placed.of(cohort);
    int blockingChecked = 0;
    for (int c = 0; c < placed.candidates().size(); c++) {
      int current = placed.assigned()[c];
      for (int o = 0; o < placed.openings().size(); o++) {
        if (o == current || placed.tenths(c, o) < 0 || placed.positions(o) == 0
            || !placed.candidateRatherHas(c, o, current)) {
          continue;
        }
        blockingChecked++;
        int held = 0;
        boolean ratherThanSomeone = false;
        for (int d = 0; d < placed.candidates().size(); d++) {
          if (placed.assigned()[d] == o) {
            held++;
            ratherThanSomeone |= placed.openingRatherHas(o, c, d);
          }
        }
        assertThat(held < placed.positions(o) || ratherThanSomeone)
            .as("%s: application %d and opening %d would both rather have each other",
                cohort, placed.candidates().get(c).applicationId(), placed.openings().get(o).id())
            .isFalse();
      }
    }
    Statistics.label("a candidate wanted an opening that was better for it").collect(blockingChecked > 0);
    Statistics.label("someone placed").collect(Arrays.stream(placed.assigned()).anyMatch(o -> o >= 0));
  }

  @Property(tries = 300)
  void noOpeningGetsMoreThanItsPositionsAndNoExcludedPairIsPlaced(@ForAll("cohorts") Cohort cohort) {
    Placed placed = Placed.of(cohort);
    int[] load = new int[placed.openings().size()];
    boolean excludedBySkill = false;
    boolean turnedAway = false;
    for (int c = 0; c < placed.candidates().size(); c++) {
      for (int o = 0; o < placed.openings().size(); o++) {
        // the built problem holds exactly the pairs that may be placed, with their scores
        assertThat(placed.problem().tenths(c, o)).as("%s: pair %d/%d", cohort, c, o).isEqualTo(placed.tenths(c, o));
        excludedBySkill |=
            placed.openings().get(o).reachable(placed.candidates().get(c).communityId())
                && MatchScorer.score(placed.candidates().get(c), placed.openings().get(o)) == MatchScorer.EXCLUDED;
      }
      int o = placed.assigned()[c];
      if (o == DeferredAcceptance.UNASSIGNED) {
        turnedAway |= placed.problem().problem().acceptable()[c].length > 0;
        continue;
      }
      assertThat(placed.tenths(c, o)).as("%s: candidate %d placed in an excluded opening %d", cohort, c, o).isNotNegative();
      load[o]++;
    }
    for (int o = 0; o < load.length; o++) {
      assertThat(load[o]).as("%s: opening %d", cohort, o).isLessThanOrEqualTo(placed.positions(o));
    }
    Statistics.label("a required skill excluded a reachable pair").collect(excludedBySkill);
    Statistics.label("a candidate with acceptable openings was placed nowhere").collect(turnedAway);
  }

  @Property(tries = 200)
  void theSameSeedRebuiltGivesTheSamePlacement(@ForAll("cohorts") Cohort cohort) {
    Placed first = Placed.of(cohort);
    Placed again = Placed.of(cohort.rebuilt());
    assertThat(again.assigned()).containsExactly(first.assigned());
    assertThat(again.byIds()).isEqualTo(first.byIds());
  }

  /**
   * Callers pass candidates by application id and openings by id (their tie-breaks); a cohort
   * rebuilt from the seed and handed over shuffled, then put in that order, is placed the same.
   * Shuffled and not put back, ties may break the other way, but the placement is still stable
   * by the scores alone: no candidate and opening that both score each other strictly higher than
   * what they got.
   */
  @Property(tries = 200)
  void aShuffledInputIsPlacedTheSameInIdOrderAndStableByTheScoresInAnyOrder(
      @ForAll("cohorts") Cohort cohort, @ForAll long shuffleSeed) {
    Placed first = Placed.of(cohort);
    Cohort rebuilt = cohort.rebuilt();
    Random random = new Random(shuffleSeed);
    List<Integer> candidateOrder = new ArrayList<>();
    for (int c = 0; c < rebuilt.candidates.size(); c++) {
      candidateOrder.add(c);
    }
    Collections.shuffle(candidateOrder, random);
    List<MatchCandidate> candidates = new ArrayList<>();
    List<long[]> proposed = new ArrayList<>();
    for (int c : candidateOrder) {
      candidates.add(rebuilt.candidates.get(c));
      proposed.add(rebuilt.proposedBefore.get(c));
    }
    List<MatchOpening> openings = new ArrayList<>(rebuilt.openings);
    Collections.shuffle(openings, random);

    Placed shuffled = Placed.of(candidates, openings, proposed);
    int weaklyBlocking = 0;
    int[] load = new int[openings.size()];
    for (int c = 0; c < candidates.size(); c++) {
      int current = shuffled.assigned()[c];
      if (current != DeferredAcceptance.UNASSIGNED) {
        assertThat(shuffled.tenths(c, current)).isNotNegative();
        load[current]++;
      }
      for (int o = 0; o < openings.size(); o++) {
        int want = shuffled.tenths(c, o);
        if (want < 0 || shuffled.positions(o) == 0
            || (current != DeferredAcceptance.UNASSIGNED && want <= shuffled.tenths(c, current))) {
          continue;
        }
        int held = 0;
        boolean strictlyRather = false;
        for (int d = 0; d < candidates.size(); d++) {
          if (shuffled.assigned()[d] == o) {
            held++;
            strictlyRather |= want > shuffled.tenths(d, o);
          }
        }
        if (held < shuffled.positions(o) || strictlyRather) {
          weaklyBlocking++;
        }
      }
    }
    assertThat(weaklyBlocking).as("%s shuffled with %d: pairs that strictly prefer each other", cohort, shuffleSeed).isZero();
    for (int o = 0; o < load.length; o++) {
      assertThat(load[o]).isLessThanOrEqualTo(shuffled.positions(o));
    }
    Statistics.label("shuffled, not put back: placement differs from id order")
        .collect(!shuffled.byIds().equals(first.byIds()));

    candidates.sort(Comparator.comparingLong(MatchCandidate::applicationId));
    proposed.clear();
    for (MatchCandidate candidate : candidates) {
      proposed.add(rebuilt.proposedBefore.get((int) candidate.applicationId() - 1)); // ids are 1..n
    }
    openings.sort(Comparator.comparingLong(MatchOpening::id));
    Placed putBack = Placed.of(candidates, openings, proposed);
    assertThat(putBack.assigned()).containsExactly(first.assigned());
    assertThat(putBack.byIds()).isEqualTo(first.byIds());
  }
}
