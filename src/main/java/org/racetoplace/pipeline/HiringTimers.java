package org.racetoplace.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pipeline's waiting times, read by the model through expressions
 * ({@code ${hiringTimers.assessmentDeadline}}), so a program manager changes them in configuration
 * ({@code hiring.timers.*}) without touching the BPMN. Values are ISO 8601 durations ({@code P7D}).
 * A changed value applies to timers created after the restart; running timers keep their date.
 */
@Component("hiringTimers")
public class HiringTimers {

  private final Map<String, String> durations;
  private final Clock clock;

  @Autowired
  public HiringTimers(
      @Value("${hiring.timers.assessment-reminder}") String assessmentReminder,
      @Value("${hiring.timers.assessment-deadline}") String assessmentDeadline,
      @Value("${hiring.timers.vetting-reminder}") String vettingReminder,
      @Value("${hiring.timers.vetting-escalation}") String vettingEscalation,
      @Value("${hiring.timers.candidate-update-timeout}") String candidateUpdateTimeout,
      @Value("${hiring.timers.interview-scheduling}") String interviewScheduling,
      @Value("${hiring.timers.employer-review}") String employerReview,
      @Value("${hiring.timers.talent-pool-rematch}") String talentPoolRematch,
      @Value("${hiring.timers.talent-pool-give-up}") String talentPoolGiveUp) {
    this(
        Map.of(
            "assessmentReminder", assessmentReminder,
            "assessmentDeadline", assessmentDeadline,
            "vettingReminder", vettingReminder,
            "vettingEscalation", vettingEscalation,
            "candidateUpdateTimeout", candidateUpdateTimeout,
            "interviewScheduling", interviewScheduling,
            "employerReview", employerReview,
            "talentPoolRematch", talentPoolRematch,
            "talentPoolGiveUp", talentPoolGiveUp),
        Clock.systemUTC());
  }

  public HiringTimers(Map<String, String> durations, Clock clock) {
    // fail at start-up, not when the first timer of a case is created
    durations.forEach(
        (name, value) -> {
          try {
            Duration.parse(value);
          } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                "hiring.timers: " + name + " = '" + value + "' is not an ISO 8601 duration such as P7D or PT12H", e);
          }
        });
    this.durations = Map.copyOf(durations);
    this.clock = clock;
  }

  /** Non-interrupting: a friendly reminder to a candidate who has not taken the assessment. */
  public String getAssessmentReminder() {
    return durations.get("assessmentReminder");
  }

  /** Interrupting: the assessment was not taken in time; the case ends as expired. */
  public String getAssessmentDeadline() {
    return durations.get("assessmentDeadline");
  }

  /** Non-interrupting: raises the priority of a vetting task nobody has finished. */
  public String getVettingReminder() {
    return durations.get("vettingReminder");
  }

  /** Interrupting: a program manager reassigns a vetting task nobody has finished. */
  public String getVettingEscalation() {
    return durations.get("vettingEscalation");
  }

  /** Interrupting: the candidate did not send the information a vetter asked for; not advanced. */
  public String getCandidateUpdateTimeout() {
    return durations.get("candidateUpdateTimeout");
  }

  /** Due date of the interview scheduling task (a target for interviewers, not a timer). */
  public String getInterviewScheduling() {
    return durations.get("interviewScheduling");
  }

  /** Interrupting: an employer did not review a proposed candidate; the next opening is tried. */
  public String getEmployerReview() {
    return durations.get("employerReview");
  }

  /** How often a case waiting in the talent pool is matched again (also on every posted opening). */
  public String getTalentPoolRematch() {
    return durations.get("talentPoolRematch");
  }

  /** How long a case may wait in the talent pool in all before it ends as not advanced. */
  public String getTalentPoolGiveUp() {
    return durations.get("talentPoolGiveUp");
  }

  /** {@code since} plus the named duration, e.g. the day a case leaves the talent pool. */
  public Date after(Instant since, String name) {
    return Date.from(since.plus(duration(name)));
  }

  Instant now() {
    return clock.instant();
  }

  private Duration duration(String name) {
    String value = durations.get(name);
    if (value == null) {
      throw new IllegalArgumentException("No timer " + name + "; known: " + durations.keySet());
    }
    return Duration.parse(value);
  }

  /** A due date that many days from now, for tasks: {@code ${hiringTimers.dueIn('vettingEscalation')}}. */
  public Date dueIn(String name) {
    return Date.from(clock.instant().plus(duration(name)));
  }
}
