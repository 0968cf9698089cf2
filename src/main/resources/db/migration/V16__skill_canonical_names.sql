-- Skills normalised at intake (docs/matching.md, "Normalisation at intake"): next to the name as
-- the candidate wrote it, each self-rated skill and project technology holds the canonical skill of
-- the taxonomy it stands for ("JS" -> "JavaScript"), or null when the taxonomy does not know it.
-- The unknown-skills report for staff reads the null rows. Rows stored before this migration are
-- filled at the next start-up by SkillNormalisationBackfill, which runs again whenever the bundled
-- taxonomy's version changes (a name it learnt gets its canonical skill then). Erasure deletes the
-- rows with the rest of the profile. Runs unchanged on H2 2.x and PostgreSQL 15.
alter table application_skill add column canonical_name varchar(100);
alter table application_project_technology add column canonical_name varchar(100);
