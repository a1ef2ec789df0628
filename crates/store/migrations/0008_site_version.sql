-- One number that moves with every change readers could see, so a server's
-- page cache knows when to start afresh, whichever process made the change
-- (the newsroom, `dateline import`, `dateline breaking`, a narration worker).

CREATE TABLE site_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO site_version (id, version) VALUES (1, 0);

CREATE TRIGGER site_version_articles_insert AFTER INSERT ON articles
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_articles_update AFTER UPDATE ON articles
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_articles_delete AFTER DELETE ON articles
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_tags_insert AFTER INSERT ON article_tags
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_tags_update AFTER UPDATE ON article_tags
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_tags_delete AFTER DELETE ON article_tags
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_contributors_insert AFTER INSERT ON article_contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_contributors_update AFTER UPDATE ON article_contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_article_contributors_delete AFTER DELETE ON article_contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_sections_insert AFTER INSERT ON sections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_sections_update AFTER UPDATE ON sections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_sections_delete AFTER DELETE ON sections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_contributors_insert AFTER INSERT ON contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_contributors_update AFTER UPDATE ON contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_contributors_delete AFTER DELETE ON contributors
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_breaking_insert AFTER INSERT ON breaking
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_breaking_update AFTER UPDATE ON breaking
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_breaking_delete AFTER DELETE ON breaking
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_corrections_insert AFTER INSERT ON corrections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_corrections_update AFTER UPDATE ON corrections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_corrections_delete AFTER DELETE ON corrections
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_narrations_insert AFTER INSERT ON narrations
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_narrations_update AFTER UPDATE ON narrations
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_narrations_delete AFTER DELETE ON narrations
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_media_insert AFTER INSERT ON media
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_media_update AFTER UPDATE ON media
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER site_version_media_delete AFTER DELETE ON media
BEGIN UPDATE site_version SET version = version + 1 WHERE id = 1; END;
