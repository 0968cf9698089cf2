-- Pilot-evaluation reports (org.racetoplace.reports, docs/evaluation.md, docs/performance.md):
-- what the reports need from the engine's history, one row per case, kept current by
-- CaseReportRecorder inside the engine's transaction and filled for older cases by
-- CaseReportBackfill. The reports join it to application by process instance, so they never read
-- ACT_HI_ACTINST (1.3 million rows for 100,000 cases). Facts about the case, none about the
-- person: erasure and the history clean-up leave it, so time in stage survives both.
-- Runs unchanged on H2 2.x and PostgreSQL 15. Plain JDBC, no JPA entities.
create table case_report (
  process_instance_id varchar(64) not null primary key,
  -- the furthest stage sub-process entered, 1 (Stage_Apply) ... 5 (Stage_Match); null: none yet
  stage_reached       integer,
  -- time spent in each stage sub-process, summed over its visits that ended (DURATION_ in the
  -- history); null while no visit has ended
  apply_ms            bigint,
  assess_ms           bigint,
  vet_ms              bigint,
  interview_ms        bigint,
  match_ms            bigint,
  updated_at          timestamp with time zone not null,
  constraint ck_case_report_stage check (stage_reached between 1 and 5)
);
