package org.racetoplace.assessment.provider;

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
 * A provider's delivery in the inbox ({@code V8__assessment_inbox.sql}): the raw body as signed
 * and whether its result has reached the case. Inserted once per (provider, webhook id) by {@link
 * AssessmentInboxInserts}; only the relay changes it, holding the row's lock.
 */
@Entity
@Table(name = "assessment_inbox")
public class AssessmentInboxEntry {

  static final int LAST_ERROR_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 60, updatable = false)
  private String provider;

  @Column(name = "webhook_id", nullable = false, length = 200, updatable = false)
  private String webhookId;

  @Column(name = "webhook_timestamp", nullable = false, updatable = false)
  private Instant webhookTimestamp;

  @Column(name = "application_reference", nullable = false, length = 20, updatable = false)
  private String applicationReference;

  @Column(name = "provider_assessment_id", length = 100, updatable = false)
  private String providerAssessmentId;

  @Column(nullable = false, length = ProviderResultReader.MAX_BODY_BYTES, updatable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private InboxStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "result_id")
  private Long resultId;

  @Column(name = "last_error", length = LAST_ERROR_LENGTH)
  private String lastError;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AssessmentInboxEntry() {}

  /** A hand-over is about to be tried. */
  void countAttempt(Instant now) {
    attempts++;
    updatedAt = now;
  }

  void delivered(long resultId, Instant now) {
    this.status = InboxStatus.DELIVERED;
    this.resultId = resultId;
    this.lastError = null;
    this.updatedAt = now;
  }

  void rejected(String why, Instant now) {
    this.status = InboxStatus.REJECTED;
    this.lastError = truncate(why);
    this.updatedAt = now;
  }

  /**
   * A hand-over failed with an error (its own transaction rolled back, so the attempt is counted
   * here); after {@code maxAttempts} the row is FAILED and left to an operator.
   */
  void failedAttempt(String error, int maxAttempts, Instant now) {
    attempts++;
    lastError = truncate(error);
    updatedAt = now;
    if (attempts >= maxAttempts) {
      status = InboxStatus.FAILED;
    }
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= LAST_ERROR_LENGTH ? text : text.substring(0, LAST_ERROR_LENGTH);
  }

  public Long getId() {
    return id;
  }

  public String getProvider() {
    return provider;
  }

  public String getWebhookId() {
    return webhookId;
  }

  public Instant getWebhookTimestamp() {
    return webhookTimestamp;
  }

  public String getApplicationReference() {
    return applicationReference;
  }

  public String getProviderAssessmentId() {
    return providerAssessmentId;
  }

  public String getPayload() {
    return payload;
  }

  public InboxStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Long getResultId() {
    return resultId;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
