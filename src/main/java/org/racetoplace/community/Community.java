package org.racetoplace.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A pilot community (Birmingham AL, Atlanta GA, …). Its id is a stable slug used in URLs, group
 * ids ({@code vetters-<id>}) and process variables; its prefix starts application references
 * ({@code BHM-000123}).
 */
@Entity
@Table(name = "community")
public class Community {

  @Id
  @Column(length = 40)
  private String id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 60)
  private String region;

  @Column(name = "reference_prefix", nullable = false, length = 3, unique = true)
  private String referencePrefix;

  @Column(name = "time_zone", nullable = false, length = 40)
  private String timeZone;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Community() {}

  public Community(String id, String name, String region, String referencePrefix, String timeZone) {
    this.id = id;
    this.name = name;
    this.region = region;
    this.referencePrefix = referencePrefix;
    this.timeZone = timeZone;
    this.active = true;
    this.createdAt = Instant.now();
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getRegion() {
    return region;
  }

  public String getReferencePrefix() {
    return referencePrefix;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** "Birmingham, AL" — how staff and candidates see it. */
  public String displayName() {
    return name + ", " + region;
  }
}
