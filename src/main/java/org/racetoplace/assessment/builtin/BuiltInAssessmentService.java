package org.racetoplace.assessment.builtin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.AssessmentNotAwaitedException;
import org.racetoplace.assessment.AssessmentResultService;
import org.racetoplace.assessment.AssessmentSource;
import org.racetoplace.assessment.RecordedResult;
import org.racetoplace.assessment.builtin.AssessmentInvitations.Invitation;
import org.racetoplace.assessment.builtin.FormAssembler.DrawnItem;
import org.racetoplace.assessment.builtin.SittingViews.SavedAnswerView;
import org.racetoplace.assessment.builtin.SittingViews.SittingView;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in assessment: a candidate starts one sitting per application, answers (autosaved),
 * and submits; the server keeps the time and scores. The rules:
 *
 * <ul>
 *   <li>A sitting starts only while the case invites it: it waits for message {@code
 *       AssessmentCompleted} and the stage's deadline timer is not due. Its deadline is min(start
 *       + time limit, that timer's due date).
 *   <li>Answers are taken until the deadline, not from then on. A sitting past its deadline is
 *       scored as it stood the next time anyone touches it, or by {@link OverdueSittingSweep}.
 *   <li>A scored sitting becomes an {@code AssessmentResult} (source {@code BUILT_IN}) through
 *       {@link AssessmentResultService#record}, exactly as a result staff enter: the row and the
 *       correlation of {@code AssessmentCompleted} commit together with the sitting's outcome.
 *   <li>If the case no longer waits for a result (withdrawn, expired, a result came from
 *       elsewhere), the sitting is closed as CANCELLED, without a result.
 * </ul>
 *
 * <p>Transactions are explicit: each step locks the sitting row, so concurrent saves, a submission
 * and the sweep take turns; scoring and recording is one transaction, and when the case refuses the
 * result that whole transaction is rolled back before the sitting is cancelled in a new one.
 */
@Service
public class BuiltInAssessmentService {

  private static final Logger log = LoggerFactory.getLogger(BuiltInAssessmentService.class);

  /** Overdue sittings closed per run of the sweep; the next run takes the rest. */
  static final int SWEEP_BATCH = 100;

  private final ApplicationService applications;
  private final AssessmentSittingRepository sittings;
  private final AssessmentResultService results;
  private final AssessmentInvitations invitations;
  private final ItemBank bank;
  private final FormAssembler assembler;
  private final SittingViews views;
  private final BuiltInAssessmentProperties properties;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  /** The clock is the context's {@link Clock} bean if it has one (tests do), else UTC. */
  @Autowired
  public BuiltInAssessmentService(
      ApplicationService applications,
      AssessmentSittingRepository sittings,
      AssessmentResultService results,
      AssessmentInvitations invitations,
      ItemBank bank,
      FormAssembler assembler,
      SittingViews views,
      BuiltInAssessmentProperties properties,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    this(
        applications,
        sittings,
        results,
        invitations,
        bank,
        assembler,
        views,
        properties,
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC));
  }

  BuiltInAssessmentService(
      ApplicationService applications,
      AssessmentSittingRepository sittings,
      AssessmentResultService results,
      AssessmentInvitations invitations,
      ItemBank bank,
      FormAssembler assembler,
      SittingViews views,
      BuiltInAssessmentProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.applications = applications;
    this.sittings = sittings;
    this.results = results;
    this.invitations = invitations;
    this.bank = bank;
    this.assembler = assembler;
    this.views = views;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /** The answer to a start: whether a new sitting was created (else the running one resumed). */
  public record Started(boolean created, SittingView view) {}

  /**
   * Starts the application's sitting, or resumes it while it runs (same items, same order, saved
   * answers, the time left).
   *
   * @param requestedLanguage one of the application's languages the bank tests; when empty, the
   *     first of the application's languages (in the order the candidate gave them) the bank tests
   * @throws org.racetoplace.application.ApplicationNotFoundException unknown reference or wrong token
   * @throws SittingConflictException already taken, invitation not open, no language to test
   * @throws InvalidRequestException the requested language is not one the candidate may choose
   */
  public Started start(String reference, String token, Optional<String> requestedLanguage) {
    Long existing = sittingIdOf(reference, token);
    if (existing != null) {
      return resume(reference, token, existing);
    }
    try {
      return transactions.execute(status -> create(reference, token, requestedLanguage));
    } catch (DataIntegrityViolationException e) {
      // a concurrent start won the unique constraint on the application; resume its sitting
      Long winner = sittingIdOf(reference, token);
      if (winner == null) {
        throw e;
      }
      return resume(reference, token, winner);
    }
  }

  private Started resume(String reference, String token, long sittingId) {
    closeIfDue(sittingId);
    return readOnly.execute(
        status -> {
          AssessmentSitting sitting = sittings.findById(sittingId).orElseThrow();
          if (sitting.getStatus().isFinished()) {
            throw SittingConflictException.alreadyTaken(sitting.getStatus());
          }
          Instant now = clock.instant();
          return new Started(false, views.of(reference, sitting, invitations.find(reference), now));
        });
  }

  private Started create(String reference, String token, Optional<String> requestedLanguage) {
    Instant now = clock.instant();
    Application application = applications.authorized(reference, token);
    Invitation invitation =
        invitations
            .find(reference)
            .filter(open -> application.getStatus().isActive() && open.isOpenAt(now))
            .orElseThrow(SittingConflictException::invitationClosed);
    ProgrammingLanguage language = language(application, requestedLanguage);
    BankArea languageArea = bank.language(language).orElseThrow();
    List<DrawnItem> fundamentals = assembler.draw(bank.fundamentals(), properties.fundamentalsItems());
    List<DrawnItem> languageItems = assembler.draw(languageArea, properties.languageItems());
    Instant deadline = now.plus(properties.timeLimit());
    if (invitation.deadline() != null && invitation.deadline().isBefore(deadline)) {
      deadline = invitation.deadline();
    }
    AssessmentSitting sitting =
        sittings.saveAndFlush(
            new AssessmentSitting(
                application,
                language,
                bank.fundamentals().versionTag() + " " + languageArea.versionTag(),
                now,
                deadline,
                fundamentals,
                languageItems));
    log.info(
        "Assessment sitting {} of {} started: {}, {} items, until {}",
        sitting.getId(),
        reference,
        language.displayName(),
        sitting.getItems().size(),
        deadline);
    return new Started(true, views.of(reference, sitting, Optional.of(invitation), now));
  }

  /** The languages a candidate may choose: theirs, in their order, that the bank tests. */
  private List<ProgrammingLanguage> offeredLanguages(Application application) {
    return application.getLanguages().stream()
        .map(ProgrammingLanguage::fromName)
        .flatMap(Optional::stream)
        .filter(language -> bank.language(language).isPresent())
        .toList();
  }

  private ProgrammingLanguage language(Application application, Optional<String> requested) {
    List<ProgrammingLanguage> offered = offeredLanguages(application);
    if (requested.isPresent()) {
      Optional<ProgrammingLanguage> language =
          ProgrammingLanguage.fromName(requested.get()).filter(offered::contains);
      if (language.isEmpty()) {
        throw new InvalidRequestException(
            SittingRequestReader.START_TITLE,
            List.of(
                new FieldProblem(
                    "language",
                    offered.isEmpty()
                        ? "none of the application's languages is tested by the built-in assessment"
                        : "must be one of the application's languages that the assessment tests: "
                            + String.join(", ", offered.stream().map(ProgrammingLanguage::displayName).toList()))));
      }
      return language.get();
    }
    if (offered.isEmpty()) {
      throw SittingConflictException.noLanguage(bank.languages());
    }
    return offered.get(0);
  }

  /**
   * Where the candidate's assessment stands. A sitting past its deadline is scored first, so the
   * answer never shows a sitting running that is over.
   *
   * @throws org.racetoplace.application.ApplicationNotFoundException unknown reference or wrong token
   */
  public SittingView state(String reference, String token) {
    Long sittingId = sittingIdOf(reference, token);
    if (sittingId != null) {
      closeIfDue(sittingId);
    }
    return readOnly.execute(
        status -> {
          Instant now = clock.instant();
          Application application = applications.authorized(reference, token);
          Optional<Invitation> invitation =
              invitations.find(reference).filter(open -> application.getStatus().isActive());
          return sittings
              .findByApplicationId(application.getId())
              .map(sitting -> views.of(reference, sitting, invitation, now))
              .orElseGet(() -> views.notStarted(reference, invitation, offeredLanguages(application), now));
        });
  }

  /**
   * Saves one answer of a running sitting (autosave): saving the same answer again changes
   * nothing, a null answer clears it.
   *
   * @param readAnswer reads the request body for the item (its kind and options decide the shape)
   * @throws SittingConflictException not started, over, or the time ran out (the sitting is then
   *     scored as it stood)
   * @throws UnknownSittingItemException the sitting has no such item
   * @throws InvalidRequestException the answer does not fit the item
   */
  public SavedAnswerView saveAnswer(
      String reference, String token, String itemId, Function<SittingItem, String> readAnswer) {
    long sittingId = requireSitting(reference, token);
    closeIfDue(sittingId);
    try {
      return transactions.execute(
          status -> {
            Instant now = clock.instant();
            AssessmentSitting sitting = sittings.findLockedById(sittingId).orElseThrow();
            refuseIfOver(sitting, now);
            SittingItem item = sitting.item(itemId).orElseThrow(UnknownSittingItemException::new);
            item.saveAnswer(readAnswer.apply(item), now);
            return views.saved(sitting, item, now);
          });
    } catch (DeadlinePassed e) {
      closeIfDue(sittingId);
      throw SittingConflictException.timeUp(e.deadline);
    }
  }

  /**
   * Submits the sitting: it is scored and the result handed to the case. Submitting a sitting
   * submitted already answers as the first time.
   *
   * @throws SittingConflictException not started; the time ran out first (the sitting was scored
   *     as it stood); or it was closed without a result
   */
  public SittingView submit(String reference, String token) {
    long sittingId = requireSitting(reference, token);
    closeIfDue(sittingId);
    SittingStatus outcome = close(sittingId, SittingStatus.SUBMITTED);
    return readOnly.execute(
        status -> {
          AssessmentSitting sitting = sittings.findById(sittingId).orElseThrow();
          if (outcome == SittingStatus.TIMED_OUT) {
            throw SittingConflictException.timeUp(sitting.getDeadline());
          }
          if (outcome != SittingStatus.SUBMITTED) {
            throw SittingConflictException.finished(outcome);
          }
          return views.of(reference, sitting, Optional.empty(), clock.instant());
        });
  }

  /**
   * Scores every sitting whose deadline has passed while nobody touched it, so an abandoned
   * sitting still reaches the pipeline. One sitting's failure (logged) does not stop the others.
   *
   * @return how many sittings were looked at
   */
  public int closeOverdueSittings() {
    List<Long> overdue =
        readOnly.execute(status -> sittings.findIdsByStatusAndDeadlineReached(
                    SittingStatus.IN_PROGRESS, clock.instant(), PageRequest.of(0, SWEEP_BATCH)));
    for (Long sittingId : overdue) {
      try {
        closeIfDue(sittingId);
      } catch (RuntimeException e) {
        log.warn("Overdue assessment sitting {} could not be closed; the next sweep tries again", sittingId, e);
      }
    }
    return overdue.size();
  }

  // --- closing ------------------------------------------------------------------------------

  private record Snapshot(SittingStatus status, Instant deadline, String reference) {}

  /**
   * Closes a running sitting that must not run on: past its deadline or its invitation's (scored
   * as it stood, TIMED_OUT), or its case no longer waiting for a result (CANCELLED).
   */
  void closeIfDue(long sittingId) {
    Snapshot snapshot =
        readOnly.execute(
            status -> {
              AssessmentSitting sitting = sittings.findById(sittingId).orElseThrow();
              return new Snapshot(
                  sitting.getStatus(), sitting.getDeadline(), sitting.getApplication().getReference());
            });
    if (snapshot.status().isFinished()) {
      return;
    }
    Instant now = clock.instant();
    Optional<Invitation> invitation = invitations.find(snapshot.reference());
    if (invitation.isEmpty()) {
      cancel(sittingId);
    } else if (!now.isBefore(snapshot.deadline()) || !invitation.get().isOpenAt(now)) {
      close(sittingId, SittingStatus.TIMED_OUT);
    }
  }

  /**
   * Scores the sitting and records its result, which correlates {@code AssessmentCompleted}, in
   * one transaction; if the case refuses the result, cancels the sitting instead.
   *
   * @param requested SUBMITTED (the candidate) or TIMED_OUT; a sitting past its deadline is
   *     TIMED_OUT whatever was requested
   * @return the sitting's status afterwards
   */
  private SittingStatus close(long sittingId, SittingStatus requested) {
    try {
      return transactions.execute(
          status -> {
            Instant now = clock.instant();
            AssessmentSitting sitting = sittings.findLockedById(sittingId).orElseThrow();
            if (sitting.getStatus().isFinished()) {
              return sitting.getStatus();
            }
            boolean overdue = !now.isBefore(sitting.getDeadline());
            SittingStatus outcome = overdue ? SittingStatus.TIMED_OUT : requested;
            Instant finishedAt = overdue ? sitting.getDeadline() : now;
            SittingScore score = SittingScoring.score(sitting.getItems(), bank);
            String reference = sitting.getApplication().getReference();
            long resultId =
                results.record(
                    reference,
                    new RecordedResult(
                        AssessmentSource.BUILT_IN,
                        null,
                        sitting.getLanguage(),
                        score.fundamentalsScore(),
                        score.languageScore(),
                        score.rawScore(),
                        score.maxScore(),
                        score.topicScores(),
                        finishedAt),
                    null);
            sitting.finish(outcome, finishedAt, score, resultId);
            sittings.saveAndFlush(sitting);
            log.info(
                "Assessment sitting {} of {} {}: {} of {} right, result {}",
                sittingId,
                reference,
                outcome,
                score.rawScore(),
                score.maxScore(),
                resultId);
            return outcome;
          });
    } catch (AssessmentNotAwaitedException e) {
      // that transaction is rolled back whole; the sitting is closed in a new one
      return cancel(sittingId);
    }
  }

  /** Closes the sitting without a result: its case no longer waits for one. */
  private SittingStatus cancel(long sittingId) {
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          AssessmentSitting sitting = sittings.findLockedById(sittingId).orElseThrow();
          if (sitting.getStatus().isFinished()) {
            return sitting.getStatus();
          }
          SittingScore score = SittingScoring.score(sitting.getItems(), bank);
          Instant finishedAt = now.isBefore(sitting.getDeadline()) ? now : sitting.getDeadline();
          sitting.cancel(finishedAt, score);
          sittings.saveAndFlush(sitting);
          log.info(
              "Assessment sitting {} of {} cancelled: the case no longer waits for a result",
              sittingId,
              sitting.getApplication().getReference());
          return SittingStatus.CANCELLED;
        });
  }

  // --- helpers ------------------------------------------------------------------------------

  /** The id of the application's sitting, null when there is none; checks the token. */
  private Long sittingIdOf(String reference, String token) {
    return readOnly.execute(
        status -> {
          Application application = applications.authorized(reference, token);
          return sittings.findByApplicationId(application.getId()).map(AssessmentSitting::getId).orElse(null);
        });
  }

  private long requireSitting(String reference, String token) {
    Long sittingId = sittingIdOf(reference, token);
    if (sittingId == null) {
      throw SittingConflictException.notStarted();
    }
    return sittingId;
  }

  private static void refuseIfOver(AssessmentSitting sitting, Instant now) {
    switch (sitting.getStatus()) {
      case IN_PROGRESS -> {
        if (!now.isBefore(sitting.getDeadline())) {
          throw new DeadlinePassed(sitting.getDeadline());
        }
      }
      case TIMED_OUT -> throw SittingConflictException.timeUp(sitting.getDeadline());
      case SUBMITTED, CANCELLED -> throw SittingConflictException.finished(sitting.getStatus());
    }
  }

  /** Inside a transaction: the deadline passed; the sitting is closed once it has rolled back. */
  private static final class DeadlinePassed extends RuntimeException {
    private final Instant deadline;

    DeadlinePassed(Instant deadline) {
      super(null, null, false, false);
      this.deadline = deadline;
    }
  }
}
