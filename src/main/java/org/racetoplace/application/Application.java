package org.racetoplace.application;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.NaturalId;
import org.racetoplace.community.Community;

/**
 * One application of a candidate: what they told us, where the case stands as a record, and the
 * link to its process instance. The reference (e.g. {@code BHM-001042}) is the business key of
 * the case; the status token that lets the candidate follow it is stored only as a hash.
 */
@Entity
@Table(name = "application")
public class Application {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Never changes: the natural id ({@link ApplicationByReference}). */
  @NaturalId
  @Column(nullable = false, unique = true, length = 20)
  private String reference;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "candidate_id", nullable = false)
  private Candidate candidate;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "community_id", nullable = false)
  private Community community;

  @Convert(converter = RoleTrackConverter.class)
  @Column(name = "role_track", nullable = false, length = 40)
  private RoleTrack roleTrack;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ApplicationStatus status;

  /**
   * The candidate's id while this application is active, null once it is closed. A unique
   * constraint on this column lets the database itself refuse a second active application of the
   * same candidate, even when two submissions race; a partial unique index would say it more
   * directly, but H2 has none.
   */
  @Column(name = "active_candidate_id", unique = true)
  private Long activeCandidateId;

  /** Hex SHA-256 of the status token; the token itself is shown once and never stored. */
  @Column(name = "status_token_hash", nullable = false, length = 64)
  private String statusTokenHash;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(nullable = false)
  private long version;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "application_language", joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "item_index")
  @Column(name = "language", nullable = false, length = 20)
  private List<String> languages = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "application_skill", joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "item_index")
  private List<Skill> skills = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "application_work_history",
      joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "item_index")
  private List<WorkHistoryEntry> workHistory = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "application_certificate",
      joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "item_index")
  private List<Certificate> certificates = new ArrayList<>();

  @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("itemIndex")
  private List<Project> projects = new ArrayList<>();

  protected Application() {}

  public Application(
      String reference,
      Candidate candidate,
      RoleTrack roleTrack,
      String statusTokenHash,
      Instant now) {
    this.reference = reference;
    this.candidate = candidate;
    this.community = candidate.getCommunity();
    this.roleTrack = roleTrack;
    this.statusTokenHash = statusTokenHash;
    this.createdAt = now;
    this.updatedAt = now;
    changeStatus(ApplicationStatus.SUBMITTED, now);
  }

  /** Every status change goes through here, so the active-application constraint stays true. */
  public void changeStatus(ApplicationStatus newStatus, Instant now) {
    this.status = newStatus;
    this.activeCandidateId = newStatus.isActive() ? candidate.getId() : null;
    this.updatedAt = now;
  }

  public void linkProcessInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void addLanguage(ProgrammingLanguage language) {
    languages.add(language.displayName());
  }

  public void addSkill(Skill skill) {
    skills.add(skill);
  }

  public void addWorkHistoryEntry(WorkHistoryEntry entry) {
    workHistory.add(entry);
  }

  public void addCertificate(Certificate certificate) {
    certificates.add(certificate);
  }

  public void addProject(String name, String url, String description, List<ProjectTechnology> technologies) {
    projects.add(new Project(this, projects.size(), name, url, description, technologies));
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public Candidate getCandidate() {
    return candidate;
  }

  public Community getCommunity() {
    return community;
  }

  public RoleTrack getRoleTrack() {
    return roleTrack;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public String getStatusTokenHash() {
    return statusTokenHash;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<String> getLanguages() {
    return List.copyOf(languages);
  }

  public List<Skill> getSkills() {
    return List.copyOf(skills);
  }

  public List<WorkHistoryEntry> getWorkHistory() {
    return List.copyOf(workHistory);
  }

  public List<Certificate> getCertificates() {
    return List.copyOf(certificates);
  }

  public List<Project> getProjects() {
    return List.copyOf(projects);
  }
}
