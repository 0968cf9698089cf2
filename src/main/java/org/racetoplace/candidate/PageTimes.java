package org.racetoplace.candidate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times on the candidate's pages, in their community's time zone: "Friday 11 December
 * 2026, 5:00 PM CST". Used by the templates as {@code ${times.dateTime(deadline.due)}}.
 */
public final class PageTimes {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a z", Locale.US);

  private final ZoneId zone;

  PageTimes(ZoneId zone) {
    this.zone = zone;
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  /** A time with its own offset (an interview booked in a zone) in that zone. */
  public String dateTime(OffsetDateTime time) {
    return time == null ? "" : DATE_TIME.format(time.atZoneSameInstant(zone));
  }
}
