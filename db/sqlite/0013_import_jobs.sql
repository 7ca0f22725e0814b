-- Imports started through the API, kept in the database so that any instance can answer for a
-- job and a restart does not forget it. The instance running a job writes its progress every
-- few seconds (heard_at); a job still marked running that has not been heard from for a while
-- was cut off with its server, and is reported as failed. The report is the finished import's
-- JSON as the API returns it. No personal data: feeds are directories of services.
CREATE TABLE import_jobs (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,
    pages       INTEGER NOT NULL,
    records     INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    heard_at    TEXT NOT NULL,
    report      TEXT
);
