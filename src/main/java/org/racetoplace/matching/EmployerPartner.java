package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.racetoplace.platform.identity.HiringGroups;

/**
 * A company that hires through the pilot. Its slug ({@code magic-city-software}) names the Camunda
 * group {@code employer-<slug>} whose members review the candidates proposed for its openings, so
 * it never changes once the partner is registered.
 */
@Entity
@Table(name = "employer_partner")
public class EmployerPartner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 60)
  private String slug;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(name = "contact_email", length = 254)
  private String contactEmail;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected EmployerPartner() {}

  public EmployerPartner(String slug, String name, String contactEmail, Instant now) {
    this.slug = slug;
    this.name = name;
    this.contactEmail = contactEmail;
    this.active = true;
    this.createdAt = now;
  }

  /** The Tasklist group of the partner, {@code employer-<slug>}. */
  public String group() {
    return HiringGroups.employer(slug);
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The slug never changes; the name and the contact address may. */
  void changeDetails(String name, String contactEmail) {
    this.name = name;
    this.contactEmail = contactEmail;
  }

  /** An inactive partner's openings are proposed to nobody; reactivating restores them. */
  void changeActive(boolean active) {
    this.active = active;
  }
}
