package org.racetoplace.vetting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * One vetter's decision on one application, with the free text of the form that must not stay in
 * the case: the rationale (reviewers' eyes only) and the question the candidate is asked. A case
 * that asked for more information is vetted again, hence the round. Never changed once stored.
 */
@Entity
@Table(name = "vetting_review")
public class VettingReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @Column(nullable = false)
  private int round;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private VettingDecision decision;

  @Column(length = 4000)
  private String rationale;

  @Column(name = "information_requested", length = 2000)
  private String informationRequested;

  /** The vetter's user id; null only when no signed-in user completed the task. */
  @Column(length = 64)
  private String reviewer;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected VettingReview() {}

  VettingReview(
      Application application,
      int round,
      VettingDecision decision,
      String rationale,
      String informationRequested,
      String reviewer,
      Instant decidedAt) {
    this.application = application;
    this.round = round;
    this.decision = decision;
    this.rationale = rationale;
    this.informationRequested = informationRequested;
    this.reviewer = reviewer;
    this.decidedAt = decidedAt;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public int getRound() {
    return round;
  }

  public VettingDecision getDecision() {
    return decision;
  }

  public String getRationale() {
    return rationale;
  }

  public String getInformationRequested() {
    return informationRequested;
  }

  public String getReviewer() {
    return reviewer;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
