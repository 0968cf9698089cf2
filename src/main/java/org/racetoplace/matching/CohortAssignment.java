package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A case of a cohort run and the opening the stable placement gave it (null: none). */
@Entity
@Table(name = "cohort_assignment")
public class CohortAssignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "run_id", nullable = false)
  private CohortRun run;

  @Column(name = "application_id", nullable = false)
  private Long applicationId;

  @Column(name = "opening_id")
  private Long openingId;

  @Column(precision = 4, scale = 1)
  private BigDecimal score;

  protected CohortAssignment() {}

  CohortAssignment(CohortRun run, Long applicationId, Long openingId, BigDecimal score) {
    this.run = run;
    this.applicationId = applicationId;
    this.openingId = openingId;
    this.score = score;
  }

  public Long getId() {
    return id;
  }

  public CohortRun getRun() {
    return run;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Long getOpeningId() {
    return openingId;
  }

  public BigDecimal getScore() {
    return score;
  }
}
