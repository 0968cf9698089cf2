package org.racetoplace.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.racetoplace.application.ApplicationStatus;
import org.racetoplace.ops.PipelineStage;
import org.racetoplace.privacy.CaseHistoryEraser.StagePeriod;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a candidate's personal data from our tables and from the engine's history, keeping the
 * anonymous facts the pilot's reports count (see docs/operations.md, "Candidate data rights").
 *
 * <p>The person is the {@code candidate} row, which every application of theirs in that community
 * shares; erasing one application therefore erases the person and all of their applications there.
 * What stays of an application: its row (reference, community, role track, outcome, created and
 * closed time, programming languages), its scores and decisions without free text, the stages it
 * passed through ({@code case_stage_period}) and, unlinked, its self-identification as a count in
 * {@code self_identification_tally}. One {@code privacy_erasure} row per application records who
 * erased it, when and why.
 *
 * <p>Everything happens in one transaction with the engine (which runs on Spring's transaction
 * manager): the case ends, its history goes and our rows change together, or nothing changes.
 */
@Service
public class PersonalDataErasure {

  /** What stands in for erased text that a column requires. */
  static final String ERASED = "[erased]";

  private static final int ATTEMPTS = 5;

  /** Why personal data was erased. */
  public enum Reason {
    /** Staff acted on the candidate's request. */
    REQUEST,
    /** The retention period after the case closed ran out. */
    RETENTION
  }

  /**
   * What an erasure did, or, with {@code alreadyErased}, what the first one did.
   *
   * @param erasedApplications the references erased with it (the candidate's other applications)
   * @param endedRunningCase whether a running case was ended (and recorded as withdrawn)
   */
  public record Erasure(
      String reference,
      boolean alreadyErased,
      Instant erasedAt,
      String erasedBy,
      Reason reason,
      List<String> erasedApplications,
      boolean endedRunningCase) {}

  private record ApplicationRow(
      long id,
      String reference,
      long candidateId,
      String communityId,
      String roleTrack,
      ApplicationStatus status,
      String processInstanceId) {}

  private final JdbcTemplate jdbc;
  private final CaseHistoryEraser engine;
  private final TransactionTemplate transactions;
  private final Clock clock;

  @Autowired
  public PersonalDataErasure(JdbcTemplate jdbc, CaseHistoryEraser engine, PlatformTransactionManager transactionManager) {
    this(jdbc, engine, transactionManager, Clock.systemUTC());
  }

  PersonalDataErasure(
      JdbcTemplate jdbc, CaseHistoryEraser engine, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Erases the personal data of the candidate of the application. A running case is ended first and
   * its application recorded as {@code WITHDRAWN}. Erasing again changes nothing and answers what
   * the first erasure did ({@code alreadyErased}).
   *
   * @param erasedBy the staff user's id, or the retention job's name
   * @throws UnknownReferenceException no application has this reference
   */
  public Erasure erase(String reference, String erasedBy, Reason reason) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> eraseOnce(reference, erasedBy, reason));
      } catch (OptimisticLockingException | DuplicateKeyException e) {
        // a job moved the case at the same moment, or a concurrent erasure got there first: the
        // next attempt sees the new state (and then answers "already erased")
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The erasure recorded for the reference, if it was erased. */
  public Optional<Erasure> recorded(String reference) {
    return jdbc
        .query(
            "select requested_reference, reason, erased_by, erased_at, ended_running_case"
                + " from privacy_erasure where application_reference = ?",
            (rs, row) -> {
              String requested = rs.getString(1);
              return new Erasure(
                  reference,
                  true,
                  JdbcValues.instant(rs.getObject(4)),
                  rs.getString(3),
                  Reason.valueOf(rs.getString(2)),
                  erasedWith(requested),
                  rs.getBoolean(5));
            },
            reference)
        .stream()
        .findFirst();
  }

  private List<String> erasedWith(String requestedReference) {
    return jdbc.queryForList(
        "select application_reference from privacy_erasure where requested_reference = ? order by id",
        String.class,
        requestedReference);
  }

  private Erasure eraseOnce(String reference, String erasedBy, Reason reason) {
    ApplicationRow requested =
        applications("where reference = ?", reference).stream()
            .findFirst()
            .orElseThrow(() -> new UnknownReferenceException(reference));
    Optional<Erasure> earlier = recorded(reference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    // as the database keeps it, so this answer and a later "already erased" one agree
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<String> erased = new ArrayList<>();
    boolean endedRunningCase = false;
    for (ApplicationRow application :
        applications("where candidate_id = ? order by id", requested.candidateId())) {
      if (recorded(application.reference()).isPresent()) {
        continue;
      }
      boolean ended = eraseApplication(application, requested.reference(), erasedBy, reason, now);
      endedRunningCase |= ended;
      erased.add(application.reference());
    }
    eraseCandidate(requested.candidateId(), now);
    return new Erasure(reference, false, now, erasedBy, reason, List.copyOf(erased), endedRunningCase);
  }

  private List<ApplicationRow> applications(String where, Object argument) {
    return jdbc.query(
        "select id, reference, candidate_id, community_id, role_track, status, process_instance_id"
            + " from application "
            + where,
        (rs, row) ->
            new ApplicationRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                ApplicationStatus.valueOf(rs.getString(6)),
                rs.getString(7)),
        argument);
  }

  /** @return whether the case was still open and was ended */
  private boolean eraseApplication(
      ApplicationRow application, String requestedReference, String erasedBy, Reason reason, Instant now) {
    List<String> processInstances =
        engine.processInstancesOf(application.reference(), application.processInstanceId());
    boolean open = application.status().isActive();
    boolean ended = engine.endRunning(processInstances) || open;
    ApplicationStatus outcome = application.status();
    if (open) {
      outcome = ApplicationStatus.WITHDRAWN;
      jdbc.update(
          "update application set status = ?, active_candidate_id = null, updated_at = ?, version = version + 1"
              + " where id = ?",
          outcome.name(),
          at(now),
          application.id());
    }
    List<StagePeriod> periods = engine.stagePeriods(processInstances);
    for (StagePeriod period : periods) {
      jdbc.update(
          "insert into case_stage_period (application_id, stage, entered_at, left_at) values (?, ?, ?, ?)",
          application.id(),
          period.stage(),
          at(period.enteredAt()),
          period.leftAt() == null ? null : at(period.leftAt()));
    }
    tallySelfIdentification(application, furthestStage(periods), outcome);
    eraseApplicationData(application);
    engine.deleteHistory(processInstances);
    jdbc.update(
        "insert into privacy_erasure (application_reference, requested_reference, reason, erased_by, erased_at,"
            + " ended_running_case) values (?, ?, ?, ?, ?, ?)",
        application.reference(),
        requestedReference,
        reason.name(),
        erasedBy,
        at(now),
        ended);
    return ended;
  }

  private static String furthestStage(List<StagePeriod> periods) {
    return periods.stream()
        .map(period -> Arrays.stream(PipelineStage.values()).filter(s -> s.id().equals(period.stage())).findFirst())
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder())
        .map(PipelineStage::id)
        .orElse("");
  }

  /**
   * Moves the self-identification into an anonymous count: the fairness reports still count it
   * per community, role track, stage reached and outcome, but nothing links it to the case.
   */
  private void tallySelfIdentification(ApplicationRow application, String furthestStage, ApplicationStatus outcome) {
    List<String[]> answers =
        jdbc.query(
            "select sex, race_ethnicity from application_self_identification where application_id = ?",
            (rs, row) -> new String[] {nullToEmpty(rs.getString(1)), nullToEmpty(rs.getString(2))},
            application.id());
    for (String[] answer : answers) {
      Object[] key = {
        application.communityId(), application.roleTrack(), furthestStage, outcome.name(), answer[0], answer[1]
      };
      int counted =
          jdbc.update(
              "update self_identification_tally set cases = cases + 1 where community_id = ? and role_track = ?"
                  + " and furthest_stage = ? and outcome = ? and sex = ? and race_ethnicity = ?",
              key);
      if (counted == 0) {
        jdbc.update(
            "insert into self_identification_tally (community_id, role_track, furthest_stage, outcome, sex,"
                + " race_ethnicity, cases) values (?, ?, ?, ?, ?, ?, 1)",
            key);
      }
    }
    jdbc.update("delete from application_self_identification where application_id = ?", application.id());
  }

  /**
   * Every column of our tables that holds the candidate's data or free text about them; see the
   * table in docs/operations.md. Scores, decisions, dates and staff user ids stay.
   */
  private void eraseApplicationData(ApplicationRow application) {
    long id = application.id();
    String reference = application.reference();
    // the profile: everything typed by the candidate except the canonical language names
    jdbc.update("delete from application_skill where application_id = ?", id);
    jdbc.update("delete from application_work_history where application_id = ?", id);
    jdbc.update("delete from application_certificate where application_id = ?", id);
    jdbc.update(
        "delete from application_project_technology where project_id in"
            + " (select id from application_project where application_id = ?)",
        id);
    jdbc.update("delete from application_project where application_id = ?", id);
    // every message to the candidate: address, name, text
    jdbc.update("delete from notification where application_reference = ?", reference);
    // free text of reviewers, interviewers, employers and the candidate
    jdbc.update(
        "update vetting_review set rationale = null, information_requested ="
            + " case when information_requested is null then null else ? end where application_id = ?",
        ERASED,
        id);
    jdbc.update("update candidate_update set message = ? where application_id = ?", ERASED, id);
    jdbc.update("update interview_appointment set location = ? where application_id = ?", ERASED, id);
    jdbc.update("update interview_scorecard set notes = null where application_id = ?", id);
    jdbc.update(
        "update match_proposal set explanation = ?, decline_reason = null where application_id = ?", ERASED, id);
    // an employer can no longer act on a proposal of a case that is gone
    jdbc.update(
        "update match_proposal set status = 'CLOSED', version = version + 1"
            + " where application_id = ? and status in ('PROPOSED', 'INVITED')",
        id);
    // the candidate's typed answers in the built-in assessment
    jdbc.update(
        "update assessment_sitting_item set answer = null, answered_at = null where sitting_id in"
            + " (select id from assessment_sitting where application_id = ?)",
        id);
    // providers' deliveries: the raw body as signed, and the provider's own id of the sitting
    jdbc.update(
        "update assessment_inbox set payload = '{}', provider_assessment_id = null, last_error = null"
            + " where application_reference = ?",
        reference);
  }

  /**
   * The person: placeholders where the table requires a value. The address is unique per
   * community and can never receive mail ({@code .invalid}), so the person may apply again later
   * with their real address as a new candidate.
   */
  private void eraseCandidate(long candidateId, Instant now) {
    jdbc.update(
        "update candidate set email = ?, first_name = ?, last_name = ?, phone = null, updated_at = ? where id = ?",
        "erased-" + candidateId + "@erased.invalid",
        ERASED,
        ERASED,
        at(now),
        candidateId);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
