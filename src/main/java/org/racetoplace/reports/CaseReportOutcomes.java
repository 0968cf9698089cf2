package org.racetoplace.reports;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.racetoplace.application.Application;
import org.racetoplace.assessment.AssessmentResult;
import org.racetoplace.interview.InterviewScorecard;
import org.racetoplace.matching.MatchProposal;
import org.racetoplace.matching.Placement;
import org.racetoplace.matching.ProposalStatus;
import org.racetoplace.reports.CaseReportSql.Outcome;
import org.racetoplace.vetting.VettingDecision;
import org.racetoplace.vetting.VettingReview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the outcome columns of {@code case_report} (V13) current: a Hibernate listener of inserts
 * and updates of the entities that prove an outcome (assessment result, vetting review, interview
 * scorecard, match proposal, placement), registered with the session factory, so those entities'
 * packages know nothing of the reports. When one is written, the case's row gets the outcomes it
 * proves, in the same transaction and on its connection, so the row commits or rolls back with
 * the entity. Each change only sets columns to 1 (and {@code placed_at} once): no
 * read-modify-write, nothing lost when two transactions change one case at the same moment.
 *
 * <p>A case without a row (it predates {@code case_report} and the backfill has not met it) gets
 * one from the history and our tables first, this entity included.
 */
@Component
public class CaseReportOutcomes implements PostInsertEventListener, PostUpdateEventListener {

  private final JdbcTemplate jdbc;

  public CaseReportOutcomes(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
    this.jdbc = jdbc;
    EventListenerRegistry listeners =
        entityManagerFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
            .requireService(EventListenerRegistry.class);
    listeners.appendListeners(EventType.POST_INSERT, this);
    listeners.appendListeners(EventType.POST_UPDATE, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    written(event.getEntity());
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    written(event.getEntity());
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  /** Records what {@code entity} proves about its case; any other entity is none of its business. */
  void written(Object entity) {
    List<Outcome> outcomes = new ArrayList<>();
    Application application;
    Instant placedAt = null;
    if (entity instanceof AssessmentResult result) {
      application = result.getApplication();
      outcomes.add(Outcome.ASSESSED);
    } else if (entity instanceof VettingReview review) {
      application = review.getApplication();
      outcomes.add(Outcome.REVIEWED);
      if (review.getDecision() == VettingDecision.APPROVE || review.getDecision() == VettingDecision.DECLINE) {
        outcomes.add(Outcome.VETTING_DECIDED);
      }
      if (review.getDecision() == VettingDecision.APPROVE) {
        outcomes.add(Outcome.VETTING_APPROVED);
      }
    } else if (entity instanceof InterviewScorecard scorecard) {
      application = scorecard.getApplication();
      if (scorecard.getScore() != null) {
        outcomes.add(Outcome.INTERVIEW_SCORED);
      }
    } else if (entity instanceof MatchProposal proposal) {
      application = proposal.getApplication();
      outcomes.add(Outcome.MATCHED);
      if (proposal.getStatus() == ProposalStatus.DECLINED) {
        outcomes.add(Outcome.EMPLOYER_DECLINED);
      }
    } else if (entity instanceof Placement placement) {
      application = placement.getApplication();
      outcomes.add(Outcome.PLACED);
      placedAt = placement.getConfirmedAt();
    } else {
      return;
    }
    if (!outcomes.isEmpty()) {
      record(application.getId(), outcomes, placedAt);
    }
  }

  private void record(Long applicationId, List<Outcome> outcomes, Instant placedAt) {
    List<String> assignments = new ArrayList<>();
    outcomes.forEach(outcome -> assignments.add(outcome.column + " = 1"));
    List<Object> values = new ArrayList<>();
    if (placedAt != null) {
      assignments.add("placed_at = coalesce(placed_at, ?)");
      values.add(Timestamp.from(placedAt));
    }
    String assigned = String.join(", ", assignments);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // one statement when the case has its row, as nearly every case has
    if (CaseReportSql.updateRow(
        jdbc, "(select process_instance_id from application where id = ?)", applicationId, assigned, now,
        values.toArray())) {
      return;
    }
    String processInstanceId = jdbc.query(
        "select process_instance_id from application where id = ?",
        rs -> rs.next() ? rs.getString(1) : null,
        applicationId);
    if (processInstanceId != null) { // else no case (process instance) to report on yet
      CaseReportSql.update(jdbc, processInstanceId, assigned, now, values.toArray());
    }
  }
}
