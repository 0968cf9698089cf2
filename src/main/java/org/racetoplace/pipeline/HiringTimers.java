package org.racetoplace.pipeline;

import java.time.Clock;
import java.time.Duration;
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
      @Value("${hiring.timers.vetting-escalation}") String vettingEscalation) {
    this(
        Map.of(
            "assessmentReminder", assessmentReminder,
            "assessmentDeadline", assessmentDeadline,
            "vettingReminder", vettingReminder,
            "vettingEscalation", vettingEscalation),
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

  /** A due date that many days from now, for tasks: {@code ${hiringTimers.dueIn('vettingEscalation')}}. */
  public Date dueIn(String name) {
    String value = durations.get(name);
    if (value == null) {
      throw new IllegalArgumentException("No timer " + name + "; known: " + durations.keySet());
    }
    return Date.from(clock.instant().plus(Duration.parse(value)));
  }
}
