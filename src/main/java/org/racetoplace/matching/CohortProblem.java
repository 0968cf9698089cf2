package org.racetoplace.matching;

import java.util.List;

/**
 * Turns compiled candidates and openings into a {@link DeferredAcceptance.Problem}: the acceptable
 * pairs are those {@link OpeningRanker} would rank (opening available and reachable, not proposed
 * before, no required skill missing), preferences come from the score. Candidates keep the order
 * given (callers sort them by application id, the openings' tie-break), openings too (by id).
 */
public final class CohortProblem {

  private final DeferredAcceptance.Problem problem;

  private CohortProblem(DeferredAcceptance.Problem problem) {
    this.problem = problem;
  }

  public DeferredAcceptance.Problem problem() {
    return problem;
  }

  /** The score in tenths of candidate {@code c} for opening {@code o}; -1 when not acceptable. */
  public int tenths(int c, int o) {
    int[] list = problem.acceptable()[c];
    for (int k = 0; k < list.length; k++) {
      if (list[k] == o) {
        return problem.openingPreference()[c][k];
      }
    }
    return -1;
  }

  /**
   * @param proposedBefore per candidate, the sorted ids of openings proposed to it before
   */
  public static CohortProblem build(
      List<MatchCandidate> candidates, List<MatchOpening> openings, List<long[]> proposedBefore) {
    int[] capacity = new int[openings.size()];
    for (int o = 0; o < openings.size(); o++) {
      capacity[o] = openings.get(o).available() ? openings.get(o).positionsLeft() : 0;
    }
    int[][] acceptable = new int[candidates.size()][];
    int[][] candidatePreference = new int[candidates.size()][];
    int[][] openingPreference = new int[candidates.size()][];
    int[] scratchOpenings = new int[openings.size()];
    int[] scratchTenths = new int[openings.size()];
    for (int c = 0; c < candidates.size(); c++) {
      MatchCandidate candidate = candidates.get(c);
      long[] proposed = proposedBefore.get(c);
      int n = 0;
      for (int o = 0; o < openings.size(); o++) {
        MatchOpening opening = openings.get(o);
        if (!OpeningRanker.considered(opening, candidate.communityId, proposed)) {
          continue;
        }
        int tenths = MatchScorer.score(candidate, opening);
        if (tenths != MatchScorer.EXCLUDED) {
          scratchOpenings[n] = o;
          scratchTenths[n] = tenths;
          n++;
        }
      }
      acceptable[c] = new int[n];
      candidatePreference[c] = new int[n];
      openingPreference[c] = new int[n];
      for (int k = 0; k < n; k++) {
        int o = scratchOpenings[k];
        acceptable[c][k] = o;
        // of equal scores, the candidate prefers an opening in its own community
        boolean home = openings.get(o).communityId.equals(candidate.communityId);
        candidatePreference[c][k] = scratchTenths[k] * 2 + (home ? 1 : 0);
        openingPreference[c][k] = scratchTenths[k];
      }
    }
    return new CohortProblem(
        new DeferredAcceptance.Problem(capacity, acceptable, candidatePreference, openingPreference));
  }
}
