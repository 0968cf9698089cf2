-- Screening looks a person up by e-mail across communities (one open application per person);
-- the unique (community_id, email) index cannot serve that, so every intake scanned candidate.
create index idx_candidate_email on candidate (email);
