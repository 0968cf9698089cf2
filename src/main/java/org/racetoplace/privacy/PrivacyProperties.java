package org.racetoplace.privacy;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.privacy.*}. The defaults live here so the application runs with none of them set.
 *
 * @param retention how long after a case closed its candidate's personal data is kept; default two
 *     years ({@code P2Y})
 * @param retentionCron when the retention job runs (Spring cron, server time zone); default 05:30
 *     every night, after the engine's history clean-up window (01:00-05:00)
 * @param retentionEnabled whether this node schedules the retention job at all
 * @param retentionBatchSize how many candidates one run erases at most; the next run goes on
 * @param lockAtMost how long a node holds the cluster-wide lease of the job when it dies without
 *     releasing it
 * @param lockAtLeast how long the lease is held even when the run ended sooner, so a node whose
 *     clock is a little late does not run the same night's job again
 */
@ConfigurationProperties("hiring.privacy")
public record PrivacyProperties(
    Period retention,
    String retentionCron,
    Boolean retentionEnabled,
    Integer retentionBatchSize,
    Duration lockAtMost,
    Duration lockAtLeast) {

  public static final Period DEFAULT_RETENTION = Period.ofYears(2);
  public static final String DEFAULT_CRON = "0 30 5 * * *";

  public PrivacyProperties {
    retention = retention == null ? DEFAULT_RETENTION : retention;
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("hiring.privacy.retention must be a positive period, e.g. P2Y");
    }
    retentionCron = retentionCron == null || retentionCron.isBlank() ? DEFAULT_CRON : retentionCron.trim();
    retentionEnabled = retentionEnabled == null || retentionEnabled;
    retentionBatchSize = retentionBatchSize == null ? 500 : retentionBatchSize;
    lockAtMost = lockAtMost == null ? Duration.ofHours(2) : lockAtMost;
    lockAtLeast = lockAtLeast == null ? Duration.ofMinutes(10) : lockAtLeast;
  }

  /** Defaults only: for tests that build the services by hand. */
  public static PrivacyProperties defaults() {
    return new PrivacyProperties(null, null, null, null, null, null);
  }
}
