-- Public data sets imported whole (O*NET occupations, BLS wages). Each record is kept as JSON documents the
-- application decodes; only the key, the page slug and the digest that tells an unchanged record are columns.
CREATE TABLE open_data (
    id         BIGSERIAL   PRIMARY KEY,
    dataset    TEXT        NOT NULL,
    key        TEXT        NOT NULL,
    slug       TEXT,
    summary    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    digest     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (dataset, key)
);

CREATE UNIQUE INDEX open_data_by_slug ON open_data (dataset, slug) WHERE slug IS NOT NULL;
