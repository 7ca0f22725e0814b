-- Where an imported service came from: the feed (its base URL, or the file or folder named),
-- the record's id there and its `modified` date. A re-import finds its services by these and
-- updates them instead of adding copies; a service whose record has gone from the feed is found
-- here to be closed (never deleted). The service's own id is derived from the feed and the
-- source id, so an import interrupted between the two writes finds its service again.
CREATE TABLE import_provenance (
    feed            TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    service_id      TEXT NOT NULL,
    source_modified TEXT,
    PRIMARY KEY (feed, source_id)
);

CREATE INDEX ix_import_provenance_service ON import_provenance (service_id);
