package org.racetoplace.reports;

import org.racetoplace.pipeline.HiringPipeline;
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
 *   <li>assessment passed and interview passed: history ({@code ACT_HI_ACTINST}: the case entered
 *       {@code Stage_Vet} resp. {@code Stage_Match}), because these outcomes come from the DMN
 *       decisions and are kept in no table of ours; our tables fill in when they prove it (a
 *       vetting review means the assessment was passed, a proposal that the interview was);
 *   <li>time in stage: {@code DURATION_} of the {@code Stage_*} sub-process instances in history;
 *   <li>stage reached: the furthest {@code Stage_*} in history, or what our tables prove.
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
   * @param closedOnly only applications that were withdrawn or expired (the exit figures)
   */
  static String outcomes(ReportPeriod period, boolean closedOnly) {
    return """
        with cohort as (
          select a.id, a.community_id, a.status, a.created_at, a.process_instance_id
          from application a
          where a.created_at >= :from and a.created_at < :to %s %s
        ),
        stage_history as (
          select h.PROC_INST_ID_ as process_instance_id,
            max(case h.ACT_ID_ when '%s' then 5 when '%s' then 4 when '%s' then 3 when '%s' then 2 else 1 end)
              as stage_reached,
            sum(case when h.ACT_ID_ = '%s' then h.DURATION_ end) as apply_ms,
            sum(case when h.ACT_ID_ = '%s' then h.DURATION_ end) as assess_ms,
            sum(case when h.ACT_ID_ = '%s' then h.DURATION_ end) as vet_ms,
            sum(case when h.ACT_ID_ = '%s' then h.DURATION_ end) as interview_ms,
            sum(case when h.ACT_ID_ = '%s' then h.DURATION_ end) as match_ms
          from ACT_HI_ACTINST h
          where h.ACT_ID_ in ('%s', '%s', '%s', '%s', '%s')
            and h.PROC_INST_ID_ in (select process_instance_id from cohort)
          group by h.PROC_INST_ID_
        ),
        assessed as (
          select distinct r.application_id
          from assessment_result r
          where r.application_id in (select id from cohort)
        ),
        vetting as (
          select v.application_id,
            max(case when v.decision in ('APPROVE', 'DECLINE') then 1 else 0 end) as decided,
            max(case when v.decision = 'APPROVE' then 1 else 0 end) as approved
          from vetting_review v
          where v.application_id in (select id from cohort)
          group by v.application_id
        ),
        interviews as (
          select distinct s.application_id
          from interview_scorecard s
          where s.score is not null and s.application_id in (select id from cohort)
        ),
        proposals as (
          select m.application_id, max(case when m.status = 'DECLINED' then 1 else 0 end) as declined
          from match_proposal m
          where m.application_id in (select id from cohort)
          group by m.application_id
        ),
        flags as (
          select c.id, c.community_id, c.status,
            case when ar.application_id is null then 0 else 1 end as assessed,
            case when v.application_id is null then 0 else 1 end as reviewed,
            coalesce(v.decided, 0) as vetting_decided,
            coalesce(v.approved, 0) as vetted,
            case when iv.application_id is null then 0 else 1 end as interview_scored,
            case when mp.application_id is null then 0 else 1 end as matched,
            coalesce(mp.declined, 0) as employer_declined,
            case when p.application_id is null then 0 else 1 end as placed,
            p.employer_id,
            coalesce(h.stage_reached, 1) as history_stage,
            h.apply_ms, h.assess_ms, h.vet_ms, h.interview_ms, h.match_ms,
            case when p.application_id is null then null
              else cast(extract(epoch from p.confirmed_at) - extract(epoch from c.created_at) as double precision)
            end as to_placement_s
          from cohort c
          left join stage_history h on h.process_instance_id = c.process_instance_id
          left join assessed ar on ar.application_id = c.id
          left join vetting v on v.application_id = c.id
          left join interviews iv on iv.application_id = c.id
          left join proposals mp on mp.application_id = c.id
          left join placement p on p.application_id = c.id
        ),
        outcomes as (
          select f.*,
            case when f.history_stage >= 3 or f.reviewed = 1 then 1 else 0 end as assessment_passed,
            case when f.history_stage >= 5 or f.matched = 1 then 1 else 0 end as interviewed,
            case when f.placed = 1 or f.employer_declined = 1 then 1 else 0 end as employer_decided,
            case when f.status in ('WITHDRAWN', 'NOT_ADVANCED', 'PLACED', 'EXPIRED') then 1 else 0 end as closed,
            greatest(f.history_stage,
              case when f.matched = 1 then 5 when f.vetted = 1 then 4 when f.reviewed = 1 then 3
                when f.assessed = 1 then 2 else 1 end) as stage_reached
          from flags f
        )
        """
        .formatted(
            period.community() == null ? "" : "and a.community_id = :community",
            closedOnly ? "and a.status in ('WITHDRAWN', 'EXPIRED')" : "",
            HiringPipeline.STAGE_MATCH, HiringPipeline.STAGE_INTERVIEW, HiringPipeline.STAGE_VET,
            HiringPipeline.STAGE_ASSESS,
            HiringPipeline.STAGE_APPLY, HiringPipeline.STAGE_ASSESS, HiringPipeline.STAGE_VET,
            HiringPipeline.STAGE_INTERVIEW, HiringPipeline.STAGE_MATCH,
            HiringPipeline.STAGE_APPLY, HiringPipeline.STAGE_ASSESS, HiringPipeline.STAGE_VET,
            HiringPipeline.STAGE_INTERVIEW, HiringPipeline.STAGE_MATCH);
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
