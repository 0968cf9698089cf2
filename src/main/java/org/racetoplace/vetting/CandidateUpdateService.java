package org.racetoplace.vetting;

import java.time.Clock;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate answers a vetter's question: the answer is stored and message {@code
 * CandidateUpdated} sends the case back to vetting — in one transaction, so an answer is never
 * stored without reaching its case, nor the reverse.
 */
@Service
public class CandidateUpdateService {

  private static final Logger log = LoggerFactory.getLogger(CandidateUpdateService.class);

  private final ApplicationService applicationService;
  private final VettingReviewService vettingReviews;
  private final VettingReviewRepository reviews;
  private final CandidateUpdateRepository updates;
  private final RuntimeService runtimeService;
  private final Clock clock;

  @Autowired
  public CandidateUpdateService(
      ApplicationService applicationService,
      VettingReviewService vettingReviews,
      VettingReviewRepository reviews,
      CandidateUpdateRepository updates,
      RuntimeService runtimeService) {
    this(applicationService, vettingReviews, reviews, updates, runtimeService, Clock.systemUTC());
  }

  CandidateUpdateService(
      ApplicationService applicationService,
      VettingReviewService vettingReviews,
      VettingReviewRepository reviews,
      CandidateUpdateRepository updates,
      RuntimeService runtimeService,
      Clock clock) {
    this.applicationService = applicationService;
    this.vettingReviews = vettingReviews;
    this.reviews = reviews;
    this.updates = updates;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Stores the candidate's answer to the latest review's question and correlates {@code
   * CandidateUpdated} by business key.
   *
   * @param message checked by the caller (1–4000 characters)
   * @return the id of the stored update
   * @throws org.racetoplace.application.ApplicationNotFoundException unknown reference or wrong
   *     token, indistinguishably
   * @throws CandidateUpdateNotAwaitedException the case does not wait for an answer; nothing stored
   */
  @Transactional
  public long receive(String reference, String token, String message) {
    Application application = applicationService.authorized(reference, token);
    // the usual refusal is answered before anything is written; the catch below covers a case that
    // moves on (its timeout fires) between this look and the correlation
    if (!application.getStatus().isActive() || !vettingReviews.awaitsCandidateUpdate(reference)) {
      throw new CandidateUpdateNotAwaitedException(null);
    }
    VettingReview asked =
        reviews
            .findFirstByApplicationIdOrderByRoundDesc(application.getId())
            .filter(review -> review.getDecision() == VettingDecision.MORE_INFORMATION)
            .orElseThrow(() -> new CandidateUpdateNotAwaitedException(null));
    CandidateUpdate update =
        updates.saveAndFlush(new CandidateUpdate(application, asked, message, clock.instant()));
    try {
      runtimeService
          .createMessageCorrelation(HiringPipeline.MESSAGE_CANDIDATE_UPDATED)
          .processInstanceBusinessKey(reference)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // the engine has marked the transaction rollback-only; throwing rolls the row back too
      log.info("Candidate update for {} not taken: {}", reference, e.getMessage());
      throw new CandidateUpdateNotAwaitedException(e);
    }
    log.info("Candidate update {} of {} received, answering review round {}", update.getId(), reference, asked.getRound());
    return update.getId();
  }
}
