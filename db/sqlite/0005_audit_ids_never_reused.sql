-- The audit trail is append-only, and 0003's UPDATE and DELETE triggers are not enough:
-- REPLACE (INSERT OR REPLACE, REPLACE INTO) deletes the conflicting row without firing DELETE
-- triggers, so an insert that reuses an id could rewrite history. Refusing the reuse of an id
-- before the insert closes that door, and upserts (ON CONFLICT DO UPDATE/NOTHING) with it.
CREATE TRIGGER audit_events_ids_are_never_reused BEFORE INSERT ON audit_events
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
