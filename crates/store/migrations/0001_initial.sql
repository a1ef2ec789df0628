-- Dateline's first schema: the published site.
-- Times are kept twice: as RFC 9557 text (instant + time zone, for display)
-- and as Unix seconds (for ordering and "has it gone live yet?").

CREATE TABLE media (
    key          TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    bytes        INTEGER NOT NULL,
    created_ts   INTEGER NOT NULL
);

CREATE TABLE sections (
    slug     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    language TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contributors (
    slug  TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('person', 'desk')),
    bio   TEXT NOT NULL,
    photo TEXT REFERENCES media(key)
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    language      TEXT NOT NULL,
    section       TEXT NOT NULL REFERENCES sections(slug),
    headline      TEXT NOT NULL,
    dek           TEXT,
    dateline      TEXT,
    summary       TEXT NOT NULL,            -- JSON array of strings
    lead_media    TEXT REFERENCES media(key),
    lead_alt      TEXT,
    lead_caption  TEXT,
    lead_credit   TEXT,
    body_markdown TEXT NOT NULL,
    body_html     TEXT NOT NULL,            -- only ever written from core::markdown::render
    status        TEXT NOT NULL,
    published_at  TEXT,
    published_ts  INTEGER,
    updated_at    TEXT,
    modified_ts   INTEGER NOT NULL
);
CREATE INDEX articles_live ON articles (status, published_ts DESC);
CREATE INDEX articles_section ON articles (section, status, published_ts DESC);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);

CREATE TABLE article_contributors (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    contributor TEXT NOT NULL REFERENCES contributors(slug),
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_contributors_by_contributor ON article_contributors (contributor);

-- The breaking-news strip: at most one, lowered by its expiry.
CREATE TABLE breaking (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    text     TEXT NOT NULL,
    link     TEXT,
    until_ts INTEGER NOT NULL
);
