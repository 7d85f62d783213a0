-- The newsletter. An address gets issues only once it has followed its confirmation link. The unsubscribe
-- token is kept as it is rather than hashed, because every issue's mail must carry it and it allows nothing
-- but unsubscribing; unsubscribing deletes the row, so nothing of the address is kept.
CREATE TABLE subscribers (
    id                 INTEGER PRIMARY KEY,
    email              TEXT    NOT NULL UNIQUE CHECK (email = lower(email)),
    -- Space-separated stream keys the reader is interested in; empty for everything.
    interests          TEXT    NOT NULL DEFAULT '',
    confirm_token_hash TEXT    UNIQUE,
    confirm_expires_at INTEGER,
    unsubscribe_token  TEXT    NOT NULL UNIQUE,
    confirmed_at       INTEGER,
    created_at         INTEGER NOT NULL
) STRICT;

CREATE TABLE newsletter_issues (
    id         INTEGER PRIMARY KEY,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    interest   TEXT,
    sent_by    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    recipients INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
