-- The raw score on the result itself (issue 4: "raw score, per-topic and per-language subscores,
-- a scaled 0-100 score; stored as AssessmentResult"): items answered right of items scored, as
-- the built-in sitting counted them. Null for results that come without one: staff enter
-- subscores only, and a provider's webhook payload carries no raw score. Runs unchanged on H2 2.x
-- and PostgreSQL 15. Column types match the JPA entity AssessmentResult (ddl-auto: validate).
alter table assessment_result add column raw_score integer;
alter table assessment_result add column max_score integer;

-- Results stored before this migration: a built-in sitting that handed its result to the case
-- links it (assessment_sitting.result_id, one sitting per application and so per result) and
-- kept the raw score; results without such a sitting stay null.
update assessment_result
   set raw_score = (select s.raw_score from assessment_sitting s where s.result_id = assessment_result.id),
       max_score = (select s.max_score from assessment_sitting s where s.result_id = assessment_result.id)
 where exists (select 1 from assessment_sitting s where s.result_id = assessment_result.id);

-- both or neither, and never more right than scored (as on the sitting)
alter table assessment_result add constraint ck_assessment_result_raw_pair
  check ((raw_score is null) = (max_score is null));
alter table assessment_result add constraint ck_assessment_result_raw
  check (raw_score between 0 and max_score);
