package org.racetoplace.assessment.builtin;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.racetoplace.application.Application;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.builtin.FormAssembler.DrawnItem;

/**
 * The one sitting of the built-in assessment an application may have: the form drawn for it, the
 * answers saved, its deadline, and once finished its raw score and the stored result. A unique
 * constraint on the application keeps it to one, even when two starts race.
 */
@Entity
@Table(name = "assessment_sitting")
public class AssessmentSitting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false, unique = true)
  private Application application;

  /** The canonical name of the {@link ProgrammingLanguage} tested ({@code Java}, {@code C#}). */
  @Column(nullable = false, length = 20)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SittingStatus status;

  /** The bank files the form was drawn from, e.g. {@code fundamentals@1 java@2}. */
  @Column(name = "bank_version", nullable = false, length = 200)
  private String bankVersion;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  /** min(start + time limit, the invitation's deadline): no answer is taken from then on. */
  @Column(nullable = false)
  private Instant deadline;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** Items answered right, once scored. */
  @Column(name = "raw_score")
  private Integer rawScore;

  /** Items scored (the form's items still in the bank), once scored. */
  @Column(name = "max_score")
  private Integer maxScore;

  /** The assessment_result handed to the case; null unless SUBMITTED or TIMED_OUT. */
  @Column(name = "result_id")
  private Long resultId;

  @Version
  @Column(nullable = false)
  private long version;

  @OneToMany(mappedBy = "sitting", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<SittingItem> items = new ArrayList<>();

  protected AssessmentSitting() {}

  AssessmentSitting(
      Application application,
      ProgrammingLanguage language,
      String bankVersion,
      Instant startedAt,
      Instant deadline,
      List<DrawnItem> fundamentals,
      List<DrawnItem> languageItems) {
    this.application = application;
    this.language = language.displayName();
    this.bankVersion = bankVersion;
    this.startedAt = startedAt;
    this.deadline = deadline;
    this.status = SittingStatus.IN_PROGRESS;
    for (DrawnItem drawn : fundamentals) {
      items.add(new SittingItem(this, items.size(), FormSection.FUNDAMENTALS, drawn.item(), drawn.optionOrder()));
    }
    for (DrawnItem drawn : languageItems) {
      items.add(new SittingItem(this, items.size(), FormSection.LANGUAGE, drawn.item(), drawn.optionOrder()));
    }
  }

  /** Scored and handed to the case: SUBMITTED or TIMED_OUT. */
  void finish(SittingStatus outcome, Instant finishedAt, SittingScore score, long resultId) {
    if (outcome != SittingStatus.SUBMITTED && outcome != SittingStatus.TIMED_OUT) {
      throw new IllegalArgumentException("A scored sitting is SUBMITTED or TIMED_OUT, not " + outcome);
    }
    close(outcome, finishedAt, score);
    this.resultId = resultId;
  }

  /** Closed without a result; the score is kept for the record. */
  void cancel(Instant finishedAt, SittingScore score) {
    close(SittingStatus.CANCELLED, finishedAt, score);
  }

  private void close(SittingStatus outcome, Instant finishedAt, SittingScore score) {
    if (status.isFinished()) {
      throw new IllegalStateException("Sitting " + id + " is " + status + " already");
    }
    this.status = outcome;
    this.finishedAt = finishedAt;
    this.rawScore = score.rawScore();
    this.maxScore = score.maxScore();
    for (SittingItem item : items) {
      item.markScored(score.correctByItem().get(item.getItemId()));
    }
  }

  public Optional<SittingItem> item(String itemId) {
    return items.stream().filter(item -> item.getItemId().equals(itemId)).findFirst();
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public ProgrammingLanguage getLanguage() {
    return ProgrammingLanguage.fromName(language)
        .orElseThrow(() -> new IllegalStateException("Unknown language in database: " + language));
  }

  public SittingStatus getStatus() {
    return status;
  }

  public String getBankVersion() {
    return bankVersion;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Integer getRawScore() {
    return rawScore;
  }

  public Integer getMaxScore() {
    return maxScore;
  }

  public Long getResultId() {
    return resultId;
  }

  public List<SittingItem> getItems() {
    return List.copyOf(items);
  }
}
