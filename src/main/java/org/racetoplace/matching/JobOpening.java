package org.racetoplace.matching;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.racetoplace.community.Community;

/**
 * A job an employer partner hires for: in one community, or from anywhere when remote work is
 * allowed. {@code positions} people may be placed in it; {@code filled} counts the placements.
 *
 * <p>The {@link Version} makes two placements racing for the last position conflict: both read
 * {@code filled = positions - 1}, the second update finds the version changed and its transaction
 * rolls back, so the opening is never overfilled (the table's check constraint says the same).
 */
@Entity
@Table(name = "job_opening")
public class JobOpening {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "employer_id", nullable = false)
  private EmployerPartner employer;

  @Column(nullable = false, length = 150)
  private String title;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "community_id", nullable = false)
  private Community community;

  @Column(name = "remote_allowed", nullable = false)
  private boolean remoteAllowed;

  @Column(nullable = false)
  private int positions;

  @Column(nullable = false)
  private int filled;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private OpeningStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(nullable = false)
  private long version;

  // batch loading: the ranker reads the skills of every candidate opening at once
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "opening_skill", joinColumns = @JoinColumn(name = "opening_id"))
  @OrderColumn(name = "item_index")
  @BatchSize(size = 50)
  private List<OpeningSkill> skills = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "job_opening_language", joinColumns = @JoinColumn(name = "opening_id"))
  @OrderColumn(name = "item_index")
  @Column(name = "language", nullable = false, length = 20)
  @BatchSize(size = 50)
  private List<String> languages = new ArrayList<>();

  protected JobOpening() {}

  /**
   * What staff post and may later edit: all of an opening but its employer, status and filled
   * positions. Checked by {@link JobOpenings} before it reaches an opening.
   */
  public record Terms(
      String title,
      Community community,
      boolean remoteAllowed,
      int positions,
      List<String> languages,
      List<OpeningSkill> skills) {}

  public JobOpening(EmployerPartner employer, Terms terms, Instant now) {
    this.employer = employer;
    this.filled = 0;
    this.status = OpeningStatus.OPEN;
    apply(terms);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Open, with a position left: the only kind of opening the ranker proposes. */
  public boolean isAvailable() {
    return status == OpeningStatus.OPEN && hasPositionLeft();
  }

  public boolean hasPositionLeft() {
    return filled < positions;
  }

  /**
   * Takes one position for a placement; the last one fills the opening.
   *
   * @throws IllegalStateException when no position is left
   */
  void fillOnePosition(Instant now) {
    if (!hasPositionLeft()) {
      throw new IllegalStateException("Opening " + id + " has no position left");
    }
    filled++;
    if (filled == positions) {
      status = OpeningStatus.FILLED;
    }
    updatedAt = now;
  }

  /**
   * Replaces what staff may edit: everything but the employer, the positions already filled and
   * the status. Fewer positions than are filled is the caller's to refuse; as many as are filled
   * fills an open or paused opening, as the placement taking the last position does.
   *
   * @throws IllegalArgumentException for fewer positions than are filled
   */
  void edit(Terms terms, Instant now) {
    if (terms.positions() < filled) {
      throw new IllegalArgumentException(
          "Opening " + id + " has " + filled + " positions filled, more than " + terms.positions());
    }
    apply(terms);
    if (filled == positions && (status == OpeningStatus.OPEN || status == OpeningStatus.PAUSED)) {
      status = OpeningStatus.FILLED;
    }
    this.updatedAt = now;
  }

  private void apply(Terms terms) {
    this.title = terms.title();
    this.community = terms.community();
    this.remoteAllowed = terms.remoteAllowed();
    this.positions = terms.positions();
    this.languages.clear();
    this.languages.addAll(terms.languages());
    this.skills.clear();
    this.skills.addAll(terms.skills());
  }

  void changeStatus(OpeningStatus newStatus, Instant now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public EmployerPartner getEmployer() {
    return employer;
  }

  public String getTitle() {
    return title;
  }

  public Community getCommunity() {
    return community;
  }

  public boolean isRemoteAllowed() {
    return remoteAllowed;
  }

  public int getPositions() {
    return positions;
  }

  public int getFilled() {
    return filled;
  }

  public OpeningStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  public List<OpeningSkill> getSkills() {
    return List.copyOf(skills);
  }

  public List<String> getLanguages() {
    return List.copyOf(languages);
  }
}
