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
import java.util.List;
import org.racetoplace.application.Application;

/**
 * The interviewer's record of one appointment: whether the candidate came and, if so, the five
 * soft-skill ratings (1–5), notes and recommendation. The score (0–100) is filled in once, by
 * {@code Task_ScoreInterview}; until then, and for a no-show, it is null.
 */
@Entity
@Table(name = "interview_scorecard")
public class InterviewScorecard {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "appointment_id", nullable = false, unique = true)
  private InterviewAppointment appointment;

  @Column(nullable = false)
  private boolean attended;

  @Column(name = "communication_score")
  private Integer communicationScore;

  @Column(name = "teamwork_score")
  private Integer teamworkScore;

  @Column(name = "problem_solving_score")
  private Integer problemSolvingScore;

  @Column(name = "learning_agility_score")
  private Integer learningAgilityScore;

  @Column(name = "professionalism_score")
  private Integer professionalismScore;

  @Column(length = 4000)
  private String notes;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private InterviewRecommendation recommendation;

  private Integer score;

  @Column(length = 64)
  private String interviewer;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected InterviewScorecard() {}

  private InterviewScorecard(
      InterviewAppointment appointment, boolean attended, String notes, String interviewer, Instant recordedAt) {
    this.application = appointment.getApplication();
    this.appointment = appointment;
    this.attended = attended;
    this.notes = notes;
    this.interviewer = interviewer;
    this.recordedAt = recordedAt;
  }

  static InterviewScorecard noShow(
      InterviewAppointment appointment, String notes, String interviewer, Instant recordedAt) {
    return new InterviewScorecard(appointment, false, notes, interviewer, recordedAt);
  }

  static InterviewScorecard attended(
      InterviewAppointment appointment,
      InterviewRatings ratings,
      InterviewRecommendation recommendation,
      String notes,
      String interviewer,
      Instant recordedAt) {
    InterviewScorecard scorecard = new InterviewScorecard(appointment, true, notes, interviewer, recordedAt);
    scorecard.communicationScore = ratings.communication();
    scorecard.teamworkScore = ratings.teamwork();
    scorecard.problemSolvingScore = ratings.problemSolving();
    scorecard.learningAgilityScore = ratings.learningAgility();
    scorecard.professionalismScore = ratings.professionalism();
    scorecard.recommendation = recommendation;
    return scorecard;
  }

  void recordScore(int score) {
    this.score = score;
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public InterviewAppointment getAppointment() {
    return appointment;
  }

  public boolean isAttended() {
    return attended;
  }

  /** The five ratings; only for an attended interview. */
  public InterviewRatings ratings() {
    if (!attended) {
      throw new IllegalStateException("Scorecard " + id + " is a no-show and has no ratings");
    }
    return new InterviewRatings(
        communicationScore, teamworkScore, problemSolvingScore, learningAgilityScore, professionalismScore);
  }

  public String getNotes() {
    return notes;
  }

  public InterviewRecommendation getRecommendation() {
    return recommendation;
  }

  public Integer getScore() {
    return score;
  }

  public String getInterviewer() {
    return interviewer;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  /** The five soft-skill ratings, 1 (weak) to 5 (strong) each. */
  public record InterviewRatings(
      int communication, int teamwork, int problemSolving, int learningAgility, int professionalism) {

    public List<Integer> values() {
      return List.of(communication, teamwork, problemSolving, learningAgility, professionalism);
    }
  }
}
