package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.assessment.AssessmentResult;
import org.racetoplace.interview.InterviewScorecard;
import org.racetoplace.matching.JobOpening;
import org.racetoplace.matching.JobOpeningRepository;
import org.racetoplace.matching.MatchProposal;
import org.racetoplace.matching.MatchProposalRepository;
import org.racetoplace.matching.Placement;
import org.racetoplace.matching.ProposalStatus;
import org.racetoplace.vetting.VettingDecision;
import org.racetoplace.vetting.VettingReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcome columns of {@code case_report} (V13): filled from our tables for the rows of
 * {@link ReportHistoryFixture}, kept by {@link CaseReportOutcomes} when an entity that proves an
 * outcome is written through JPA (committed with it, rolled back with it, a missing row created
 * first), and which outcome each entity proves.
 */
@ReportDatabaseTest
class CaseReportOutcomesTest {

  private static final String WAITING = "RPT-BHM-19";

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseReportOutcomes outcomes;
  @Autowired ApplicationRepository applications;
  @Autowired JobOpeningRepository openings;
  @Autowired MatchProposalRepository proposals;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void history() {
    new ReportHistoryFixture(jdbc).create();
  }

  @Test
  void theRowsFilledFromHistoryCarryWhatOurTablesProve() {
    assertThat(outcomesOf("RPT-BHM-0"))
        .containsEntry("ASSESSED", 1).containsEntry("REVIEWED", 1).containsEntry("VETTING_DECIDED", 1)
        .containsEntry("VETTING_APPROVED", 1).containsEntry("INTERVIEW_SCORED", 1).containsEntry("MATCHED", 1)
        .containsEntry("EMPLOYER_DECLINED", 0).containsEntry("PLACED", 1);
    assertThat(placedAt("RPT-BHM-0")).isEqualTo(Instant.parse("2019-03-31T09:00:00Z"));
    assertThat(outcomesOf("RPT-BHM-3")).containsEntry("EMPLOYER_DECLINED", 1).containsEntry("PLACED", 0);
    assertThat(outcomesOf("RPT-BHM-10"))
        .containsEntry("VETTING_DECIDED", 1).containsEntry("VETTING_APPROVED", 0).containsEntry("INTERVIEW_SCORED", 0);
    assertThat(outcomesOf("RPT-BHM-8")).containsEntry("INTERVIEW_SCORED", 0).containsEntry("MATCHED", 0);
    assertThat(outcomesOf(WAITING)).allSatisfy((column, value) -> assertThat(value).as(column).isEqualTo(0));
    assertThat(placedAt(WAITING)).isNull();
  }

  @Test
  void aProposalSavedThroughJpaMarksItsCaseMatchedInTheSameTransaction() {
    transactions().executeWithoutResult(status -> proposals.save(proposal()));

    assertThat(outcomesOf(WAITING)).containsEntry("MATCHED", 1).containsEntry("EMPLOYER_DECLINED", 0)
        .containsEntry("ASSESSED", 0);
  }

  @Test
  void aProposalRolledBackLeavesItsCaseAsItWas() {
    transactions().executeWithoutResult(status -> {
      proposals.saveAndFlush(proposal());
      assertThat(outcomesOf(WAITING)).as("inside the transaction").containsEntry("MATCHED", 1);
      status.setRollbackOnly();
    });

    assertThat(outcomesOf(WAITING)).containsEntry("MATCHED", 0);
  }

  @Test
  void aCaseWithoutARowGetsOneFromItsHistoryAndOurTablesFirst() {
    Map<String, Object> before = jdbc.queryForMap(
        "select stage_reached, apply_ms, assess_ms from case_report where process_instance_id = ?", WAITING + "-pi");
    jdbc.update("delete from case_report where process_instance_id = ?", WAITING + "-pi");

    transactions().executeWithoutResult(status -> proposals.save(proposal()));

    assertThat(jdbc.queryForMap(
            "select stage_reached, apply_ms, assess_ms from case_report where process_instance_id = ?",
            WAITING + "-pi"))
        .isEqualTo(before);
    assertThat(outcomesOf(WAITING)).containsEntry("MATCHED", 1);
  }

  @Test
  void eachEntityProvesItsOutcomesAndNoneIsEverTakenBack() {
    Application application = application(WAITING);

    outcomes.written(review(application, VettingDecision.MORE_INFORMATION));
    assertThat(outcomesOf(WAITING)).containsEntry("REVIEWED", 1).containsEntry("VETTING_DECIDED", 0);
    outcomes.written(review(application, VettingDecision.DECLINE));
    assertThat(outcomesOf(WAITING)).containsEntry("VETTING_DECIDED", 1).containsEntry("VETTING_APPROVED", 0);
    outcomes.written(review(application, VettingDecision.APPROVE));
    assertThat(outcomesOf(WAITING)).containsEntry("VETTING_APPROVED", 1);

    AssessmentResult result = mock(AssessmentResult.class);
    when(result.getApplication()).thenReturn(application);
    outcomes.written(result);
    assertThat(outcomesOf(WAITING)).containsEntry("ASSESSED", 1);

    InterviewScorecard absent = mock(InterviewScorecard.class);
    when(absent.getApplication()).thenReturn(application);
    when(absent.getScore()).thenReturn(null);
    outcomes.written(absent);
    assertThat(outcomesOf(WAITING)).as("no score, no interview").containsEntry("INTERVIEW_SCORED", 0);
    InterviewScorecard scored = mock(InterviewScorecard.class);
    when(scored.getApplication()).thenReturn(application);
    when(scored.getScore()).thenReturn(72);
    outcomes.written(scored);
    assertThat(outcomesOf(WAITING)).containsEntry("INTERVIEW_SCORED", 1);

    MatchProposal declined = mock(MatchProposal.class);
    when(declined.getApplication()).thenReturn(application);
    when(declined.getStatus()).thenReturn(ProposalStatus.DECLINED);
    outcomes.written(declined);
    MatchProposal closed = mock(MatchProposal.class);
    when(closed.getApplication()).thenReturn(application);
    when(closed.getStatus()).thenReturn(ProposalStatus.CLOSED);
    outcomes.written(closed);
    assertThat(outcomesOf(WAITING)).containsEntry("MATCHED", 1).containsEntry("EMPLOYER_DECLINED", 1);

    Instant confirmed = Instant.parse("2019-04-20T15:00:00Z");
    outcomes.written(placement(application, confirmed));
    outcomes.written(placement(application, confirmed.plusSeconds(3600)));
    assertThat(outcomesOf(WAITING)).containsEntry("PLACED", 1);
    assertThat(placedAt(WAITING)).as("the first confirmation's time").isEqualTo(confirmed);

    outcomes.written(application);
    assertThat(outcomesOf(WAITING)).as("every outcome, none taken back").allSatisfy((c, v) -> assertThat(v).as(c).isEqualTo(1));
  }

  private TransactionTemplate transactions() {
    return new TransactionTemplate(transactionManager);
  }

  private MatchProposal proposal() {
    Long openingId = jdbc.queryForObject(
        "select o.id from job_opening o join employer_partner e on e.id = o.employer_id where e.slug = ?",
        Long.class, ReportHistoryFixture.EMPLOYER);
    JobOpening opening = openings.findById(openingId).orElseThrow();
    return new MatchProposal(application(WAITING), opening, new BigDecimal("70.0"), "test", Instant.now());
  }

  private Application application(String reference) {
    return applications.findByReference(reference).orElseThrow();
  }

  private static VettingReview review(Application application, VettingDecision decision) {
    VettingReview review = mock(VettingReview.class);
    when(review.getApplication()).thenReturn(application);
    when(review.getDecision()).thenReturn(decision);
    return review;
  }

  private static Placement placement(Application application, Instant confirmed) {
    Placement placement = mock(Placement.class);
    when(placement.getApplication()).thenReturn(application);
    when(placement.getConfirmedAt()).thenReturn(confirmed);
    return placement;
  }

  private Map<String, Object> outcomesOf(String reference) {
    return jdbc.queryForMap(
        "select assessed, reviewed, vetting_decided, vetting_approved, interview_scored, matched,"
            + " employer_declined, placed from case_report where process_instance_id = ?",
        reference + "-pi");
  }

  private Instant placedAt(String reference) {
    Timestamp at = jdbc.queryForObject(
        "select placed_at from case_report where process_instance_id = ?", Timestamp.class, reference + "-pi");
    return at == null ? null : at.toInstant();
  }
}
