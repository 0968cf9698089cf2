package org.racetoplace.notification;

import java.util.Arrays;

/**
 * What a candidate is told, and when. Each event has its own template under
 * {@code templates/mail/<templateName>.txt} and its own subject line.
 *
 * <p>{@link #key()} is part of every dedup key written to the outbox ({@code BHM-000123:confirmation}).
 * Never change a key: rows already in the table would no longer match, and a retried job would send
 * the message a second time. The template and subject may change freely.
 */
public enum NotificationEvent {
  CONFIRMATION_WITH_INVITATION(
      "confirmation", "confirmation-with-invitation", "We received your application"),
  ASSESSMENT_REMINDER(
      "assessment-reminder", "assessment-reminder", "A friendly reminder: your assessment is waiting"),
  ASSESSMENT_EXPIRED(
      "assessment-expired", "assessment-expired", "Your assessment time has ended"),
  NOT_ADVANCED("not-advanced", "not-advanced", "An update on your application"),
  VETTING_OUTCOME("vetting-outcome", "vetting-outcome", "Your profile has been reviewed"),
  MORE_INFORMATION_NEEDED(
      "more-information-needed", "more-information-needed", "We need a little more information"),
  INTERVIEW_SCHEDULED(
      "interview-scheduled", "interview-scheduled", "Your interview is scheduled"),
  MATCH_FOUND("match-found", "match-found", "Good news: an employer would like to meet you"),
  PLACED("placed", "placed", "Congratulations on your new job"),
  WITHDRAWN("withdrawn", "withdrawn", "Your application has been withdrawn"),
  /**
   * Not to a candidate: the daily digest of a community's stuck cases to its staff. Its reference
   * is the digest's ({@code DIGEST-BHM-2025-05-14}), not an application's.
   */
  STUCK_CASE_DIGEST("stuck-case-digest", "stuck-case-digest", "Daily digest: cases past their target");

  private final String key;
  private final String templateName;
  private final String subject;

  NotificationEvent(String key, String templateName, String subject) {
    this.key = key;
    this.templateName = templateName;
    this.subject = subject;
  }

  /** The stable name used in dedup keys. */
  public String key() {
    return key;
  }

  /** The template file under {@code templates/mail/}, without {@code .txt}. */
  public String templateName() {
    return templateName;
  }

  /** The subject line, without the application reference (that is appended when rendering). */
  public String subject() {
    return subject;
  }

  /**
   * The event named {@code name}: the enum constant ({@code CONFIRMATION_WITH_INVITATION}) or its
   * key ({@code confirmation}), case-insensitive, so a model may use either.
   *
   * @throws IllegalArgumentException naming the accepted values when nothing matches
   */
  public static NotificationEvent fromName(String name) {
    if (name != null) {
      String wanted = name.trim();
      for (NotificationEvent event : values()) {
        if (event.name().equalsIgnoreCase(wanted) || event.key.equalsIgnoreCase(wanted)) {
          return event;
        }
      }
    }
    throw new IllegalArgumentException(
        "Unknown notification event '" + name + "'; expected one of "
            + Arrays.toString(values()));
  }
}
