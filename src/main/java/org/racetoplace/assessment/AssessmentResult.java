package org.racetoplace.assessment;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.racetoplace.application.Application;
import org.racetoplace.application.ProgrammingLanguage;

/**
 * One assessment result of an application: the raw score where the source counted one, the
 * subscores, the scaled score computed from them when the result was stored, and where it came
 * from. An application may have several (a retake,
 * a provider and staff); the pipeline uses the one whose id the message {@code
 * AssessmentCompleted} carried. Results are never changed once stored.
 */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AssessmentSource source;

  @Column(length = 60)
  private String provider;

  /** The canonical name of a {@link ProgrammingLanguage} ({@code Java}, {@code C#}). */
  @Column(nullable = false, length = 20)
  private String language;

  @Column(name = "fundamentals_score", nullable = false)
  private int fundamentalsScore;

  @Column(name = "language_score", nullable = false)
  private int languageScore;

  @Column(name = "scaled_score", nullable = false)
  private int scaledScore;

  /** Items answered right, of {@link #maxScore}; null when the source gave subscores only. */
  @Column(name = "raw_score")
  private Integer rawScore;

  /** Items scored; null exactly when {@link #rawScore} is. */
  @Column(name = "max_score")
  private Integer maxScore;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  /** The user who entered it (staff), null for results the system received. */
  @Column(name = "recorded_by", length = 64)
  private String recordedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "result", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("topic")
  private List<AssessmentTopicScore> topicScores = new ArrayList<>();

  protected AssessmentResult() {}

  AssessmentResult(
      Application application,
      AssessmentSource source,
      String provider,
      ProgrammingLanguage language,
      int fundamentalsScore,
      int languageScore,
      int scaledScore,
      Integer rawScore,
      Integer maxScore,
      Map<String, Integer> topicScores,
      Instant completedAt,
      String recordedBy,
      Instant createdAt) {
    this.application = application;
    this.source = source;
    this.provider = provider;
    this.language = language.displayName();
    this.fundamentalsScore = fundamentalsScore;
    this.languageScore = languageScore;
    this.scaledScore = scaledScore;
    this.rawScore = rawScore;
    this.maxScore = maxScore;
    this.completedAt = completedAt;
    this.recordedBy = recordedBy;
    this.createdAt = createdAt;
    topicScores.forEach((topic, score) -> this.topicScores.add(new AssessmentTopicScore(this, topic, score)));
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public AssessmentSource getSource() {
    return source;
  }

  public String getProvider() {
    return provider;
  }

  public ProgrammingLanguage getLanguage() {
    return ProgrammingLanguage.fromName(language)
        .orElseThrow(() -> new IllegalStateException("Unknown language in database: " + language));
  }

  public int getFundamentalsScore() {
    return fundamentalsScore;
  }

  public int getLanguageScore() {
    return languageScore;
  }

  public int getScaledScore() {
    return scaledScore;
  }

  /** Items answered right (built-in sittings); null for staff and provider results. */
  public Integer getRawScore() {
    return rawScore;
  }

  /** Items scored, the most {@link #getRawScore()} can be; null when that is. */
  public Integer getMaxScore() {
    return maxScore;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<AssessmentTopicScore> getTopicScores() {
    return List.copyOf(topicScores);
  }
}
