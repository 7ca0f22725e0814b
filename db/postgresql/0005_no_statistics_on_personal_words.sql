-- ANALYZE keeps samples of each column's values in pg_statistic (most common values, histogram
-- bounds), which an erasure does not reach: a patient's reference or a clinician's note could
-- outlive the row there. Columns that hold personal words or identifiers are never sampled;
-- the planner estimates them by default rules, which is all their queries (equality on a
-- unique key, or none) need.
ALTER TABLE profiles ALTER COLUMN patient_ref SET STATISTICS 0;
ALTER TABLE profiles ALTER COLUMN nhs_number SET STATISTICS 0;
ALTER TABLE profiles ALTER COLUMN document SET STATISTICS 0;
ALTER TABLE endorsements ALTER COLUMN clinician_name SET STATISTICS 0;
ALTER TABLE endorsements ALTER COLUMN registration_number SET STATISTICS 0;
ALTER TABLE endorsements ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE endorsements ALTER COLUMN withdrawal_reason SET STATISTICS 0;
ALTER TABLE referral_events ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE idempotency_keys ALTER COLUMN response_body SET STATISTICS 0;
ALTER TABLE recommendation_sets ALTER COLUMN document SET STATISTICS 0;
