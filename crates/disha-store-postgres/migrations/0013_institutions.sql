-- Institutions and the programmes they run, from AICTE's list (`source = 'aicte'`, keyed by its id) and later
-- from the curated catalog. Lists filter on state, district, kind, level, course and name, and sort by name
-- or by seats a year, so the counts a list shows are kept on the institution's row.
CREATE TABLE institutions (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            TEXT    NOT NULL UNIQUE,
    source          TEXT    NOT NULL CHECK (source IN ('aicte', 'catalog')),
    source_id       TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    name_key        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    district        TEXT    NOT NULL,
    district_key    TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    university      TEXT    NOT NULL,
    women_only      BOOLEAN NOT NULL,
    minority        BOOLEAN NOT NULL,
    programme_count BIGINT  NOT NULL,
    intake          BIGINT  NOT NULL,
    digest          TEXT    NOT NULL,
    UNIQUE (source, source_id)
);

CREATE INDEX institutions_by_place ON institutions (state, district_key, name_key);
CREATE INDEX institutions_by_name ON institutions (name_key);

CREATE TABLE institution_programmes (
    institution_id BIGINT  NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    position       BIGINT  NOT NULL,
    level          TEXT    NOT NULL,
    discipline     TEXT    NOT NULL,
    course         TEXT    NOT NULL,
    course_key     TEXT    NOT NULL,
    shift          TEXT    NOT NULL,
    mode           TEXT    NOT NULL,
    intake         BIGINT,
    PRIMARY KEY (institution_id, position)
);

CREATE INDEX programmes_by_course ON institution_programmes (course_key, level, institution_id);
CREATE INDEX programmes_by_level ON institution_programmes (level, institution_id);
