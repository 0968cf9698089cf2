package org.racetoplace.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.rate-limits.*}: how many requests one client may make, per kind of action, in a
 * period; the allowance refills evenly over the period. A client is the address the request
 * comes from (behind a proxy, set {@code server.forward-headers-strategy} so it is the
 * candidate's, not the proxy's).
 *
 * @param enabled false turns every limit off (load tests); default true
 * @param applications submitted applications, page and API (default 10 per hour: a workforce
 *     centre where several people apply from one address stays well within it)
 * @param assessment assessment actions — start, save an answer, submit (default 300 per 10
 *     minutes: several times what the fastest candidate needs)
 */
@ConfigurationProperties("hiring.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit applications, Limit assessment) {

  public RateLimitProperties {
    enabled = enabled == null || enabled;
    applications = applications == null ? new Limit(10, Duration.ofHours(1)) : applications;
    assessment = assessment == null ? new Limit(300, Duration.ofMinutes(10)) : assessment;
  }

  /** {@code capacity} requests per {@code period}. */
  public record Limit(int capacity, Duration period) {
    public Limit {
      if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException(
            "a rate limit needs a capacity of at least 1 and a positive period, was " + capacity + " per " + period);
      }
    }
  }
}
