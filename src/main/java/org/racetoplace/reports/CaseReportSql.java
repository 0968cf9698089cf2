package org.racetoplace.reports;

import java.sql.Timestamp;
import java.time.Instant;
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
   * Inserts a row for every {@code hiring-pipeline} process instance of the history that has
   * none, from its {@code Stage_*} activity instances: the furthest stage entered and the summed
   * duration of each stage's ended visits. Cases that already have a row are left alone, so the
   * fill is idempotent.
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
            + " where h.PROC_DEF_KEY_ = '" + HiringPipeline.PROCESS_ID + "' and h.ACT_ID_ in (" + ids + ")"
            + (processInstanceId == null ? "" : " and h.PROC_INST_ID_ = ?")
            + " and not exists (select 1 from case_report r where r.process_instance_id = h.PROC_INST_ID_)"
            + " group by h.PROC_INST_ID_";
    Timestamp at = Timestamp.from(now);
    return processInstanceId == null ? jdbc.update(sql, at) : jdbc.update(sql, at, processInstanceId);
  }
}
