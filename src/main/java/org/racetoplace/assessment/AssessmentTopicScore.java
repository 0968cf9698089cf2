package org.racetoplace.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One topic's subscore (0–100) of a result, e.g. {@code control-flow}: 80. */
@Entity
@Table(name = "assessment_topic_score")
public class AssessmentTopicScore {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "result_id", nullable = false)
  private AssessmentResult result;

  @Column(nullable = false, length = 60)
  private String topic;

  @Column(nullable = false)
  private int score;

  protected AssessmentTopicScore() {}

  AssessmentTopicScore(AssessmentResult result, String topic, int score) {
    this.result = result;
    this.topic = topic;
    this.score = score;
  }

  public Long getId() {
    return id;
  }

  public String getTopic() {
    return topic;
  }

  public int getScore() {
    return score;
  }
}
