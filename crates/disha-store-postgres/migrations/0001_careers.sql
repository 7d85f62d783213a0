-- Career profiles. The sections are stored together as one JSONB document because a profile is always read
-- and revised as a whole; the columns beside it are the ones lists filter and sort on.
CREATE TABLE careers (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            TEXT        NOT NULL UNIQUE,
    title           TEXT        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    -- ' ' + the lowercased title with every non-alphanumeric run turned into one space (computed by the
    -- application, so the word-prefix filter means the same here as on SQLite).
    title_words     TEXT        NOT NULL,
    stream          TEXT        NOT NULL,
    education_level SMALLINT    NOT NULL CHECK (education_level BETWEEN 1 AND 5),
    summary         TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('draft', 'published')),
    body            JSONB       NOT NULL,
    revision        BIGINT      NOT NULL CHECK (revision >= 1),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX careers_public_by_title ON careers (status, lower(title) COLLATE "C");
CREATE INDEX careers_public_by_stream ON careers (status, stream, education_level);

-- A single counter bumped in every transaction that changes published content; caches on every instance
-- compare against it.
CREATE TABLE content_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);

INSERT INTO content_version (id, version) VALUES (1, 1);
