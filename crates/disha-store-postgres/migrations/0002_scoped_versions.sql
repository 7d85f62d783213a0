-- Content versions per freshness scope instead of one global counter, so that a change to one kind of
-- content leaves cached pages built from other kinds alone.
CREATE TABLE content_versions (
    scope   TEXT   PRIMARY KEY,
    version BIGINT NOT NULL CHECK (version >= 1)
);

INSERT INTO content_versions (scope, version) SELECT 'careers', version FROM content_version;
DROP TABLE content_version;

-- Lists are now filtered, sorted and paged in memory from the published summaries, so no query orders careers
-- by title or filters them by field; the indexes that served those queries would only slow writes.
DROP INDEX careers_public_by_title;
DROP INDEX careers_public_by_stream;
