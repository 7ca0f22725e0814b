-- Patient preference profiles, owned by one GP practice (its ODS code).
-- Personal data lives only in this table, so erasing a row erases it for good.

CREATE TABLE profiles (
    id           TEXT    NOT NULL PRIMARY KEY,
    ods_code     TEXT    NOT NULL,
    patient_ref  TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    -- Ten digits, already checked with Modulus 11; never logged, returned only masked.
    nhs_number   TEXT    NULL,
    -- Everything else the practice recorded (JSON). The postcode is kept as its district only.
    document     TEXT    NOT NULL CHECK (json_valid(document)),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (ods_code, patient_ref)
);

CREATE INDEX ix_profiles_ods_created ON profiles (ods_code, created_at, id);
