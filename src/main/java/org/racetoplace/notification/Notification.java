package org.racetoplace.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the notification outbox ({@code V3__notification_outbox.sql}): the message as rendered
 * when it was first requested, and whether it went out. The unique {@code dedup_key} is what makes
 * sending idempotent. Holds personal data (email, name), which is why it lives here and never in
 * process variables.
 */
@Entity
@Table(name = "notification")
public class Notification {

  static final int LAST_ERROR_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedup_key", nullable = false, length = 200, unique = true, updatable = false)
  private String dedupKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 40, updatable = false)
  private NotificationEvent eventType;

  @Column(name = "application_reference", nullable = false, length = 40, updatable = false)
  private String applicationReference;

  @Column(name = "recipient_email", nullable = false, length = 320, updatable = false)
  private String recipientEmail;

  @Column(name = "recipient_name", length = 200, updatable = false)
  private String recipientName;

  @Column(nullable = false, length = 300, updatable = false)
  private String subject;

  @Column(nullable = false, length = 10000, updatable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = LAST_ERROR_LENGTH)
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Notification() {}

  Notification(NotificationRequest request, RenderedMail mail, Instant now) {
    this.dedupKey = request.dedupKey();
    this.eventType = request.event();
    this.applicationReference = request.applicationReference();
    this.recipientEmail = request.recipientEmail();
    this.recipientName = request.recipientName();
    this.subject = mail.subject();
    this.body = mail.body();
    this.status = NotificationStatus.PENDING;
    this.attempts = 0;
    this.createdAt = now;
  }

  void markSent(Instant now) {
    this.status = NotificationStatus.SENT;
    this.sentAt = now;
    this.attempts++;
  }

  void recordFailure(String error) {
    this.attempts++;
    this.lastError =
        error == null || error.length() <= LAST_ERROR_LENGTH
            ? error
            : error.substring(0, LAST_ERROR_LENGTH - 1) + "…";
  }

  boolean isSent() {
    return status == NotificationStatus.SENT;
  }

  OutgoingMail toOutgoingMail() {
    return new OutgoingMail(
        dedupKey, eventType, applicationReference, recipientEmail, recipientName, subject, body);
  }

  public Long getId() {
    return id;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public NotificationEvent getEventType() {
    return eventType;
  }

  public String getApplicationReference() {
    return applicationReference;
  }

  public String getRecipientEmail() {
    return recipientEmail;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public NotificationStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
