package org.racetoplace.vetting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.racetoplace.application.Application;

/**
 * What a candidate sent in answer to a review that asked for more information. The next vetter
 * reads it in the anonymized profile; it never enters the case.
 */
@Entity
@Table(name = "candidate_update")
public class CandidateUpdate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  /** The review whose question this answers. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "review_id", nullable = false)
  private VettingReview review;

  @Column(nullable = false, length = 4000)
  private String message;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected CandidateUpdate() {}

  CandidateUpdate(Application application, VettingReview review, String message, Instant receivedAt) {
    this.application = application;
    this.review = review;
    this.message = message;
    this.receivedAt = receivedAt;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public VettingReview getReview() {
    return review;
  }

  public String getMessage() {
    return message;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
