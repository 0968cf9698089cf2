package org.racetoplace.interview;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.racetoplace.application.Application;

/**
 * An interview as scheduled. The time is stored as an instant together with the community's time
 * zone: interviewers enter the community's local date and time, candidates are told it in the same
 * zone, and the instant keeps comparisons ("still upcoming?") free of zone arithmetic. The place
 * (address, phone instructions or video link) is free text, which is why it lives here and not in
 * the case.
 */
@Entity
@Table(name = "interview_appointment")
public class InterviewAppointment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  /** 1 for the first appointment, 2 after a no-show. */
  @Column(nullable = false)
  private int attempt;

  @Column(name = "scheduled_at", nullable = false)
  private Instant scheduledAt;

  /** IANA id, e.g. {@code America/Chicago}: the community's zone when it was scheduled. */
  @Column(name = "time_zone", nullable = false, length = 40)
  private String timeZone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private InterviewFormat format;

  @Column(nullable = false, length = 500)
  private String location;

  @Column(name = "scheduled_by", length = 64)
  private String scheduledBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected InterviewAppointment() {}

  InterviewAppointment(
      Application application,
      int attempt,
      ZonedDateTime at,
      InterviewFormat format,
      String location,
      String scheduledBy,
      Instant createdAt) {
    this.application = application;
    this.attempt = attempt;
    this.scheduledAt = at.toInstant();
    this.timeZone = at.getZone().getId();
    this.format = format;
    this.location = location;
    this.scheduledBy = scheduledBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public int getAttempt() {
    return attempt;
  }

  public Instant getScheduledAt() {
    return scheduledAt;
  }

  public String getTimeZone() {
    return timeZone;
  }

  /** The appointment in the zone it was made in. */
  public ZonedDateTime localTime() {
    return scheduledAt.atZone(ZoneId.of(timeZone));
  }

  public InterviewFormat getFormat() {
    return format;
  }

  public String getLocation() {
    return location;
  }

  public String getScheduledBy() {
    return scheduledBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
