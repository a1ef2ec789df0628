//! The embedded store: one SQLite file in WAL mode beside a media folder.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use dateline_core::{Article, BreakingNews, Contributor, MediaInfo, Section, Slug};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::{
    ArticleQuery, ArticleSummary, Job, JobRow, MediaFiles, NARRATE, NarrationRecord, NewMedia, NewNarration, Page,
    Result, Store, StoreError, migrations, rows,
};

pub const DATABASE_FILE: &str = "dateline.db";
pub const MEDIA_DIR: &str = "media";

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    media: MediaFiles,
}

impl SqliteStore {
    /// Opens (creating if needed) the data folder and brings its schema up to date.
    pub async fn open(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir)?;
        let media = MediaFiles::open(data_dir.join(MEDIA_DIR))?;
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(data_dir.join(DATABASE_FILE))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit survives power loss, not only a crash. Writes are rare here.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        migrations::migrator().run(&pool).await?;
        Ok(Self { pool, media })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub(crate) fn media_files_ref(&self) -> &MediaFiles {
        &self.media
    }

    async fn tags(&self, article_id: i64) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY rowid")
            .bind(article_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get("tag")?)).collect()
    }

    async fn contributor_slugs(&self, article_id: i64) -> Result<Vec<Slug>> {
        let rows = sqlx::query("SELECT contributor FROM article_contributors WHERE article_id = ? ORDER BY position")
            .bind(article_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| rows::slug(r.try_get("contributor")?)).collect()
    }
}

/// Begins a transaction that will write, taking the write lock at once. A
/// deferred one that reads first fails with "database is locked" (no busy
/// wait) when another process or worker wrote in between; this one waits its turn.
pub(crate) async fn begin_write(pool: &SqlitePool) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// Writes an article (insert or replace by slug), its tags and credits, and
/// queues its narration when published — inside the caller's transaction.
/// `revision` is the editorial revision this write makes (`None` keeps the
/// stored one): it is written with the content, so the webhook outbox
/// triggers see the revision they announce.
pub(crate) async fn write_article(tx: &mut sqlx::SqliteConnection, a: &Article, revision: Option<i64>) -> Result<i64> {
    let summary = serde_json::to_string(&a.summary).map_err(|e| crate::StoreError::Invalid(e.to_string()))?;
    let lead = a.lead_image.as_ref();
    let id: i64 = sqlx::query(
        "INSERT INTO articles (slug, language, section, headline, dek, dateline, summary,
                lead_media, lead_alt, lead_caption, lead_credit, body_markdown, body_html,
                status, published_at, published_ts, updated_at, modified_ts, revision)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 0))
             ON CONFLICT(slug) DO UPDATE SET language = excluded.language, section = excluded.section,
                headline = excluded.headline, dek = excluded.dek, dateline = excluded.dateline,
                summary = excluded.summary, lead_media = excluded.lead_media, lead_alt = excluded.lead_alt,
                lead_caption = excluded.lead_caption, lead_credit = excluded.lead_credit,
                body_markdown = excluded.body_markdown, body_html = excluded.body_html,
                status = excluded.status, published_at = excluded.published_at,
                published_ts = excluded.published_ts, updated_at = excluded.updated_at,
                modified_ts = excluded.modified_ts, revision = COALESCE(?19, articles.revision)
             RETURNING id",
    )
    .bind(a.slug.as_str())
    .bind(a.language.as_str())
    .bind(a.section.as_str())
    .bind(&a.headline)
    .bind(&a.dek)
    .bind(&a.dateline)
    .bind(summary)
    .bind(lead.map(|l| l.media.clone()))
    .bind(lead.map(|l| l.alt.clone()))
    .bind(lead.and_then(|l| l.caption.clone()))
    .bind(lead.and_then(|l| l.credit.clone()))
    .bind(a.body.markdown())
    .bind(a.body.html())
    .bind(a.status.as_str())
    .bind(a.published.as_ref().map(|p| p.to_string()))
    .bind(a.published.as_ref().map(|p| p.timestamp().as_second()))
    .bind(a.updated.as_ref().map(|u| u.to_string()))
    .bind(Timestamp::now().as_second())
    .bind(revision)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    // A lead image that came without the library (imports) joins it with its alt text and credit.
    if let Some(lead) = lead {
        sqlx::query("INSERT OR IGNORE INTO library_images (key, alt, credit, uploaded_ts) VALUES (?, ?, ?, ?)")
            .bind(&lead.media)
            .bind(&lead.alt)
            .bind(lead.credit.clone().unwrap_or_default())
            .bind(Timestamp::now().as_second())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM article_tags WHERE article_id = ?").bind(id).execute(&mut *tx).await?;
    for tag in &a.tags {
        sqlx::query("INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)")
            .bind(id)
            .bind(tag)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM article_contributors WHERE article_id = ?").bind(id).execute(&mut *tx).await?;
    for (position, c) in a.contributors.iter().enumerate() {
        sqlx::query("INSERT INTO article_contributors (article_id, position, contributor) VALUES (?, ?, ?)")
            .bind(id)
            .bind(position as i64)
            .bind(c.as_str())
            .execute(&mut *tx)
            .await?;
    }
    if a.status == dateline_core::Status::Published {
        queue_job(&mut *tx, NARRATE, id).await?;
    }
    Ok(id)
}

pub(crate) async fn insert_media_row(executor: impl sqlx::SqliteExecutor<'_>, info: &MediaInfo) -> Result<()> {
    sqlx::query(
        "INSERT INTO media (key, content_type, width, height, bytes, created_ts) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO NOTHING",
    )
    .bind(&info.key)
    .bind(&info.content_type)
    .bind(info.width)
    .bind(info.height)
    .bind(info.bytes as i64)
    .bind(Timestamp::now().as_second())
    .execute(executor)
    .await?;
    Ok(())
}

pub(crate) async fn queue_job(executor: impl sqlx::SqliteExecutor<'_>, kind: &str, article_id: i64) -> Result<()> {
    let now = Timestamp::now().as_second();
    sqlx::query(
        "INSERT INTO jobs (kind, article_id, state, run_after_ts, created_ts, updated_ts)
         VALUES (?, ?, 'queued', ?, ?, ?)
         ON CONFLICT (kind, article_id) WHERE state = 'queued' DO NOTHING",
    )
    .bind(kind)
    .bind(article_id)
    .bind(now)
    .bind(now)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(())
}

/// The `FROM … WHERE …` of a list of live articles, with only the filters the
/// query uses, so SQLite can walk the matching index (a section's, newest
/// first) instead of testing every live article on every list page.
struct ListFilter {
    sql: String,
    /// The values of the `?`s, in order.
    binds: Vec<ListBind>,
}

enum ListBind {
    Int(i64),
    Text(String),
}

impl ListFilter {
    fn new(q: &ArticleQuery) -> Self {
        // Every article's section exists (a foreign key), so no join is needed to filter.
        let mut sql = String::from(" FROM articles a WHERE a.status = 'published' AND a.published_ts <= ?");
        let mut binds = vec![ListBind::Int(q.now.as_second())];
        if let Some(section) = &q.section {
            sql.push_str(" AND a.section = ?");
            binds.push(ListBind::Text(section.as_str().to_owned()));
        }
        if let Some(contributor) = &q.contributor {
            sql.push_str(" AND a.id IN (SELECT ac.article_id FROM article_contributors ac WHERE ac.contributor = ?)");
            binds.push(ListBind::Text(contributor.as_str().to_owned()));
        }
        if let Some(tag) = &q.tag {
            sql.push_str(" AND a.id IN (SELECT t.article_id FROM article_tags t WHERE t.tag = ?)");
            binds.push(ListBind::Text(tag.clone()));
        }
        if let Some(language) = &q.language {
            sql.push_str(" AND a.language = ?");
            binds.push(ListBind::Text(language.clone()));
        }
        if let Some(since) = q.since {
            sql.push_str(" AND a.published_ts >= ?");
            binds.push(ListBind::Int(since.as_second()));
        }
        if let Some(until) = q.until {
            sql.push_str(" AND a.published_ts < ?");
            binds.push(ListBind::Int(until.as_second()));
        }
        Self { sql, binds }
    }

    fn bind<'q>(
        &self,
        mut query: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    ) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
        for value in &self.binds {
            query = match value {
                ListBind::Int(n) => query.bind(*n),
                ListBind::Text(t) => query.bind(t.clone()),
            };
        }
        query
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn save_section(&self, s: &Section) -> Result<()> {
        sqlx::query(
            "INSERT INTO sections (slug, name, language, position) VALUES (?, ?, ?, ?)
             ON CONFLICT(slug) DO UPDATE SET name = excluded.name, language = excluded.language,
             position = excluded.position",
        )
        .bind(s.slug.as_str())
        .bind(&s.name)
        .bind(s.language.as_str())
        .bind(s.position)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn sections(&self) -> Result<Vec<Section>> {
        let rows = sqlx::query("SELECT * FROM sections ORDER BY position, name").fetch_all(&self.pool).await?;
        rows.iter().map(rows::section).collect()
    }

    async fn section(&self, slug: &str) -> Result<Option<Section>> {
        let row = sqlx::query("SELECT * FROM sections WHERE slug = ?").bind(slug).fetch_optional(&self.pool).await?;
        row.as_ref().map(rows::section).transpose()
    }

    async fn save_contributor(&self, c: &Contributor) -> Result<()> {
        sqlx::query(
            "INSERT INTO contributors (slug, name, kind, bio, photo) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(slug) DO UPDATE SET name = excluded.name, kind = excluded.kind,
             bio = excluded.bio, photo = excluded.photo",
        )
        .bind(c.slug.as_str())
        .bind(&c.name)
        .bind(c.kind.as_str())
        .bind(&c.bio)
        .bind(&c.photo)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn contributor(&self, slug: &str) -> Result<Option<Contributor>> {
        let row =
            sqlx::query("SELECT * FROM contributors WHERE slug = ?").bind(slug).fetch_optional(&self.pool).await?;
        row.as_ref().map(rows::contributor).transpose()
    }

    async fn all_contributors(&self) -> Result<Vec<Contributor>> {
        let rows = sqlx::query("SELECT * FROM contributors ORDER BY name, slug").fetch_all(&self.pool).await?;
        rows.iter().map(rows::contributor).collect()
    }

    async fn contributors(&self, slugs: &[Slug]) -> Result<Vec<Contributor>> {
        let mut found = Vec::with_capacity(slugs.len());
        for slug in slugs {
            if let Some(c) = self.contributor(slug.as_str()).await? {
                found.push(c);
            }
        }
        Ok(found)
    }

    async fn save_article(&self, a: &Article) -> Result<i64> {
        let mut tx = begin_write(&self.pool).await?;
        let id = write_article(&mut tx, a, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn article(&self, slug: &str) -> Result<Option<Article>> {
        let Some(row) =
            sqlx::query("SELECT * FROM articles WHERE slug = ?").bind(slug).fetch_optional(&self.pool).await?
        else {
            return Ok(None);
        };
        let id: i64 = row.try_get("id")?;
        let tags = self.tags(id).await?;
        let contributors = self.contributor_slugs(id).await?;
        rows::article(&row, tags, contributors).map(Some)
    }

    async fn list_articles(&self, q: &ArticleQuery) -> Result<Page<ArticleSummary>> {
        let filter = ListFilter::new(q);
        let count_sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS n{}", filter.sql));
        let total: i64 = filter.bind(sqlx::query(count_sql)).fetch_one(&self.pool).await?.try_get("n")?;
        // Newest first (reader search is the `search` crate's, not SQL's).
        let order = "a.published_ts DESC, a.id DESC";
        // The page's ids first, from the index alone (skipping OFFSET rows
        // costs no table reads), then those rows.
        let list_sql = sqlx::AssertSqlSafe(format!(
            "SELECT a.slug, a.headline, a.dek, a.section, s.name AS section_name, a.published_at, a.updated_at, a.language,
                    a.lead_media, a.lead_alt, m.content_type AS media_content_type, m.width AS media_width,
                    m.height AS media_height, m.bytes AS media_bytes, m.variants AS media_variants
             FROM articles a
             JOIN sections s ON s.slug = a.section
             LEFT JOIN media m ON m.key = a.lead_media
             WHERE a.id IN (SELECT a.id{} ORDER BY {order} LIMIT ? OFFSET ?)
             ORDER BY {order}",
            filter.sql
        ));
        let list = filter.bind(sqlx::query(list_sql)).bind(q.limit as i64).bind(q.offset as i64);
        let rows = list.fetch_all(&self.pool).await?;
        let items = rows.iter().map(rows::summary).collect::<Result<_>>()?;
        Ok(Page { items, total: total as u64 })
    }

    async fn search_changes(&self) -> Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT a.slug, c.seq FROM articles a JOIN search_changes c ON c.article_id = a.id
             WHERE a.status = 'published'",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("slug")?, r.try_get("seq")?))).collect()
    }

    async fn article_summaries(&self, slugs: &[String], now: Timestamp) -> Result<Vec<ArticleSummary>> {
        let wanted = serde_json::to_string(slugs).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let rows = sqlx::query(
            "SELECT a.slug, a.headline, a.dek, a.section, s.name AS section_name, a.published_at, a.updated_at,
                    a.language, a.lead_media, a.lead_alt, m.content_type AS media_content_type,
                    m.width AS media_width, m.height AS media_height, m.bytes AS media_bytes,
                    m.variants AS media_variants
             FROM articles a
             JOIN sections s ON s.slug = a.section
             LEFT JOIN media m ON m.key = a.lead_media
             WHERE a.status = 'published' AND a.published_ts <= ?1
               AND a.slug IN (SELECT value FROM json_each(?2))",
        )
        .bind(now.as_second())
        .bind(wanted)
        .fetch_all(&self.pool)
        .await?;
        let mut found: std::collections::HashMap<String, ArticleSummary> = rows
            .iter()
            .map(rows::summary)
            .map(|s| s.map(|s| (s.slug.as_str().to_owned(), s)))
            .collect::<Result<_>>()?;
        Ok(slugs.iter().filter_map(|slug| found.remove(slug)).collect())
    }

    async fn put_media(&self, media: NewMedia) -> Result<MediaInfo> {
        let info = media.info();
        // The file goes to disk before the row that points at it.
        self.media.write(&info.key, &media.bytes)?;
        insert_media_row(&self.pool, &info).await?;
        Ok(info)
    }

    async fn media(&self, key: &str) -> Result<Option<MediaInfo>> {
        let row = sqlx::query("SELECT * FROM media WHERE key = ?").bind(key).fetch_optional(&self.pool).await?;
        row.as_ref().map(rows::media).transpose()
    }

    async fn put_image(&self, image: crate::images::PreparedImage) -> Result<MediaInfo> {
        let written = crate::sqlite_library::write_files(&self.media, &image)?;
        let mut tx = begin_write(&self.pool).await?;
        crate::sqlite_library::insert_image_rows(&mut tx, &written).await?;
        tx.commit().await?;
        Ok(written.master)
    }

    fn media_files(&self) -> &MediaFiles {
        &self.media
    }

    async fn save_narration(&self, slug: &str, n: NewNarration) -> Result<NarrationRecord> {
        let (audio, cues) = (n.audio.info(), n.cues.info());
        self.media.write(&audio.key, &n.audio.bytes)?;
        self.media.write(&cues.key, &n.cues.bytes)?;
        let mut tx = begin_write(&self.pool).await?;
        let id: i64 = sqlx::query("SELECT id FROM articles WHERE slug = ?")
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::Invalid(format!("no article '{slug}' to narrate")))?
            .try_get("id")?;
        insert_media_row(&mut *tx, &audio).await?;
        insert_media_row(&mut *tx, &cues).await?;
        sqlx::query(
            "INSERT INTO narrations (article_id, audio_key, cues_key, duration_ms, voice, sentences, made_ts)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(article_id) DO UPDATE SET audio_key = excluded.audio_key, cues_key = excluded.cues_key,
                duration_ms = excluded.duration_ms, voice = excluded.voice, sentences = excluded.sentences,
                made_ts = excluded.made_ts",
        )
        .bind(id)
        .bind(&audio.key)
        .bind(&cues.key)
        .bind(n.duration_ms as i64)
        .bind(&n.voice)
        .bind(n.sentences as i64)
        .bind(Timestamp::now().as_second())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(NarrationRecord { audio, cues, duration_ms: n.duration_ms, voice: n.voice, sentences: n.sentences })
    }

    async fn narration(&self, slug: &str) -> Result<Option<NarrationRecord>> {
        let row = sqlx::query(
            "SELECT n.duration_ms, n.voice, n.sentences,
                    a.key AS a_key, a.content_type AS a_type, a.bytes AS a_bytes,
                    c.key AS c_key, c.content_type AS c_type, c.bytes AS c_bytes
             FROM narrations n JOIN articles ar ON ar.id = n.article_id
             JOIN media a ON a.key = n.audio_key JOIN media c ON c.key = n.cues_key
             WHERE ar.slug = ?",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rows::narration).transpose()
    }

    async fn queue_narration(&self, slug: &str) -> Result<bool> {
        let Some(row) =
            sqlx::query("SELECT id FROM articles WHERE slug = ?").bind(slug).fetch_optional(&self.pool).await?
        else {
            return Ok(false);
        };
        queue_job(&self.pool, NARRATE, row.try_get("id")?).await?;
        Ok(true)
    }

    async fn claim_job(&self, now: Timestamp) -> Result<Option<Job>> {
        let row = sqlx::query(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_ts = ?1
             WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_after_ts <= ?1
                         -- Not while the same work runs: an older text finished later
                         -- would replace the newer narration.
                         AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.kind = jobs.kind
                                         AND r.article_id = jobs.article_id AND r.state = 'running')
                         -- Of the due jobs, the newest story first: readers see it first.
                         ORDER BY (SELECT published_ts FROM articles a WHERE a.id = jobs.article_id) DESC,
                                  run_after_ts, id
                         LIMIT 1)
             RETURNING id, kind, attempts, (SELECT slug FROM articles WHERE articles.id = jobs.article_id) AS slug",
        )
        .bind(now.as_second())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rows::job).transpose()
    }

    async fn finish_job(&self, id: i64) -> Result<()> {
        sqlx::query("UPDATE jobs SET state = 'done', last_error = NULL, updated_ts = ? WHERE id = ?")
            .bind(Timestamp::now().as_second())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn fail_job(&self, id: i64, error: &str, retry_at: Option<Timestamp>) -> Result<()> {
        let now = Timestamp::now().as_second();
        // A retry goes back to the queue unless another run of the same work is queued already.
        sqlx::query(
            "UPDATE jobs SET last_error = ?2, updated_ts = ?3,
                state = CASE WHEN ?4 IS NULL OR EXISTS (SELECT 1 FROM jobs o WHERE o.kind = jobs.kind
                             AND o.article_id = jobs.article_id AND o.state = 'queued' AND o.id != jobs.id)
                        THEN 'failed' ELSE 'queued' END,
                run_after_ts = COALESCE(?4, run_after_ts)
             WHERE id = ?1",
        )
        .bind(id)
        .bind(error)
        .bind(now)
        .bind(retry_at.map(|t| t.as_second()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn requeue_interrupted_jobs(&self) -> Result<u64> {
        // Delete a running job that a queued twin, or a newer running one, already
        // covers; queue the rest again. (Two can run for one article: a second worker
        // takes the job queued by an edit while the first still runs. Queuing both
        // again would break "one queued job per article", and the start with it.)
        let mut tx = begin_write(&self.pool).await?;
        sqlx::query(
            "DELETE FROM jobs WHERE state = 'running' AND EXISTS (SELECT 1 FROM jobs o WHERE o.kind = jobs.kind
                AND o.article_id = jobs.article_id AND (o.state = 'queued' OR (o.state = 'running' AND o.id > jobs.id)))",
        )
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query("UPDATE jobs SET state = 'queued', updated_ts = ? WHERE state = 'running'")
            .bind(Timestamp::now().as_second())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn jobs(&self, limit: u32) -> Result<Vec<JobRow>> {
        let rows = sqlx::query(
            "SELECT j.id, j.kind, a.slug, j.state, j.attempts, j.last_error, j.run_after_ts, j.updated_ts
             FROM jobs j JOIN articles a ON a.id = j.article_id ORDER BY j.id DESC LIMIT ?",
        )
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rows::job_row).collect()
    }

    async fn latest_job(&self, slug: &str, kind: &str) -> Result<Option<JobRow>> {
        let row = sqlx::query(
            "SELECT j.id, j.kind, a.slug, j.state, j.attempts, j.last_error, j.run_after_ts, j.updated_ts
             FROM jobs j JOIN articles a ON a.id = j.article_id WHERE a.slug = ? AND j.kind = ?
             ORDER BY j.id DESC LIMIT 1",
        )
        .bind(slug)
        .bind(kind)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rows::job_row).transpose()
    }

    async fn queue_depths(&self) -> Result<crate::QueueDepths> {
        // Two small GROUP BYs; done and cancelled rows are history, not depth.
        let count = |rows: Vec<sqlx::sqlite::SqliteRow>| -> Result<crate::StateCounts> {
            let mut counts = crate::StateCounts::default();
            for row in rows {
                let n = row.try_get::<i64, _>("n")?.max(0) as u64;
                match row.try_get::<String, _>("state")?.as_str() {
                    "queued" => counts.queued = n,
                    "running" => counts.running = n,
                    "failed" => counts.failed = n,
                    _ => {}
                }
            }
            Ok(counts)
        };
        let jobs = sqlx::query("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").fetch_all(&self.pool).await?;
        let deliveries = sqlx::query("SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state")
            .fetch_all(&self.pool)
            .await?;
        Ok(crate::QueueDepths { jobs: count(jobs)?, deliveries: count(deliveries)? })
    }

    async fn site_version(&self) -> Result<i64> {
        let row = sqlx::query("SELECT version FROM site_version WHERE id = 1").fetch_one(&self.pool).await?;
        Ok(row.try_get("version")?)
    }

    async fn next_timed_change(&self, now: Timestamp) -> Result<Option<Timestamp>> {
        let row = sqlx::query(
            "SELECT MIN(t) AS next FROM (
                SELECT until_ts AS t FROM breaking WHERE until_ts > ?1
                UNION ALL
                SELECT published_ts FROM articles WHERE status = 'published' AND published_ts > ?1)",
        )
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await?;
        let next: Option<i64> = row.try_get("next")?;
        next.map(|s| Timestamp::from_second(s).map_err(|e| StoreError::Corrupt(format!("time: {e}")))).transpose()
    }

    async fn set_breaking(&self, news: &BreakingNews) -> Result<()> {
        sqlx::query(
            "INSERT INTO breaking (id, text, link, until_ts) VALUES (1, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET text = excluded.text, link = excluded.link, until_ts = excluded.until_ts",
        )
        .bind(&news.text)
        .bind(&news.link)
        .bind(news.until.as_second())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn clear_breaking(&self) -> Result<()> {
        sqlx::query("DELETE FROM breaking").execute(&self.pool).await?;
        Ok(())
    }

    async fn breaking(&self, now: Timestamp) -> Result<Option<BreakingNews>> {
        let row = sqlx::query("SELECT * FROM breaking WHERE id = 1 AND until_ts > ?")
            .bind(now.as_second())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(rows::breaking).transpose()
    }
}
