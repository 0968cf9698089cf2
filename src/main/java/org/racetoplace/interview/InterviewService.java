package org.racetoplace.interview;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of stage Interview: appointments, scorecards and scores, kept apart from the case
 * (which holds only the attempt, attendance, no-show count, recommendation and score), and what
 * the candidate may see of it — the upcoming appointment.
 */
@Service
public class InterviewService {

  private static final Logger log = LoggerFactory.getLogger(InterviewService.class);

  private final ApplicationRepository applications;
  private final InterviewAppointmentRepository appointments;
  private final InterviewScorecardRepository scorecards;
  private final Clock clock;

  @Autowired
  public InterviewService(
      ApplicationRepository applications,
      InterviewAppointmentRepository appointments,
      InterviewScorecardRepository scorecards) {
    this(applications, appointments, scorecards, Clock.systemUTC());
  }

  InterviewService(
      ApplicationRepository applications,
      InterviewAppointmentRepository appointments,
      InterviewScorecardRepository scorecards,
      Clock clock) {
    this.applications = applications;
    this.appointments = appointments;
    this.scorecards = scorecards;
    this.clock = clock;
  }

  /** Now, by the clock the service stores times with. */
  public Instant now() {
    return clock.instant();
  }

  /** The zone interviews of this application are scheduled in: its community's. */
  @Transactional(readOnly = true)
  public ZoneId timeZoneOf(String reference) {
    return ZoneId.of(application(reference).getCommunity().getTimeZone());
  }

  /**
   * Stores a checked appointment as the application's next attempt, in the transaction of the
   * task's completion.
   *
   * @return the attempt: 1 for the first appointment, 2 for the one after a no-show
   */
  @Transactional
  public int schedule(String reference, InterviewScheduleForm form, String scheduledBy) {
    Application application = application(reference);
    int attempt = (int) appointments.countByApplicationId(application.getId()) + 1;
    appointments.save(
        new InterviewAppointment(
            application, attempt, form.at(), form.format(), form.location(), scheduledBy, clock.instant()));
    log.info("Interview of {} scheduled (attempt {}, {}) by {}", reference, attempt, form.format(), scheduledBy);
    return attempt;
  }

  /**
   * Stores the scorecard of the latest appointment.
   *
   * @return the no-shows of the application so far, this one included
   * @throws IllegalStateException no appointment, or it has a scorecard already
   */
  @Transactional
  public int recordScorecard(String reference, InterviewScorecardForm form, String interviewer) {
    Application application = application(reference);
    InterviewAppointment appointment =
        appointments
            .findFirstByApplicationIdOrderByAttemptDesc(application.getId())
            .orElseThrow(() -> new IllegalStateException("No interview is scheduled for " + reference));
    if (scorecards.existsByAppointmentId(appointment.getId())) {
      throw new IllegalStateException(
          "Interview attempt " + appointment.getAttempt() + " of " + reference + " has a scorecard already");
    }
    Instant now = clock.instant();
    scorecards.saveAndFlush(
        form.attended()
            ? InterviewScorecard.attended(
                appointment, form.ratings(), form.recommendation(), form.notes(), interviewer, now)
            : InterviewScorecard.noShow(appointment, form.notes(), interviewer, now));
    int noShows = (int) scorecards.countByApplicationIdAndAttendedFalse(application.getId());
    log.info(
        "Interview attempt {} of {}: {} (no-shows so far {})",
        appointment.getAttempt(),
        reference,
        form.attended() ? "attended, " + form.recommendation() : "no-show",
        noShows);
    return noShows;
  }

  /**
   * Scores the latest attended interview (see {@link InterviewScoring}) and stores the score on
   * its scorecard.
   *
   * @throws IllegalStateException no attended interview (in the delegate: an incident naming it)
   */
  @Transactional
  public int scoreLatestInterview(String reference) {
    Application application = application(reference);
    InterviewScorecard scorecard =
        scorecards
            .findFirstByApplicationIdAndAttendedTrueOrderByRecordedAtDescIdDesc(application.getId())
            .orElseThrow(() -> new IllegalStateException("No attended interview of " + reference + " to score"));
    int score = InterviewScoring.score(scorecard.ratings().values());
    scorecard.recordScore(score);
    return score;
  }

  /**
   * The interview the candidate is to attend: the latest appointment, while it has no scorecard
   * and the application is open; empty otherwise.
   */
  @Transactional(readOnly = true)
  public Optional<UpcomingInterview> upcoming(Application application) {
    if (!application.getStatus().isActive()) {
      return Optional.empty();
    }
    return appointments
        .findFirstByApplicationIdOrderByAttemptDesc(application.getId())
        .filter(appointment -> !scorecards.existsByAppointmentId(appointment.getId()))
        .map(
            appointment ->
                new UpcomingInterview(
                    appointment.localTime().toOffsetDateTime(),
                    appointment.getTimeZone(),
                    appointment.getFormat().code(),
                    appointment.getLocation()));
  }

  private Application application(String reference) {
    return applications
        .findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("No application with reference " + reference));
  }

  /**
   * What the candidate's status shows of their interview.
   *
   * @param at local date and time with the community's offset, e.g. {@code 2026-12-01T10:00-06:00}
   * @param timeZone the community's zone, e.g. {@code America/Chicago}
   * @param format {@code video}, {@code phone} or {@code in-person}
   * @param location address, phone arrangement or video link
   */
  public record UpcomingInterview(OffsetDateTime at, String timeZone, String format, String location) {}
}
