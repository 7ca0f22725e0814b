-- A second line of defence behind the ODS scoping of every query: rows of practice-scoped tables
-- are visible and writable only under the practice named by the transaction-local setting
-- referral.practice, which the repositories set from the caller's key (PostgresConnectionFactory).
-- Pooled analyst and system reads (insights, track records, the demo cohort) say so explicitly
-- with referral.scope = 'all-practices'. With neither set, a query sees no rows at all.
-- FORCE applies the policies to the tables' owner too, which is the role the API connects as.
-- Superusers and roles with BYPASSRLS are never subject to them: the API must not use one.

CREATE FUNCTION referral_practice_visible(ods text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT ods = current_setting('referral.practice', true)
        OR current_setting('referral.scope', true) = 'all-practices'
$$;

ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON profiles USING (referral_practice_visible(ods_code));

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON referrals USING (referral_practice_visible(ods_code));

ALTER TABLE recommendation_sets ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_sets FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON recommendation_sets USING (referral_practice_visible(ods_code));

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON idempotency_keys USING (referral_practice_visible(ods_code));

ALTER TABLE outcome_measures ENABLE ROW LEVEL SECURITY;
ALTER TABLE outcome_measures FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON outcome_measures USING (referral_practice_visible(ods_code));

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON audit_events USING (referral_practice_visible(ods_code));

-- Events and endorsements carry no ODS code of their own: they follow their referral's, which
-- the subquery reads under the referrals policy above.
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_events FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON referral_events USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));

ALTER TABLE endorsements ENABLE ROW LEVEL SECURITY;
ALTER TABLE endorsements FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_rows ON endorsements USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
