package org.racetoplace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.testing.MutableClock;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention job on the server's clock moved by hand ({@link MutableClock}): a candidate whose
 * cases all closed more than two years ago is erased, one who closed later or still has an open
 * case is kept, and a node that does not hold the cluster-wide lease does nothing. Applications
 * are stored without cases ({@link TestApplications}) and closed by setting their status.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "hiring.privacy.retention-enabled=false",
      // no demo data: the only applications are this test's
      "spring.profiles.active=retention-test",
      "hiring.admin.password=retention-test",
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"
    })
class RetentionSweepTest {

  private static final Instant NOW = Instant.parse("2031-03-01T05:30:00Z");

  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataErasure erasure;
  @Autowired ApplicationContext context;

  private MutableClock clock;
  private RetentionSweep sweep;
  private TestApplications applications;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(NOW);
    sweep = new RetentionSweep(jdbc, erasure, PrivacyProperties.defaults(), clock);
    applications = new TestApplications(context);
    // every test starts with a free lease
    jdbc.update("update scheduled_job_lock set locked_until = ?, locked_by = null where name = ?",
        Instant.EPOCH.atOffset(ZoneOffset.UTC), RetentionSweep.LOCK_NAME);
  }

  private String closed(String status, Instant closedAt) {
    String reference = applications.create("akron").reference();
    jdbc.update(
        "update application set status = ?, active_candidate_id = null, updated_at = ? where reference = ?",
        status, closedAt.atOffset(ZoneOffset.UTC), reference);
    return reference;
  }

  private String open(Instant lastChange) {
    String reference = applications.create("akron").reference();
    jdbc.update(
        "update application set updated_at = ? where reference = ?", lastChange.atOffset(ZoneOffset.UTC), reference);
    return reference;
  }

  private boolean erased(String reference) {
    return jdbc.queryForObject(
            "select count(*) from privacy_erasure where application_reference = ?", Integer.class, reference)
        == 1;
  }

  private String email(String reference) {
    return jdbc.queryForObject(
        "select c.email from candidate c join application a on a.candidate_id = c.id where a.reference = ?",
        String.class, reference);
  }

  @Test
  void erasesCandidatesWhoseCasesClosedMoreThanTheRetentionPeriodAgo() {
    String placedLongAgo = closed("PLACED", NOW.atZone(ZoneOffset.UTC).minusYears(2).minusDays(1).toInstant());
    String rejectedLongAgo = closed("NOT_ADVANCED", NOW.atZone(ZoneOffset.UTC).minusYears(3).toInstant());
    String withdrawnLastYear = closed("WITHDRAWN", NOW.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
    String stillOpen = open(NOW.atZone(ZoneOffset.UTC).minusYears(3).toInstant());

    RetentionSweep.Run run = sweep.run();

    assertThat(run.ran()).isTrue();
    assertThat(run.failed()).isZero();
    assertThat(erased(placedLongAgo)).isTrue();
    assertThat(erased(rejectedLongAgo)).isTrue();
    assertThat(email(placedLongAgo)).endsWith("@erased.invalid");
    assertThat(jdbc.queryForMap(
            "select reason, erased_by from privacy_erasure where application_reference = ?", placedLongAgo).values())
        .containsExactly("RETENTION", RetentionSweep.ERASED_BY);
    assertThat(jdbc.queryForObject(
            "select status from application where reference = ?", String.class, placedLongAgo))
        .isEqualTo("PLACED");
    assertThat(erased(withdrawnLastYear)).isFalse();
    assertThat(email(withdrawnLastYear)).endsWith("@example.org");
    assertThat(erased(stillOpen)).isFalse();

    // well over a year later the withdrawn case is due as well; the open one never is
    clock.advance(Duration.ofDays(400));
    RetentionSweep.Run nextYear = sweep.run();
    assertThat(nextYear.erased()).isEqualTo(1);
    assertThat(erased(withdrawnLastYear)).isTrue();
    assertThat(erased(stillOpen)).isFalse();
  }

  @Test
  void aNodeWithoutTheLeaseDoesNothingUntilTheLeaseRunsOut() {
    String due = closed("EXPIRED", NOW.atZone(ZoneOffset.UTC).minusYears(5).toInstant());
    ClusterJobLock otherNode = new ClusterJobLock(jdbc, RetentionSweep.LOCK_NAME, clock, "other-node");
    assertThat(otherNode.tryLock(Duration.ofHours(2))).isTrue();

    RetentionSweep.Run skipped = sweep.run();

    assertThat(skipped.ran()).isFalse();
    assertThat(erased(due)).isFalse();

    // the other node died without releasing: after lockAtMost any node may run
    clock.advance(Duration.ofHours(2));
    RetentionSweep.Run run = sweep.run();
    assertThat(run.ran()).isTrue();
    assertThat(erased(due)).isTrue();

    // a run that ended early still holds the lease for lockAtLeast: a late node skips the night
    clock.advance(Duration.ofMinutes(1));
    assertThat(otherNode.tryLock(Duration.ofHours(2))).isFalse();
    clock.advance(PrivacyProperties.defaults().lockAtLeast());
    assertThat(otherNode.tryLock(Duration.ofHours(2))).isTrue();
  }

  @Test
  void theRetentionPeriodIsTwoYearsUnlessConfigured() {
    assertThat(sweep.cutoff()).isEqualTo(Instant.parse("2029-03-01T05:30:00Z"));
    assertThat(PrivacyProperties.defaults().retention()).isEqualTo(java.time.Period.ofYears(2));
  }
}
