-- Pilot-evaluation reports (docs/performance.md, "Pilot reports"): what became of each case,
-- carried in its case_report row so that the reports read application and case_report only,
-- instead of aggregating five of our tables per application on every report. Each column is 0/1
-- and only ever goes from 0 to 1: set by CaseReportOutcomes when the entity that proves it is
-- written (inside that transaction), and filled for the rows that exist by CaseReportBackfill from
-- our tables (CaseReportSql.refreshOutcomes). Runs unchanged on H2 2.x and PostgreSQL 15.
alter table case_report add column assessed integer default 0 not null;          -- an assessment_result
alter table case_report add column reviewed integer default 0 not null;          -- a vetting_review
alter table case_report add column vetting_decided integer default 0 not null;   -- ... APPROVE or DECLINE
alter table case_report add column vetting_approved integer default 0 not null;  -- ... APPROVE
alter table case_report add column interview_scored integer default 0 not null;  -- a scorecard with a score
alter table case_report add column matched integer default 0 not null;           -- a match_proposal
alter table case_report add column employer_declined integer default 0 not null; -- ... DECLINED
alter table case_report add column placed integer default 0 not null;            -- a placement
-- the placement's confirmed_at: time from application to placement
alter table case_report add column placed_at timestamp with time zone;
