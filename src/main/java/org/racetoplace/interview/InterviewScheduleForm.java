package org.racetoplace.interview;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The schedule form as the server checks it.
 *
 * <p>{@code interviewAt} is what a form-js datetime field sends: the date and local time in the
 * community's zone, {@code 2026-12-01T10:00} (the form asks for "no timezone"). A value with an
 * offset or {@code Z} — the other serializing formats of form-js, or a REST client — is taken as
 * that instant; a Date variable too. The interview must be in the future and at most {@value
 * #MAX_DAYS_AHEAD} days ahead.
 *
 * @param at in the community's zone
 * @param location trimmed; for a video interview an http(s) link
 */
public record InterviewScheduleForm(ZonedDateTime at, InterviewFormat format, String location) {

  static final int MAX_DAYS_AHEAD = 90;
  static final int MAX_LOCATION = 500;

  /**
   * @param variables the task's variables by name
   * @param zone the community's time zone
   * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming every
   *     bad field
   */
  static InterviewScheduleForm read(Function<String, Object> variables, ZoneId zone, Instant now) {
    FormProblems problems = new FormProblems();
    ZonedDateTime at = dateTime(variables.apply(HiringPipeline.VAR_INTERVIEW_AT), zone, problems);
    if (at != null) {
      if (!at.toInstant().isAfter(now)) {
        problems.add(HiringPipeline.VAR_INTERVIEW_AT, "must be in the future");
      } else if (at.toInstant().isAfter(now.plus(Duration.ofDays(MAX_DAYS_AHEAD)))) {
        problems.add(HiringPipeline.VAR_INTERVIEW_AT, "must be within " + MAX_DAYS_AHEAD + " days from today");
      }
    }
    InterviewFormat format = null;
    Object formatValue = variables.apply(HiringPipeline.VAR_INTERVIEW_FORMAT);
    if (formatValue == null || formatValue.toString().isBlank()) {
      problems.add(HiringPipeline.VAR_INTERVIEW_FORMAT, "choose " + String.join(", ", InterviewFormat.codes()));
    } else {
      format = InterviewFormat.fromCode(formatValue.toString().trim()).orElse(null);
      if (format == null) {
        problems.add(
            HiringPipeline.VAR_INTERVIEW_FORMAT,
            "'" + formatValue + "' is not one of " + String.join(", ", InterviewFormat.codes()));
      }
    }
    String location =
        problems.text(variables.apply(HiringPipeline.VAR_INTERVIEW_LOCATION), HiringPipeline.VAR_INTERVIEW_LOCATION, MAX_LOCATION);
    if (location == null) {
      problems.add(HiringPipeline.VAR_INTERVIEW_LOCATION, "required: the address, phone arrangement or video link");
    } else if (format == InterviewFormat.VIDEO && !isWebLink(location)) {
      problems.add(HiringPipeline.VAR_INTERVIEW_LOCATION, "for a video interview, the http(s) link to join");
    }
    problems.throwIfAny("The interview cannot be scheduled");
    return new InterviewScheduleForm(at, format, location);
  }

  private static ZonedDateTime dateTime(Object value, ZoneId zone, FormProblems problems) {
    String field = HiringPipeline.VAR_INTERVIEW_AT;
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone);
    }
    if (value == null || value.toString().isBlank()) {
      problems.add(field, "required: the date and time of the interview");
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(field, "must be a date and time such as 2026-12-01T10:00");
      return null;
    }
    String trimmed = text.trim();
    try {
      return LocalDateTime.parse(trimmed).atZone(zone);
    } catch (DateTimeException local) {
      try {
        return OffsetDateTime.parse(trimmed).atZoneSameInstant(zone);
      } catch (DateTimeException offset) {
        problems.add(field, "'" + trimmed + "' is not a date and time such as 2026-12-01T10:00");
        return null;
      }
    }
  }

  private static boolean isWebLink(String location) {
    try {
      URI uri = new URI(location);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
