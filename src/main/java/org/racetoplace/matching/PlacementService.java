package org.racetoplace.matching;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff confirm a hire: the placement is recorded, the proposal becomes HIRED, the opening loses a
 * position (FILLED with the last one) and the case's other open proposals are closed — all or
 * nothing, in the transaction of the task's completion. Placements into the same opening take
 * turns: the opening's row is locked and read afresh before its positions are counted, so two
 * confirmations at the same moment both succeed while positions are left, and the one that finds
 * none is refused for that reason.
 *
 * <p>The first day of work must lie between {@value #MAX_DAYS_IN_THE_PAST} days ago and one year
 * ahead, counted in the time zone of the case's community: a start recorded a few weeks late is
 * normal, one further back or more than a year out is almost certainly a typo.
 */
@Service
public class PlacementService {

  static final int MAX_DAYS_IN_THE_PAST = 30;
  static final int MAX_YEARS_AHEAD = 1;

  private static final Logger log = LoggerFactory.getLogger(PlacementService.class);

  private final MatchProposalRepository proposals;
  private final JobOpeningRepository openings;
  private final PlacementRepository placements;
  private final ProposalDecisions decisions;
  private final EntityManager entityManager;
  private final Clock clock;

  @Autowired
  public PlacementService(
      MatchProposalRepository proposals,
      JobOpeningRepository openings,
      PlacementRepository placements,
      ProposalDecisions decisions,
      EntityManager entityManager) {
    this(proposals, openings, placements, decisions, entityManager, Clock.systemUTC());
  }

  PlacementService(
      MatchProposalRepository proposals,
      JobOpeningRepository openings,
      PlacementRepository placements,
      ProposalDecisions decisions,
      EntityManager entityManager,
      Clock clock) {
    this.proposals = proposals;
    this.openings = openings;
    this.placements = placements;
    this.decisions = decisions;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * Records the placement of the case through the (invited, hired) proposal.
   *
   * @throws DecisionRefusedException when the start date is out of range, the proposal is not an
   *     employer's hire waiting for confirmation, the case is placed already, or the opening has
   *     no position left (also when another placement took the last one a moment before)
   */
  @Transactional
  public Placement confirm(long proposalId, LocalDate startDate, String confirmedBy) {
    MatchProposal proposal =
        proposals
            .findById(proposalId)
            .orElseThrow(() -> new IllegalStateException("No match proposal with id " + proposalId));
    checkStartDate(startDate, ZoneId.of(proposal.getApplication().getCommunity().getTimeZone()));
    if (proposal.getStatus() != ProposalStatus.INVITED) {
      throw new ProposalStateException(proposalId, proposal.getStatus(), EnumSet.of(ProposalStatus.INVITED));
    }
    Long applicationId = proposal.getApplication().getId();
    if (placements.findByApplicationId(applicationId).isPresent()) {
      throw new DecisionRefusedException(
          null, "Application " + proposal.getApplication().getReference() + " is placed already");
    }
    JobOpening opening = proposal.getOpening();
    // waits for a placement into the same opening that is under way, then reads what it left
    entityManager.refresh(opening, LockModeType.PESSIMISTIC_WRITE);
    if (opening.getStatus() == OpeningStatus.CLOSED || !opening.hasPositionLeft()) {
      throw noPositionLeft(opening);
    }
    Instant now = Instant.now(clock);
    opening.fillOnePosition(now);
    try {
      // the row is locked, so only a change that did not lock it (an edit of the opening) can fail
      // the version check; it runs now, inside the listener, so that reads as a refusal
      openings.saveAndFlush(opening);
    } catch (OptimisticLockingFailureException lostRace) {
      log.info("Opening {} changed while placing proposal {}: {}", opening.getId(), proposalId, lostRace.toString());
      throw new DecisionRefusedException(
          null,
          "Opening '"
              + opening.getTitle()
              + "' was changed at the same moment; reload the task and try again "
              + "(it may have no position left)");
    }
    proposal.decide(EnumSet.of(ProposalStatus.INVITED), ProposalStatus.HIRED, confirmedBy, now);
    decisions.closeOpen(applicationId, proposalId);
    Placement placement = placements.saveAndFlush(new Placement(proposal, startDate, confirmedBy, now));
    log.info(
        "{} placed in opening {} ({}/{} filled), starting {}",
        proposal.getApplication().getReference(),
        opening.getId(),
        opening.getFilled(),
        opening.getPositions(),
        startDate);
    return placement;
  }

  private void checkStartDate(LocalDate startDate, ZoneId zone) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate earliest = today.minusDays(MAX_DAYS_IN_THE_PAST);
    LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
    if (startDate.isBefore(earliest) || startDate.isAfter(latest)) {
      throw new DecisionRefusedException(
          HiringPipeline.VAR_PLACEMENT_START_DATE,
          "The first day of work must be between "
              + earliest
              + " and "
              + latest
              + " (at most "
              + MAX_DAYS_IN_THE_PAST
              + " days ago, at most a year ahead); "
              + startDate
              + " is not");
    }
  }

  private static DecisionRefusedException noPositionLeft(JobOpening opening) {
    return new DecisionRefusedException(
        null,
        "Opening '"
            + opening.getTitle()
            + "' has no position left ("
            + opening.getFilled()
            + " of "
            + opening.getPositions()
            + " filled, "
            + opening.getStatus()
            + "): the placement cannot be confirmed. Ask the employer to add a position or reopen it.");
  }
}
