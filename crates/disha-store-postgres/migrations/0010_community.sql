-- The community: who follows whom, articles with their revisions, tags and favourites, and comments on
-- articles and on career profiles.
CREATE TABLE follows (
    follower_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    followee_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);

CREATE INDEX follows_by_followee ON follows (followee_id);

-- An article is published, waiting for an editor ('pending': written by a student), or a draft.
CREATE TABLE articles (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    author_id    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'draft')),
    revision     BIGINT NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX articles_by_author ON articles (author_id, created_at);
CREATE INDEX articles_by_status ON articles (status, created_at);

-- Every saved version of an article, the current one included, so an edit can always be traced and undone.
CREATE TABLE article_revisions (
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision    BIGINT NOT NULL,
    title       TEXT    NOT NULL,
    description TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    edited_by   BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, revision)
);

-- Tags in the order the author gave them.
CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag)
);

CREATE INDEX article_tags_by_tag ON article_tags (tag);

CREATE TABLE favorites (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, article_id)
);

CREATE INDEX favorites_by_article ON favorites (article_id);

-- A comment is on an article or on a career profile, by an account or by a guest who gave a name and an
-- address (never shown). Guests' comments wait for an editor; replies are one level deep.
CREATE TABLE comments (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    BIGINT REFERENCES articles (id) ON DELETE CASCADE,
    career_slug   TEXT,
    parent_id     BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    author_id     BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    guest_name    TEXT,
    guest_email   TEXT,
    guest_website TEXT,
    body          TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'spam')),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK ((article_id IS NULL) <> (career_slug IS NULL)),
    CHECK ((author_id IS NULL) = (guest_name IS NOT NULL AND guest_email IS NOT NULL))
);

CREATE INDEX comments_on_article ON comments (article_id, created_at) WHERE article_id IS NOT NULL;
CREATE INDEX comments_on_career ON comments (career_slug, created_at) WHERE career_slug IS NOT NULL;
CREATE INDEX comments_by_status ON comments (status, created_at);
CREATE INDEX comments_by_author ON comments (author_id) WHERE author_id IS NOT NULL;
