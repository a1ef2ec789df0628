-- Editing in the newsroom: who owns an article, its revision counter (for
-- optimistic concurrency), and every saved revision as a draft snapshot.

ALTER TABLE articles ADD COLUMN owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    saved_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    saved_ts   INTEGER NOT NULL,
    status     TEXT NOT NULL,
    draft      TEXT NOT NULL,            -- JSON of core::draft::ArticleDraft
    UNIQUE (article_id, number)
);
