-- Newsroom accounts: people, their sessions, sign-in attempts, one-time
-- sign-in links, and the audit log.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),
    password_hash TEXT,                      -- argon2id PHC string; NULL until set
    created_ts    INTEGER NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

-- Only a hash of each session token is stored: a copy of the database signs no one in.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL,
    created_ts   INTEGER NOT NULL,
    last_seen_ts INTEGER NOT NULL,
    expires_ts   INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE sign_in_links (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_ts INTEGER NOT NULL
);

-- Failed sign-ins, by email and by client address, for rate limiting.
CREATE TABLE sign_in_failures (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL,
    ts    INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, ts);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    ts      INTEGER NOT NULL,
    actor   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (ts DESC);
