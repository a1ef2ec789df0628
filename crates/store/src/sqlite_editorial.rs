//! [`Editorial`] on SQLite.

use async_trait::async_trait;
use dateline_core::{Article, Status};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::editorial::{Correction, Editorial, EditorialRow, KeptDraft, RevisionInfo, SaveRefused};
use crate::sqlite::write_article;
use crate::{Result, SqliteStore, StoreError};

fn status(text: &str) -> Result<Status> {
    Status::parse(text).map_err(StoreError::Corrupt)
}

fn timestamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn row(r: &SqliteRow) -> Result<EditorialRow> {
    Ok(EditorialRow {
        slug: r.try_get("slug")?,
        headline: r.try_get("headline")?,
        status: status(&r.try_get::<String, _>("status")?)?,
        revision: r.try_get("revision")?,
        owner_id: r.try_get("owner_id")?,
        owner_name: r.try_get("owner_name")?,
        modified: timestamp(r.try_get("modified_ts")?)?,
        published: r.try_get::<Option<i64>, _>("published_ts")?.map(timestamp).transpose()?,
    })
}

const ROWS: &str = "SELECT a.slug, a.headline, a.status, a.revision, a.owner_id, u.name AS owner_name, a.modified_ts,
        a.published_ts
     FROM articles a LEFT JOIN users u ON u.id = a.owner_id";

#[async_trait]
impl Editorial for SqliteStore {
    async fn newsroom_articles(&self, owner: Option<i64>) -> Result<Vec<EditorialRow>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "{ROWS} WHERE (?1 IS NULL OR a.owner_id = ?1) ORDER BY a.modified_ts DESC, a.id DESC"
        ));
        let rows = sqlx::query(sql).bind(owner).fetch_all(self.pool()).await?;
        rows.iter().map(row).collect()
    }

    async fn editorial(&self, slug: &str) -> Result<Option<EditorialRow>> {
        let sql = sqlx::AssertSqlSafe(format!("{ROWS} WHERE a.slug = ?"));
        let found = sqlx::query(sql).bind(slug).fetch_optional(self.pool()).await?;
        found.as_ref().map(row).transpose()
    }

    async fn save_revision(
        &self,
        previous_slug: Option<&str>,
        article: &Article,
        draft_json: &str,
        by: i64,
        base: i64,
    ) -> Result<std::result::Result<i64, SaveRefused>> {
        let mut tx = crate::sqlite::begin_write(self.pool()).await?;
        let lookup = previous_slug.unwrap_or(article.slug.as_str());
        let current: Option<(i64, i64)> = sqlx::query("SELECT id, revision FROM articles WHERE slug = ?")
            .bind(lookup)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| Ok::<_, StoreError>((r.try_get("id")?, r.try_get("revision")?)))
            .transpose()?;
        match (previous_slug, current) {
            // A new article whose slug exists, or an existing one that moved on.
            (None, Some(_)) => return Ok(Err(SaveRefused::SlugTaken)),
            (Some(_), Some((_, revision))) if revision != base => {
                return Ok(Err(SaveRefused::Conflict { current: revision }));
            }
            (Some(_), None) => return Err(StoreError::Invalid(format!("no article '{lookup}'"))),
            _ => {}
        }
        // Renaming: the new slug must be free, then the row keeps its id under the new slug.
        if let (Some(old), Some((id, _))) = (previous_slug, current)
            && old != article.slug.as_str()
        {
            let taken = sqlx::query("SELECT 1 FROM articles WHERE slug = ?")
                .bind(article.slug.as_str())
                .fetch_optional(&mut *tx)
                .await?;
            if taken.is_some() {
                return Ok(Err(SaveRefused::SlugTaken));
            }
            sqlx::query("UPDATE articles SET slug = ? WHERE id = ?")
                .bind(article.slug.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let number = base + 1;
        let id = write_article(&mut tx, article, Some(number)).await?;
        sqlx::query("UPDATE articles SET owner_id = COALESCE(owner_id, ?) WHERE id = ?")
            .bind(by)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO revisions (article_id, number, saved_by, saved_ts, status, draft) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(number)
        .bind(by)
        .bind(Timestamp::now().as_second())
        .bind(article.status.as_str())
        .bind(draft_json)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(number))
    }

    async fn revisions(&self, slug: &str) -> Result<Vec<RevisionInfo>> {
        let rows = sqlx::query(
            "SELECT r.number, u.name AS saved_by, r.saved_ts, r.status FROM revisions r
             JOIN articles a ON a.id = r.article_id LEFT JOIN users u ON u.id = r.saved_by
             WHERE a.slug = ? ORDER BY r.number DESC",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RevisionInfo {
                    number: r.try_get("number")?,
                    saved_by: r.try_get("saved_by")?,
                    saved: timestamp(r.try_get("saved_ts")?)?,
                    status: status(&r.try_get::<String, _>("status")?)?,
                })
            })
            .collect()
    }

    async fn add_correction(&self, slug: &str, text: &str, by: i64, at: Timestamp) -> Result<bool> {
        let mut tx = crate::sqlite::begin_write(self.pool()).await?;
        let Some(found) = sqlx::query("SELECT id, published_at FROM articles WHERE slug = ? AND status = 'published'")
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(false);
        };
        let id: i64 = found.try_get("id")?;
        // The update time is shown in the article's own time zone.
        let published: Option<String> = found.try_get("published_at")?;
        let zone = published
            .and_then(|p| p.parse::<jiff::ZonedDateTime>().ok())
            .map(|z| z.time_zone().clone())
            .unwrap_or(jiff::tz::TimeZone::UTC);
        sqlx::query("INSERT INTO corrections (article_id, text, at_ts, by_user) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(text)
            .bind(at.as_second())
            .bind(by)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE articles SET updated_at = ?, modified_ts = ? WHERE id = ?")
            .bind(at.to_zoned_datetime(zone).to_string())
            .bind(at.as_second())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::sqlite::queue_job(&mut *tx, crate::NARRATE, id).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn corrections(&self, slug: &str) -> Result<Vec<Correction>> {
        let rows = sqlx::query(
            "SELECT c.text, c.at_ts FROM corrections c JOIN articles a ON a.id = c.article_id
             WHERE a.slug = ? ORDER BY c.at_ts, c.id",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(crate::rows::correction).collect()
    }

    async fn revision_draft(&self, slug: &str, number: i64) -> Result<Option<String>> {
        let found = sqlx::query(
            "SELECT r.draft FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.slug = ? AND r.number = ?",
        )
        .bind(slug)
        .bind(number)
        .fetch_optional(self.pool())
        .await?;
        Ok(found.map(|r| r.try_get("draft")).transpose()?)
    }

    async fn keep_draft(
        &self,
        token_hash: &str,
        kept: &KeptDraft,
        at: Timestamp,
        forget_before: Timestamp,
        at_most: u32,
    ) -> Result<bool> {
        let mut tx = crate::sqlite::begin_write(self.pool()).await?;
        sqlx::query("DELETE FROM kept_drafts WHERE kept_ts < ?")
            .bind(forget_before.as_second())
            .execute(&mut *tx)
            .await?;
        let count: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM kept_drafts").fetch_one(&mut *tx).await?.try_get("n")?;
        if count >= i64::from(at_most) {
            tx.commit().await?;
            return Ok(false);
        }
        sqlx::query("INSERT INTO kept_drafts (token_hash, path, revision, draft, kept_ts) VALUES (?, ?, ?, ?, ?)")
            .bind(token_hash)
            .bind(&kept.path)
            .bind(kept.revision)
            .bind(&kept.draft_json)
            .bind(at.as_second())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn take_kept_draft(&self, token_hash: &str, path: &str, since: Timestamp) -> Result<Option<KeptDraft>> {
        let found = sqlx::query(
            "DELETE FROM kept_drafts WHERE token_hash = ? AND path = ? AND kept_ts >= ? RETURNING path, revision, draft",
        )
        .bind(token_hash)
        .bind(path)
        .bind(since.as_second())
        .fetch_optional(self.pool())
        .await?;
        found
            .map(|r| {
                Ok(KeptDraft {
                    path: r.try_get("path")?,
                    revision: r.try_get("revision")?,
                    draft_json: r.try_get("draft")?,
                })
            })
            .transpose()
    }
}
