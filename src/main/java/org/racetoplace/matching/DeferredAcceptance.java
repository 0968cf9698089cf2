package org.racetoplace.matching;

import java.util.Arrays;

/**
 * Many-to-one deferred acceptance (Gale–Shapley, candidates proposing) over openings with
 * capacities. Pure and deterministic: the same {@link Problem} always gives the same assignment,
 * the candidate-optimal stable one.
 *
 * <p>Candidates propose to their acceptable openings best first; an opening holds at most its
 * capacity of proposers, the ones it prefers, and rejects the rest; a rejected candidate proposes
 * to its next opening. It ends when every candidate is held or has run out of openings. No
 * candidate and opening then both prefer each other to what they got (no blocking pair).
 *
 * <p>Ties are broken so that preferences are strict: a candidate prefers, of equal preference, the
 * opening with the lower index; an opening prefers, of equal preference, the candidate with the
 * lower index. Callers order indexes meaningfully (by opening id, by application id).
 *
 * <p>Works on primitive arrays only: memory is linear in the number of acceptable pairs.
 */
public final class DeferredAcceptance {

  /** What {@link #assign} returns for a candidate placed nowhere. */
  public static final int UNASSIGNED = -1;
  /** The highest preference value a problem may use. */
  public static final int MAX_PREFERENCE = (1 << 23) - 1;
  /** Openings per problem, and entries per candidate, stay below this. */
  public static final int MAX_INDEX = 1 << 20;

  private static final int INDEX_BITS = 20;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  private DeferredAcceptance() {}

  /**
   * A placement problem. For candidate {@code c}, {@code acceptable[c][k]} is an opening index and
   * {@code candidatePreference[c][k]} / {@code openingPreference[c][k]} say how much the candidate
   * wants that opening and the opening wants the candidate (higher is better, 0 to {@link
   * #MAX_PREFERENCE}). Each opening appears at most once in a candidate's list.
   */
  public record Problem(
      int[] capacity, int[][] acceptable, int[][] candidatePreference, int[][] openingPreference) {

    public Problem {
      if (acceptable.length != candidatePreference.length || acceptable.length != openingPreference.length) {
        throw new IllegalArgumentException("One list of acceptable openings and preferences per candidate");
      }
      if (capacity.length >= MAX_INDEX) {
        throw new IllegalArgumentException("At most " + (MAX_INDEX - 1) + " openings");
      }
      for (int c = 0; c < acceptable.length; c++) {
        if (acceptable[c].length >= MAX_INDEX) {
          throw new IllegalArgumentException("Candidate " + c + ": too many acceptable openings");
        }
        if (acceptable[c].length != candidatePreference[c].length
            || acceptable[c].length != openingPreference[c].length) {
          throw new IllegalArgumentException("Candidate " + c + ": openings and preferences differ in length");
        }
        for (int k = 0; k < acceptable[c].length; k++) {
          if (acceptable[c][k] < 0 || acceptable[c][k] >= capacity.length) {
            throw new IllegalArgumentException("Candidate " + c + ": no opening " + acceptable[c][k]);
          }
          if (candidatePreference[c][k] < 0 || candidatePreference[c][k] > MAX_PREFERENCE
              || openingPreference[c][k] < 0 || openingPreference[c][k] > MAX_PREFERENCE) {
            throw new IllegalArgumentException(
                "Candidate " + c + ": preferences must be from 0 to " + MAX_PREFERENCE);
          }
        }
      }
      for (int cap : capacity) {
        if (cap < 0) {
          throw new IllegalArgumentException("Capacities must not be negative");
        }
      }
    }

    public int candidates() {
      return acceptable.length;
    }

    public int openings() {
      return capacity.length;
    }

    /** Whether candidate {@code c} strictly prefers opening list entry {@code a} to {@code b}. */
    public boolean candidatePrefers(int c, int a, int b) {
      int pa = candidatePreference[c][a];
      int pb = candidatePreference[c][b];
      return pa > pb || (pa == pb && acceptable[c][a] < acceptable[c][b]);
    }

    /** Whether an opening strictly prefers candidate {@code c1} (preference p1) to {@code c2} (p2). */
    public static boolean openingPrefers(int c1, int p1, int c2, int p2) {
      return p1 > p2 || (p1 == p2 && c1 < c2);
    }
  }

  /** The stable assignment: the opening index of each candidate, or {@link #UNASSIGNED}. */
  public static int[] assign(Problem problem) {
    int n = problem.candidates();
    int m = problem.openings();
    int[][] order = new int[n][];
    for (int c = 0; c < n; c++) {
      order[c] = preferenceOrder(problem, c);
    }

    int[] capacity = problem.capacity();
    int[][] heldCandidate = new int[m][];
    int[][] heldPreference = new int[m][];
    int[] held = new int[m];
    for (int o = 0; o < m; o++) {
      heldCandidate[o] = new int[capacity[o]];
      heldPreference[o] = new int[capacity[o]];
    }
    int[] assigned = new int[n];
    Arrays.fill(assigned, UNASSIGNED);
    int[] next = new int[n];

    // free candidates, first in first out; each is queued at most once at a time
    int[] queue = new int[n + 1];
    int head = 0;
    int tail = 0;
    int size = 0;
    for (int c = 0; c < n; c++) {
      queue[tail] = c;
      tail = (tail + 1) % queue.length;
      size++;
    }
    while (size > 0) {
      int c = queue[head];
      head = (head + 1) % queue.length;
      size--;
      int[] list = order[c];
      while (next[c] < list.length) {
        int k = list[next[c]++];
        int o = problem.acceptable()[c][k];
        int p = problem.openingPreference()[c][k];
        if (capacity[o] == 0) {
          continue;
        }
        if (held[o] < capacity[o]) {
          heldCandidate[o][held[o]] = c;
          heldPreference[o][held[o]] = p;
          siftUp(heldCandidate[o], heldPreference[o], held[o]);
          held[o]++;
          assigned[c] = o;
          break;
        }
        int worst = heldCandidate[o][0];
        if (Problem.openingPrefers(c, p, worst, heldPreference[o][0])) {
          heldCandidate[o][0] = c;
          heldPreference[o][0] = p;
          siftDown(heldCandidate[o], heldPreference[o], held[o]);
          assigned[c] = o;
          assigned[worst] = UNASSIGNED;
          queue[tail] = worst;
          tail = (tail + 1) % queue.length;
          size++;
          break;
        }
      }
    }
    return assigned;
  }

  /** Candidate c's list entries, best first: packed keys sorted as primitives, no boxing. */
  private static int[] preferenceOrder(Problem problem, int c) {
    int[] openings = problem.acceptable()[c];
    int[] preference = problem.candidatePreference()[c];
    long[] keys = new long[openings.length];
    for (int k = 0; k < openings.length; k++) {
      // higher preference first, then the lower opening index; the entry index in the low bits
      keys[k] =
          ((long) (MAX_PREFERENCE - preference[k]) << (2 * INDEX_BITS))
              | ((long) openings[k] << INDEX_BITS)
              | k;
    }
    Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = (int) (keys[k] & INDEX_MASK);
    }
    return order;
  }

  /** The heap keeps the opening's least preferred held candidate at index 0. */
  private static boolean worse(int[] candidates, int[] preferences, int a, int b) {
    return Problem.openingPrefers(candidates[b], preferences[b], candidates[a], preferences[a]);
  }

  private static void siftUp(int[] candidates, int[] preferences, int index) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(candidates, preferences, i, parent)) {
        return;
      }
      swap(candidates, preferences, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] candidates, int[] preferences, int size) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      int right = left + 1;
      int worst = i;
      if (left < size && worse(candidates, preferences, left, worst)) {
        worst = left;
      }
      if (right < size && worse(candidates, preferences, right, worst)) {
        worst = right;
      }
      if (worst == i) {
        return;
      }
      swap(candidates, preferences, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] candidates, int[] preferences, int a, int b) {
    int c = candidates[a];
    candidates[a] = candidates[b];
    candidates[b] = c;
    int p = preferences[a];
    preferences[a] = preferences[b];
    preferences[b] = p;
  }
}
