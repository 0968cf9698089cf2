package org.racetoplace.assessment.provider;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signature verifier, built from {@code hiring.assessment.*}: a bad secret stops start-up. */
@Configuration
class ProviderWebhookConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProviderWebhookConfiguration.class);

  @Bean
  WebhookSignatureVerifier webhookSignatureVerifier(ProviderWebhookProperties properties) {
    WebhookSignatureVerifier verifier =
        new WebhookSignatureVerifier(properties.providers(), properties.webhookTolerance(), Clock.systemUTC());
    log.info(
        "Assessment providers accepted at /api/assessment-results/<provider>: {}",
        verifier.providerNames().isEmpty() ? "none configured" : verifier.providerNames());
    return verifier;
  }
}
