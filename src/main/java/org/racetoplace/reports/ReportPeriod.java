package org.racetoplace.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.racetoplace.community.Community;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;

/**
 * What a report covers: the applications submitted from {@code from} to {@code to} (both dates
 * included, UTC days), in one community or, when {@code community} is null, in all.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String community) {

  /**
   * The period of the query parameters {@code from}, {@code to} ({@code 2026-01-31}) and
   * {@code community} (an id such as {@code birmingham}; blank means all).
   *
   * @throws InvalidRequestException a missing or unreadable date, {@code from} after {@code to},
   *     an unknown community (400, one field error each)
   */
  static ReportPeriod parse(String from, String to, String community, List<Community> known) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = date("from", from, problems);
    LocalDate end = date("to", to, problems);
    if (start != null && end != null && start.isAfter(end)) {
      problems.add(new FieldProblem("to", "must not be before from (" + start + ")"));
    }
    String wanted = community == null || community.isBlank() ? null : community.trim();
    if (wanted != null && known.stream().noneMatch(c -> c.getId().equals(wanted))) {
      problems.add(
          new FieldProblem(
              "community", "unknown community; known: " + known.stream().map(Community::getId).sorted().toList()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid report period", problems);
    }
    return new ReportPeriod(start, end, wanted);
  }

  /** The first instant of the period (midnight UTC of {@code from}). */
  OffsetDateTime start() {
    return from.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** The first instant after the period (midnight UTC after {@code to}). */
  OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "required, a date such as 2026-01-31"));
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "not a date such as 2026-01-31"));
      return null;
    }
  }
}
