-- Instances keep recently read sessions in memory. Any change that can end a session or alter the account it
-- names bumps the `sessions` scope, whichever code (or operator) makes it, so every instance drops those
-- copies at its next read of the versions. Statement triggers look at the rows the statement touched, so a
-- statement that touched none (clearing expired sessions when there are none) bumps nothing.
INSERT INTO content_versions (scope, version) VALUES ('sessions', 1) ON CONFLICT (scope) DO NOTHING;

CREATE FUNCTION bump_sessions_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM touched) THEN
        UPDATE content_versions SET version = version + 1 WHERE scope = 'sessions';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION bump_sessions_scope();
CREATE TRIGGER accounts_changed AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION bump_sessions_scope();
CREATE TRIGGER accounts_removed AFTER DELETE ON accounts
    REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION bump_sessions_scope();
