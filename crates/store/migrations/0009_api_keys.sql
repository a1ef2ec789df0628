-- API keys: other systems push content with them. Each key acts as a user
-- of its own (its name, its role), so the audit log and revisions say which
-- system did what, and the newsroom's role rules apply unchanged. Only the
-- SHA-256 of a key is stored: the key is 256 random bits, printed once.

CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    key_hash   TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_ts INTEGER NOT NULL,
    revoked_ts INTEGER
);
