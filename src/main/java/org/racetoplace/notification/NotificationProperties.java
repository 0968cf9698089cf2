package org.racetoplace.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.notifications.*}. The defaults live here so the application runs with none of
 * them set.
 *
 * @param from sender of every message, {@code Name <address>}; default {@value #DEFAULT_FROM}
 * @param replyTo where a candidate's reply goes, e.g. the program's help desk; none when blank
 */
@ConfigurationProperties("hiring.notifications")
public record NotificationProperties(String from, String replyTo) {

  public static final String DEFAULT_FROM = "Race to Place <no-reply@racetoplace.local>";

  public NotificationProperties {
    from = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
    replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.trim();
  }

  /** Defaults only: for code and tests that build the notification service by hand. */
  public static NotificationProperties defaults() {
    return new NotificationProperties(null, null);
  }
}
