-- A change number per article that moves with every write to its row,
-- whichever process writes (the newsroom, `dateline import`), so the search
-- index finds what changed by comparing numbers instead of whole articles.
-- (modified_ts is too coarse: two saves in one second.) The number is the
-- site version, which only grows and moves with every write to articles.
-- No OR REPLACE in the triggers: an upsert's own conflict handling would
-- override it.

CREATE TABLE search_changes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL
);
INSERT INTO search_changes (article_id, seq) SELECT id, (SELECT version FROM site_version WHERE id = 1) FROM articles;

CREATE TRIGGER search_changes_articles_insert AFTER INSERT ON articles
BEGIN
    DELETE FROM search_changes WHERE article_id = NEW.id;
    INSERT INTO search_changes (article_id, seq) VALUES (NEW.id, (SELECT version FROM site_version WHERE id = 1));
END;
CREATE TRIGGER search_changes_articles_update AFTER UPDATE ON articles
BEGIN
    DELETE FROM search_changes WHERE article_id = NEW.id;
    INSERT INTO search_changes (article_id, seq) VALUES (NEW.id, (SELECT version FROM site_version WHERE id = 1));
END;
