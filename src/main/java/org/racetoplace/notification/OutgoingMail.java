package org.racetoplace.notification;

/**
 * What a {@link MailTransport} sends: a stored outbox row, rendered already.
 *
 * @param dedupKey the outbox key; transports may put it into a header so a message can be traced
 */
public record OutgoingMail(
    String dedupKey,
    NotificationEvent event,
    String applicationReference,
    String recipientEmail,
    String recipientName,
    String subject,
    String body) {}
