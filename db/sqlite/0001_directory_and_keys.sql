-- The peer support service directory and the API keys that guard it.
-- Dates are ISO 8601 text (UTC); ids are lower-case UUID text.

CREATE TABLE services (
    id              TEXT    NOT NULL PRIMARY KEY,
    version         INTEGER NOT NULL CHECK (version >= 1),
    status          TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
    name            TEXT    NOT NULL,
    -- Denormalised from the document for text search and distance ordering.
    search_text     TEXT    NOT NULL,
    venue_district  TEXT    NULL,
    national        INTEGER NOT NULL CHECK (national IN (0, 1)),
    area_radius_km  INTEGER NULL,
    -- The service as the directory administrator described it (JSON). Lists such as formats
    -- and conditions are filtered with json_each.
    document        TEXT    NOT NULL CHECK (json_valid(document)),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE INDEX ix_services_status_name ON services (status, name);

CREATE TABLE api_keys (
    id          TEXT NOT NULL PRIMARY KEY,
    -- SHA-256 of the key: keys are 256-bit random, so a fast hash is enough and the key
    -- itself is never stored.
    key_hash    TEXT NOT NULL UNIQUE,
    -- The first characters of the key, so an operator can tell keys apart.
    prefix      TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('directory-admin', 'practice', 'analyst')),
    ods_code    TEXT NULL,
    label       TEXT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT NULL,
    CHECK ((role = 'practice') = (ods_code IS NOT NULL))
);
