package org.racetoplace.notification;

import java.util.Map;
import java.util.Objects;

/**
 * One message to one candidate.
 *
 * @param dedupKey unique per case and event, e.g. {@code BHM-000123:confirmation}, with a suffix
 *     for events that may happen more than once ({@code BHM-000123:assessment-reminder:1}); a second
 *     request with the same key sends nothing
 * @param event what happened
 * @param applicationReference the case, e.g. {@code BHM-000123}; shown in the message
 * @param recipientEmail where the message goes
 * @param recipientName how the candidate is greeted; may be {@code null}
 * @param model extra template values ({@code statusUrl}, {@code outcome}); never internal notes
 */
public record NotificationRequest(
    String dedupKey,
    NotificationEvent event,
    String applicationReference,
    String recipientEmail,
    String recipientName,
    Map<String, Object> model) {

  public NotificationRequest {
    requireText(dedupKey, "dedupKey");
    Objects.requireNonNull(event, "event");
    requireText(applicationReference, "applicationReference");
    requireText(recipientEmail, "recipientEmail");
    model = model == null ? Map.of() : Map.copyOf(model);
  }

  /** The dedup key for an event of a case: {@code reference:event[:sequence]}. */
  public static String dedupKey(String applicationReference, NotificationEvent event, String sequence) {
    String key = applicationReference + ":" + event.key();
    return sequence == null || sequence.isBlank() ? key : key + ":" + sequence.trim();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
