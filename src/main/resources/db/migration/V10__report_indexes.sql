-- Pilot-evaluation reports (org.racetoplace.reports, docs/evaluation.md). Runs unchanged on H2 2.x
-- and PostgreSQL 15. The reports select the applications of a period (and optionally one
-- community) by submission time; every other table of ours is joined by application id, which its
-- primary key, unique constraint or index already covers. Flyway runs before the engine creates
-- its ACT_* tables, so no index on Camunda's history belongs here (docs/performance.md).
create index ix_application_created_community on application (created_at, community_id);
