package org.racetoplace.assessment.provider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.assessment.UnknownApplicationException;
import org.racetoplace.assessment.provider.WebhookSignatureVerifier.VerifiedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a provider's delivery: verify, deduplicate, check, store in the inbox, try to hand it to
 * the case. In this order, so that
 *
 * <ul>
 *   <li>nothing unverified is parsed, stored or answered with more than 401;
 *   <li>a message seen before (same provider and {@code webhook-id}) changes nothing — looked up
 *       first, and decided for good by the unique constraint when two copies arrive at once;
 *   <li>an invalid body (400) or an unknown application (404) stores nothing, so the provider's
 *       retry is judged afresh;
 *   <li>a stored result is never lost: if its case does not wait yet, or the hand-over fails, the
 *       row stays PENDING and {@link AssessmentInboxRelay#sweep} tries again.
 * </ul>
 */
@Service
public class ProviderWebhookService {

  private static final Logger log = LoggerFactory.getLogger(ProviderWebhookService.class);

  private final WebhookSignatureVerifier verifier;
  private final ProviderResultReader reader;
  private final ApplicationRepository applications;
  private final AssessmentInboxRepository inbox;
  private final AssessmentInboxInserts inserts;
  private final AssessmentInboxRelay relay;
  private final Clock clock = Clock.systemUTC();

  ProviderWebhookService(
      WebhookSignatureVerifier verifier,
      ProviderResultReader reader,
      ApplicationRepository applications,
      AssessmentInboxRepository inbox,
      AssessmentInboxInserts inserts,
      AssessmentInboxRelay relay) {
    this.verifier = verifier;
    this.reader = reader;
    this.applications = applications;
    this.inbox = inbox;
    this.inserts = inserts;
    this.relay = relay;
  }

  /**
   * @param provider the name in the path
   * @param webhookId header {@code webhook-id}, null when missing
   * @param timestamp header {@code webhook-timestamp}, null when missing
   * @param signatures header {@code webhook-signature}, null when missing
   * @param body the raw body
   * @return what became of the message; its status decides 200 or 202
   * @throws WebhookVerificationException 401: not verified (also for an unknown provider)
   * @throws org.springframework.web.ErrorResponseException 400 or 413: not a valid result
   * @throws UnknownApplicationException 404: no application has the reference
   */
  public WebhookReceipt receive(
      String provider, String webhookId, String timestamp, String signatures, byte[] body) {
    VerifiedDelivery delivery;
    try {
      delivery = verifier.verify(provider, webhookId, timestamp, signatures, body);
    } catch (WebhookVerificationException e) {
      log.warn(
          "Assessment result webhook to provider endpoint '{}' refused: {}",
          loggable(provider),
          e.getReason());
      throw e;
    }
    Optional<AssessmentInboxEntry> known = inbox.findByProviderAndWebhookId(provider, delivery.webhookId());
    if (known.isPresent()) {
      return duplicate(known.get(), body);
    }
    ProviderResult result = reader.read(provider, body);
    String reference = result.applicationReference();
    if (applications.findByReference(reference).isEmpty()) {
      log.warn(
          "Assessment result {} of provider {} names unknown application {}; not stored",
          delivery.webhookId(),
          provider,
          reference);
      throw new UnknownApplicationException(reference);
    }
    Optional<Long> stored =
        inserts.insertIfNew(
            new AssessmentInboxInserts.NewRow(
                provider,
                delivery.webhookId(),
                delivery.timestamp(),
                reference,
                result.providerAssessmentId(),
                new String(body, StandardCharsets.UTF_8),
                clock.instant()));
    if (stored.isEmpty()) {
      // the same message arrived twice at once and the other copy was stored first
      return duplicate(inbox.findByProviderAndWebhookId(provider, delivery.webhookId()).orElseThrow(), body);
    }
    long rowId = stored.get();
    log.info(
        "Assessment result {} of provider {} for {} stored in the inbox as row {}",
        delivery.webhookId(),
        provider,
        reference,
        rowId);
    relay.attempt(rowId);
    return WebhookReceipt.of(inbox.findById(rowId).orElseThrow(), false);
  }

  private static WebhookReceipt duplicate(AssessmentInboxEntry first, byte[] body) {
    if (!first.getPayload().equals(new String(body, StandardCharsets.UTF_8))) {
      log.warn(
          "Assessment result {} of provider {} arrived again with a different body; the first is kept",
          first.getWebhookId(),
          first.getProvider());
    } else {
      log.info(
          "Assessment result {} of provider {} arrived again; nothing done (row {} is {})",
          first.getWebhookId(),
          first.getProvider(),
          first.getId(),
          first.getStatus());
    }
    return WebhookReceipt.of(first, true);
  }

  /** The path segment in a log line only if it could be a provider name: no log forging. */
  private static String loggable(String provider) {
    return provider != null
            && provider.length() <= WebhookSignatureVerifier.MAX_PROVIDER_NAME_LENGTH
            && WebhookSignatureVerifier.PROVIDER_NAME.matcher(provider).matches()
        ? provider
        : "<not a provider name>";
  }
}
