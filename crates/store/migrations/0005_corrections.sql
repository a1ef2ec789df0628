-- Corrections and updates on published articles: shown on the page, read in the narration.

CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    at_ts      INTEGER NOT NULL,
    by_user    INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX corrections_by_article ON corrections (article_id, at_ts);
