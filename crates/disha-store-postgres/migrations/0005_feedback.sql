-- Readers' reports of mistakes in career profiles. Only editors read them (`disha reports`); nothing here is
-- ever shown on the site or in the API.
CREATE TABLE mistake_reports (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    career_slug  TEXT        NOT NULL REFERENCES careers (slug),
    section      TEXT        NOT NULL,
    message      TEXT        NOT NULL CHECK (length(message) BETWEEN 1 AND 8000),
    evidence_url TEXT,
    status       TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at   TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ
);

CREATE INDEX mistake_reports_open ON mistake_reports (status, id);

-- Request limits shared by every instance: hits per bucket in fixed windows (Unix seconds). Ended windows
-- are deleted as new hits arrive, so the table holds about one window of traffic.
CREATE TABLE rate_limits (
    bucket       TEXT   NOT NULL,
    window_start BIGINT NOT NULL,
    hits         INTEGER NOT NULL CHECK (hits >= 1),
    expires_at   BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);
