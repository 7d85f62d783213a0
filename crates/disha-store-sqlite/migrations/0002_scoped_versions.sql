-- Content versions per freshness scope instead of one global counter, so that a change to one kind of
-- content leaves cached pages built from other kinds alone.
CREATE TABLE content_versions (
    scope   TEXT    PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version >= 1)
) STRICT;

INSERT INTO content_versions (scope, version) SELECT 'careers', version FROM content_version;
DROP TABLE content_version;

-- Lists sort by title without regard to ASCII case, then slug; the index now has exactly that order.
DROP INDEX careers_public_by_title;
CREATE INDEX careers_public_by_title ON careers (status, title COLLATE NOCASE, slug);
