package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetoplace.pipeline.HiringPipeline.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.pipeline.CaseCounters;
import org.racetoplace.pipeline.HiringRetries;
import org.racetoplace.pipeline.HiringTimers;
import org.racetoplace.pipeline.TalentPool;
import org.racetoplace.pipeline.VettingAssignments;
import org.racetoplace.pipeline.VettingReminders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link CaseReportRecorder} along real paths of {@code processes/hiring-pipeline.bpmn} (placed,
 * withdrawn in Vet, expired in Assess, not advanced by the vetters): after each, the case's row
 * says the furthest stage entered and the time in each stage, equal to what the engine's own
 * history says ({@code ACT_HI_ACTINST}) and to the days the engine clock was moved on. Delegates
 * are stand-ins, as in {@code HiringPipelineProcessTest}; the recorder is added to the engine's
 * history handlers for each test and removed after it.
 */
@Deployment(
    resources = {
      "processes/hiring-pipeline.bpmn",
      "processes/assessment-outcome.dmn",
      "processes/interview-outcome.dmn",
      "forms/vetting-review.form",
      "forms/reassign-vetting.form",
      "forms/schedule-interview.form",
      "forms/interview-scorecard.form",
      "forms/employer-review.form",
      "forms/employer-decision.form",
      "forms/confirm-placement.form"
    })
class CaseReportRecorderTest {

  /** The engine of the process tests (its configuration records flow-node coverage). */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final long DAY = Duration.ofDays(1).toMillis();

  private JdbcTemplate jdbc;
  private HistoryEventHandler original;
  private Instant now;

  @BeforeEach
  void recorderAndStandIns() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    jdbc = new JdbcTemplate(configuration.getDataSource());
    // our schema beside the engine's, as in the application: case_report and the tables its
    // outcome columns are filled from
    Flyway.configure().dataSource(configuration.getDataSource()).locations("classpath:db/migration")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc.update("delete from case_report");
    original = configuration.getHistoryEventHandler();
    configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(original, new CaseReportRecorder(jdbc)));
    now = T0;
    ClockUtil.setCurrentTime(Date.from(now));
    standIns();
  }

  @AfterEach
  void removeRecorder() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration())
        .setHistoryEventHandler(original);
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void aPlacedCaseHasEveryStageAndItsTimes() {
    ProcessInstance pi = startCase("birmingham", "BHM-900001");
    later(Duration.ofHours(2));
    executeJob(pi);
    later(Duration.ofDays(1));
    assessmentCompleted("BHM-900001");
    later(Duration.ofDays(3));
    complete(pi, Map.of(VAR_VETTING_DECISION, DECISION_APPROVE));
    executeJob(pi);
    later(Duration.ofDays(2));
    complete(pi, Map.of(VAR_INTERVIEW_AT, "2026-12-01T10:00", VAR_INTERVIEW_FORMAT, "video"));
    executeJob(pi);
    later(Duration.ofDays(2));
    complete(pi, Map.of(VAR_INTERVIEW_ATTENDANCE, ATTENDANCE_ATTENDED, VAR_INTERVIEW_RECOMMENDATION, "yes"));
    later(Duration.ofDays(5));
    complete(pi, Map.of(VAR_EMPLOYER_DECISION, DECISION_INVITE));
    executeJob(pi);
    complete(pi, Map.of(VAR_HIRING_DECISION, DECISION_HIRE));
    later(Duration.ofDays(1));
    complete(pi, Map.of(VAR_PLACEMENT_START_DATE, "2027-01-04"));
    executeJob(pi);

    assertEnded(pi);
    Map<String, Object> row = row(pi);
    assertThat(row.get("STAGE_REACHED")).isEqualTo(5);
    // Apply ends when the confirmation is out; Assess with the result; Vet three days later
    assertThat(row.get("APPLY_MS")).isEqualTo(Duration.ofHours(2).toMillis());
    assertThat(row.get("ASSESS_MS")).isEqualTo(DAY);
    assertThat(row.get("VET_MS")).isEqualTo(3 * DAY);
    assertThat(row.get("INTERVIEW_MS")).isEqualTo(4 * DAY);
    assertThat(row.get("MATCH_MS")).isEqualTo(6 * DAY);
    assertThat(row).isEqualTo(fromHistory(pi));
  }

  @Test
  void aCaseWithdrawnInVetHasTheVisitItCutShort() {
    ProcessInstance pi = waitingForVetting("akron", "AKR-900002");
    later(Duration.ofDays(4));
    runtimeService().createMessageCorrelation(MESSAGE_CANDIDATE_WITHDREW).processInstanceBusinessKey("AKR-900002")
        .correlate();
    executeJob(pi);

    assertEnded(pi);
    Map<String, Object> row = row(pi);
    assertThat(row.get("STAGE_REACHED")).isEqualTo(3);
    assertThat(row.get("VET_MS")).isEqualTo(4 * DAY);
    assertThat(row.get("INTERVIEW_MS")).isNull();
    assertThat(row).isEqualTo(fromHistory(pi));
  }

  @Test
  void anExpiredCaseEndsInAssess() {
    ProcessInstance pi = startCase("hawaii", "HNL-900003");
    executeJob(pi);
    later(Duration.ofDays(3));
    execute(timer(pi, TIMER_ASSESSMENT_REMINDER));
    execute(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TASK_SEND_ASSESSMENT_REMINDER).singleResult());
    later(Duration.ofDays(4));
    execute(timer(pi, TIMER_ASSESSMENT_DEADLINE));
    executeJob(pi);

    assertEnded(pi);
    Map<String, Object> row = row(pi);
    assertThat(row.get("STAGE_REACHED")).isEqualTo(2);
    assertThat(row.get("ASSESS_MS")).isEqualTo(7 * DAY);
    assertThat(row.get("VET_MS")).isNull();
    assertThat(row).isEqualTo(fromHistory(pi));
  }

  @Test
  void aCaseNotAdvancedByTheVettersEndsInVet() {
    ProcessInstance pi = waitingForVetting("seattle", "SEA-900004");
    later(Duration.ofDays(2));
    complete(pi, Map.of(VAR_VETTING_DECISION, DECISION_DECLINE));
    executeJob(pi);

    assertEnded(pi);
    Map<String, Object> row = row(pi);
    assertThat(row.get("STAGE_REACHED")).isEqualTo(3);
    assertThat(row.get("VET_MS")).isEqualTo(2 * DAY);
    assertThat(row).isEqualTo(fromHistory(pi));
  }

  @Test
  void aCaseMetWithoutARowIsFilledFromItsHistoryFirst() {
    ProcessInstance pi = waitingForVetting("atlanta", "ATL-900005");
    // as a case started before V12: its row appears with the next stage event
    jdbc.update("delete from case_report where process_instance_id = ?", pi.getId());
    later(Duration.ofDays(1));
    complete(pi, Map.of(VAR_VETTING_DECISION, DECISION_DECLINE));
    executeJob(pi);

    Map<String, Object> row = row(pi);
    assertThat(row.get("STAGE_REACHED")).isEqualTo(3);
    assertThat(row.get("APPLY_MS")).isNotNull();
    assertThat(row.get("VET_MS")).isEqualTo(DAY);
    assertThat(row).isEqualTo(fromHistory(pi));
  }

  @Test
  void theBackfillFillsMissingCasesOnceAndLeavesRecordedOnesAlone() {
    ProcessInstance finished = waitingForVetting("birmingham", "BHM-900006");
    later(Duration.ofDays(2));
    complete(finished, Map.of(VAR_VETTING_DECISION, DECISION_DECLINE));
    executeJob(finished);
    ProcessInstance running = waitingForVetting("birmingham", "BHM-900007");
    Map<String, Object> recorded = row(finished);
    Map<String, Object> recordedRunning = row(running);
    jdbc.update("delete from case_report where process_instance_id = ?", finished.getId());

    assertThat(CaseReportSql.fillFromHistory(jdbc, null, now)).isEqualTo(1);
    assertThat(CaseReportSql.fillFromHistory(jdbc, null, now)).isZero();
    assertThat(row(finished)).isEqualTo(recorded);
    assertThat(row(running)).isEqualTo(recordedRunning);
    assertThat(row(running).get("STAGE_REACHED")).isEqualTo(3);
    assertThat(row(running).get("VET_MS")).isNull();
  }

  @Test
  void theStartUpFillRunsOnceAndRemembersItInTheEngine() {
    ManagementService management = engine.getProcessEngine().getManagementService();
    management.deleteProperty(CaseReportBackfill.DONE_PROPERTY);
    ProcessInstance pi = waitingForVetting("akron", "AKR-900008");
    CaseReportBackfill backfill = new CaseReportBackfill(jdbc, management, Clock.fixed(now, ZoneOffset.UTC));
    Map<String, Object> recorded = row(pi);
    jdbc.update("delete from case_report where process_instance_id = ?", pi.getId());

    backfill.onStart();
    assertThat(row(pi)).isEqualTo(recorded);
    assertThat(management.getProperties()).containsEntry(CaseReportBackfill.DONE_PROPERTY, now.toString());

    jdbc.update("delete from case_report where process_instance_id = ?", pi.getId());
    backfill.onStart();
    assertThat(jdbc.queryForObject("select count(*) from case_report where process_instance_id = ?", Long.class, pi.getId()))
        .as("filled again at a later start-up")
        .isZero();
    assertThat(backfill.fill()).as("the fill itself, asked for").isEqualTo(1);
    assertThat(row(pi)).isEqualTo(recorded);
  }

  // --- the process, step by step -------------------------------------------------------------

  private ProcessInstance startCase(String community, String reference) {
    return runtimeService().startProcessInstanceByKey(
        PROCESS_ID, reference, Map.of(VAR_APPLICATION_REFERENCE, reference, VAR_COMMUNITY, community));
  }

  /** Confirmation sent, assessment completed the next day: the case waits for its vetters. */
  private ProcessInstance waitingForVetting(String community, String reference) {
    ProcessInstance pi = startCase(community, reference);
    executeJob(pi);
    later(Duration.ofDays(1));
    assessmentCompleted(reference);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo(TASK_VET_CANDIDATE);
    return pi;
  }

  private static void assessmentCompleted(String reference) {
    runtimeService().createMessageCorrelation(MESSAGE_ASSESSMENT_COMPLETED).processInstanceBusinessKey(reference)
        .setVariable(VAR_ASSESSMENT_RESULT_ID, 4711L).correlate();
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private static Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private static void complete(ProcessInstance pi, Map<String, Object> variables) {
    engine.getTaskService().complete(task(pi).getId(), variables);
  }

  /** The one job the case waits for (a mail step in its own transaction). */
  private static void executeJob(ProcessInstance pi) {
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult());
  }

  private static void execute(Job job) {
    assertThat(job).isNotNull();
    managementService().executeJob(job.getId());
  }

  private static Job timer(ProcessInstance pi, String timerId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId)
        .singleResult();
  }

  private static void assertEnded(ProcessInstance pi) {
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private static org.camunda.bpm.engine.RuntimeService runtimeService() {
    return engine.getRuntimeService();
  }

  private static org.camunda.bpm.engine.ManagementService managementService() {
    return engine.getManagementService();
  }

  // --- the row and what the history says ------------------------------------------------------

  private Map<String, Object> row(ProcessInstance pi) {
    return jdbc.queryForMap(
        "select stage_reached, apply_ms, assess_ms, vet_ms, interview_ms, match_ms from case_report"
            + " where process_instance_id = ?",
        pi.getId());
  }

  /** The same columns aggregated from the engine's history of the case, independently of the recorder. */
  private Map<String, Object> fromHistory(ProcessInstance pi) {
    Map<String, Object> expected = new HashMap<>();
    Integer reached = null;
    List<String> columns = List.of("APPLY_MS", "ASSESS_MS", "VET_MS", "INTERVIEW_MS", "MATCH_MS");
    List<String> stages = List.of(STAGE_APPLY, STAGE_ASSESS, STAGE_VET, STAGE_INTERVIEW, STAGE_MATCH);
    for (int i = 0; i < stages.size(); i++) {
      Long entered = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .activityId(stages.get(i)).count();
      Long total = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .activityId(stages.get(i)).finished().list().stream()
          .map(a -> a.getDurationInMillis()).reduce(Long::sum).orElse(null);
      expected.put(columns.get(i), total);
      if (entered > 0) {
        reached = i + 1;
      }
    }
    expected.put("STAGE_REACHED", reached);
    return expected;
  }

  // --- stand-ins for the beans the model calls -------------------------------------------------

  private void standIns() {
    JavaDelegate nothing = execution -> { };
    Mocks.register("notifyCandidateDelegate", nothing);
    Mocks.register("screenApplicationDelegate", (JavaDelegate) execution -> {
      execution.setVariable(VAR_SCREENING_PASSED, true);
      execution.setVariable(VAR_SCREENING_OUTCOME, "PASSED");
    });
    Mocks.register("scoreAssessmentDelegate", (JavaDelegate) execution -> {
      execution.setVariable("fundamentalsScore", 80);
      execution.setVariable("languageScore", 80);
      execution.setVariable("scaledScore", 80);
      execution.setVariable("roleTrack", "software-engineer");
    });
    Mocks.register("applicationOutcomes", new OutcomeStandIn());
    Mocks.register("hiringRetries", new HiringRetries("R3/PT5M"));
    HiringTimers timers = new HiringTimers(
        Map.of(
            "assessmentReminder", "P3D",
            "assessmentDeadline", "P7D",
            "vettingReminder", "P2D",
            "vettingEscalation", "P5D",
            "candidateUpdateTimeout", "P7D",
            "interviewScheduling", "P5D",
            "employerReview", "P10D",
            "talentPoolRematch", "P7D",
            "talentPoolGiveUp", "P90D"),
        Clock.systemUTC());
    Mocks.register("hiringTimers", timers);
    Mocks.register("talentPool", new TalentPool(timers));
    Mocks.register("caseCounters", new CaseCounters());
    Mocks.register("vettingReminders", new VettingReminders(engine.getTaskService()));
    Mocks.register("vettingAssignments", new VettingAssignments(engine.getIdentityService()));
    for (String listener :
        List.of("candidateProfiles", "vettingReviews", "matchExplanations", "employerReviews", "hiringDecisions",
            "placements")) {
      Mocks.register(listener, (TaskListener) task -> { });
    }
    Mocks.register("interviewSchedules", (TaskListener) task -> task.setVariable(VAR_INTERVIEW_ATTEMPT, 1));
    Mocks.register("interviewScorecards", (TaskListener) task -> task.setVariable(VAR_INTERVIEW_NO_SHOWS, 0));
    Mocks.register("scoreInterviewDelegate", (JavaDelegate) execution -> execution.setVariable(VAR_INTERVIEW_SCORE, 75));
    Mocks.register("findMatchesDelegate", (JavaDelegate) execution -> {
      execution.setVariable(VAR_MATCH_FOUND, true);
      execution.setVariable(VAR_MATCH_PROPOSAL_ID, 101L);
      execution.setVariable(VAR_EMPLOYER_GROUP, "employer-acme-101");
    });
    Mocks.register("matchProposals", new ProposalsStandIn());
  }

  /** The model calls {@code ${applicationOutcomes.record(execution, 'PLACED')}}. */
  public static class OutcomeStandIn {
    public void record(DelegateExecution execution, String outcome) {}
  }

  /** The model calls {@code ${matchProposals.expire(execution)}} and {@code closeOpen}. */
  public static class ProposalsStandIn {
    public void expire(DelegateExecution execution) {}

    public void closeOpen(DelegateExecution execution) {}
  }
}
