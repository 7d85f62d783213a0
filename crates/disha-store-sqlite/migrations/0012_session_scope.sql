-- Instances keep recently read sessions in memory. Any change that can end a session or alter the account it
-- names bumps the `sessions` scope, whichever code (or operator) makes it, so every instance drops those
-- copies at its next read of the versions.
INSERT INTO content_versions (scope, version) VALUES ('sessions', 1) ON CONFLICT (scope) DO NOTHING;

CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'sessions';
END;

CREATE TRIGGER accounts_changed AFTER UPDATE ON accounts
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'sessions';
END;

CREATE TRIGGER accounts_removed AFTER DELETE ON accounts
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'sessions';
END;
