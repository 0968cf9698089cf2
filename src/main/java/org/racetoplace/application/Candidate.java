package org.racetoplace.application;

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
import java.util.Locale;
import org.racetoplace.community.Community;

/**
 * A person who applied in one community. One row per email and community: a candidate who
 * withdraws and applies again keeps the row, and their contact details and consent time are
 * refreshed from the new application. Personal data stays here, never in process variables.
 */
@Entity
@Table(name = "candidate")
public class Candidate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "community_id", nullable = false)
  private Community community;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "first_name", nullable = false, length = 100)
  private String firstName;

  @Column(name = "last_name", nullable = false, length = 100)
  private String lastName;

  @Column(length = 30)
  private String phone;

  @Column(name = "consent_at", nullable = false)
  private Instant consentAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Candidate() {}

  public Candidate(Community community, String email, Instant now) {
    this.community = community;
    this.email = normalizeEmail(email);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Emails are compared as stored, so they are stored in one form: trimmed and lower-case. The
   * local part is case-sensitive in theory, but no mail provider our candidates use treats it so,
   * and two rows for "Ada@" and "ada@" would defeat the duplicate check.
   */
  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** Takes the contact details and consent of the candidate's latest application. */
  public void updateDetails(String firstName, String lastName, String phone, Instant consentAt) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.phone = phone;
    this.consentAt = consentAt;
    this.updatedAt = consentAt;
  }

  public Long getId() {
    return id;
  }

  public Community getCommunity() {
    return community;
  }

  public String getEmail() {
    return email;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getPhone() {
    return phone;
  }

  public Instant getConsentAt() {
    return consentAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
