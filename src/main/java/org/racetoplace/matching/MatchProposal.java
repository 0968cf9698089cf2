package org.racetoplace.matching;

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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.racetoplace.application.Application;

/**
 * One opening proposed for one case, with the score and explanation the ranker gave, and what the
 * employer made of it. The decline reason lives here, not in the case's variables: it is free text
 * about a person. A case is never proposed the same opening twice (unique application, opening).
 */
@Entity
@Table(name = "match_proposal")
public class MatchProposal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "opening_id", nullable = false)
  private JobOpening opening;

  @Column(nullable = false, precision = 4, scale = 1)
  private BigDecimal score;

  @Column(nullable = false, length = 8000)
  private String explanation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ProposalStatus status;

  @Column(name = "decline_reason", length = 2000)
  private String declineReason;

  /** Who made the latest decision on it (the employer's user, or staff); null for the system. */
  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version
  @Column(nullable = false)
  private long version;

  /** The skill taxonomy version the score was computed with; null for proposals made before. */
  @Column(name = "taxonomy_version", length = 40)
  private String taxonomyVersion;

  protected MatchProposal() {}

  public MatchProposal(
      Application application, JobOpening opening, BigDecimal score, String explanation, Instant now) {
    this(application, opening, score, explanation, null, now);
  }

  public MatchProposal(
      Application application,
      JobOpening opening,
      BigDecimal score,
      String explanation,
      String taxonomyVersion,
      Instant now) {
    this.application = application;
    this.opening = opening;
    this.score = score;
    this.explanation = explanation;
    this.taxonomyVersion = taxonomyVersion;
    this.status = ProposalStatus.PROPOSED;
    this.createdAt = now;
  }

  /**
   * Moves to {@code next} if the proposal is in one of {@code from}.
   *
   * @throws ProposalStateException naming the current status otherwise
   */
  void decide(Set<ProposalStatus> from, ProposalStatus next, String by, Instant now) {
    if (!from.contains(status)) {
      throw new ProposalStateException(id, status, from);
    }
    this.status = next;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  void decline(Set<ProposalStatus> from, String reason, String by, Instant now) {
    decide(from, ProposalStatus.DECLINED, by, now);
    this.declineReason = reason;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public JobOpening getOpening() {
    return opening;
  }

  public BigDecimal getScore() {
    return score;
  }

  public String getExplanation() {
    return explanation;
  }

  public ProposalStatus getStatus() {
    return status;
  }

  public String getDeclineReason() {
    return declineReason;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getTaxonomyVersion() {
    return taxonomyVersion;
  }
}
