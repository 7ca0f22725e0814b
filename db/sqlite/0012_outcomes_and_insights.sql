-- Outcome measures, and what the insights need to say "what works, for whom" (issue 17).

-- ONS4 personal wellbeing (free to use) at referral (baseline) and at follow-up, with UCLA-3 at
-- follow-up. Personal data: every row of a profile's referrals is deleted when the profile is
-- erased (SqliteProfileRepository.EraseAsync); the referral itself stays, anonymised.
CREATE TABLE outcome_measures (
    id                 TEXT    NOT NULL PRIMARY KEY,
    referral_id        TEXT    NOT NULL REFERENCES referrals (id),
    ods_code           TEXT    NOT NULL,
    timepoint          TEXT    NOT NULL CHECK (timepoint IN ('baseline', 'follow-up')),
    life_satisfaction  INTEGER NOT NULL CHECK (life_satisfaction BETWEEN 0 AND 10),
    worthwhile         INTEGER NOT NULL CHECK (worthwhile BETWEEN 0 AND 10),
    happiness          INTEGER NOT NULL CHECK (happiness BETWEEN 0 AND 10),
    anxiety            INTEGER NOT NULL CHECK (anxiety BETWEEN 0 AND 10),
    -- UCLA-3 answers, at follow-up only (each 1 to 3).
    ucla3_1            INTEGER NULL CHECK (ucla3_1 BETWEEN 1 AND 3),
    ucla3_2            INTEGER NULL CHECK (ucla3_2 BETWEEN 1 AND 3),
    ucla3_3            INTEGER NULL CHECK (ucla3_3 BETWEEN 1 AND 3),
    -- Days from the referral being made (baseline) or started (follow-up) to the measurement.
    interval_days      INTEGER NOT NULL,
    recorded_by        TEXT    NOT NULL,
    measured_at        TEXT    NOT NULL,
    key_id             TEXT    NULL,
    recorded_at        TEXT    NOT NULL
);

CREATE INDEX ix_outcome_measures_referral ON outcome_measures (referral_id, timepoint, measured_at);

-- Who a referral was for, in bands that identify no one, taken when it is made so that the
-- insights still count it after the profile is erased: the service's main format (the first it
-- lists), the TIPI extraversion band and whether UCLA-3 read as lonely (null when not answered).
ALTER TABLE referrals ADD COLUMN format TEXT NULL;
ALTER TABLE referrals ADD COLUMN extraversion_band TEXT NULL CHECK (extraversion_band IN ('reserved', 'middle', 'outgoing'));
ALTER TABLE referrals ADD COLUMN lonely INTEGER NULL CHECK (lonely IN (0, 1));

-- Referrals made before this script: the service's first format is known; personality is not.
UPDATE referrals SET format = (SELECT json_extract(s.document, '$.formats[0]') FROM services s WHERE s.id = referrals.service_id);

-- Insights read a period of referrals, pooled (analyst) or for one practice: a range scan on
-- created_at either way (the practice one uses ix_referrals_ods_created).
CREATE INDEX ix_referrals_created ON referrals (created_at);
