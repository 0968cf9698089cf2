package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Voluntary self-identification (sex, race/ethnicity). Kept in a table of its own, keyed by the
 * application id and deliberately not mapped from {@link Application}, so no read of an
 * application, no reviewer form and no employer view can reach it by navigation. Used only for
 * aggregate reports.
 */
@Entity
@Table(name = "application_self_identification")
public class SelfIdentification {

  @Id
  @Column(name = "application_id")
  private Long applicationId;

  @Column(length = 60)
  private String sex;

  @Column(name = "race_ethnicity", length = 100)
  private String raceEthnicity;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected SelfIdentification() {}

  public SelfIdentification(Long applicationId, String sex, String raceEthnicity, Instant now) {
    this.applicationId = applicationId;
    this.sex = sex;
    this.raceEthnicity = raceEthnicity;
    this.recordedAt = now;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getSex() {
    return sex;
  }

  public String getRaceEthnicity() {
    return raceEthnicity;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
