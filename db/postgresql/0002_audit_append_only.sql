-- The audit trail is append-only for every role, the table's owner included: UPDATE, DELETE and
-- TRUNCATE are refused by triggers (an identity column always generated means an insert cannot
-- pick an id either). Only someone who may drop the trigger can change history, and doing so
-- is itself a schema change an operator's logs record.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_are_never_changed BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_are_never_truncated BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
