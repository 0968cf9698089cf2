package org.racetoplace.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.racetoplace.privacy.PersonalDataErasure.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases the personal data of candidates whose cases all closed (withdrawn, not advanced, expired,
 * placed) longer than {@code hiring.privacy.retention} ago (default two years). A candidate with
 * an open application keeps their data, however old their earlier ones are: the candidate row is
 * shared by all of them. The closing time is the application's {@code updated_at}, which only a
 * status change moves.
 *
 * <p>One node of the cluster runs it at a time ({@link ClusterJobLock}); each candidate is erased
 * in a transaction of its own, so a failure leaves the others done and the next run retries it.
 */
@Component
public class RetentionSweep {

  /** Who the audit names as having erased the data. */
  public static final String ERASED_BY = "retention-job";
  static final String LOCK_NAME = "privacy-retention";

  private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

  /** What one run did; {@code ran} is false when another node held the lease. */
  public record Run(boolean ran, int erased, int failed) {}

  private final JdbcTemplate jdbc;
  private final PersonalDataErasure erasure;
  private final PrivacyProperties properties;
  private final ClusterJobLock lock;
  private final Clock clock;

  @Autowired
  public RetentionSweep(JdbcTemplate jdbc, PersonalDataErasure erasure, PrivacyProperties properties) {
    this(jdbc, erasure, properties, Clock.systemUTC());
  }

  RetentionSweep(JdbcTemplate jdbc, PersonalDataErasure erasure, PrivacyProperties properties, Clock clock) {
    this(jdbc, erasure, properties, clock, new ClusterJobLock(jdbc, LOCK_NAME, clock));
  }

  RetentionSweep(
      JdbcTemplate jdbc, PersonalDataErasure erasure, PrivacyProperties properties, Clock clock, ClusterJobLock lock) {
    this.jdbc = jdbc;
    this.erasure = erasure;
    this.properties = properties;
    this.clock = clock;
    this.lock = lock;
  }

  /** Runs once if this node gets the cluster-wide lease, otherwise does nothing. */
  public Run run() {
    if (!lock.tryLock(properties.lockAtMost())) {
      log.info("Retention job skipped: another node holds the lease");
      return new Run(false, 0, 0);
    }
    try {
      return eraseExpired();
    } finally {
      lock.unlock(properties.lockAtLeast());
    }
  }

  /** The moment before which a closing is past the retention period. */
  Instant cutoff() {
    return clock.instant().atZone(ZoneOffset.UTC).minus(properties.retention()).toInstant();
  }

  private Run eraseExpired() {
    List<String> due = dueReferences(cutoff());
    int erased = 0;
    int failed = 0;
    for (String reference : due) {
      try {
        erasure.erase(reference, ERASED_BY, Reason.RETENTION);
        erased++;
      } catch (RuntimeException e) {
        failed++;
        log.warn("Retention job could not erase the candidate of {}; the next run tries again", reference, e);
      }
    }
    if (!due.isEmpty()) {
      log.info("Retention job erased {} candidates ({} failed)", erased, failed);
    }
    return new Run(true, erased, failed);
  }

  /** One reference per candidate due: every application closed, the last before the cutoff, none erased. */
  List<String> dueReferences(Instant cutoff) {
    return jdbc.queryForList(
        "select min(a.reference) from application a"
            + " where not exists (select 1 from privacy_erasure e where e.application_reference = a.reference)"
            + " group by a.candidate_id"
            + " having sum(case when a.status in ('SUBMITTED', 'IN_PROGRESS') then 1 else 0 end) = 0"
            + " and max(a.updated_at) < ?"
            + " order by min(a.reference)",
        String.class,
        cutoff.atOffset(ZoneOffset.UTC))
        .stream()
        .limit(properties.retentionBatchSize())
        .toList();
  }
}
