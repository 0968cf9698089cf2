package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Ranks openings for one candidate with {@link MatchScorer}: the ranking of {@code
 * Task_FindMatches}, of {@code GET /api/applications/{reference}/matches} and the candidates'
 * preferences in the cohort placement.
 *
 * <p><b>Which openings count.</b> An opening is considered when it is {@code OPEN}, has a position
 * left, belongs to an active partner, is in the case's community or allows remote work, and was
 * never proposed to this case before (whatever came of it). A required skill neither held nor
 * covered by a related skill excludes it.
 *
 * <p><b>Order.</b> Higher score first; on equal scores an opening in the case's own community
 * before a remote one; then the lower opening id (the older opening). The order is total, so the
 * same data always gives the same proposal. Sorting works on packed {@code long} keys: no object
 * per opening until the result list.
 */
public final class OpeningRanker {

  private static final int ID_BITS = 41;
  private static final long ID_MASK = (1L << ID_BITS) - 1;

  private OpeningRanker() {}

  /**
   * The openings the candidate may be proposed, best first.
   *
   * @param alreadyProposed ids of openings proposed to this case before
   */
  public static List<RankedOpening> rank(
      MatchCandidate candidate, List<MatchOpening> openings, Collection<Long> alreadyProposed) {
    long[] proposed = sorted(alreadyProposed);
    long[] keys = new long[openings.size()];
    int n = 0;
    for (int i = 0; i < openings.size(); i++) {
      MatchOpening opening = openings.get(i);
      if (!considered(opening, candidate.communityId, proposed)) {
        continue;
      }
      int tenths = MatchScorer.score(candidate, opening);
      if (tenths != MatchScorer.EXCLUDED) {
        keys[n++] = key(tenths, opening.communityId.equals(candidate.communityId), opening.id);
      }
    }
    Arrays.sort(keys, 0, n);
    List<RankedOpening> ranked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      ranked.add(new RankedOpening(key & ID_MASK, 1000 - (int) (key >>> (ID_BITS + 1)), ((key >>> ID_BITS) & 1) == 0));
    }
    return ranked;
  }

  /** Ascending order of this key is the ranking order. */
  static long key(int tenths, boolean sameCommunity, long openingId) {
    if (openingId < 0 || openingId > ID_MASK) {
      throw new IllegalArgumentException("Opening id out of range: " + openingId);
    }
    return ((long) (1000 - tenths) << (ID_BITS + 1)) | ((sameCommunity ? 0L : 1L) << ID_BITS) | openingId;
  }

  /** Whether the opening may be proposed to a case of the community at all, skills aside. */
  static boolean considered(MatchOpening opening, String communityId, long[] alreadyProposedSorted) {
    return opening.available()
        && opening.reachable(communityId)
        && Arrays.binarySearch(alreadyProposedSorted, opening.id) < 0;
  }

  static long[] sorted(Collection<Long> ids) {
    long[] sorted = ids.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
