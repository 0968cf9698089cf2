package org.racetoplace.matching.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.racetoplace.matching.CohortProblem;
import org.racetoplace.matching.DeferredAcceptance;
import org.racetoplace.matching.MatchCandidate;
import org.racetoplace.matching.MatchOpening;
import org.racetoplace.matching.MatchScorer;
import org.racetoplace.matching.OpeningRanker;
import org.racetoplace.matching.RankedOpening;
import org.racetoplace.matching.SkillTaxonomy;
import org.racetoplace.matching.SkillVocabulary;

/**
 * The matching engine's speed and memory on pilot-like data ({@link PilotData}, seed 2026). Run
 * with {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="-f 1 MatchingBenchmark"}
 * (docs/performance.md; without a filter JMH runs every benchmark of the profile, some of which
 * need PostgreSQL); forks run with {@code -Xmx512m}. Add {@code -prof gc} for the bytes each
 * operation allocates ({@code gc.alloc.rate.norm}).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class MatchingBenchmark {

  static final long SEED = 2026;

  /** Rank 10,000 openings for one candidate (a different one each call, round robin). */
  @State(Scope.Benchmark)
  public static class Ranking {

    /** Share of openings open to remote work: 0.25 looks like the pilot; 1.0 scores every opening. */
    @Param({"0.25", "1.0"})
    public double remoteShare;

    List<MatchOpening> openings;
    List<MatchCandidate> candidates;
    int next;

    @Setup(Level.Trial)
    public void generate() {
      PilotData data = new PilotData(SkillTaxonomy.bundled(), SEED);
      openings = data.openings(10_000, remoteShare);
      candidates = data.candidates(256);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<RankedOpening> rankTenThousandOpeningsForOneCandidate(Ranking state) {
    MatchCandidate candidate = state.candidates.get(state.next++ & 255);
    return OpeningRanker.rank(candidate, state.openings, Set.of());
  }

  /** Place 10,000 candidates over 1,000 openings with 1–3 positions each. */
  @State(Scope.Benchmark)
  public static class Cohort {

    List<MatchCandidate> candidates;
    List<MatchOpening> openings;
    List<long[]> proposedBefore;

    @Setup(Level.Trial)
    public void generate() {
      PilotData data = new PilotData(SkillTaxonomy.bundled(), SEED);
      candidates = data.candidates(10_000);
      openings = data.openings(1_000, 0.25);
      proposedBefore = new ArrayList<>(candidates.size());
      for (int i = 0; i < candidates.size(); i++) {
        proposedBefore.add(new long[0]);
      }
    }
  }

  /** Scoring every reachable pair, building the preferences and running deferred acceptance. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int[] placeTenThousandCandidatesOverAThousandOpenings(Cohort state) {
    CohortProblem problem = CohortProblem.build(state.candidates, state.openings, state.proposedBefore);
    return DeferredAcceptance.assign(problem.problem());
  }

  /**
   * Pairs of pilot-like candidates and openings that {@link MatchScorer#score} takes through the
   * whole formula: no required skill missing (so not the early return of an excluded pair) and at
   * least one preferred skill; half of them in the candidate's community, half elsewhere.
   */
  @State(Scope.Benchmark)
  public static class Pairs {

    static final int SIZE = 1024;

    SkillVocabulary vocabulary;
    final MatchCandidate[] candidates = new MatchCandidate[SIZE];
    final MatchOpening[] openings = new MatchOpening[SIZE];
    int next;

    @Setup(Level.Trial)
    public void generate() {
      PilotData data = new PilotData(SkillTaxonomy.bundled(), SEED);
      vocabulary = data.vocabulary();
      List<MatchCandidate> pool = data.candidates(256);
      List<MatchOpening> posted = data.openings(1_000, 0.25);
      int home = 0;
      int elsewhere = 0;
      for (int c = 0; c < pool.size() && home + elsewhere < SIZE; c++) {
        for (MatchOpening opening : posted) {
          MatchCandidate candidate = pool.get(c);
          MatchScorer.Explained explained = MatchScorer.explain(candidate, opening, vocabulary);
          if (explained == null || explained.explanation().contains("none asked for")) {
            continue; // excluded, or no preferred skill: not the whole formula
          }
          boolean atHome = opening.communityId().equals(candidate.communityId());
          if (atHome ? home < SIZE / 2 : elsewhere < SIZE / 2) {
            int i = home + elsewhere;
            candidates[i] = candidate;
            openings[i] = opening;
            if (atHome) {
              home++;
            } else {
              elsewhere++;
            }
            if (home + elsewhere == SIZE) {
              break;
            }
          }
        }
      }
      if (home + elsewhere < SIZE) {
        throw new IllegalStateException("Only " + (home + elsewhere) + " fully scored pairs in the data");
      }
    }
  }

  /** Scoring one pair through the whole formula (required, related credit, preferred, location, interview). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public int scoreOnePair(Pairs state) {
    int i = state.next++ & (Pairs.SIZE - 1);
    return MatchScorer.score(state.candidates[i], state.openings[i]);
  }

  /**
   * The same pairs with their explanation: the control for {@link #scoreOnePair}, showing that the
   * GC profiler sees what an explanation (a StringBuilder and strings) allocates.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public MatchScorer.Explained explainOnePair(Pairs state) {
    int i = state.next++ & (Pairs.SIZE - 1);
    return MatchScorer.explain(state.candidates[i], state.openings[i], state.vocabulary);
  }

  /**
   * The heap around one cohort placement. Before each shot: a full collection and the heap pools'
   * peaks reset. After it: the sum of the pools' peaks (an upper bound of the heap in use at any
   * moment of the shot, garbage not yet collected included), then, after a full collection, the
   * live heap with the placement's result still held and without it.
   */
  @State(Scope.Benchmark)
  public static class HeapUse {

    CohortProblem problem;
    int[] assigned;

    private static List<MemoryPoolMXBean> heapPools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    /** The heap in use after full collections (one alone was seen to leave megabytes uncounted). */
    private static long usedAfterCollecting() {
      System.gc();
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes of an int array with compressed oops: 16-byte header, rounded up to 8. */
    private static long intArray(int length) {
      return (16 + 4L * length + 7) / 8 * 8;
    }

    private static String mb(long bytes) {
      return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    // counted in methods of their own: a loop in report() would leave the arrays in a local slot
    // of its frame, still reachable when the heap is measured without them
    private static int pairs(CohortProblem problem) {
      int pairs = 0;
      for (int[] list : problem.problem().acceptable()) {
        pairs += list.length;
      }
      return pairs;
    }

    /** The result's arrays counted by hand: 3 per candidate, their 3 outer arrays (4-byte refs), capacities, assignment. */
    private static long bytes(CohortProblem problem, int[] assigned) {
      long bytes = intArray(assigned.length) + intArray(problem.problem().openings()) + 3 * intArray(assigned.length);
      for (int[] list : problem.problem().acceptable()) {
        bytes += 3 * intArray(list.length);
      }
      return bytes;
    }

    @Setup(Level.Iteration)
    public void collectAndResetPeaks() {
      usedAfterCollecting();
      heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Iteration)
    public void report() {
      long peaks = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
      long withResult = usedAfterCollecting();
      int pairs = pairs(problem);
      long arrays = bytes(problem, assigned);
      problem = null;
      assigned = null;
      long withoutResult = usedAfterCollecting();
      System.out.printf(
          "%nheap: peak in use ≤ %s (sum of the heap pools' peaks, garbage included; max heap %s);"
              + " live after the shot %s, of which the placement's result (%d acceptable pairs) %s"
              + " (its arrays counted by hand: %s)%n",
          mb(peaks), mb(max), mb(withResult), pairs, mb(withResult - withoutResult), mb(arrays));
    }
  }

  /** {@link #placeTenThousandCandidatesOverAThousandOpenings}, keeping the result for {@link HeapUse}. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int[] placeTenThousandCandidatesMeasuringTheHeap(Cohort state, HeapUse heap) {
    heap.problem = CohortProblem.build(state.candidates, state.openings, state.proposedBefore);
    heap.assigned = DeferredAcceptance.assign(heap.problem.problem());
    return heap.assigned;
  }
}
