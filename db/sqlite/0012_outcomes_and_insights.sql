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

-- The insights read a year of referrals (a million in a large deployment) in well under a second
-- from one covering index, instead of looking up each referral's endorsement and events: whether
-- an endorsement stands, and the furthest stage reached (0 none, 1 contacted, 2 started,
-- 3 completed), are kept on the referral by triggers, in the transaction of the write that
-- changes them, whichever path writes it.
ALTER TABLE referrals ADD COLUMN endorsed INTEGER NOT NULL DEFAULT 0 CHECK (endorsed IN (0, 1));
ALTER TABLE referrals ADD COLUMN reached INTEGER NOT NULL DEFAULT 0 CHECK (reached BETWEEN 0 AND 3);
-- A decline's reason code (never free text: only the coded reasons are copied).
ALTER TABLE referrals ADD COLUMN decline_reason TEXT NULL;

UPDATE referrals SET
    endorsed = EXISTS (SELECT 1 FROM endorsements e WHERE e.referral_id = referrals.id AND e.withdrawn_at IS NULL),
    reached = COALESCE((SELECT MAX(CASE v.status WHEN 'contacted' THEN 1 WHEN 'started' THEN 2 WHEN 'completed' THEN 3 ELSE 0 END)
                          FROM referral_events v WHERE v.referral_id = referrals.id), 0),
    decline_reason = (SELECT v.reason FROM referral_events v
                       WHERE v.referral_id = referrals.id AND v.status = 'declined'
                         AND v.reason IN ('not-for-me', 'format', 'time', 'distance', 'cost', 'other'));

CREATE TRIGGER referrals_endorsed_on_endorsement AFTER INSERT ON endorsements
BEGIN
    UPDATE referrals SET endorsed = (NEW.withdrawn_at IS NULL) WHERE id = NEW.referral_id;
END;

CREATE TRIGGER referrals_endorsed_on_withdrawal AFTER UPDATE OF withdrawn_at ON endorsements
BEGIN
    UPDATE referrals SET endorsed = (NEW.withdrawn_at IS NULL) WHERE id = NEW.referral_id;
END;

CREATE TRIGGER referrals_reached_on_event AFTER INSERT ON referral_events
WHEN NEW.status IN ('contacted', 'started', 'completed')
BEGIN
    UPDATE referrals SET reached = MAX(reached, CASE NEW.status WHEN 'contacted' THEN 1 WHEN 'started' THEN 2 ELSE 3 END)
     WHERE id = NEW.referral_id;
END;

CREATE TRIGGER referrals_decline_reason_on_event AFTER INSERT ON referral_events
WHEN NEW.status = 'declined'
BEGIN
    UPDATE referrals SET decline_reason = CASE WHEN NEW.reason IN ('not-for-me', 'format', 'time', 'distance', 'cost', 'other') THEN NEW.reason ELSE 'other' END
     WHERE id = NEW.referral_id;
END;

DROP INDEX ix_referrals_created;
CREATE INDEX ix_referrals_insights ON referrals (created_at, cohort, endorsed, format, extraversion_band, lonely, reached, decline_reason, ods_code);
