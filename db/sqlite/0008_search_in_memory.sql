-- Directory search is answered from an index in memory (src/Referral.Api/Search), built from the
-- stored documents at start-up and kept current by the data layer's change feed, the same on
-- every storage provider. What only the SQL search read goes: the derived codes, the venue
-- coordinates, the lower-cased search text and the revision row the listing ETag came from.
-- Nothing a service says is lost: the document keeps all of it.
DROP TRIGGER services_inserted_raise_directory_revision;
DROP TRIGGER services_updated_raise_directory_revision;
DROP TABLE directory_revision;
DROP TABLE service_codes;
DROP INDEX ix_services_status_venue;
DROP INDEX ix_services_status_name;
ALTER TABLE services DROP COLUMN venue_lat;
ALTER TABLE services DROP COLUMN venue_lon;
ALTER TABLE services DROP COLUMN search_text;
