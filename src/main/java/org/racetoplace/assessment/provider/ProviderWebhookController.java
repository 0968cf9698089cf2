package org.racetoplace.assessment.provider;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/assessment-results/{provider}}: assessment providers post results as Standard
 * Webhooks. No sign-in (the security chain lets it through); the signature is the authentication.
 * The body is taken as raw bytes whatever its content type, because the signature covers exactly
 * those bytes.
 */
@RestController
class ProviderWebhookController {

  private final ProviderWebhookService service;

  ProviderWebhookController(ProviderWebhookService service) {
    this.service = service;
  }

  /**
   * 200 when the result reached the case, was rejected for good, or was received before; 202 when
   * it is stored and waits for the case; 400, 401, 404 or 413 (problem+json) store nothing.
   */
  @PostMapping(path = "/api/assessment-results/{provider}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WebhookReceipt> receive(
      @PathVariable String provider,
      @RequestHeader(name = WebhookSignatureVerifier.HEADER_ID, required = false) String webhookId,
      @RequestHeader(name = WebhookSignatureVerifier.HEADER_TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = WebhookSignatureVerifier.HEADER_SIGNATURE, required = false) String signatures,
      @RequestBody(required = false) byte[] body) {
    WebhookReceipt receipt =
        service.receive(provider, webhookId, timestamp, signatures, body == null ? new byte[0] : body);
    HttpStatus status =
        !receipt.duplicate()
                && (receipt.status() == InboxStatus.PENDING || receipt.status() == InboxStatus.FAILED)
            ? HttpStatus.ACCEPTED
            : HttpStatus.OK;
    return ResponseEntity.status(status).body(receipt);
  }
}
