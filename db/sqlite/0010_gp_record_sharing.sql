-- What of a referral may go back to the GP record, chosen per referral when it is made and
-- changeable by the practice: the full closure summary, or the SNOMED CT codes only (no free
-- text, no names, no notes). Referrals made before this choice existed recorded no consent to
-- share more, so they take the narrower one.
ALTER TABLE referrals ADD COLUMN record_sharing TEXT NOT NULL DEFAULT 'codes-only'
    CHECK (record_sharing IN ('full-summary', 'codes-only'));

-- The FHIR facade finds a practice's referrals by the patient's NHS number.
CREATE INDEX ix_profiles_nhs_number ON profiles (ods_code, nhs_number) WHERE nhs_number IS NOT NULL;
