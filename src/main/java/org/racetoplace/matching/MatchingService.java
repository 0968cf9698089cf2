package org.racetoplace.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.ApplicationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the next opening for a case and records it as a proposal, so the same opening is never
 * proposed to the case again, whatever the employer answers. Scores come from {@link MatchScorer}
 * (formula in docs/matching.md) with the candidate's evidence ({@link CandidateEvidence}).
 *
 * <p>Which opening: the one the case's latest fresh cohort run assigned it ({@link
 * CohortPlacements}), when that opening can still be proposed to it; otherwise the best of its own
 * ranking ({@link OpeningRanker}), leaving out what that run gave to other cases. A case
 * re-matching from the talent pool first makes a cohort run if no fresh one includes it, and wakes
 * the other cases that run placed.
 */
@Service
public class MatchingService {

  /** The explanation column holds this many characters. */
  static final int MAX_EXPLANATION = 8000;

  private static final Logger log = LoggerFactory.getLogger(MatchingService.class);

  private final ApplicationRepository applications;
  private final JobOpeningRepository openings;
  private final MatchProposalRepository proposals;
  private final CandidateEvidence evidence;
  private final MatchEvidenceRepository evidenceRepository;
  private final CohortPlacements cohort;
  private final SkillTaxonomy taxonomy;
  private final Clock clock;

  @Autowired
  public MatchingService(
      ApplicationRepository applications,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      CandidateEvidence evidence,
      MatchEvidenceRepository evidenceRepository,
      CohortPlacements cohort,
      SkillTaxonomy taxonomy) {
    this(applications, openings, proposals, evidence, evidenceRepository, cohort, taxonomy, Clock.systemUTC());
  }

  MatchingService(
      ApplicationRepository applications,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      CandidateEvidence evidence,
      MatchEvidenceRepository evidenceRepository,
      CohortPlacements cohort,
      SkillTaxonomy taxonomy,
      Clock clock) {
    this.evidenceRepository = evidenceRepository;
    this.applications = applications;
    this.openings = openings;
    this.proposals = proposals;
    this.evidence = evidence;
    this.cohort = cohort;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /** {@link #findNext(String, boolean)} for a case not coming from the talent pool. */
  @Transactional
  public Optional<MatchOffer> findNext(String reference) {
    return findNext(reference, false);
  }

  /**
   * Proposes the best opening the case qualifies for and has not been proposed before.
   *
   * @param reference the application's reference (the case's business key)
   * @param fromTalentPool the case re-matches after waiting in the talent pool
   * @return the new proposal (status PROPOSED), or empty when no opening fits now
   * @throws IllegalStateException for an unknown reference (an incident: the case has no record)
   */
  @Transactional
  public Optional<MatchOffer> findNext(String reference, boolean fromTalentPool) {
    Application application = application(reference);
    SkillVocabulary vocabulary = taxonomy.vocabulary();
    MatchCandidate candidate = evidence.of(application, vocabulary);
    List<JobOpening> rankable = openings.findRankable(candidate.communityId());
    List<MatchOpening> compiled = compile(rankable, vocabulary);
    Set<Long> proposedBefore = proposals.findOpeningIdsByApplicationId(application.getId());

    Optional<CohortAssignment> assignment = cohort.freshAssignment(application.getId());
    if (assignment.isEmpty() && fromTalentPool) {
      Optional<CohortRun> run = cohort.plan(List.of(reference));
      if (run.isPresent()) {
        cohort.wakePlaced(run.get(), reference);
      }
      assignment = cohort.freshAssignment(application.getId());
    }
    JobOpening chosen = null;
    String cohortNote = null;
    if (assignment.isPresent() && assignment.get().getOpeningId() != null) {
      long assigned = assignment.get().getOpeningId();
      int index = indexOf(rankable, assigned);
      if (index >= 0
          && OpeningRanker.considered(compiled.get(index), candidate.communityId(), OpeningRanker.sorted(proposedBefore))
          && MatchScorer.score(candidate, compiled.get(index)) != MatchScorer.EXCLUDED) {
        chosen = rankable.get(index);
        cohortNote = "Chosen by the stable placement of the talent pool (cohort run " + assignment.get().getRun().getId() + ")";
      }
    }
    if (chosen == null) {
      Set<Long> notForThisCase = new HashSet<>(proposedBefore);
      if (assignment.isPresent()) {
        // what the stable placement gave to other cases stays theirs while the run is fresh
        Map<Long, Integer> positionsLeft = new HashMap<>();
        rankable.forEach(opening -> positionsLeft.put(opening.getId(), opening.getPositions() - opening.getFilled()));
        notForThisCase.addAll(cohort.takenByOthers(assignment.get().getRun(), application.getId(), positionsLeft));
      }
      List<RankedOpening> ranked = OpeningRanker.rank(candidate, compiled, notForThisCase);
      if (ranked.isEmpty()) {
        log.info("{}: no opening fits now ({} considered)", reference, rankable.size());
        return Optional.empty();
      }
      chosen = rankable.get(indexOf(rankable, ranked.get(0).openingId()));
    }
    MatchScorer.Explained explained =
        MatchScorer.explain(candidate, compiled.get(indexOf(rankable, chosen.getId())), vocabulary);
    String explanation =
        cohortNote == null ? explained.explanation() : explained.explanation() + "\n" + cohortNote;
    MatchProposal proposal =
        proposals.saveAndFlush(
            new MatchProposal(
                application,
                chosen,
                explained.score(),
                truncate(explanation),
                taxonomy.version(),
                Instant.now(clock)));
    log.info(
        "{}: proposed opening {} (score {}{})",
        reference,
        chosen.getId(),
        explained.score(),
        cohortNote == null ? "" : ", cohort placement");
    return Optional.of(MatchOffer.of(proposal));
  }

  /**
   * The openings the application may be proposed now, best first, with explanations; at most
   * {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<ScoredMatch> matchesFor(String reference, int limit) {
    Application application = application(reference);
    SkillVocabulary vocabulary = taxonomy.vocabulary();
    MatchCandidate candidate = evidence.of(application, vocabulary);
    List<JobOpening> rankable = openings.findRankable(candidate.communityId());
    List<MatchOpening> compiled = compile(rankable, vocabulary);
    List<RankedOpening> ranked =
        OpeningRanker.rank(candidate, compiled, proposals.findOpeningIdsByApplicationId(application.getId()));
    List<ScoredMatch> matches = new ArrayList<>();
    for (RankedOpening opening : ranked.subList(0, Math.min(limit, ranked.size()))) {
      int index = indexOf(rankable, opening.openingId());
      MatchScorer.Explained explained = MatchScorer.explain(candidate, compiled.get(index), vocabulary);
      matches.add(new ScoredMatch(application.getReference(), rankable.get(index), explained));
    }
    return matches;
  }

  /** A scored pair as staff read it. */
  public record ScoredMatch(String reference, JobOpening opening, MatchScorer.Explained score) {}

  /** A candidate on an opening's shortlist; {@code proposal} is the status of an earlier proposal. */
  public record ShortlistEntry(String reference, String communityId, MatchScorer.Explained score, ProposalStatus proposal) {}

  /**
   * The open applications (submitted or in progress) that qualify for the opening — of its
   * community, or of any when remote work is allowed — best first (score, then the older
   * application), at most {@code limit}. Whether the opening is open right now does not matter
   * here: staff look at a paused opening's shortlist too.
   *
   * @throws OpeningNotFoundException for an unknown opening
   */
  @Transactional(readOnly = true)
  public List<ShortlistEntry> shortlist(long openingId, int limit) {
    JobOpening opening = openings.findWithEmployer(openingId).orElseThrow(() -> new OpeningNotFoundException(openingId));
    SkillVocabulary vocabulary = taxonomy.vocabulary();
    MatchOpening compiled = MatchOpening.of(vocabulary, opening);
    List<Application> open =
        evidenceRepository.findByStatusIn(
            EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_PROGRESS));
    List<long[]> keys = new ArrayList<>();
    List<MatchCandidate> qualified = new ArrayList<>();
    for (Application application : open) {
      if (!compiled.reachable(application.getCommunity().getId())) {
        continue;
      }
      MatchCandidate candidate = evidence.of(application, vocabulary);
      int tenths = MatchScorer.score(candidate, compiled);
      if (tenths != MatchScorer.EXCLUDED) {
        keys.add(new long[] {1000 - tenths, application.getId(), qualified.size()});
        qualified.add(candidate);
      }
    }
    keys.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    Map<Long, ProposalStatus> proposed = new HashMap<>();
    for (MatchProposal proposal : proposals.findByOpeningId(openingId)) {
      proposed.put(proposal.getApplication().getId(), proposal.getStatus());
    }
    Map<Long, Application> byId = new HashMap<>();
    open.forEach(application -> byId.put(application.getId(), application));
    List<ShortlistEntry> shortlist = new ArrayList<>();
    for (long[] key : keys.subList(0, Math.min(limit, keys.size()))) {
      MatchCandidate candidate = qualified.get((int) key[2]);
      Application application = byId.get(candidate.applicationId());
      shortlist.add(
          new ShortlistEntry(
              application.getReference(),
              candidate.communityId(),
              MatchScorer.explain(candidate, compiled, vocabulary),
              proposed.get(candidate.applicationId())));
    }
    return shortlist;
  }

  private Application application(String reference) {
    return applications
        .findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("No application with reference " + reference));
  }

  /** Whether an application with the reference exists. */
  @Transactional(readOnly = true)
  public boolean exists(String reference) {
    return applications.findByReference(reference).isPresent();
  }

  private static List<MatchOpening> compile(List<JobOpening> rankable, SkillVocabulary vocabulary) {
    List<MatchOpening> compiled = new ArrayList<>(rankable.size());
    for (JobOpening opening : rankable) {
      compiled.add(MatchOpening.of(vocabulary, opening));
    }
    return compiled;
  }

  private static int indexOf(List<JobOpening> openings, long id) {
    for (int i = 0; i < openings.size(); i++) {
      if (openings.get(i).getId() == id) {
        return i;
      }
    }
    return -1;
  }

  static String truncate(String explanation) {
    return explanation.length() <= MAX_EXPLANATION
        ? explanation
        : explanation.substring(0, MAX_EXPLANATION - 1) + "…";
  }
}
