package org.racetoplace.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets or moves by hand: the server's idea of "now" for deadlines and targets. */
public final class MutableClock extends Clock {

  private final MutableClock source;
  private final ZoneId zone;
  private volatile Instant now;

  public MutableClock(Instant now) {
    this.source = null;
    this.zone = ZoneOffset.UTC;
    this.now = now;
  }

  private MutableClock(MutableClock source, ZoneId zone) {
    this.source = source;
    this.zone = zone;
  }

  public void set(Instant instant) {
    root().now = instant;
  }

  public void advance(Duration duration) {
    MutableClock root = root();
    root.now = root.now.plus(duration);
  }

  @Override
  public Instant instant() {
    return root().now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving instant, seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(root(), zone);
  }

  private MutableClock root() {
    return source == null ? this : source;
  }
}
