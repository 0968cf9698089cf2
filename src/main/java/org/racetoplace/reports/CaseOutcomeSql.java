package org.racetoplace.reports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The common table expressions both reports start from: one row per application of the period
 * ({@code outcomes}) with 0/1 flags for what became of it and the durations of its stages. Runs
 * unchanged on H2 2.x and PostgreSQL: {@code application} joined to {@code case_report} by its
 * primary key, nothing else.
 *
 * <p>Where each figure comes from:
 *
 * <ul>
 *   <li>period, community, status, submission time: {@code application};
 *   <li>everything else: the case's {@code case_report} row (V12, V13), joined by its primary key,
 *       one row per case:
 *       <ul>
 *         <li>assessment completed, vetting reviewed, decided and approved, interview scored,
 *             matched, declined by an employer, placed and when: its outcome columns, set by
 *             {@link CaseReportOutcomes} when the row of our tables that proves each is written
 *             ({@code assessment_result}, {@code vetting_review} {@code APPROVE}/{@code DECLINE},
 *             {@code interview_scorecard} with a score, {@code match_proposal}, a proposal
 *             {@code DECLINED}, {@code placement});
 *         <li>assessment passed and interview passed: the case entered {@code Stage_Vet} resp.
 *             {@code Stage_Match} ({@code stage_reached}, kept from the engine's history events
 *             by {@link CaseReportRecorder}), because these outcomes come from the DMN decisions
 *             and are kept in no other table of ours; the outcome columns fill in when they prove
 *             it (a vetting review means the assessment was passed, a proposal that the interview
 *             was);
 *         <li>time in stage: the summed durations of the {@code Stage_*} sub-process instances,
 *             as {@code DURATION_} in the history;
 *         <li>stage reached: the furthest {@code Stage_*} entered, or what the outcomes prove.
 *       </ul>
 * </ul>
 *
 * <p>So the reports never read {@code ACT_HI_ACTINST} (about thirteen rows per case) nor aggregate
 * five of our tables per application: over 100,000 cases that aggregation was most of the
 * funnel's time (docs/performance.md).
 */
final class CaseOutcomeSql {

  /** Stage ordinals as in {@link org.racetoplace.ops.PipelineStage}, 1-based. */
  static final int APPLY = 1;
  static final int ASSESS = 2;
  static final int VET = 3;
  static final int INTERVIEW = 4;
  static final int MATCH = 5;

  /** A timestamp literal both databases read, e.g. {@code 2026-01-01 00:00:00+00:00}. */
  private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

  private CaseOutcomeSql() {}

  /**
   * {@code with outcomes as (…)} without a final select; parameter {@code :community} when the
   * period names one.
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
              coalesce(r.assessed, 0) as assessed,
              coalesce(r.reviewed, 0) as reviewed,
              coalesce(r.vetting_decided, 0) as vetting_decided,
              coalesce(r.vetting_approved, 0) as vetted,
              coalesce(r.interview_scored, 0) as interview_scored,
              coalesce(r.matched, 0) as matched,
              coalesce(r.employer_declined, 0) as employer_declined,
              coalesce(r.placed, 0) as placed,
              coalesce(r.stage_reached, 1) as history_stage,
              r.apply_ms, r.assess_ms, r.vet_ms, r.interview_ms, r.match_ms,
              case when r.placed_at is null then null
                else cast(extract(epoch from r.placed_at) - extract(epoch from a.created_at) as double precision)
              end as to_placement_s
            from application a
            left join case_report r on r.process_instance_id = a.process_instance_id
            where %s
          ) f
        )
        """
        .formatted(applicationsOf(period));
  }

  /**
   * The condition on {@code application a} that selects the period's applications. The period's
   * bounds are written into the SQL as literals (dates the period has parsed, so nothing a client
   * typed), not bound as parameters: on PostgreSQL a statement run repeatedly on one pooled
   * connection is planned once for any parameters ("generic plan"), which takes a range of
   * unknown bounds for a few hundred rows and joins {@code case_report} row by row through its
   * index instead of hashing it: 100,000 index probes and a sort on disk, about 0.3 s more per
   * report. With literals every report is planned for its own period. The community, when there is
   * one, stays a parameter ({@code :community}).
   */
  static String applicationsOf(ReportPeriod period) {
    return "a.created_at >= " + timestamp(period.start()) + " and a.created_at < " + timestamp(period.end())
        + (period.community() == null ? "" : " and a.community_id = :community");
  }

  private static String timestamp(OffsetDateTime instant) {
    return "cast('" + LITERAL.format(instant) + "' as timestamp with time zone)";
  }

  static MapSqlParameterSource parameters(ReportPeriod period) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    if (period.community() != null) {
      parameters.addValue("community", period.community());
    }
    return parameters;
  }
}
