-- Career profiles. The sections are stored together as one JSON document because a profile is always read
-- and revised as a whole; the columns beside it are the ones lists filter and sort on.
CREATE TABLE careers (
    id              INTEGER PRIMARY KEY,
    slug            TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    -- ' ' + the lowercased title with every non-alphanumeric run turned into one space: lets a word-prefix
    -- filter be a plain substring test that means the same on every back end.
    title_words     TEXT    NOT NULL,
    stream          TEXT    NOT NULL,
    education_level INTEGER NOT NULL CHECK (education_level BETWEEN 1 AND 5),
    summary         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('draft', 'published')),
    body            TEXT    NOT NULL CHECK (json_valid(body)),
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    -- Unix time in microseconds: sorts correctly as a number, unlike text timestamps of varying precision.
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX careers_public_by_title ON careers (status, title COLLATE NOCASE);
CREATE INDEX careers_public_by_stream ON careers (status, stream, education_level);

-- A single counter bumped in every transaction that changes published content; caches compare against it.
CREATE TABLE content_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO content_version (id, version) VALUES (1, 1);
