package org.racetoplace.notification;

/**
 * A notification was asked for a case whose candidate cannot be found. The job fails and, after
 * its retries, shows as an incident naming the reference.
 */
public class UnknownRecipientException extends RuntimeException {

  public UnknownRecipientException(String message) {
    super(message);
  }
}
