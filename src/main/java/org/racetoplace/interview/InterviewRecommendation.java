package org.racetoplace.interview;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The interviewer's overall view. The code is what the scorecard form sends and what decision
 * {@code interview-outcome} reads (process variable {@code interviewRecommendation}).
 */
public enum InterviewRecommendation {
  STRONG_YES("strong-yes"),
  YES("yes"),
  NO("no"),
  STRONG_NO("strong-no");

  private final String code;

  InterviewRecommendation(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<InterviewRecommendation> fromCode(String code) {
    return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(InterviewRecommendation::code).toList();
  }
}
