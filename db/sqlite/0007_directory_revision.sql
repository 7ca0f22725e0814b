-- The directory's revision, for the listing ETag: raised by triggers in the same transaction as
-- every insert or update of a service, whichever path or process makes it, so a listing learns
-- whether anything changed from one row instead of aggregating the whole table per request.
-- `since` tells apart two databases that happen to reach the same revision.
CREATE TABLE directory_revision (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    revision  INTEGER NOT NULL,
    since     TEXT    NOT NULL
);

INSERT INTO directory_revision (id, revision, since)
SELECT 1, COUNT(*) + COALESCE(SUM(version), 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM services;

CREATE TRIGGER services_inserted_raise_directory_revision AFTER INSERT ON services
BEGIN
    UPDATE directory_revision SET revision = revision + 1 WHERE id = 1;
END;

CREATE TRIGGER services_updated_raise_directory_revision AFTER UPDATE ON services
BEGIN
    UPDATE directory_revision SET revision = revision + 1 WHERE id = 1;
END;
