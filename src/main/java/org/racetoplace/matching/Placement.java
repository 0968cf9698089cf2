package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.racetoplace.application.Application;

/**
 * The job a case ended in, as staff confirmed it: what the pilot's results count. At most one per
 * application (unique), so a case cannot be placed twice.
 */
@Entity
@Table(name = "placement")
public class Placement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false, unique = true)
  private Application application;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "proposal_id", nullable = false, unique = true)
  private MatchProposal proposal;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "opening_id", nullable = false)
  private JobOpening opening;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "employer_id", nullable = false)
  private EmployerPartner employer;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "confirmed_by", length = 64)
  private String confirmedBy;

  @Column(name = "confirmed_at", nullable = false)
  private Instant confirmedAt;

  protected Placement() {}

  public Placement(MatchProposal proposal, LocalDate startDate, String confirmedBy, Instant now) {
    this.application = proposal.getApplication();
    this.proposal = proposal;
    this.opening = proposal.getOpening();
    this.employer = proposal.getOpening().getEmployer();
    this.startDate = startDate;
    this.confirmedBy = confirmedBy;
    this.confirmedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public MatchProposal getProposal() {
    return proposal;
  }

  public JobOpening getOpening() {
    return opening;
  }

  public EmployerPartner getEmployer() {
    return employer;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public String getConfirmedBy() {
    return confirmedBy;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }
}
