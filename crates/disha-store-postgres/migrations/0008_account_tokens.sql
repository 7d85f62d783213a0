-- Single-use links sent by mail (password reset now; email verification next). Only the SHA-256 of each
-- token is kept; a token is spent by setting used_at in the same transaction as what it allows.
CREATE TABLE account_tokens (
    token_hash TEXT    PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE INDEX account_tokens_by_account ON account_tokens (account_id, purpose);
