package org.racetoplace.vetting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of vetting: every decision with its rationale and question, kept apart from the case
 * (history would copy process variables for months), and what the candidate may see of it — the
 * open question, nothing else.
 */
@Service
public class VettingReviewService {

  private static final Logger log = LoggerFactory.getLogger(VettingReviewService.class);

  private final ApplicationRepository applications;
  private final VettingReviewRepository reviews;
  private final RuntimeService runtimeService;
  private final Clock clock;

  @Autowired
  public VettingReviewService(
      ApplicationRepository applications, VettingReviewRepository reviews, RuntimeService runtimeService) {
    this(applications, reviews, runtimeService, Clock.systemUTC());
  }

  VettingReviewService(
      ApplicationRepository applications,
      VettingReviewRepository reviews,
      RuntimeService runtimeService,
      Clock clock) {
    this.applications = applications;
    this.reviews = reviews;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Stores a checked decision as the application's next round. Runs in the transaction of the
   * task's completion, so the row and the case's next step commit together or not at all.
   *
   * @throws IllegalStateException no application has this reference
   */
  @Transactional
  public VettingReview record(String reference, VettingReviewForm form, String reviewer) {
    Application application =
        applications
            .findByReference(reference)
            .orElseThrow(() -> new IllegalStateException("No application with reference " + reference));
    int round = (int) reviews.countByApplicationId(application.getId()) + 1;
    Instant now = clock.instant();
    VettingReview review =
        reviews.save(
            new VettingReview(
                application,
                round,
                form.decision(),
                form.rationale(),
                form.informationRequested(),
                reviewer,
                now));
    log.info("Vetting of {} round {}: {} by {}", reference, round, form.decision(), reviewer);
    return review;
  }

  /**
   * The question of the latest review, while the case waits for the candidate's answer (an
   * execution at {@code Task_AwaitCandidateUpdate} subscribed to {@code CandidateUpdated});
   * empty otherwise.
   */
  @Transactional(readOnly = true)
  public Optional<String> openQuestion(Application application) {
    if (!application.getStatus().isActive() || !awaitsCandidateUpdate(application.getReference())) {
      return Optional.empty();
    }
    return reviews
        .findFirstByApplicationIdOrderByRoundDesc(application.getId())
        .filter(review -> review.getDecision() == VettingDecision.MORE_INFORMATION)
        .map(VettingReview::getInformationRequested);
  }

  /** Whether a case of this reference waits at {@code Task_AwaitCandidateUpdate}. */
  boolean awaitsCandidateUpdate(String reference) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .activityId(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_CANDIDATE_UPDATED)
            .count()
        > 0;
  }
}
