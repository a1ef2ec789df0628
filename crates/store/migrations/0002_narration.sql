-- Narration: the audio made for each article, and the job queue that makes it.

CREATE TABLE narrations (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    audio_key   TEXT NOT NULL REFERENCES media(key),
    cues_key    TEXT NOT NULL REFERENCES media(key),
    duration_ms INTEGER NOT NULL,
    voice       TEXT NOT NULL,
    sentences   INTEGER NOT NULL,
    made_ts     INTEGER NOT NULL
);

-- Slow work survives restarts here. A job is queued, running, done or failed;
-- a running job found at start-up belonged to a process that died and is queued again.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    run_after_ts INTEGER NOT NULL,
    last_error   TEXT,
    created_ts   INTEGER NOT NULL,
    updated_ts   INTEGER NOT NULL
);
-- At most one queued job per article and kind: queuing again while one waits is a no-op.
-- (A running job may coexist with a queued one: the article changed while it ran.)
CREATE UNIQUE INDEX jobs_one_queued ON jobs (kind, article_id) WHERE state = 'queued';
CREATE INDEX jobs_due ON jobs (state, run_after_ts);
