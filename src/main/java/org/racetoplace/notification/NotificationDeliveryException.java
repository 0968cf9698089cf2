package org.racetoplace.notification;

/**
 * A message could not be sent this time. Thrown out of the Camunda job on purpose: the engine
 * retries the job and, after the last retry, shows an incident in Cockpit.
 *
 * <p>The message names the dedup key, the attempt and the kind of failure only. The full error,
 * which may quote the recipient's address, stays in {@code notification.last_error}: Camunda copies
 * an incident's message and stack trace into its own tables, where personal data must not go.
 * For the same reason the original exception is not attached as the cause.
 */
public class NotificationDeliveryException extends RuntimeException {

  private final String dedupKey;

  public NotificationDeliveryException(String dedupKey, int attempt, Exception failure) {
    super(
        "Notification "
            + dedupKey
            + " was not sent (attempt "
            + attempt
            + ", "
            + failure.getClass().getSimpleName()
            + "); details in table notification, column last_error");
    this.dedupKey = dedupKey;
  }

  public String getDedupKey() {
    return dedupKey;
  }
}
