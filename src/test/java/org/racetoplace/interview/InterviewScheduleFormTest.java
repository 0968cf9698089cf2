package org.racetoplace.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** The server's check of the schedule form, at a fixed now in Birmingham's zone. */
class InterviewScheduleFormTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

  private static Map<String, Object> form(Object at, Object format, Object location) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("interviewAt", at);
    variables.put("interviewFormat", format);
    variables.put("interviewLocation", location);
    return variables;
  }

  private static InterviewScheduleForm read(Map<String, Object> variables) {
    return InterviewScheduleForm.read(variables::get, CHICAGO, NOW);
  }

  private static Map<String, String> problems(Map<String, Object> variables) {
    try {
      read(variables);
    } catch (FormFieldValidationException e) {
      assertThat(e.getMessage()).startsWith("The interview cannot be scheduled: ");
      return e.getDetail();
    }
    throw new AssertionError("no validation failure");
  }

  @Test
  void aLocalDateTimeFromTheFormIsTheCommunitysLocalTime() {
    InterviewScheduleForm form = read(form("2026-12-01T10:00", "video", " https://meet.example.org/abc "));

    assertThat(form.at()).isEqualTo(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, CHICAGO));
    assertThat(form.at().toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    assertThat(form.format()).isEqualTo(InterviewFormat.VIDEO);
    assertThat(form.location()).isEqualTo("https://meet.example.org/abc");
  }

  @Test
  void theOtherFormJsFormatsAndDatesAreTakenAsInstants() {
    ZonedDateTime tenInChicago = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, CHICAGO);
    assertThat(read(form("2026-12-01T11:00-05:00", "phone", "We call you")).at()).isEqualTo(tenInChicago);
    assertThat(read(form("2026-12-01T16:00Z", "phone", "We call you")).at()).isEqualTo(tenInChicago);
    assertThat(read(form("2026-12-01T10:00:00", "phone", "We call you")).at()).isEqualTo(tenInChicago);
    assertThat(read(form(Date.from(tenInChicago.toInstant()), "in-person", "1 Main St")).at()).isEqualTo(tenInChicago);
  }

  @Test
  void theInterviewIsInTheFutureAndWithinNinetyDays() {
    assertThat(problems(form("2026-11-20T09:00", "phone", "We call you")))
        .containsExactlyEntriesOf(Map.of("interviewAt", "must be in the future"));
    assertThat(problems(form("2027-02-19T10:00", "phone", "We call you")))
        .containsExactlyEntriesOf(Map.of("interviewAt", "must be within 90 days from today"));
    assertThat(read(form("2027-02-18T08:00", "phone", "We call you")).at().toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2027, 2, 18));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, String> problems = problems(form("next tuesday", "carrier pigeon", null));

    assertThat(problems)
        .containsEntry("interviewAt", "'next tuesday' is not a date and time such as 2026-12-01T10:00")
        .containsEntry("interviewFormat", "'carrier pigeon' is not one of video, phone, in-person")
        .containsEntry("interviewLocation", "required: the address, phone arrangement or video link")
        .hasSize(3);
    assertThat(problems(form(null, null, "  "))).containsOnlyKeys("interviewAt", "interviewFormat", "interviewLocation");
    assertThat(problems(form(42, "phone", "x"))).containsOnlyKeys("interviewAt");
  }

  @Test
  void aVideoInterviewNeedsAWebLinkAndNoLocationIsOverFiveHundred() {
    assertThat(problems(form("2026-12-01T10:00", "video", "Zoom, link follows")))
        .containsExactlyEntriesOf(Map.of("interviewLocation", "for a video interview, the http(s) link to join"));
    assertThat(problems(form("2026-12-01T10:00", "video", "ftp://files.example.org"))).containsOnlyKeys("interviewLocation");
    assertThat(problems(form("2026-12-01T10:00", "in-person", "x".repeat(501))))
        .containsExactlyEntriesOf(Map.of("interviewLocation", "at most 500 characters (501 given)"));
    assertThat(read(form("2026-12-01T10:00", "in-person", "x".repeat(500))).location()).hasSize(500);
  }
}
