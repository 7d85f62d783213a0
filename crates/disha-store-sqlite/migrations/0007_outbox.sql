-- Outgoing mail. A message is written in the same transaction as the change that causes it, so a change is
-- never acknowledged without its mail or mailed without being made. Dispatchers claim due messages under a
-- lease (lease_owner until lease_until); a message whose lease ran out is due again.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    to_addr      TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    body_text    TEXT    NOT NULL,
    -- Extra headers as a JSON array of [name, value] pairs.
    headers_json TEXT    NOT NULL DEFAULT '[]',
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    available_at INTEGER NOT NULL,
    lease_owner  TEXT,
    lease_until  INTEGER,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER
) STRICT;

CREATE INDEX outbox_due ON outbox (status, available_at, id);
