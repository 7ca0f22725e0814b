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

DO $$
DECLARE
    practice_table text;
BEGIN
    FOREACH practice_table IN ARRAY ARRAY['profiles', 'referrals', 'recommendation_sets', 'idempotency_keys', 'outcome_measures', 'audit_events'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', practice_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', practice_table);
        EXECUTE format('CREATE POLICY practice_rows ON %I USING (referral_practice_visible(ods_code))', practice_table);
    END LOOP;

    -- Events and endorsements carry no ODS code of their own: they follow their referral's,
    -- which the subquery reads under the referrals policy above.
    FOREACH practice_table IN ARRAY ARRAY['referral_events', 'endorsements'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', practice_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', practice_table);
        EXECUTE format('CREATE POLICY practice_rows ON %I USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))', practice_table);
    END LOOP;
END $$;
