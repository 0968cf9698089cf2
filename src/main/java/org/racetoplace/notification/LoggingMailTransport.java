package org.racetoplace.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no SMTP server is configured ({@code spring.mail.host} unset), so the application runs
 * on a laptop without one. Logs which message would have gone out, never to whom or what it says:
 * logs are kept and shipped where personal data must not go. The text is in table
 * {@code notification}.
 */
public class LoggingMailTransport implements MailTransport {

  private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

  @Override
  public void send(OutgoingMail mail) {
    log.info(
        "No SMTP server configured (spring.mail.host); notification {} for {} ({}) recorded, not mailed",
        mail.dedupKey(),
        mail.applicationReference(),
        mail.event());
  }
}
