-- Webhooks: subscriptions, and the outbox their deliveries come from.
--
-- The outbox is written by triggers on `articles`, so a publish, update or
-- unpublish is recorded in the same transaction as the change itself,
-- whichever process or path made it (newsroom, API, `dateline import`), and
-- no event is ever lost. An event is due when readers can see it: a
-- scheduled publication is announced at its publication time.

CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL,
    events     TEXT NOT NULL,            -- comma-separated: publish,update,unpublish
    secret     TEXT NOT NULL,            -- the HMAC key (needed in clear to sign)
    created_ts INTEGER NOT NULL
);

CREATE TABLE webhook_events (
    id         INTEGER PRIMARY KEY,
    event      TEXT NOT NULL CHECK (event IN ('publish', 'update', 'unpublish')),
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    slug       TEXT NOT NULL,
    headline   TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    at_ts      INTEGER NOT NULL,         -- when the change was made
    due_ts     INTEGER NOT NULL          -- when readers see it
);

CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,
    webhook_id   INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    run_after_ts INTEGER NOT NULL,
    last_error   TEXT,
    updated_ts   INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, run_after_ts);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, state);

-- Every event goes to each subscription that asked for it.
CREATE TRIGGER webhook_fan_out AFTER INSERT ON webhook_events
BEGIN
    INSERT INTO webhook_deliveries (event_id, webhook_id, state, run_after_ts, updated_ts)
    SELECT NEW.id, w.id, 'queued', NEW.due_ts, unixepoch() FROM webhooks w
    WHERE (',' || w.events || ',') LIKE ('%,' || NEW.event || ',%');
END;

CREATE TRIGGER webhook_publish_new AFTER INSERT ON articles WHEN NEW.status = 'published'
BEGIN
    INSERT INTO webhook_events (event, article_id, slug, headline, revision, at_ts, due_ts)
    VALUES ('publish', NEW.id, NEW.slug, NEW.headline, NEW.revision, unixepoch(),
            max(unixepoch(), COALESCE(NEW.published_ts, 0)));
END;

CREATE TRIGGER webhook_publish AFTER UPDATE ON articles
WHEN OLD.status <> 'published' AND NEW.status = 'published'
BEGIN
    INSERT INTO webhook_events (event, article_id, slug, headline, revision, at_ts, due_ts)
    VALUES ('publish', NEW.id, NEW.slug, NEW.headline, NEW.revision, unixepoch(),
            max(unixepoch(), COALESCE(NEW.published_ts, 0)));
END;

-- Readers' view changed: what they see (or will see, when scheduled). The
-- store writes every column on a save, so only real differences count.
CREATE TRIGGER webhook_update AFTER UPDATE ON articles
WHEN OLD.status = 'published' AND NEW.status = 'published' AND (
    OLD.headline IS NOT NEW.headline OR OLD.dek IS NOT NEW.dek OR OLD.dateline IS NOT NEW.dateline
    OR OLD.summary IS NOT NEW.summary OR OLD.body_html IS NOT NEW.body_html OR OLD.section IS NOT NEW.section
    OR OLD.language IS NOT NEW.language OR OLD.lead_media IS NOT NEW.lead_media
    OR OLD.lead_caption IS NOT NEW.lead_caption OR OLD.published_ts IS NOT NEW.published_ts
    OR OLD.updated_at IS NOT NEW.updated_at OR OLD.revision IS NOT NEW.revision)
BEGIN
    INSERT INTO webhook_events (event, article_id, slug, headline, revision, at_ts, due_ts)
    VALUES ('update', NEW.id, NEW.slug, NEW.headline, NEW.revision, unixepoch(),
            max(unixepoch(), COALESCE(NEW.published_ts, 0)));
END;

-- Unpublishing cancels announcements not yet due; an article readers never
-- saw (still scheduled) is not announced as withdrawn.
CREATE TRIGGER webhook_unpublish AFTER UPDATE ON articles
WHEN OLD.status = 'published' AND NEW.status <> 'published'
BEGIN
    UPDATE webhook_deliveries SET state = 'cancelled', updated_ts = unixepoch()
    WHERE state = 'queued'
      AND event_id IN (SELECT id FROM webhook_events WHERE article_id = NEW.id AND due_ts > unixepoch());
    INSERT INTO webhook_events (event, article_id, slug, headline, revision, at_ts, due_ts)
    SELECT 'unpublish', NEW.id, NEW.slug, NEW.headline, NEW.revision, unixepoch(), unixepoch()
    WHERE COALESCE(OLD.published_ts, 0) <= unixepoch();
END;
