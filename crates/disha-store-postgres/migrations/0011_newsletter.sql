-- The newsletter. An address gets issues only once it has followed its confirmation link. The unsubscribe
-- token is kept as it is rather than hashed, because every issue's mail must carry it and it allows nothing
-- but unsubscribing; unsubscribing deletes the row, so nothing of the address is kept.
CREATE TABLE subscribers (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email              TEXT    NOT NULL UNIQUE CHECK (email = lower(email)),
    -- Space-separated stream keys the reader is interested in; empty for everything.
    interests          TEXT    NOT NULL DEFAULT '',
    confirm_token_hash TEXT    UNIQUE,
    confirm_expires_at TIMESTAMPTZ,
    unsubscribe_token  TEXT    NOT NULL UNIQUE,
    confirmed_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE newsletter_issues (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    interest   TEXT,
    sent_by    BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    recipients BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
