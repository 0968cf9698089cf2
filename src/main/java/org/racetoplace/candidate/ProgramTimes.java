package org.racetoplace.candidate;

import java.time.Duration;
import java.time.Period;
import org.racetoplace.assessment.builtin.BuiltInAssessmentProperties;
import org.racetoplace.pipeline.HiringTimers;
import org.racetoplace.privacy.PrivacyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How long each part of the program takes, as the candidates' pages say it, read from the same
 * configuration the pipeline, the assessment and the retention job run on ({@code hiring.timers.*},
 * {@code hiring.assessment.built-in.time-limit}, {@code hiring.privacy.retention}), so the pages
 * never promise other times than the ones the timers, the countdown and the erasure keep.
 */
@Component
class ProgramTimes {

  private final String assessmentLength;
  private final String assessmentWindow;
  private final String vettingTarget;
  private final String interviewSchedulingTarget;
  private final String retention;

  @Autowired
  ProgramTimes(HiringTimers timers, BuiltInAssessmentProperties assessment, PrivacyProperties privacy) {
    this(
        assessment.timeLimit(),
        Duration.parse(timers.getAssessmentDeadline()),
        Duration.parse(timers.getVettingEscalation()),
        Duration.parse(timers.getInterviewScheduling()),
        privacy.retention());
  }

  ProgramTimes(
      Duration assessmentLength,
      Duration assessmentWindow,
      Duration vettingTarget,
      Duration interviewScheduling,
      Period retention) {
    this.assessmentLength = spoken(assessmentLength);
    this.assessmentWindow = spoken(assessmentWindow);
    this.vettingTarget = spoken(vettingTarget);
    this.interviewSchedulingTarget = spoken(interviewScheduling);
    this.retention = spoken(retention);
  }

  /** The time limit of the built-in assessment: "45 minutes". */
  public String assessmentLength() {
    return assessmentLength;
  }

  /** How long after applying the assessment stays open: "7 days". */
  public String assessmentWindow() {
    return assessmentWindow;
  }

  /** When a vetting review nobody has finished is escalated: "5 days". */
  public String vettingTarget() {
    return vettingTarget;
  }

  /** The target for arranging an interview: "5 days". */
  public String interviewSchedulingTarget() {
    return interviewSchedulingTarget;
  }

  /** How long personal data is kept after an application closed: "2 years". */
  public String retention() {
    return retention;
  }

  /** Stands for {@link #assessmentLength()} in a text the pages show. */
  static final String ASSESSMENT_LENGTH = "{assessment-length}";

  /** The text with the program's times in place of their placeholders. */
  String fillIn(String text) {
    return text.replace(ASSESSMENT_LENGTH, assessmentLength);
  }

  /** A duration as a person says it: "7 days", "1 day 12 hours", "1 hour 30 minutes", "45 minutes". */
  static String spoken(Duration duration) {
    long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    StringBuilder text = new StringBuilder();
    append(text, days, "day");
    append(text, hours, "hour");
    if (days == 0) {
      append(text, rest, "minute");
    }
    return text.toString();
  }

  /** A period as a person says it: "2 years", "1 year 6 months", "90 days". */
  static String spoken(Period period) {
    Period normalized = period.normalized();
    StringBuilder text = new StringBuilder();
    append(text, normalized.getYears(), "year");
    append(text, normalized.getMonths(), "month");
    append(text, normalized.getDays(), "day");
    return text.toString();
  }

  private static void append(StringBuilder text, long count, String unit) {
    if (count == 0) {
      return;
    }
    if (!text.isEmpty()) {
      text.append(' ');
    }
    text.append(count).append(' ').append(unit).append(count == 1 ? "" : "s");
  }
}
