package org.racetoplace.assessment.provider;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider side of {@code hiring.assessment.*} (other keys of that prefix belong to the
 * built-in test and the scoring, and are not read here). The defaults live here, so the
 * application runs with none of them set.
 *
 * <pre>
 * hiring.assessment:
 *   webhook-tolerance: PT5M            # how far webhook-timestamp may be from our clock
 *   providers:
 *     codesignal:
 *       secret: whsec_...              # several, space-separated, while rotating keys
 *   inbox:
 *     sweep-enabled: true              # the relay's periodic sweep on this node
 *     sweep-interval: PT30S
 *     max-attempts: 10                 # failed hand-overs before a row is FAILED
 * </pre>
 *
 * @param webhookTolerance how far a delivery's {@code webhook-timestamp} may be from our clock, in
 *     either direction; default 5 minutes, as Standard Webhooks suggests
 * @param providers the providers that may post results, by the name in the path ({@code
 *     /api/assessment-results/codesignal}); none by default
 * @param inbox how the relay hands pending results to their cases
 */
@ConfigurationProperties("hiring.assessment")
public record ProviderWebhookProperties(
    @DefaultValue("PT5M") Duration webhookTolerance,
    Map<String, Provider> providers,
    @DefaultValue Inbox inbox) {

  public ProviderWebhookProperties {
    if (webhookTolerance == null || webhookTolerance.isNegative() || webhookTolerance.isZero()) {
      throw new IllegalArgumentException(
          "hiring.assessment.webhook-tolerance must be a positive duration, was " + webhookTolerance);
    }
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /**
   * One provider.
   *
   * @param secret its signing secret(s): {@code whsec_<base64>}; several, separated by spaces,
   *     while a key is being rotated — a delivery signed with any of them is accepted
   */
  public record Provider(String secret) {

    @Override
    public String toString() {
      // the secret never reaches a log or an error page through toString
      return "Provider[secret=<hidden>]";
    }
  }

  /**
   * The inbox relay.
   *
   * @param sweepEnabled whether this node sweeps the inbox periodically (an arriving result is
   *     always tried at once)
   * @param sweepInterval the pause between the end of one sweep and the start of the next
   * @param batchSize how many pending rows one query of a sweep reads
   * @param maxAttempts hand-overs that failed with an error before a row is marked FAILED
   */
  public record Inbox(
      @DefaultValue("true") boolean sweepEnabled,
      @DefaultValue("PT30S") Duration sweepInterval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("10") int maxAttempts) {

    public Inbox {
      if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
        throw new IllegalArgumentException(
            "hiring.assessment.inbox.sweep-interval must be a positive duration, was " + sweepInterval);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("hiring.assessment.inbox.batch-size must be at least 1, was " + batchSize);
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "hiring.assessment.inbox.max-attempts must be at least 1, was " + maxAttempts);
      }
    }
  }
}
