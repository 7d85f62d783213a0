-- Accounts. The email is private (shown only to its owner); the username is public and unique without case.
-- Passwords are stored only as argon2id PHC strings.
CREATE TABLE accounts (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             TEXT    NOT NULL UNIQUE CHECK (email = lower(email)),
    username          TEXT    NOT NULL,
    username_key      TEXT    NOT NULL UNIQUE CHECK (username_key = lower(username)),
    password_hash     TEXT    NOT NULL,
    role              TEXT    NOT NULL DEFAULT 'student'
                              CHECK (role IN ('student', 'counsellor', 'editor', 'admin')),
    bio               TEXT    NOT NULL DEFAULT '',
    image             TEXT    NOT NULL DEFAULT '',
    email_verified_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL
);

-- Sign-in sessions, shared by every instance. Only the SHA-256 of a session token is kept.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
