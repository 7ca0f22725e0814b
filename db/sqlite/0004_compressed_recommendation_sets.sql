-- Recommendation sets are kept as the exact bytes returned, now gzip-compressed: a set is about
-- 24 KB of JSON that compresses about sevenfold (the factor names and most reasons repeat), and
-- writing it whole was the slowest step of a recommendation. The body can be served to clients
-- that accept gzip as it is stored.
-- content_encoding uses HTTP's Content-Encoding names: 'identity' marks sets stored before this
-- migration, byte for byte as they were; 'gzip' marks sets stored after it. Either way the
-- decoded bytes are the JSON that was shown, so a later GET still returns it unchanged.
-- recommendation_sets has no foreign keys and nothing references it by constraint, so it can be
-- rebuilt in place.

-- The old table's pages hold sets in plain text, some derived from patients' needs; they are
-- overwritten as they are freed, so that a profile erased later leaves no copy in free pages.
PRAGMA secure_delete = ON;
CREATE TABLE recommendation_sets_compressed (
    id                TEXT    NOT NULL PRIMARY KEY,
    ods_code          TEXT    NOT NULL,
    profile_id        TEXT    NOT NULL,
    profile_version   INTEGER NOT NULL,
    engine_version    TEXT    NOT NULL,
    content_encoding  TEXT    NOT NULL CHECK (content_encoding IN ('identity', 'gzip')),
    document          BLOB    NOT NULL,
    created_at        TEXT    NOT NULL
);

INSERT INTO recommendation_sets_compressed
       (id, ods_code, profile_id, profile_version, engine_version, content_encoding, document, created_at)
SELECT id, ods_code, profile_id, profile_version, engine_version, 'identity', CAST(document AS BLOB), created_at
  FROM recommendation_sets;

DROP TABLE recommendation_sets;
ALTER TABLE recommendation_sets_compressed RENAME TO recommendation_sets;
CREATE INDEX ix_recommendation_sets_profile ON recommendation_sets (ods_code, profile_id);
