-- What a student keeps: assessment results (taken without an account and claimed later), saved careers, the
-- status of roadmap steps and shortlisted colleges. Everything an account owns goes with it.
CREATE TABLE assessment_results (
    id         INTEGER PRIMARY KEY,
    token      TEXT    NOT NULL UNIQUE,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX assessment_results_by_account ON assessment_results (account_id, created_at)
    WHERE account_id IS NOT NULL;

CREATE TABLE saved_careers (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    career_slug TEXT    NOT NULL,
    saved_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, career_slug)
) STRICT;

CREATE TABLE step_progress (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    step_key   TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('not-started', 'learning', 'done', 'skipped')),
    note       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, step_key)
) STRICT;

CREATE TABLE shortlisted_colleges (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    college_slug TEXT    NOT NULL,
    added_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, college_slug)
) STRICT;
