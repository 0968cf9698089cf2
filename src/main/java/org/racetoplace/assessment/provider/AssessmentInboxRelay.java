package org.racetoplace.assessment.provider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.assessment.AssessmentNotAwaitedException;
import org.racetoplace.assessment.AssessmentResultService;
import org.racetoplace.assessment.provider.AssessmentCases.CaseReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands results from the inbox to their cases: at once when a result arrives, and in a periodic
 * sweep for those whose case was not waiting then ({@link InboxSweepScheduling}).
 *
 * <p>One hand-over is one transaction: claim the row ({@code for update skip locked}, so two nodes
 * — or the arrival and a sweep on one node — never hand the same row over twice, and neither
 * waits for the other), ask the engine where the case is, and if it waits, store the result and
 * correlate message {@code AssessmentCompleted} through {@link AssessmentResultService#record},
 * then mark the row DELIVERED. The engine runs on the same transaction, so the result row, the
 * correlation and the inbox status commit together or not at all. A case that will never wait
 * (ended, or past stage Assess) gets its row REJECTED, so nothing is retried forever.
 */
@Component
public class AssessmentInboxRelay {

  private static final Logger log = LoggerFactory.getLogger(AssessmentInboxRelay.class);

  /** What one attempt did with a row. */
  enum Outcome {
    /** The result reached its case. */
    DELIVERED,
    /** The case does not wait yet, or the hand-over failed; the row stays PENDING. */
    KEPT,
    /** The case will never take it. */
    REJECTED,
    /** Hand-overs failed too often; an operator looks at it. */
    FAILED,
    /** Not pending any more, or another transaction holds it right now. */
    NOT_CLAIMED
  }

  private final AssessmentInboxRepository inbox;
  private final ApplicationRepository applications;
  private final AssessmentCases cases;
  private final AssessmentResultService results;
  private final ProviderResultReader reader;
  private final TransactionTemplate transactions;
  private final ProviderWebhookProperties.Inbox settings;
  private final Clock clock = Clock.systemUTC();

  AssessmentInboxRelay(
      AssessmentInboxRepository inbox,
      ApplicationRepository applications,
      AssessmentCases cases,
      AssessmentResultService results,
      ProviderResultReader reader,
      PlatformTransactionManager transactionManager,
      ProviderWebhookProperties properties) {
    this.inbox = inbox;
    this.applications = applications;
    this.cases = cases;
    this.results = results;
    this.reader = reader;
    this.transactions = new TransactionTemplate(transactionManager);
    this.settings = properties.inbox();
  }

  /**
   * Tries every pending row once, oldest first, and returns how many it delivered. Rows another
   * node holds at this moment are skipped; they are that node's.
   */
  public int sweep() {
    int delivered = 0;
    long after = 0;
    List<Long> page;
    do {
      page = inbox.findPendingIdsAfter(after, Limit.of(settings.batchSize()));
      for (long id : page) {
        if (attempt(id) == Outcome.DELIVERED) {
          delivered++;
        }
        after = id;
      }
    } while (page.size() == settings.batchSize());
    if (delivered > 0) {
      log.info("Inbox sweep handed {} assessment result(s) to their cases", delivered);
    }
    return delivered;
  }

  /** One hand-over of one row, in its own transaction; never throws for a failed hand-over. */
  Outcome attempt(long entryId) {
    try {
      return transactions.execute(status -> handOver(entryId));
    } catch (RuntimeException e) {
      // the transaction is rolled back (the engine may have marked it so): no result row, no
      // correlation; count the attempt in a transaction of its own
      return noteFailure(entryId, e);
    }
  }

  private Outcome handOver(long entryId) {
    Optional<AssessmentInboxEntry> claimed = inbox.claimPending(entryId);
    if (claimed.isEmpty()) {
      return Outcome.NOT_CLAIMED;
    }
    AssessmentInboxEntry entry = claimed.get();
    String reference = entry.getApplicationReference();
    Application application =
        applications
            .findByReference(reference)
            .orElseThrow(() -> new IllegalStateException("No application " + reference + " for inbox row " + entryId));
    CaseReadiness readiness = cases.readinessOf(application);
    Instant now = clock.instant();
    if (readiness.readiness() == AssessmentCases.Readiness.NOT_YET) {
      return Outcome.KEPT;
    }
    if (readiness.readiness() == AssessmentCases.Readiness.NEVER) {
      entry.rejected(readiness.reason(), now);
      log.info(
          "Assessment result {} of provider {} for {} rejected: {}",
          entry.getWebhookId(),
          entry.getProvider(),
          reference,
          readiness.reason());
      return Outcome.REJECTED;
    }
    entry.countAttempt(now);
    // the payload was checked on arrival; read again, it gives the result to record
    ProviderResult result = reader.read(entry.getProvider(), entry.getPayload().getBytes(StandardCharsets.UTF_8));
    long resultId = results.record(reference, result.result(), null);
    entry.delivered(resultId, now);
    log.info(
        "Assessment result {} of provider {} handed to the case of {} as result {}",
        entry.getWebhookId(),
        entry.getProvider(),
        reference,
        resultId);
    return Outcome.DELIVERED;
  }

  private Outcome noteFailure(long entryId, RuntimeException failure) {
    boolean race =
        failure instanceof AssessmentNotAwaitedException
            || failure instanceof OptimisticLockingException
            || failure instanceof OptimisticLockingFailureException;
    try {
      Outcome outcome =
          transactions.execute(
              status ->
                  inbox
                      .claimPending(entryId)
                      .map(
                          entry -> {
                            entry.failedAttempt(describe(failure), settings.maxAttempts(), clock.instant());
                            if (entry.getStatus() == InboxStatus.FAILED) {
                              log.error(
                                  "Assessment result {} of provider {} for {} FAILED after {} attempts;"
                                      + " an operator must look at inbox row {}",
                                  entry.getWebhookId(),
                                  entry.getProvider(),
                                  entry.getApplicationReference(),
                                  entry.getAttempts(),
                                  entryId,
                                  failure);
                              return Outcome.FAILED;
                            }
                            if (race) {
                              log.info(
                                  "Inbox row {}: the case moved while its result was handed over ({}); retried later",
                                  entryId,
                                  failure.toString());
                            } else {
                              log.warn(
                                  "Inbox row {}: hand-over attempt {} failed; retried later",
                                  entryId,
                                  entry.getAttempts(),
                                  failure);
                            }
                            return Outcome.KEPT;
                          })
                      .orElse(Outcome.NOT_CLAIMED));
      return outcome;
    } catch (RuntimeException e) {
      log.error("Inbox row {}: could not note a failed hand-over ({}); the row stays pending", entryId, failure, e);
      return Outcome.KEPT;
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
