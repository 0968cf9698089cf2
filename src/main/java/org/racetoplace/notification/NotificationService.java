package org.racetoplace.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends candidate notifications through the outbox, so that each message goes out once even when
 * the Camunda job that asks for it is retried or the case replays an event.
 *
 * <p>A delivery runs in one transaction of its own, never in the caller's (the engine's job
 * transaction): it locks the outbox row (or inserts it), hands the message to the transport and
 * records the outcome, and commits. A message that was sent stays marked as sent even if the
 * process transaction rolls back afterwards, and a failed attempt stays recorded although the job
 * fails. The row lock serialises two deliveries of the same message; and because the connection is
 * taken before the message is handed over, a delivery that cannot get one fails before anything
 * was sent, never after.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationRepository repository;
  private final MailTransport transport;
  private final MailTemplates templates;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  @Autowired
  public NotificationService(
      NotificationRepository repository,
      MailTransport transport,
      MailTemplates templates,
      PlatformTransactionManager transactionManager) {
    this(repository, transport, templates, transactionManager, Clock.systemUTC());
  }

  NotificationService(
      NotificationRepository repository,
      MailTransport transport,
      MailTemplates templates,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.repository = repository;
    this.transport = transport;
    this.templates = templates;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Sends the message unless one with the same dedup key was sent already.
   *
   * <ol>
   *   <li>The outbox row is locked, or written PENDING on the first request with subject and body
   *       rendered then; a later request with the same key reuses that row, rendering nothing.
   *   <li>A row that is SENT ends here: retried jobs and replayed events send nothing.
   *   <li>Otherwise the message goes to the {@link MailTransport}; the row is then marked SENT, or
   *       the failure is recorded and {@link NotificationDeliveryException} thrown so the job is
   *       retried and ends as an incident after the last retry.
   * </ol>
   *
   * <p>Exactly once as far as SMTP allows: if the server accepted the message but the commit that
   * marks the row SENT fails (database gone at that very moment), the retry sends it again.
   *
   * @return the outbox row as it stands afterwards
   * @throws NotificationDeliveryException when the transport did not accept the message
   */
  public Notification deliver(NotificationRequest request) {
    Attempt attempt;
    try {
      attempt =
          newTransaction.execute(
              status ->
                  attempt(
                      repository
                          .findByDedupKeyForUpdate(request.dedupKey())
                          .orElseGet(() -> repository.saveAndFlush(newRow(request)))));
    } catch (DataIntegrityViolationException concurrentInsert) {
      // another call inserted the same key between our read and our insert, and has committed:
      // its row is locked and used
      attempt =
          newTransaction.execute(
              status ->
                  attempt(
                      repository
                          .findByDedupKeyForUpdate(request.dedupKey())
                          .orElseThrow(() -> concurrentInsert)));
    }
    return attempt.outcome();
  }

  /**
   * Sends the message only if this call writes its outbox row: for senders that run on every node
   * at the same moment, such as the daily digest, where inserting the row under its unique dedup
   * key is the claim. {@link #deliver} would not do for them: it sends any row that is not SENT
   * yet, so two nodes could both send a row that one of them is still sending. A row that exists
   * already (sent, being sent by another node, or refused by the mail server) is left alone; a
   * refused message stays PENDING with its error and is not sent again by this method.
   *
   * @return the row this call wrote and sent; empty when another call had written it
   * @throws NotificationDeliveryException when the transport did not accept the message
   */
  public Optional<Notification> deliverOnce(NotificationRequest request) {
    Optional<Attempt> claimed;
    try {
      claimed =
          newTransaction.execute(
              status ->
                  repository.findByDedupKey(request.dedupKey()).isPresent()
                      ? Optional.<Attempt>empty()
                      : Optional.of(attempt(repository.saveAndFlush(newRow(request)))));
    } catch (DataIntegrityViolationException concurrentInsert) {
      // another node inserted the same key between our read and our insert: it sends
      claimed = Optional.empty();
    }
    if (claimed.isEmpty()) {
      log.info("Notification {} is another call's to send; nothing to do", request.dedupKey());
      return Optional.empty();
    }
    return Optional.of(claimed.get().outcome());
  }

  /**
   * Inside the delivery's transaction, on a row this transaction holds: sends the message unless
   * the row is SENT, and records the outcome on the row, which the commit writes. A failure is
   * returned, not thrown, so that its record commits.
   */
  private Attempt attempt(Notification row) {
    if (row.isSent()) {
      log.info("Notification {} was sent already; nothing to do", row.getDedupKey());
      return new Attempt(row, null);
    }
    try {
      transport.send(row.toOutgoingMail());
    } catch (RuntimeException failure) {
      row.recordFailure(describe(failure));
      return new Attempt(row, failure);
    }
    row.markSent(clock.instant());
    return new Attempt(row, null);
  }

  /** A delivery's row after its transaction, and the transport's failure if there was one. */
  private record Attempt(Notification row, RuntimeException failure) {

    /** The row; or, when the transport failed, the failure as {@link NotificationDeliveryException}. */
    Notification outcome() {
      if (failure == null) {
        return row;
      }
      // no address or body in the log: the key and the kind of failure are enough to find the row
      log.warn(
          "Notification {} not sent (attempt {}): {}",
          row.getDedupKey(),
          row.getAttempts(),
          failure.getClass().getSimpleName());
      throw new NotificationDeliveryException(row.getDedupKey(), row.getAttempts(), failure);
    }
  }

  /**
   * Writes the outbox row in the caller's transaction, without sending: for a message whose
   * content only the caller knows, such as the confirmation with the status token that intake
   * hands out once. The row commits or rolls back with the caller's work; the pipeline's
   * notification task then finds it under the same dedup key and sends it with {@link #deliver}.
   *
   * <p>The dedup key must be new (intake's is made of the reference it has just drawn), so the row
   * is inserted without looking for one first; a key that exists already breaks the unique
   * constraint and rolls the caller's work back.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   * @throws org.springframework.dao.DataIntegrityViolationException for a dedup key that exists
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Notification prepare(NotificationRequest request) {
    return repository.saveAndFlush(newRow(request));
  }

  /** The outbox rows of one case, oldest first: what the candidate was told or is about to be. */
  public List<Notification> forApplication(String applicationReference) {
    return repository.findByApplicationReferenceOrderByCreatedAt(applicationReference);
  }

  private Notification newRow(NotificationRequest request) {
    RenderedMail mail = templates.render(request);
    return new Notification(request, mail, clock.instant());
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < Notification.LAST_ERROR_LENGTH; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
