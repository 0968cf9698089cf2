package org.racetoplace.privacy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Column values as H2 and PostgreSQL hand them over, in the one form our JSON uses: H2 reads a
 * {@code timestamp with time zone} as {@link OffsetDateTime}, PostgreSQL's driver as {@link
 * Timestamp}; both become an {@link Instant}.
 */
final class JdbcValues {

  private JdbcValues() {}

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
  }

  /** A value for JSON: timestamps as instants, dates as ISO dates, everything else as it is. */
  static Object json(Object value) {
    if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Timestamp) {
      return instant(value);
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    return value;
  }
}
