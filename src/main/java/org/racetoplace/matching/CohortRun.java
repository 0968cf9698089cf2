package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stable placement of the talent pool ({@link CohortPlacements}); its assignments refer to it. */
@Entity
@Table(name = "cohort_run")
public class CohortRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int candidates;

  @Column(nullable = false)
  private int openings;

  @Column(nullable = false)
  private int assigned;

  @Column(name = "taxonomy_version", nullable = false, length = 40)
  private String taxonomyVersion;

  protected CohortRun() {}

  CohortRun(Instant createdAt, int candidates, int openings, int assigned, String taxonomyVersion) {
    this.createdAt = createdAt;
    this.candidates = candidates;
    this.openings = openings;
    this.assigned = assigned;
    this.taxonomyVersion = taxonomyVersion;
  }

  public Long getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getCandidates() {
    return candidates;
  }

  public int getOpenings() {
    return openings;
  }

  public int getAssigned() {
    return assigned;
  }

  public String getTaxonomyVersion() {
    return taxonomyVersion;
  }
}
