-- Editor text posted after its author's session ended: kept, under the hash
-- of a random token held in that browser's cookie, until they sign in again.

CREATE TABLE kept_drafts (
    token_hash TEXT PRIMARY KEY,
    path       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    draft      TEXT NOT NULL,
    kept_ts    INTEGER NOT NULL
);
CREATE INDEX kept_drafts_by_time ON kept_drafts (kept_ts);
