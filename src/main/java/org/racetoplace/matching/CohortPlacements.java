package org.racetoplace.matching;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.racetoplace.application.Application;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort placement of the talent pool: one stable assignment ({@link DeferredAcceptance},
 * candidates proposing) of every case waiting in the pool over the open positions, so that when
 * the pool is re-matched no candidate and opening would both rather have each other than what
 * they got, and an opening with one position is not proposed to everyone at once.
 *
 * <p><b>When.</b> A run is made (a) right before {@code OpeningPosted} wakes the pool, when an
 * opening is posted or reopened, and (b) when a case re-matches from the pool (weekly timer) and
 * no run younger than {@code hiring.matching.cohort-max-age} (default one hour) includes it; the
 * other waiting cases that run placed are then woken too ({@code OpeningPosted} by business key),
 * so one weekly re-match places the pool together. Each case's {@code Task_FindMatches} then takes
 * the opening its latest fresh run assigned it, if that opening can still be proposed to it;
 * otherwise it falls back to its own ranking, without the openings the run gave to others.
 *
 * <p><b>Preferences.</b> Both sides rank by the match score: a candidate prefers the higher score,
 * then an opening in its own community, then the older opening; an opening prefers the higher
 * score, then the older application. Capacity is the opening's positions left.
 */
@Service
public class CohortPlacements {

  private static final Logger log = LoggerFactory.getLogger(CohortPlacements.class);

  private final RuntimeService runtimeService;
  private final MatchEvidenceRepository evidence;
  private final CandidateEvidence candidates;
  private final JobOpeningRepository openings;
  private final MatchProposalRepository proposals;
  private final CohortRunRepository runs;
  private final CohortAssignmentRepository assignments;
  private final SkillTaxonomy taxonomy;
  private final Duration maxAge;
  private final Clock clock;

  @Autowired
  public CohortPlacements(
      RuntimeService runtimeService,
      MatchEvidenceRepository evidence,
      CandidateEvidence candidates,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      CohortRunRepository runs,
      CohortAssignmentRepository assignments,
      SkillTaxonomy taxonomy,
      @Value("${hiring.matching.cohort-max-age:PT1H}") Duration maxAge) {
    this(runtimeService, evidence, candidates, openings, proposals, runs, assignments, taxonomy, maxAge, Clock.systemUTC());
  }

  CohortPlacements(
      RuntimeService runtimeService,
      MatchEvidenceRepository evidence,
      CandidateEvidence candidates,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      CohortRunRepository runs,
      CohortAssignmentRepository assignments,
      SkillTaxonomy taxonomy,
      Duration maxAge,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.evidence = evidence;
    this.candidates = candidates;
    this.openings = openings;
    this.proposals = proposals;
    this.runs = runs;
    this.assignments = assignments;
    this.taxonomy = taxonomy;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** The references of the cases waiting in the talent pool now. */
  public Set<String> waitingCases() {
    Set<String> references = new LinkedHashSet<>();
    for (ProcessInstance instance :
        runtimeService
            .createProcessInstanceQuery()
            .activityIdIn(
                HiringPipeline.GATEWAY_TALENT_POOL,
                HiringPipeline.EVENT_OPENING_POSTED,
                HiringPipeline.TIMER_TALENT_POOL_REMATCH)
            .list()) {
      if (instance.getBusinessKey() != null) {
        references.add(instance.getBusinessKey());
      }
    }
    return references;
  }

  /**
   * Places the waiting cases, plus {@code alsoPlace} (a case re-matching right now), and stores the
   * run. Nothing is stored when no case waits.
   */
  @Transactional
  public Optional<CohortRun> plan(Collection<String> alsoPlace) {
    Set<String> references = waitingCases();
    references.addAll(alsoPlace);
    if (references.isEmpty()) {
      return Optional.empty();
    }
    List<Application> applications = evidence.findByReferenceIn(references);
    SkillVocabulary vocabulary = taxonomy.vocabulary();
    List<MatchCandidate> cohort = new ArrayList<>(applications.size());
    for (Application application : applications) {
      if (application.getStatus().isActive()) {
        cohort.add(candidates.of(application, vocabulary));
      }
    }
    List<JobOpening> available = openings.findAvailable();
    List<MatchOpening> compiled = new ArrayList<>(available.size());
    for (JobOpening opening : available) {
      compiled.add(MatchOpening.of(vocabulary, opening));
    }
    List<long[]> proposed = new ArrayList<>(cohort.size());
    for (MatchCandidate candidate : cohort) {
      proposed.add(OpeningRanker.sorted(proposals.findOpeningIdsByApplicationId(candidate.applicationId())));
    }
    CohortProblem problem = CohortProblem.build(cohort, compiled, proposed);
    int[] assigned = DeferredAcceptance.assign(problem.problem());

    int placed = 0;
    for (int a : assigned) {
      if (a != DeferredAcceptance.UNASSIGNED) {
        placed++;
      }
    }
    CohortRun run =
        runs.save(new CohortRun(Instant.now(clock), cohort.size(), compiled.size(), placed, taxonomy.version()));
    for (int c = 0; c < cohort.size(); c++) {
      int o = assigned[c];
      assignments.save(
          new CohortAssignment(
              run,
              cohort.get(c).applicationId(),
              o == DeferredAcceptance.UNASSIGNED ? null : compiled.get(o).id(),
              o == DeferredAcceptance.UNASSIGNED ? null : BigDecimal.valueOf(problem.tenths(c, o), 1)));
    }
    assignments.flush();
    log.info(
        "Cohort run {}: {} waiting case(s), {} opening(s), {} placed", run.getId(), cohort.size(), compiled.size(), placed);
    return Optional.of(run);
  }

  /**
   * Wakes the run's placed cases still waiting in the talent pool (all but {@code exceptReference},
   * the case re-matching now), so each takes its assigned opening in a job of its own.
   *
   * @return how many were woken
   */
  @Transactional
  public int wakePlaced(CohortRun run, String exceptReference) {
    Set<String> waiting = waitingCases();
    int woken = 0;
    for (String reference : assignments.assignedReferences(run.getId())) {
      if (!reference.equals(exceptReference) && waiting.contains(reference)) {
        woken +=
            runtimeService
                .createMessageCorrelation(HiringPipeline.MESSAGE_OPENING_POSTED)
                .processInstanceBusinessKey(reference)
                .correlateAllWithResult()
                .size();
      }
    }
    if (woken > 0) {
      log.info("Cohort run {}: {} placed case(s) woken from the talent pool", run.getId(), woken);
    }
    return woken;
  }

  /**
   * Ids of the openings whose positions left the run gave entirely to cases other than the
   * application: not for it to take in the meantime.
   */
  @Transactional(readOnly = true)
  public Set<Long> takenByOthers(CohortRun run, long applicationId, Map<Long, Integer> positionsLeft) {
    Set<Long> taken = new HashSet<>();
    for (Object[] row : assignments.countOthersByOpening(run.getId(), applicationId)) {
      Long openingId = (Long) row[0];
      long count = ((Number) row[1]).longValue();
      Integer left = positionsLeft.get(openingId);
      if (left != null && count >= left) {
        taken.add(openingId);
      }
    }
    return taken;
  }

  /** The application's assignment in its latest run younger than the maximum age, if any. */
  @Transactional(readOnly = true)
  public Optional<CohortAssignment> freshAssignment(long applicationId) {
    return assignments.findSince(applicationId, Instant.now(clock).minus(maxAge)).stream().findFirst();
  }
}
