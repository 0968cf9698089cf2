package org.racetoplace.assessment.provider;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a provider's delivery: what became of its message. {@code resultId} only once
 * the result reached the case; {@code duplicate} when this webhook id was received before, in which
 * case nothing was done now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookReceipt(
    String webhookId, InboxStatus status, Long resultId, boolean duplicate, String detail) {

  static WebhookReceipt of(AssessmentInboxEntry entry, boolean duplicate) {
    return new WebhookReceipt(
        entry.getWebhookId(), entry.getStatus(), entry.getResultId(), duplicate, detail(entry.getStatus()));
  }

  private static String detail(InboxStatus status) {
    return switch (status) {
      case DELIVERED -> "The result reached the application's case.";
      case PENDING ->
          "The result is stored and will be handed to the application's case once the case waits for it.";
      case REJECTED -> "The result is stored, but the application no longer takes an assessment result.";
      case FAILED -> "The result is stored; handing it to the application's case failed and is being looked into.";
    };
  }
}
