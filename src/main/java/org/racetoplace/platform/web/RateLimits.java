package org.racetoplace.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.racetoplace.platform.web.RateLimitProperties.Limit;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client and kind of action (Bucket4j). The buckets live in this node's memory,
 * in a bounded map that forgets a client once its bucket would be full again; with several nodes
 * behind a load balancer each node counts for itself, so a client gets at most N times the
 * allowance — still a limit on floods, which is what it is for.
 */
@Component
public class RateLimits {

  /** The kinds of action that are limited. */
  public enum Action {
    APPLICATION,
    ASSESSMENT
  }

  private static final long MAX_CLIENTS = 100_000;

  private final RateLimitProperties properties;
  private final Cache<String, Bucket> buckets;

  public RateLimits(RateLimitProperties properties) {
    this.properties = properties;
    Duration longest =
        properties.applications().period().compareTo(properties.assessment().period()) > 0
            ? properties.applications().period()
            : properties.assessment().period();
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(longest).build();
  }

  /**
   * Takes one request from the client's allowance for the action.
   *
   * @throws TooManyRequestsException the allowance is used up
   */
  public void consume(Action action, String client) {
    if (!properties.enabled()) {
      return;
    }
    Bucket bucket = buckets.get(action + " " + client, key -> newBucket(limitOf(action)));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      throw new TooManyRequestsException(seconds);
    }
  }

  private Limit limitOf(Action action) {
    return action == Action.APPLICATION ? properties.applications() : properties.assessment();
  }

  private static Bucket newBucket(Limit limit) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
        .build();
  }
}
