package org.racetoplace.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.racetoplace.ops.PipelineStage;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of {@code case_report} (V12): its columns per stage, and the fill from the
 * engine's history that both the recorder (for a case it meets without a row) and the start-up
 * backfill use, so a row built from history and a row kept by the recorder agree by construction.
 */
final class CaseReportSql {

  private CaseReportSql() {}

  /** The column of {@code case_report} holding the time spent in a stage, e.g. {@code vet_ms}. */
  static String durationColumn(PipelineStage stage) {
    return switch (stage) {
      case APPLY -> "apply_ms";
      case ASSESS -> "assess_ms";
      case VET -> "vet_ms";
      case INTERVIEW -> "interview_ms";
      case MATCH -> "match_ms";
    };
  }

  /** {@code stage_reached} of a stage: 1 (Stage_Apply) … 5 (Stage_Match). */
  static int ordinal(PipelineStage stage) {
    return stage.ordinal() + 1;
  }

  /**
   * The outcome columns of {@code case_report} (V13): 0/1, only ever set, each proven by a row of
   * one of our tables for the case's application ({@code a}).
   */
  enum Outcome {
    ASSESSED("assessed", "assessment_result", null),
    REVIEWED("reviewed", "vetting_review", null),
    VETTING_DECIDED("vetting_decided", "vetting_review", "x.decision in ('APPROVE', 'DECLINE')"),
    VETTING_APPROVED("vetting_approved", "vetting_review", "x.decision = 'APPROVE'"),
    INTERVIEW_SCORED("interview_scored", "interview_scorecard", "x.score is not null"),
    MATCHED("matched", "match_proposal", null),
    EMPLOYER_DECLINED("employer_declined", "match_proposal", "x.status = 'DECLINED'"),
    PLACED("placed", "placement", null);

    final String column;
    private final String table;
    private final String condition;

    Outcome(String column, String table, String condition) {
      this.column = column;
      this.table = table;
      this.condition = condition;
    }

    /** True when the application {@code a} has a row of the table that proves this outcome. */
    String proven() {
      return "exists (select 1 from " + table + " x where x.application_id = a.id"
          + (condition == null ? "" : " and " + condition) + ")";
    }
  }

  /**
   * Sets the outcome columns and {@code placed_at} of the case's row (or of every row, when
   * {@code processInstanceId} is null) from our tables. A column already set stays set, so this
   * never undoes what {@link CaseReportOutcomes} recorded in a transaction this statement did not
   * see.
   *
   * @return the rows updated
   */
  static int refreshOutcomes(JdbcTemplate jdbc, String processInstanceId) {
    String application = " from application a where a.process_instance_id = case_report.process_instance_id";
    StringBuilder sql = new StringBuilder("update case_report set ");
    for (Outcome outcome : Outcome.values()) {
      sql.append(outcome.column).append(" = case when ").append(outcome.column).append(" = 1 or exists (select 1")
          .append(application).append(" and ").append(outcome.proven()).append(") then 1 else 0 end, ");
    }
    sql.append("placed_at = coalesce(placed_at, (select x.confirmed_at from application a")
        .append(" join placement x on x.application_id = a.id")
        .append(" where a.process_instance_id = case_report.process_instance_id))");
    if (processInstanceId == null) {
      return jdbc.update(sql.toString());
    }
    return jdbc.update(sql + " where process_instance_id = ?", processInstanceId);
  }

  /**
   * Applies {@code assignments} (e.g. {@code vet_ms = coalesce(vet_ms, 0) + ?}, with
   * {@code values} for their placeholders) to the case's row, giving the case its row first when
   * it has none ({@link #createRow}). Used by everything that keeps {@code case_report} current.
   */
  static void update(JdbcTemplate jdbc, String processInstanceId, String assignments, Instant now, Object... values) {
    if (!updateRow(jdbc, "?", processInstanceId, assignments, now, values)) {
      createRow(jdbc, processInstanceId, now);
      updateRow(jdbc, "?", processInstanceId, assignments, now, values);
    }
  }

  /**
   * Applies {@code assignments} to the row of the case whose process instance id {@code caseSql}
   * (e.g. a sub-select, with {@code caseKey} for its placeholder) gives, if it has a row.
   *
   * @return whether a row was updated
   */
  static boolean updateRow(
      JdbcTemplate jdbc, String caseSql, Object caseKey, String assignments, Instant now, Object... values) {
    Object[] arguments = Arrays.copyOf(values, values.length + 2);
    arguments[values.length] = Timestamp.from(now);
    arguments[values.length + 1] = caseKey;
    String update = "update case_report set " + assignments + ", updated_at = ? where process_instance_id = " + caseSql;
    return jdbc.update(update, arguments) > 0;
  }

  /**
   * Gives a case without a row its row: from its history and our tables, or an empty one when it
   * has no stage in the history yet (its first stage is starting in this very transaction, so no
   * table of ours can prove an outcome of it yet).
   */
  private static void createRow(JdbcTemplate jdbc, String processInstanceId, Instant now) {
    if (fillFromHistory(jdbc, processInstanceId, now) == 0) {
      insertEmptyRow(jdbc, processInstanceId, now);
    }
  }

  /** The row of a case that has not entered a stage yet. */
  static void insertEmptyRow(JdbcTemplate jdbc, String processInstanceId, Instant now) {
    jdbc.update("insert into case_report (process_instance_id, updated_at) values (?, ?)",
        processInstanceId, Timestamp.from(now));
  }

  /**
   * Inserts a row for every {@code hiring-pipeline} process instance of the history that has
   * none, from its {@code Stage_*} activity instances: the furthest stage entered and the summed
   * duration of each stage's ended visits, then their outcomes from our tables
   * ({@link #refreshOutcomes}). Cases that already have a row are left alone, so the fill is
   * idempotent.
   *
   * @param processInstanceId only this process instance, or every one when null
   * @return the rows inserted
   */
  static int fillFromHistory(JdbcTemplate jdbc, String processInstanceId, Instant now) {
    StringBuilder reached = new StringBuilder("max(case h.ACT_ID_");
    StringBuilder durations = new StringBuilder();
    StringBuilder columns = new StringBuilder();
    StringBuilder ids = new StringBuilder();
    for (PipelineStage stage : PipelineStage.values()) {
      reached.append(" when '").append(stage.id()).append("' then ").append(ordinal(stage));
      durations.append(", sum(case when h.ACT_ID_ = '").append(stage.id()).append("' then h.DURATION_ end)");
      columns.append(", ").append(durationColumn(stage));
      ids.append(ids.isEmpty() ? "" : ", ").append('\'').append(stage.id()).append('\'');
    }
    reached.append(" end)");
    String sql =
        "insert into case_report (process_instance_id, stage_reached" + columns + ", updated_at)"
            + " select h.PROC_INST_ID_, " + reached + durations + ", ?"
            + " from ACT_HI_ACTINST h"
            // one case: its own rows through the (PROC_INST_ID_, ACT_ID_) index; the definition
            // key would let a generic plan scan the key's index over the whole history instead
            + (processInstanceId == null
                ? " where h.PROC_DEF_KEY_ = '" + HiringPipeline.PROCESS_ID + "' and"
                : " where h.PROC_INST_ID_ = ? and")
            + " h.ACT_ID_ in (" + ids + ")"
            + " and not exists (select 1 from case_report r where r.process_instance_id = h.PROC_INST_ID_)"
            + " group by h.PROC_INST_ID_";
    Timestamp at = Timestamp.from(now);
    int inserted = processInstanceId == null ? jdbc.update(sql, at) : jdbc.update(sql, at, processInstanceId);
    if (inserted > 0) {
      refreshOutcomes(jdbc, processInstanceId);
    }
    return inserted;
  }
}
