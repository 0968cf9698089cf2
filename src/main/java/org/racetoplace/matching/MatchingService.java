package org.racetoplace.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the next opening for a case: ranks what is open for it ({@link SkillOverlapRanker} has the
 * rules) and records the best as a proposal, so the same opening is never proposed to the case
 * again, whatever the employer answers.
 */
@Service
public class MatchingService {

  private static final Logger log = LoggerFactory.getLogger(MatchingService.class);

  private final ApplicationRepository applications;
  private final JobOpeningRepository openings;
  private final MatchProposalRepository proposals;
  private final SkillOverlapRanker ranker;
  private final Clock clock;

  @Autowired
  public MatchingService(
      ApplicationRepository applications,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      SkillOverlapRanker ranker) {
    this(applications, openings, proposals, ranker, Clock.systemUTC());
  }

  MatchingService(
      ApplicationRepository applications,
      JobOpeningRepository openings,
      MatchProposalRepository proposals,
      SkillOverlapRanker ranker,
      Clock clock) {
    this.applications = applications;
    this.openings = openings;
    this.proposals = proposals;
    this.ranker = ranker;
    this.clock = clock;
  }

  /**
   * Proposes the best opening the case qualifies for and has not been proposed before.
   *
   * @param reference the application's reference (the case's business key)
   * @return the new proposal (status PROPOSED), or empty when no opening fits now
   * @throws IllegalStateException for an unknown reference (an incident: the case has no record)
   */
  @Transactional
  public Optional<MatchOffer> findNext(String reference) {
    Application application =
        applications
            .findByReference(reference)
            .orElseThrow(() -> new IllegalStateException("No application with reference " + reference));
    String community = application.getCommunity().getId();
    List<JobOpening> rankable = openings.findRankable(community);
    Set<Long> proposedBefore = proposals.findOpeningIdsByApplicationId(application.getId());
    List<RankedOpening> ranked =
        ranker.rank(
            CandidateSkills.of(application.getSkills(), application.getLanguages()),
            community,
            rankable.stream().map(OpeningProfile::of).toList(),
            proposedBefore);
    if (ranked.isEmpty()) {
      log.info("{}: no opening fits now ({} considered)", reference, rankable.size());
      return Optional.empty();
    }
    RankedOpening best = ranked.get(0);
    Map<Long, JobOpening> byId =
        rankable.stream().collect(Collectors.toMap(JobOpening::getId, Function.identity()));
    MatchProposal proposal =
        proposals.saveAndFlush(
            new MatchProposal(
                application, byId.get(best.openingId()), best.score(), best.explanation(), Instant.now(clock)));
    log.info(
        "{}: proposed opening {} (score {}, {} qualifying)",
        reference,
        best.openingId(),
        best.score(),
        ranked.size());
    return Optional.of(MatchOffer.of(proposal));
  }
}
