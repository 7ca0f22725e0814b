-- Recommendation sets, referrals with clinician endorsements, and their audit trail.
-- Statistics outlive a profile's erasure; personal data does not (see the erasure notes below).

-- Exactly what was shown to a clinician, so an endorsement can be traced to it. Holds reasons
-- derived from the patient's needs, so a profile's sets are deleted when the profile is erased.
CREATE TABLE recommendation_sets (
    id               TEXT    NOT NULL PRIMARY KEY,
    ods_code         TEXT    NOT NULL,
    profile_id       TEXT    NOT NULL,
    profile_version  INTEGER NOT NULL,
    engine_version   TEXT    NOT NULL,
    document         TEXT    NOT NULL CHECK (json_valid(document)),
    created_at       TEXT    NOT NULL
);

CREATE INDEX ix_recommendation_sets_profile ON recommendation_sets (ods_code, profile_id);

CREATE TABLE referrals (
    id                 TEXT    NOT NULL PRIMARY KEY,
    ods_code           TEXT    NOT NULL,
    -- Null once the profile has been erased: the referral stays, for statistics only.
    profile_id         TEXT    NULL,
    service_id         TEXT    NOT NULL REFERENCES services (id),
    recommendation_id  TEXT    NULL,
    route              TEXT    NOT NULL CHECK (route IN ('signpost', 'direct')),
    source             TEXT    NOT NULL CHECK (source IN ('gp', 'nurse', 'link-worker', 'self')),
    status             TEXT    NOT NULL CHECK (status IN ('proposed', 'offered', 'contacted', 'started', 'completed',
                                                          'declined', 'not-contactable', 'no-capacity', 'dropped-out', 'withdrawn')),
    version            INTEGER NOT NULL CHECK (version >= 1),
    -- Who the referral was for, in terms that identify no one: what the data can later say
    -- "for whom" with.
    cohort             TEXT    NOT NULL CHECK (cohort IN ('never-used', 'has-used', 'unknown')),
    age_band           TEXT    NOT NULL,
    profile_erased_at  TEXT    NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);

CREATE INDEX ix_referrals_ods_created ON referrals (ods_code, created_at, id);
CREATE INDEX ix_referrals_profile ON referrals (profile_id);
CREATE INDEX ix_referrals_service ON referrals (service_id, status);

-- The referral's whole history, one row per status, in order.
CREATE TABLE referral_events (
    referral_id  TEXT    NOT NULL REFERENCES referrals (id),
    seq          INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    -- A decline reason code, or a short note from the practice (removed on erasure).
    reason       TEXT    NULL,
    occurred_at  TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL,
    PRIMARY KEY (referral_id, seq)
);

-- At most one endorsement per referral; never edited, only withdrawn.
CREATE TABLE endorsements (
    referral_id          TEXT NOT NULL PRIMARY KEY REFERENCES referrals (id),
    clinician_name       TEXT NOT NULL,
    clinician_role       TEXT NOT NULL CHECK (clinician_role IN ('gp', 'nurse', 'pharmacist', 'link-worker', 'other')),
    registration_body    TEXT NULL CHECK (registration_body IN ('gmc', 'nmc', 'hcpc', 'gphc')),
    registration_number  TEXT NULL,
    -- Words to the patient: personal, so removed when the profile is erased.
    note                 TEXT NULL,
    endorsed_at          TEXT NOT NULL,
    recorded_at          TEXT NOT NULL,
    withdrawn_at         TEXT NULL,
    withdrawal_reason    TEXT NULL
);

-- Idempotency-Key replay: the first response to a key is kept and returned again.
CREATE TABLE idempotency_keys (
    ods_code       TEXT    NOT NULL,
    key            TEXT    NOT NULL,
    request_hash   TEXT    NOT NULL,
    referral_id    TEXT    NOT NULL,
    response_body  TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (ods_code, key)
);

-- Append-only: every endorsement, withdrawal, status change and erasure, written in the same
-- transaction as the change, with the key that made it. Details never hold personal data.
CREATE TABLE audit_events (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    referral_id  TEXT    NOT NULL,
    ods_code     TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    detail       TEXT    NOT NULL CHECK (json_valid(detail)),
    key_id       TEXT    NULL,
    at           TEXT    NOT NULL
);

CREATE INDEX ix_audit_events_referral ON audit_events (referral_id, id);

CREATE TRIGGER audit_events_are_never_updated BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_are_never_deleted BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
