package org.racetoplace.ops;

import java.time.ZoneId;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.ops.digest.*}: when the daily stuck-case digest goes out. Every key is optional.
 *
 * @param enabled off ({@code false}) on nodes that must never send it; default on. Several nodes
 *     may all have it on: each digest is sent by one of them only ({@link StuckCaseDigest})
 * @param cron a Spring cron expression (second minute hour day month weekday); default {@value
 *     #DEFAULT_CRON}, 07:00 every day
 * @param zone the time zone of {@code cron} and of the digest's date; default {@value #DEFAULT_ZONE}
 */
@ConfigurationProperties("hiring.ops.digest")
public record StuckCaseDigestProperties(Boolean enabled, String cron, ZoneId zone) {

  public static final String DEFAULT_CRON = "0 0 7 * * *";
  public static final String DEFAULT_ZONE = "America/New_York";

  public StuckCaseDigestProperties {
    enabled = enabled == null || enabled;
    cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron.trim();
    if (!CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException(
          "hiring.ops.digest.cron must be a cron expression such as '0 0 7 * * *' (second minute hour"
              + " day month weekday), not '" + cron + "'");
    }
    zone = zone == null ? ZoneId.of(DEFAULT_ZONE) : zone;
  }

  /** Defaults only: for code and tests that build the digest by hand. */
  public static StuckCaseDigestProperties defaults() {
    return new StuckCaseDigestProperties(null, null, null);
  }
}
