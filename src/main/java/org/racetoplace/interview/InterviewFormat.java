package org.racetoplace.interview;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the interview takes place. The code is what the schedule form sends (process variable
 * {@code interviewFormat}) and what the candidate's status shows; the name is what {@code
 * interview_appointment.format} stores.
 */
public enum InterviewFormat {
  VIDEO("video"),
  PHONE("phone"),
  IN_PERSON("in-person");

  private final String code;

  InterviewFormat(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<InterviewFormat> fromCode(String code) {
    return Arrays.stream(values()).filter(format -> format.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(InterviewFormat::code).toList();
  }
}
