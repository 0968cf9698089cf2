package org.racetoplace.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * A small generated history with known answers, written straight into our tables and Camunda's
 * {@code ACT_HI_ACTINST} (as the engine would leave them), then {@code case_report} filled from
 * that history as the start-up backfill fills it, in March 2019 so it shares the period
 * with nothing else. Birmingham has 20 applications, case {@code i} = 0…19:
 *
 * <ul>
 *   <li>assessment result: i &lt; 16; entered Stage_Vet: i &lt; 12 (Stage_Vet lasted i+1 days);
 *   <li>vetting: APPROVE i &lt; 9, DECLINE 9 ≤ i &lt; 11; entered Stage_Interview: i &lt; 9;
 *   <li>scored interview: i &lt; 8; entered Stage_Match and proposed: i &lt; 6;
 *   <li>proposals: HIRED and placed i &lt; 3 (30+i days after applying), DECLINED 3 ≤ i &lt; 5,
 *       PROPOSED i = 5;
 *   <li>status: PLACED i &lt; 3; IN_PROGRESS i = 5 and 19; WITHDRAWN 11 (in Vet) and 18 (in
 *       Assess); EXPIRED 16, 17 (in Assess); NOT_ADVANCED the rest;
 *   <li>self-identification: none for i % 5 == 4; else sex Female (even i) or Male (odd i), and
 *       race/ethnicity Black (i &lt; 10) or White.
 * </ul>
 *
 * Atlanta has 5 applications that never got past Assess (one EXPIRED, four IN_PROGRESS) and no
 * self-identification. One more Birmingham application, placed, was submitted in April 2019: outside
 * the period.
 */
public final class ReportHistoryFixture {

  public static final LocalDate FROM = LocalDate.of(2019, 3, 1);
  public static final LocalDate TO = LocalDate.of(2019, 3, 31);
  public static final String EMPLOYER = "report-fixture-employer";

  private static final String PREFIX = "RPT-";
  private static final String EMAIL_DOMAIN = "@report-fixture.invalid";
  private static final LocalDateTime START = LocalDateTime.of(2019, 3, 1, 9, 0);

  private final JdbcTemplate jdbc;
  private long employerId;
  private long openingId;

  public ReportHistoryFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Removes an earlier run's rows, then writes the history. */
  public void create() {
    remove();
    employerId = insert("employer_partner", Map.of(
        "slug", EMPLOYER, "name", "Report Fixture Employer", "active", true, "created_at", utc(START)));
    openingId = insert("job_opening", Map.of(
        "employer_id", employerId, "title", "Developer", "community_id", "birmingham", "remote_allowed", false,
        "positions", 10, "filled", 4, "status", "OPEN", "created_at", utc(START), "updated_at", utc(START),
        "version", 0));
    for (int i = 0; i < 20; i++) {
      birminghamCase(i, START.plusHours(i));
    }
    for (int i = 0; i < 5; i++) {
      application("atlanta", "ATL", i, START.plusHours(i), i == 0 ? "EXPIRED" : "IN_PROGRESS");
      String pi = processInstance("ATL", i);
      activity(pi, HiringPipeline.STAGE_APPLY, START.plusHours(i), Duration.ofHours(1));
      activity(pi, HiringPipeline.STAGE_ASSESS, START.plusHours(i + 1), i == 0 ? Duration.ofDays(7) : null);
    }
    LocalDateTime april = LocalDateTime.of(2019, 4, 5, 9, 0);
    long late = application("birmingham", "BHL", 0, april, "PLACED");
    long proposal = proposal(late, "HIRED", april.plusDays(20));
    placement(late, proposal, april.plusDays(25));
    CaseReportSql.fillFromHistory(jdbc, null, START.toInstant(ZoneOffset.UTC));
  }

  /** Deletes what {@link #create()} wrote (PostgreSQL keeps it between runs). */
  public void remove() {
    String apps = "(select id from application where reference like '" + PREFIX + "%')";
    jdbc.update("delete from placement where application_id in " + apps);
    jdbc.update("delete from match_proposal where application_id in " + apps);
    jdbc.update("delete from interview_scorecard where application_id in " + apps);
    jdbc.update("delete from interview_appointment where application_id in " + apps);
    jdbc.update("delete from vetting_review where application_id in " + apps);
    jdbc.update("delete from assessment_result where application_id in " + apps);
    jdbc.update("delete from application_self_identification where application_id in " + apps);
    jdbc.update("delete from case_report where process_instance_id like '" + PREFIX + "%'");
    jdbc.update("delete from ACT_HI_ACTINST where PROC_INST_ID_ like '" + PREFIX + "%'");
    jdbc.update("delete from application where reference like '" + PREFIX + "%'");
    jdbc.update("delete from candidate where email like '%" + EMAIL_DOMAIN + "'");
    jdbc.update("delete from job_opening where employer_id in (select id from employer_partner where slug = ?)", EMPLOYER);
    jdbc.update("delete from employer_partner where slug = ?", EMPLOYER);
  }

  private void birminghamCase(int i, LocalDateTime applied) {
    String status =
        i < 3 ? "PLACED"
            : i == 5 || i == 19 ? "IN_PROGRESS"
            : i == 11 || i == 18 ? "WITHDRAWN"
            : i == 16 || i == 17 ? "EXPIRED"
            : "NOT_ADVANCED";
    long app = application("birmingham", "BHM", i, applied, status);
    String pi = processInstance("BHM", i);
    LocalDateTime t = applied;
    activity(pi, HiringPipeline.STAGE_APPLY, t, Duration.ofHours(1));
    t = t.plusHours(1);
    activity(pi, HiringPipeline.STAGE_ASSESS, t, i == 19 ? null : Duration.ofDays(2));
    t = t.plusDays(2);
    if (i < 16) {
      insert("assessment_result", Map.of(
          "application_id", app, "source", "STAFF", "language", "Java", "fundamentals_score", 70,
          "language_score", 70, "scaled_score", i < 12 ? 70 : 40, "completed_at", utc(t), "created_at", utc(t)));
    }
    if (i < 12) {
      activity(pi, HiringPipeline.STAGE_VET, t, Duration.ofDays(i + 1));
      t = t.plusDays(i + 1);
    }
    if (i < 11) {
      insert("vetting_review", Map.of(
          "application_id", app, "round", 1, "decision", i < 9 ? "APPROVE" : "DECLINE",
          "rationale", "fixture", "reviewer", "vetter-birmingham", "decided_at", utc(t)));
    }
    if (i < 9) {
      activity(pi, HiringPipeline.STAGE_INTERVIEW, t, Duration.ofDays(4));
      long appointment = insert("interview_appointment", Map.of(
          "application_id", app, "attempt", 1, "scheduled_at", utc(t.plusDays(1)), "time_zone", "America/Chicago",
          "format", "VIDEO", "location", "https://video.invalid/fixture", "created_at", utc(t)));
      if (i < 8) {
        jdbc.update(
            "insert into interview_scorecard (application_id, appointment_id, attended, communication_score,"
                + " teamwork_score, problem_solving_score, learning_agility_score, professionalism_score,"
                + " recommendation, score, recorded_at) values (?, ?, true, 4, 4, 4, 4, 4, ?, ?, ?)",
            app, appointment, i < 6 ? "YES" : "NO", i < 6 ? 80 : 40, utc(t.plusDays(2)));
      }
      t = t.plusDays(4);
    }
    if (i < 6) {
      activity(pi, HiringPipeline.STAGE_MATCH, t, i == 5 ? null : Duration.ofDays(10));
      String proposalStatus = i < 3 ? "HIRED" : i < 5 ? "DECLINED" : "PROPOSED";
      long proposal = proposal(app, proposalStatus, t.plusDays(1));
      if (i < 3) {
        placement(app, proposal, applied.plusDays(30 + i));
      }
    }
    if (i % 5 != 4) {
      jdbc.update(
          "insert into application_self_identification (application_id, sex, race_ethnicity, recorded_at)"
              + " values (?, ?, ?, ?)",
          app, i % 2 == 0 ? "Female" : " Male ", i < 10 ? "Black" : "White", utc(applied));
    }
  }

  private long application(String community, String code, int i, LocalDateTime applied, String status) {
    String reference = PREFIX + code + "-" + i;
    long candidate = insert("candidate", Map.of(
        "community_id", community, "email", code.toLowerCase() + i + EMAIL_DOMAIN, "first_name", "Fixture",
        "last_name", code + i, "consent_at", utc(applied), "created_at", utc(applied), "updated_at", utc(applied)));
    return insert("application", Map.of(
        "reference", reference, "candidate_id", candidate, "community_id", community,
        "role_track", "software-engineer", "status", status, "status_token_hash", "0".repeat(64),
        "process_instance_id", processInstance(code, i), "created_at", utc(applied), "updated_at", utc(applied),
        "version", 0));
  }

  private long proposal(long app, String status, LocalDateTime decided) {
    return insert("match_proposal", Map.of(
        "application_id", app, "opening_id", openingId, "score", 75, "explanation", "fixture", "status", status,
        "created_at", utc(decided.minusDays(1)), "decided_at", utc(decided), "version", 0));
  }

  private void placement(long app, long proposal, LocalDateTime confirmed) {
    insert("placement", Map.of(
        "application_id", app, "proposal_id", proposal, "opening_id", openingId, "employer_id", employerId,
        "start_date", confirmed.toLocalDate().plusDays(14), "confirmed_by", "staff", "confirmed_at", utc(confirmed)));
  }

  private static String processInstance(String code, int i) {
    return PREFIX + code + "-" + i + "-pi";
  }

  private void activity(String processInstanceId, String activityId, LocalDateTime start, Duration duration) {
    jdbc.update(
        "insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_,"
            + " EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'subProcess', ?, ?, ?, ?)",
        processInstanceId + ":" + activityId, HiringPipeline.PROCESS_ID, "hiring-pipeline:1:fixture",
        processInstanceId, processInstanceId, processInstanceId + ":" + activityId, activityId, activityId,
        Timestamp.valueOf(start), duration == null ? null : Timestamp.valueOf(start.plus(duration)),
        duration == null ? null : duration.toMillis(), duration == null ? 0 : 1);
  }

  private long insert(String table, Map<String, Object> values) {
    return new SimpleJdbcInsert(jdbc).withTableName(table).usingColumns(values.keySet().toArray(String[]::new))
        .usingGeneratedKeyColumns("id").executeAndReturnKey(values).longValue();
  }

  /** The instant of a UTC wall-clock time, as both drivers take it for timestamptz columns. */
  private static Timestamp utc(LocalDateTime time) {
    return Timestamp.from(time.toInstant(ZoneOffset.UTC));
  }
}
