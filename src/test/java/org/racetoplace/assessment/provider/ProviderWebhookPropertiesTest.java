package org.racetoplace.assessment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code hiring.assessment.*} binds: defaults, providers, the inbox settings. */
class ProviderWebhookPropertiesTest {

  private static ProviderWebhookProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("hiring.assessment", ProviderWebhookProperties.class);
  }

  @Test
  void defaultsAreFiveMinutesNoProvidersAndASweepEveryThirtySeconds() {
    ProviderWebhookProperties properties = bind(Map.of("hiring.assessment.fundamentals-weight", "0.6"));

    assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.providers()).isEmpty();
    assertThat(properties.inbox())
        .isEqualTo(new ProviderWebhookProperties.Inbox(true, Duration.ofSeconds(30), 100, 10));
  }

  @Test
  void bindsProvidersAndInboxSettings() {
    ProviderWebhookProperties properties =
        bind(
            Map.of(
                "hiring.assessment.webhook-tolerance", "PT2M",
                "hiring.assessment.providers.code-signal.secret", "whsec_a whsec_b",
                "hiring.assessment.inbox.sweep-enabled", "false",
                "hiring.assessment.inbox.sweep-interval", "PT1M",
                "hiring.assessment.inbox.max-attempts", "3"));

    assertThat(properties.webhookTolerance()).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.providers()).containsOnlyKeys("code-signal");
    assertThat(properties.providers().get("code-signal").secret()).isEqualTo("whsec_a whsec_b");
    assertThat(properties.providers().get("code-signal").toString()).doesNotContain("whsec");
    assertThat(properties.inbox().sweepEnabled()).isFalse();
    assertThat(properties.inbox().sweepInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.inbox().maxAttempts()).isEqualTo(3);
  }

  @Test
  void aToleranceThatIsNotPositiveStopsStartUp() {
    assertThatThrownBy(() -> bind(Map.of("hiring.assessment.webhook-tolerance", "PT0S")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("webhook-tolerance must be a positive duration");
  }
}
