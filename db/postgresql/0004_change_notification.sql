-- Every committed change to a service is announced on the channel referral_changes, whichever
-- instance, verb or psql session made it; PostgreSQL delivers a NOTIFY only when its transaction
-- commits. The payload is "<instance>:<service id>", the instance being the transaction-local
-- setting referral.instance (empty for a change made outside the API), so that each API
-- instance can skip what it has already applied itself.
CREATE FUNCTION services_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('referral_changes', coalesce(current_setting('referral.instance', true), '') || ':' || NEW.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER services_changed AFTER INSERT OR UPDATE ON services
    FOR EACH ROW EXECUTE FUNCTION services_notify_change();
