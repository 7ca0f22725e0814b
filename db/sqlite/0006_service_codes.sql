-- Directory search without reading every service (issue 13).

-- The codes of each service's lists, one row each, so a code filter is an index seek instead of
-- json_each over every stored document. Derived from the document, always in the same
-- transaction as the write that changed it; the document stays the source of truth.
CREATE TABLE service_codes (
    service_id  TEXT NOT NULL REFERENCES services (id),
    kind        TEXT NOT NULL CHECK (kind IN ('condition', 'community', 'format', 'language')),
    code        TEXT NOT NULL,
    PRIMARY KEY (service_id, kind, code)
) WITHOUT ROWID;

CREATE INDEX ix_service_codes_kind_code ON service_codes (kind, code, service_id);

-- Every service stored so far, read exactly as the json_each filters it replaces read them.
INSERT INTO service_codes (service_id, kind, code)
SELECT DISTINCT s.id, k.kind, j.value
  FROM services s
  JOIN (SELECT 'condition' AS kind, '$.conditions' AS path
        UNION ALL SELECT 'community', '$.communities'
        UNION ALL SELECT 'format', '$.formats'
        UNION ALL SELECT 'language', '$.languages') k
  JOIN json_each(s.document, k.path) j
 WHERE j.value IS NOT NULL;

-- The venue district's centroid, so a search near a place reads only the services inside the
-- radius's bounding box. The centroids live in the application's reference data, not in SQL,
-- so rows stored before this script are located when the API starts (SqliteVenueLocator);
-- until then a search treats a district with no coordinates as a candidate, as before.
ALTER TABLE services ADD COLUMN venue_lat REAL NULL;
ALTER TABLE services ADD COLUMN venue_lon REAL NULL;

CREATE INDEX ix_services_status_venue ON services (status, venue_lat, venue_lon);
