-- Registration. An address may be registered by anyone, so only a verified address is unique: an unverified
-- account can share its address with others until one of them follows the link mailed to it. Until now only
-- operators created accounts, so every existing account counts as verified.
UPDATE accounts SET email_verified_at = created_at WHERE email_verified_at IS NULL;
ALTER TABLE accounts DROP CONSTRAINT accounts_email_key;
CREATE UNIQUE INDEX accounts_verified_email ON accounts (email) WHERE email_verified_at IS NOT NULL;
CREATE INDEX accounts_by_email ON accounts (email);
