package org.racetoplace.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What employers (and time) decide about a proposal. Each decision checks the proposal's status,
 * so a decision taken twice, or on a proposal that has moved on, is refused rather than
 * overwriting the earlier one.
 *
 * <pre>
 *   PROPOSED → INVITED (review: invite) → stays INVITED (hire; staff confirm it) → HIRED (placement)
 *            → DECLINED (review: decline)  INVITED → DECLINED (after the interview)
 *            → EXPIRED (no review in time)  PROPOSED/INVITED → CLOSED (the case ended elsewhere)
 * </pre>
 */
@Service
public class ProposalDecisions {

  private static final Logger log = LoggerFactory.getLogger(ProposalDecisions.class);

  private static final Set<ProposalStatus> AWAITING_REVIEW = EnumSet.of(ProposalStatus.PROPOSED);
  private static final Set<ProposalStatus> INVITED = EnumSet.of(ProposalStatus.INVITED);

  private final MatchProposalRepository proposals;
  private final ApplicationRepository applications;
  private final Clock clock;

  @Autowired
  public ProposalDecisions(MatchProposalRepository proposals, ApplicationRepository applications) {
    this(proposals, applications, Clock.systemUTC());
  }

  ProposalDecisions(MatchProposalRepository proposals, ApplicationRepository applications, Clock clock) {
    this.proposals = proposals;
    this.applications = applications;
    this.clock = clock;
  }

  /** Review: the employer wants to interview the candidate. */
  @Transactional
  public void invite(long proposalId, String decidedBy) {
    proposal(proposalId).decide(AWAITING_REVIEW, ProposalStatus.INVITED, decidedBy, now());
  }

  /** Review: the employer declines, with a reason (kept here, never in the case). */
  @Transactional
  public void declineAtReview(long proposalId, String reason, String decidedBy) {
    proposal(proposalId).decline(AWAITING_REVIEW, reason, decidedBy, now());
  }

  /**
   * After its interview the employer hires: the proposal stays INVITED (staff confirm the
   * placement next) and records who decided and when.
   */
  @Transactional
  public void hire(long proposalId, String decidedBy) {
    proposal(proposalId).decide(INVITED, ProposalStatus.INVITED, decidedBy, now());
  }

  /** After its interview the employer declines, with a reason. */
  @Transactional
  public void declineAfterInterview(long proposalId, String reason, String decidedBy) {
    proposal(proposalId).decline(INVITED, reason, decidedBy, now());
  }

  /**
   * The employer did not review the proposal in time. An already expired proposal stays as it is
   * (a retried job); any other status is an inconsistency worth an incident.
   */
  @Transactional
  public void expire(long proposalId) {
    MatchProposal proposal = proposal(proposalId);
    if (proposal.getStatus() == ProposalStatus.EXPIRED) {
      return;
    }
    proposal.decide(AWAITING_REVIEW, ProposalStatus.EXPIRED, null, now());
    log.info("Match proposal {} expired without a review", proposalId);
  }

  /**
   * The case ended (withdrawn, or placed): its proposals still waiting for an employer are closed,
   * so no employer decides about a candidate who is gone.
   *
   * @return how many were closed
   */
  @Transactional
  public int closeOpen(String reference) {
    Application application = applications.findByReference(reference).orElse(null);
    if (application == null) {
      return 0;
    }
    return closeOpen(application.getId(), null);
  }

  /** Closes the application's open proposals except {@code keepProposalId} (may be null). */
  int closeOpen(Long applicationId, Long keepProposalId) {
    List<MatchProposal> open =
        proposals.findByApplicationIdAndStatusIn(
            applicationId, EnumSet.of(ProposalStatus.PROPOSED, ProposalStatus.INVITED));
    int closed = 0;
    Instant now = now();
    for (MatchProposal proposal : open) {
      if (!proposal.getId().equals(keepProposalId)) {
        proposal.decide(EnumSet.of(proposal.getStatus()), ProposalStatus.CLOSED, null, now);
        closed++;
      }
    }
    return closed;
  }

  /**
   * What an employer (or staff) reads on the task: the opening, the employer, the score and the
   * ranker's explanation. Skills and levels only — no name, no contact.
   */
  @Transactional(readOnly = true)
  public String summary(long proposalId) {
    MatchProposal proposal =
        proposals
            .findWithOpening(proposalId)
            .orElseThrow(() -> new IllegalStateException("No match proposal with id " + proposalId));
    JobOpening opening = proposal.getOpening();
    StringBuilder text = new StringBuilder();
    text.append(opening.getTitle()).append(" at ").append(opening.getEmployer().getName()).append('\n');
    text.append(opening.getCommunity().displayName());
    if (opening.isRemoteAllowed()) {
      text.append(" · remote work allowed");
    }
    if (!opening.getLanguages().isEmpty()) {
      text.append(" · ").append(String.join(", ", opening.getLanguages()));
    }
    text.append('\n');
    text.append("Match score: ")
        .append(MatchScorer.points(proposal.getScore()))
        .append("/100\n\n")
        .append(proposal.getExplanation());
    return text.toString();
  }

  private MatchProposal proposal(long proposalId) {
    return proposals
        .findById(proposalId)
        .orElseThrow(() -> new IllegalStateException("No match proposal with id " + proposalId));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
