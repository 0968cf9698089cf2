package org.racetoplace.notification;

/** Hands a message to whatever delivers mail. Chosen by {@link MailTransportConfiguration}. */
public interface MailTransport {

  /**
   * Sends one message.
   *
   * @throws RuntimeException when the message was not accepted; the caller records it and retries
   */
  void send(OutgoingMail mail);
}
