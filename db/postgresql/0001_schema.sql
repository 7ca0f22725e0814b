-- The whole schema the SQLite migrations 0001 to 0012 arrive at, in PostgreSQL's own types:
-- uuid ids, timestamptz times, jsonb documents, bytea for compressed sets, booleans. There are
-- no PostgreSQL databases of an older shape to upgrade, so this starts where SQLite is now.

CREATE TABLE services (
    id              uuid        NOT NULL PRIMARY KEY,
    version         integer     NOT NULL CHECK (version >= 1),
    status          text        NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
    name            text        NOT NULL,
    venue_district  text        NULL,
    national        boolean     NOT NULL,
    area_radius_km  integer     NULL,
    -- The service as the directory administrator described it; the source of truth for the
    -- in-memory matching directory and search index.
    document        jsonb       NOT NULL CHECK (jsonb_typeof(document) = 'object'),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id          uuid        NOT NULL PRIMARY KEY,
    -- SHA-256 of the key; the key itself is never stored.
    key_hash    text        NOT NULL UNIQUE,
    prefix      text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('directory-admin', 'practice', 'analyst')),
    ods_code    text        NULL,
    label       text        NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL,
    CHECK ((role = 'practice') = (ods_code IS NOT NULL))
);

-- Patient preference profiles, owned by one GP practice. Personal data.
CREATE TABLE profiles (
    id           uuid        NOT NULL PRIMARY KEY,
    ods_code     text        NOT NULL,
    patient_ref  text        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    nhs_number   text        NULL,
    document     jsonb       NOT NULL CHECK (jsonb_typeof(document) = 'object'),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (ods_code, patient_ref)
);

CREATE INDEX ix_profiles_ods_created ON profiles (ods_code, created_at, id);
CREATE INDEX ix_profiles_nhs_number ON profiles (ods_code, nhs_number) WHERE nhs_number IS NOT NULL;

-- Exactly what was shown to a clinician, gzip-compressed (or 'identity'), never changed.
CREATE TABLE recommendation_sets (
    id                uuid        NOT NULL PRIMARY KEY,
    ods_code          text        NOT NULL,
    profile_id        uuid        NOT NULL,
    profile_version   integer     NOT NULL,
    engine_version    text        NOT NULL,
    content_encoding  text        NOT NULL CHECK (content_encoding IN ('identity', 'gzip')),
    document          bytea       NOT NULL,
    created_at        timestamptz NOT NULL
);

CREATE INDEX ix_recommendation_sets_profile ON recommendation_sets (ods_code, profile_id);

CREATE TABLE referrals (
    id                 uuid        NOT NULL PRIMARY KEY,
    ods_code           text        NOT NULL,
    -- Null once the profile has been erased: the referral stays, for statistics only.
    profile_id         uuid        NULL,
    service_id         uuid        NOT NULL REFERENCES services (id),
    recommendation_id  uuid        NULL,
    route              text        NOT NULL CHECK (route IN ('signpost', 'direct')),
    source             text        NOT NULL CHECK (source IN ('gp', 'nurse', 'link-worker', 'self')),
    status             text        NOT NULL CHECK (status IN ('proposed', 'offered', 'contacted', 'started', 'completed',
                                                              'declined', 'not-contactable', 'no-capacity', 'dropped-out', 'withdrawn')),
    version            integer     NOT NULL CHECK (version >= 1),
    cohort             text        NOT NULL CHECK (cohort IN ('never-used', 'has-used', 'unknown')),
    age_band           text        NOT NULL,
    profile_erased_at  timestamptz NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    record_sharing     text        NOT NULL DEFAULT 'codes-only' CHECK (record_sharing IN ('full-summary', 'codes-only')),
    -- Who a referral was for, in bands that identify no one, for the insights.
    format             text        NULL,
    extraversion_band  text        NULL CHECK (extraversion_band IN ('reserved', 'middle', 'outgoing')),
    lonely             boolean     NULL,
    -- Kept in step by the triggers below, so that the insights read one covering index.
    endorsed           boolean     NOT NULL DEFAULT false,
    reached            smallint    NOT NULL DEFAULT 0 CHECK (reached BETWEEN 0 AND 3),
    decline_reason     text        NULL
);

CREATE INDEX ix_referrals_ods_created ON referrals (ods_code, created_at, id);
CREATE INDEX ix_referrals_profile ON referrals (profile_id);
CREATE INDEX ix_referrals_service ON referrals (service_id, status);
CREATE INDEX ix_referrals_insights ON referrals (created_at, cohort, endorsed, format, extraversion_band, lonely, reached, decline_reason, ods_code);

CREATE TABLE referral_events (
    referral_id  uuid        NOT NULL REFERENCES referrals (id),
    seq          integer     NOT NULL,
    status       text        NOT NULL,
    reason       text        NULL,
    occurred_at  timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (referral_id, seq)
);

CREATE TABLE endorsements (
    referral_id          uuid        NOT NULL PRIMARY KEY REFERENCES referrals (id),
    clinician_name       text        NOT NULL,
    clinician_role       text        NOT NULL CHECK (clinician_role IN ('gp', 'nurse', 'pharmacist', 'link-worker', 'other')),
    registration_body    text        NULL CHECK (registration_body IN ('gmc', 'nmc', 'hcpc', 'gphc')),
    registration_number  text        NULL,
    note                 text        NULL,
    endorsed_at          timestamptz NOT NULL,
    recorded_at          timestamptz NOT NULL,
    withdrawn_at         timestamptz NULL,
    withdrawal_reason    text        NULL
);

-- Idempotency-Key replay. The primary key is what makes a key's first response win across
-- every API instance: a second insert of the key waits for the first transaction, then fails.
CREATE TABLE idempotency_keys (
    ods_code       text        NOT NULL,
    key            text        NOT NULL,
    request_hash   text        NOT NULL,
    referral_id    uuid        NOT NULL,
    response_body  text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (ods_code, key)
);

CREATE TABLE audit_events (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id  uuid        NOT NULL,
    ods_code     text        NOT NULL,
    action       text        NOT NULL,
    -- json, not jsonb: the detail is returned as it was written.
    detail       json        NOT NULL,
    key_id       uuid        NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX ix_audit_events_referral ON audit_events (referral_id, id);

CREATE TABLE import_provenance (
    feed            text NOT NULL,
    source_id       text NOT NULL,
    service_id      uuid NOT NULL,
    source_modified text NULL,
    PRIMARY KEY (feed, source_id)
);

CREATE INDEX ix_import_provenance_service ON import_provenance (service_id);

CREATE TABLE outcome_measures (
    id                 uuid        NOT NULL PRIMARY KEY,
    referral_id        uuid        NOT NULL REFERENCES referrals (id),
    ods_code           text        NOT NULL,
    timepoint          text        NOT NULL CHECK (timepoint IN ('baseline', 'follow-up')),
    life_satisfaction  integer     NOT NULL CHECK (life_satisfaction BETWEEN 0 AND 10),
    worthwhile         integer     NOT NULL CHECK (worthwhile BETWEEN 0 AND 10),
    happiness          integer     NOT NULL CHECK (happiness BETWEEN 0 AND 10),
    anxiety            integer     NOT NULL CHECK (anxiety BETWEEN 0 AND 10),
    ucla3_1            integer     NULL CHECK (ucla3_1 BETWEEN 1 AND 3),
    ucla3_2            integer     NULL CHECK (ucla3_2 BETWEEN 1 AND 3),
    ucla3_3            integer     NULL CHECK (ucla3_3 BETWEEN 1 AND 3),
    interval_days      integer     NOT NULL,
    recorded_by        text        NOT NULL,
    measured_at        timestamptz NOT NULL,
    key_id             uuid        NULL,
    recorded_at        timestamptz NOT NULL
);

CREATE INDEX ix_outcome_measures_referral ON outcome_measures (referral_id, timepoint, measured_at);

-- The insight columns, kept on the referral in the transaction of whichever write changes them.
CREATE FUNCTION referrals_follow_endorsement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE referrals SET endorsed = (NEW.withdrawn_at IS NULL) WHERE id = NEW.referral_id;
    RETURN NULL;
END $$;

CREATE TRIGGER referrals_endorsed AFTER INSERT OR UPDATE OF withdrawn_at ON endorsements
    FOR EACH ROW EXECUTE FUNCTION referrals_follow_endorsement();

CREATE FUNCTION referrals_follow_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IN ('contacted', 'started', 'completed') THEN
        UPDATE referrals SET reached = GREATEST(reached, CASE NEW.status WHEN 'contacted' THEN 1 WHEN 'started' THEN 2 ELSE 3 END)
         WHERE id = NEW.referral_id;
    ELSIF NEW.status = 'declined' THEN
        UPDATE referrals SET decline_reason = CASE WHEN NEW.reason IN ('not-for-me', 'format', 'time', 'distance', 'cost', 'other') THEN NEW.reason ELSE 'other' END
         WHERE id = NEW.referral_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER referrals_reached AFTER INSERT ON referral_events
    FOR EACH ROW EXECUTE FUNCTION referrals_follow_event();
