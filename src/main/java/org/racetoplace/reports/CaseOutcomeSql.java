package org.racetoplace.reports;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The common table expressions both reports start from: one row per application of the period
 * ({@code outcomes}) with 0/1 flags for what became of it and the durations of its stages. Runs
 * unchanged on H2 2.x and PostgreSQL; every source is joined pre-aggregated per application (hash
 * joins), never probed per row.
 *
 * <p>Where each figure comes from:
 *
 * <ul>
 *   <li>period, community, status, submission time: {@code application};
 *   <li>assessment completed: a row in {@code assessment_result} (a result the case received);
 *   <li>vetting decided and approved: {@code vetting_review} ({@code APPROVE}/{@code DECLINE});
 *   <li>interview scored: {@code interview_scorecard} with a score;
 *   <li>matched: a row in {@code match_proposal}; employer declined: a proposal {@code DECLINED};
 *   <li>placed, placement time and employer: {@code placement};
 *   <li>assessment passed and interview passed: the case entered {@code Stage_Vet} resp.
 *       {@code Stage_Match} ({@code case_report.stage_reached}, kept from the engine's history
 *       events), because these outcomes come from the DMN decisions and are kept in no other table
 *       of ours; our tables fill in when they prove it (a vetting review means the assessment was
 *       passed, a proposal that the interview was);
 *   <li>time in stage: {@code case_report}, the summed durations of the {@code Stage_*}
 *       sub-process instances, as {@code DURATION_} in the history;
 *   <li>stage reached: the furthest {@code Stage_*} entered, or what our tables prove.
 * </ul>
 *
 * <p>{@code case_report} (V12, {@link CaseReportRecorder}) replaces the scan of
 * {@code ACT_HI_ACTINST}: one row per case instead of about thirteen history rows, joined by its
 * primary key.
 * </ul>
 */
final class CaseOutcomeSql {

  /** Stage ordinals as in {@link org.racetoplace.ops.PipelineStage}, 1-based. */
  static final int APPLY = 1;
  static final int ASSESS = 2;
  static final int VET = 3;
  static final int INTERVIEW = 4;
  static final int MATCH = 5;

  private CaseOutcomeSql() {}

  /**
   * {@code with cohort as (…), …, outcomes as (…)} without a final select; parameters
   * {@code :from}, {@code :to} and, when the period names one, {@code :community}.
   *
   */
  static String outcomes(ReportPeriod period) {
    return """
        with outcomes as (
          select f.*,
            case when f.history_stage >= 3 or f.reviewed = 1 then 1 else 0 end as assessment_passed,
            case when f.history_stage >= 5 or f.matched = 1 then 1 else 0 end as interviewed,
            case when f.placed = 1 or f.employer_declined = 1 then 1 else 0 end as employer_decided,
            case when f.status in ('WITHDRAWN', 'NOT_ADVANCED', 'PLACED', 'EXPIRED') then 1 else 0 end as closed,
            case
              when f.matched = 1 or f.history_stage >= 5 then 5
              when f.vetted = 1 or f.history_stage >= 4 then 4
              when f.reviewed = 1 or f.history_stage >= 3 then 3
              when f.assessed = 1 or f.history_stage >= 2 then 2
              else 1 end as stage_reached
          from (
            select a.id, a.community_id, a.status,
              case when ar.application_id is null then 0 else 1 end as assessed,
              case when v.application_id is null then 0 else 1 end as reviewed,
              coalesce(v.decided, 0) as vetting_decided,
              coalesce(v.approved, 0) as vetted,
              case when iv.application_id is null then 0 else 1 end as interview_scored,
              case when mp.application_id is null then 0 else 1 end as matched,
              coalesce(mp.declined, 0) as employer_declined,
              case when p.application_id is null then 0 else 1 end as placed,
              p.employer_id,
              coalesce(r.stage_reached, 1) as history_stage,
              r.apply_ms, r.assess_ms, r.vet_ms, r.interview_ms, r.match_ms,
              case when p.application_id is null then null
                else cast(extract(epoch from p.confirmed_at) - extract(epoch from a.created_at) as double precision)
              end as to_placement_s
            from application a
            left join case_report r on r.process_instance_id = a.process_instance_id
            left join (
              select application_id from assessment_result group by application_id
            ) ar on ar.application_id = a.id
            left join (
              select application_id,
                max(case when decision in ('APPROVE', 'DECLINE') then 1 else 0 end) as decided,
                max(case when decision = 'APPROVE' then 1 else 0 end) as approved
              from vetting_review group by application_id
            ) v on v.application_id = a.id
            left join (
              select application_id from interview_scorecard where score is not null group by application_id
            ) iv on iv.application_id = a.id
            left join (
              select application_id, max(case when status = 'DECLINED' then 1 else 0 end) as declined
              from match_proposal group by application_id
            ) mp on mp.application_id = a.id
            left join placement p on p.application_id = a.id
            where a.created_at >= :from and a.created_at < :to %s
          ) f
        )
        """
        .formatted(period.community() == null ? "" : "and a.community_id = :community");
  }

  static MapSqlParameterSource parameters(ReportPeriod period) {
    MapSqlParameterSource parameters =
        new MapSqlParameterSource().addValue("from", period.start()).addValue("to", period.end());
    if (period.community() != null) {
      parameters.addValue("community", period.community());
    }
    return parameters;
  }
}
