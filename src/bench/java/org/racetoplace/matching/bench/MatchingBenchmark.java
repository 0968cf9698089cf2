package org.racetoplace.matching.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.racetoplace.matching.CohortProblem;
import org.racetoplace.matching.DeferredAcceptance;
import org.racetoplace.matching.MatchCandidate;
import org.racetoplace.matching.MatchOpening;
import org.racetoplace.matching.OpeningRanker;
import org.racetoplace.matching.RankedOpening;
import org.racetoplace.matching.SkillTaxonomy;

/**
 * The matching engine's speed on pilot-like data ({@link PilotData}, seed 2026). Run with {@code
 * ./mvnw -Pbench test-compile exec:exec} (docs/performance.md); forks run with {@code -Xmx512m}.
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
}
