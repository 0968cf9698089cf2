package org.racetoplace.privacy;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lease in {@code scheduled_job_lock} that one node of the cluster holds while it runs a job.
 * Taking it is one conditional update ({@code where locked_until <= now}), which the database lets
 * only one node win; no dependency beyond the shared database. A node that dies keeps the lease
 * until {@code lockAtMost} has passed, then any node may take it again; a node that finishes early
 * keeps it until {@code lockAtLeast}, so nodes whose clocks differ a little do not run the same
 * scheduled run one after the other.
 */
class ClusterJobLock {

  private final JdbcTemplate jdbc;
  private final String name;
  private final Clock clock;
  private final String owner;
  private volatile Instant lockedAt;

  ClusterJobLock(JdbcTemplate jdbc, String name, Clock clock) {
    this(jdbc, name, clock, nodeName());
  }

  ClusterJobLock(JdbcTemplate jdbc, String name, Clock clock, String owner) {
    this.jdbc = jdbc;
    this.name = name;
    this.clock = clock;
    this.owner = owner;
  }

  /** Takes the lease for at most {@code lockAtMost}; false when another node holds it. */
  boolean tryLock(Duration lockAtMost) {
    Instant now = clock.instant();
    boolean taken =
        jdbc.update(
            "update scheduled_job_lock set locked_until = ?, locked_at = ?, locked_by = ?"
                + " where name = ? and locked_until <= ?",
            now.plus(lockAtMost).atOffset(ZoneOffset.UTC),
            now.atOffset(ZoneOffset.UTC),
            owner,
            name,
            now.atOffset(ZoneOffset.UTC))
        == 1;
    if (taken) {
      lockedAt = now;
    }
    return taken;
  }

  /** Gives the lease back, but holds it at least {@code lockAtLeast} after it was taken. */
  void unlock(Duration lockAtLeast) {
    Instant now = clock.instant();
    Instant taken = lockedAt == null ? now : lockedAt;
    Instant until = taken.plus(lockAtLeast).isAfter(now) ? taken.plus(lockAtLeast) : now;
    jdbc.update(
        "update scheduled_job_lock set locked_until = ? where name = ? and locked_by = ?",
        until.atOffset(ZoneOffset.UTC),
        name,
        owner);
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String node = host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    return node.length() > 255 ? node.substring(node.length() - 255) : node;
  }
}
