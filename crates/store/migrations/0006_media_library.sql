-- The media library: images uploaded once, with their alt text and credit,
-- chosen later as lead images and contributor photos. Every stored image has
-- WebP variants for `srcset`, listed on its media row.

ALTER TABLE media ADD COLUMN variants TEXT NOT NULL DEFAULT '[]';  -- JSON [{key, width, height}]

CREATE TABLE library_images (
    key         TEXT PRIMARY KEY REFERENCES media(key),
    alt         TEXT NOT NULL,
    credit      TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    uploaded_ts INTEGER NOT NULL
);
CREATE INDEX library_newest ON library_images (uploaded_ts DESC);

-- Lead images already in use join the library with the alt text and credit they were published with.
INSERT OR IGNORE INTO library_images (key, alt, credit, uploaded_ts)
SELECT lead_media, MAX(COALESCE(lead_alt, '')), MAX(COALESCE(lead_credit, '')), MIN(modified_ts)
FROM articles WHERE lead_media IS NOT NULL GROUP BY lead_media;
