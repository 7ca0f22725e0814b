-- Imports started through the API, kept in the database so that any instance can answer for a
-- job and a restart does not forget it (as db/sqlite/0013). The report is the finished import's
-- JSON as the API returns it, kept as written. No personal data: feeds are directories of services.
CREATE TABLE import_jobs (
    id          uuid        PRIMARY KEY,
    source      text        NOT NULL,
    status      text        NOT NULL,
    pages       integer     NOT NULL,
    records     integer     NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NULL,
    heard_at    timestamptz NOT NULL,
    report      text        NULL
);
