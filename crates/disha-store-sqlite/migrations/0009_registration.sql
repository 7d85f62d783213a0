-- no-transaction
-- Registration. An address may be registered by anyone, so only a verified address is unique: an unverified
-- account can share its address with others until one of them follows the link mailed to it. Until now only
-- operators created accounts, so every existing account counts as verified. SQLite cannot drop a column's
-- UNIQUE constraint, so the table is rebuilt as its documentation describes, with foreign keys off (which is
-- only possible outside a transaction) and the rebuild itself in one transaction.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE accounts_rebuilt (
    id                INTEGER PRIMARY KEY,
    email             TEXT    NOT NULL CHECK (email = lower(email)),
    username          TEXT    NOT NULL,
    username_key      TEXT    NOT NULL UNIQUE CHECK (username_key = lower(username)),
    password_hash     TEXT    NOT NULL,
    role              TEXT    NOT NULL DEFAULT 'student'
                              CHECK (role IN ('student', 'counsellor', 'editor', 'admin')),
    bio               TEXT    NOT NULL DEFAULT '',
    image             TEXT    NOT NULL DEFAULT '',
    email_verified_at INTEGER,
    created_at        INTEGER NOT NULL
) STRICT;
INSERT INTO accounts_rebuilt (id, email, username, username_key, password_hash, role, bio, image,
                              email_verified_at, created_at)
    SELECT id, email, username, username_key, password_hash, role, bio, image,
           coalesce(email_verified_at, created_at), created_at
    FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_rebuilt RENAME TO accounts;
CREATE UNIQUE INDEX accounts_verified_email ON accounts (email) WHERE email_verified_at IS NOT NULL;
CREATE INDEX accounts_by_email ON accounts (email);
COMMIT;
PRAGMA foreign_keys = ON;
