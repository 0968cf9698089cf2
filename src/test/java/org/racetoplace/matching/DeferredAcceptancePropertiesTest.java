package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the cohort placement: for any problem — random acceptable pairs, independent
 * preferences on both sides with ties, capacities 0 to 3 — the assignment respects capacities and
 * acceptability, has no blocking pair, and is the same every time. The same properties on problems
 * built from real scores, rebuilt and shuffled: {@link CohortPlacementPropertiesTest}.
 */
class DeferredAcceptancePropertiesTest {

  @Provide
  Arbitrary<DeferredAcceptance.Problem> problems() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(1, 15),
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 100))
        .as(DeferredAcceptancePropertiesTest::problem);
  }

  /** A seeded random problem; small preference ranges so that ties happen. */
  static DeferredAcceptance.Problem problem(int candidates, int openings, long seed, int density) {
    Random random = new Random(seed);
    int[] capacity = new int[openings];
    for (int o = 0; o < openings; o++) {
      capacity[o] = random.nextInt(4);
    }
    int[][] acceptable = new int[candidates][];
    int[][] candidatePreference = new int[candidates][];
    int[][] openingPreference = new int[candidates][];
    for (int c = 0; c < candidates; c++) {
      int[] chosen = new int[openings];
      int n = 0;
      for (int o = 0; o < openings; o++) {
        if (random.nextInt(100) < density) {
          chosen[n++] = o;
        }
      }
      acceptable[c] = java.util.Arrays.copyOf(chosen, n);
      candidatePreference[c] = new int[n];
      openingPreference[c] = new int[n];
      for (int k = 0; k < n; k++) {
        candidatePreference[c][k] = random.nextInt(6);
        openingPreference[c][k] = random.nextInt(6);
      }
    }
    return new DeferredAcceptance.Problem(capacity, acceptable, candidatePreference, openingPreference);
  }

  private static int entry(DeferredAcceptance.Problem problem, int c, int opening) {
    int[] list = problem.acceptable()[c];
    for (int k = 0; k < list.length; k++) {
      if (list[k] == opening) {
        return k;
      }
    }
    return -1;
  }

  @Property(tries = 500)
  void everyCandidateGetsAnAcceptableOpeningOrNoneAndNoOpeningIsOverfilled(
      @ForAll("problems") DeferredAcceptance.Problem problem) {
    int[] assigned = DeferredAcceptance.assign(problem);
    int[] load = new int[problem.openings()];
    for (int c = 0; c < assigned.length; c++) {
      if (assigned[c] != DeferredAcceptance.UNASSIGNED) {
        assertThat(entry(problem, c, assigned[c])).as("candidate %d placed in an acceptable opening", c).isNotNegative();
        load[assigned[c]]++;
      }
    }
    for (int o = 0; o < load.length; o++) {
      assertThat(load[o]).as("opening %d", o).isLessThanOrEqualTo(problem.capacity()[o]);
    }
  }

  @Property(tries = 500)
  void noCandidateAndOpeningBothPreferEachOtherToWhatTheyGot(@ForAll("problems") DeferredAcceptance.Problem problem) {
    int[] assigned = DeferredAcceptance.assign(problem);
    for (int c = 0; c < problem.candidates(); c++) {
      int current = assigned[c] == DeferredAcceptance.UNASSIGNED ? -1 : entry(problem, c, assigned[c]);
      for (int k = 0; k < problem.acceptable()[c].length; k++) {
        int o = problem.acceptable()[c][k];
        if (o == assigned[c]) {
          continue;
        }
        boolean candidateWants = current < 0 || problem.candidatePrefers(c, k, current);
        if (!candidateWants || problem.capacity()[o] == 0) {
          continue;
        }
        // the opening wants c if it has room, or prefers c to someone it holds
        int held = 0;
        boolean prefersToSomeone = false;
        for (int d = 0; d < problem.candidates(); d++) {
          if (assigned[d] == o) {
            held++;
            int dp = problem.openingPreference()[d][entry(problem, d, o)];
            if (DeferredAcceptance.Problem.openingPrefers(c, problem.openingPreference()[c][k], d, dp)) {
              prefersToSomeone = true;
            }
          }
        }
        boolean openingWants = held < problem.capacity()[o] || prefersToSomeone;
        assertThat(openingWants).as("blocking pair: candidate %d and opening %d", c, o).isFalse();
      }
    }
  }

  @Property(tries = 200)
  void theSameProblemGivesTheSameAssignment(@ForAll("problems") DeferredAcceptance.Problem problem) {
    assertThat(DeferredAcceptance.assign(problem)).containsExactly(DeferredAcceptance.assign(problem));
  }

  @Example
  void theCandidatesProposeSoTheyGetTheirBestStableOpening() {
    // two candidates, two single-position openings; candidates want opposite openings to the ones
    // that want them: candidate-proposing gives each candidate its first choice
    DeferredAcceptance.Problem problem =
        new DeferredAcceptance.Problem(
            new int[] {1, 1},
            new int[][] {{0, 1}, {0, 1}},
            new int[][] {{2, 1}, {1, 2}},
            new int[][] {{1, 2}, {2, 1}});
    assertThat(DeferredAcceptance.assign(problem)).containsExactly(0, 1);
  }

  @Example
  void anOpeningKeepsWhomItPrefersAndTheRejectedMoveOn() {
    // both want opening 0 (one position); it prefers candidate 1; candidate 0 falls back to opening 1
    DeferredAcceptance.Problem problem =
        new DeferredAcceptance.Problem(
            new int[] {1, 1},
            new int[][] {{0, 1}, {0}},
            new int[][] {{5, 1}, {5}},
            new int[][] {{1, 1}, {9}});
    assertThat(DeferredAcceptance.assign(problem)).containsExactly(1, 0);
  }
}
