package org.racetoplace.assessment;

import org.racetoplace.pipeline.HiringPipeline;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores assessment results and hands them to the pipeline. Whatever the source (staff now, the
 * built-in test and providers later), a result reaches the case the same way: a stored row and
 * message {@code AssessmentCompleted} carrying its id.
 */
@Service
public class AssessmentResultService {

  private static final Logger log = LoggerFactory.getLogger(AssessmentResultService.class);

  private final ApplicationRepository applications;
  private final AssessmentResultRepository results;
  private final AssessmentScoring scoring;
  private final RuntimeService runtimeService;
  private final Clock clock;

  @Autowired
  public AssessmentResultService(
      ApplicationRepository applications,
      AssessmentResultRepository results,
      AssessmentScoring scoring,
      RuntimeService runtimeService) {
    this(applications, results, scoring, runtimeService, Clock.systemUTC());
  }

  AssessmentResultService(
      ApplicationRepository applications,
      AssessmentResultRepository results,
      AssessmentScoring scoring,
      RuntimeService runtimeService,
      Clock clock) {
    this.applications = applications;
    this.results = results;
    this.scoring = scoring;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Stores the result with its scaled score and correlates message {@code AssessmentCompleted}
   * (business key = reference, variable {@code assessmentResultId}) — in one transaction: the
   * engine runs on Spring's transaction manager, so a case that is not waiting leaves no row
   * behind, and a stored row always reached its case.
   *
   * @param result subscores already checked by the caller; out-of-range scores are refused here too
   * @param recordedBy the user who entered it, or null when the system received it
   * @return the id of the new result
   * @throws UnknownApplicationException no application has this reference
   * @throws AssessmentNotAwaitedException the case does not wait for a result; nothing is stored
   */
  @Transactional
  public long record(String reference, RecordedResult result, String recordedBy) {
    Application application =
        applications
            .findByReference(reference)
            .orElseThrow(() -> new UnknownApplicationException(reference));
    // the usual "not waiting" is answered before anything is written, and without the engine
    // logging a failed command as an error; the catch below still covers a case that moves on
    // between this look and the correlation
    if (!isWaitingForResult(reference)) {
      throw new AssessmentNotAwaitedException(reference, null);
    }
    result.topicScores().forEach((topic, score) -> AssessmentScoring.requireScore("topic " + topic, score));
    Instant now = clock.instant();
    AssessmentResult stored =
        results.saveAndFlush(
            new AssessmentResult(
                application,
                result.source(),
                result.provider(),
                result.language(),
                result.fundamentalsScore(),
                result.languageScore(),
                scoring.scaledScore(result.fundamentalsScore(), result.languageScore()),
                result.rawScore(),
                result.maxScore(),
                result.topicScores(),
                result.completedAt() == null ? now : result.completedAt(),
                recordedBy,
                now));
    try {
      runtimeService
          .createMessageCorrelation(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
          .processInstanceBusinessKey(reference)
          .setVariable(HiringPipeline.VAR_ASSESSMENT_RESULT_ID, stored.getId())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // the engine has marked the transaction rollback-only; throwing rolls the row back too
      log.info("Assessment result for {} not taken: {}", reference, e.getMessage());
      throw new AssessmentNotAwaitedException(reference, e);
    }
    log.info(
        "Assessment result {} of {} recorded ({}, scaled score {})",
        stored.getId(),
        reference,
        result.source(),
        stored.getScaledScore());
    return stored.getId();
  }

  private boolean isWaitingForResult(String reference) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        > 0;
  }

  /**
   * The scores of a stored result and the role track of its application, for the decision.
   *
   * @throws IllegalStateException no result has this id (in a delegate: an incident naming it)
   */
  @Transactional(readOnly = true)
  public AssessmentScores scoresFor(long resultId) {
    AssessmentResult result =
        results
            .findById(resultId)
            .orElseThrow(() -> new IllegalStateException("No assessment result with id " + resultId));
    return new AssessmentScores(
        result.getId(),
        result.getScaledScore(),
        result.getFundamentalsScore(),
        result.getLanguageScore(),
        result.getApplication().getRoleTrack().code());
  }
}
