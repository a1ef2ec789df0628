//! A read-only, in-memory copy of what public pages read, for the static
//! export: a page asks the store about ten small questions, and answering
//! them from memory instead of handing each to SQLite's worker threads is
//! most of the export's time. Loaded in one read transaction (one consistent
//! moment); it must answer every read exactly as [`SqliteStore`] does
//! (`tests/snapshot.rs` compares them). Every write is refused.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use async_trait::async_trait;
use dateline_core::{Article, BreakingNews, Contributor, MediaInfo, Section, Slug};
use futures_util::TryStreamExt;
use jiff::Timestamp;
use sqlx::Row;

use crate::editorial::{Correction, Editorial, EditorialRow, KeptDraft, RevisionInfo, SaveRefused};
use crate::{
    ArticleQuery, ArticleSummary, Job, JobRow, MediaFiles, NarrationRecord, NewMedia, NewNarration, Page, Result,
    SqliteStore, Store, StoreError, images, rows,
};

/// A published article as lists filter it.
struct Listed {
    id: i64,
    published_ts: i64,
    language: String,
    tags: Vec<String>,
    contributors: Vec<Slug>,
    summary: ArticleSummary,
}

pub struct SnapshotStore {
    /// Reads that pages do not make (jobs, change counters) go here.
    inner: Arc<SqliteStore>,
    sections: Vec<Section>,
    /// By name, then slug.
    contributors: Vec<Contributor>,
    articles: HashMap<String, Article>,
    /// Published articles, newest first (by published time, then id).
    listed: Vec<Listed>,
    /// Positions in `listed`, by section and by contributor: most lists name
    /// one, and scanning every article for each of a large export's ~2,000
    /// list pages showed in its profile.
    by_section: HashMap<Slug, Vec<usize>>,
    by_contributor: HashMap<Slug, Vec<usize>>,
    media: HashMap<String, MediaInfo>,
    narrations: HashMap<String, NarrationRecord>,
    breaking: Option<BreakingNews>,
    /// By article slug, oldest first.
    corrections: HashMap<String, Vec<Correction>>,
}

/// For the newsroom's reads, which public pages never make.
fn not_kept() -> StoreError {
    StoreError::Invalid("the export's snapshot of the store holds only what public pages read".into())
}

fn read_only() -> StoreError {
    StoreError::Invalid("this is a read-only snapshot of the store (made for the export): it cannot be changed".into())
}

impl SnapshotStore {
    /// Reads everything public pages show from `inner`, at one moment.
    pub async fn load(inner: Arc<SqliteStore>) -> Result<Self> {
        let mut tx = inner.pool().begin().await?;
        let sections = sqlx::query("SELECT * FROM sections ORDER BY position, name").fetch_all(&mut *tx).await?;
        let sections = sections.iter().map(rows::section).collect::<Result<Vec<_>>>()?;
        let contributors = sqlx::query("SELECT * FROM contributors ORDER BY name, slug").fetch_all(&mut *tx).await?;
        let contributors = contributors.iter().map(rows::contributor).collect::<Result<Vec<_>>>()?;

        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        for row in sqlx::query("SELECT article_id, tag FROM article_tags ORDER BY rowid").fetch_all(&mut *tx).await? {
            tags.entry(row.try_get("article_id")?).or_default().push(row.try_get("tag")?);
        }
        let mut bylines: HashMap<i64, Vec<Slug>> = HashMap::new();
        let byline_rows = sqlx::query("SELECT article_id, contributor FROM article_contributors ORDER BY position")
            .fetch_all(&mut *tx)
            .await?;
        for row in byline_rows {
            bylines.entry(row.try_get("article_id")?).or_default().push(rows::slug(row.try_get("contributor")?)?);
        }

        // The columns of both `SELECT *` (for the article) and the list query (for its teaser);
        // unsorted, as sorting whole rows (bodies included) in SQLite costs more than sorting here.
        let mut article_rows = sqlx::query(
            "SELECT a.*, s.name AS section_name, m.content_type AS media_content_type, m.width AS media_width,
                    m.height AS media_height, m.bytes AS media_bytes, m.variants AS media_variants
             FROM articles a
             JOIN sections s ON s.slug = a.section
             LEFT JOIN media m ON m.key = a.lead_media",
        )
        .fetch(&mut *tx);
        let mut articles = HashMap::new();
        let mut listed = Vec::new();
        // Each row is decoded as it comes, while SQLite's thread reads the next.
        while let Some(row) = article_rows.try_next().await? {
            let row = &row;
            let id: i64 = row.try_get("id")?;
            let article_tags = tags.remove(&id).unwrap_or_default();
            let article_bylines = bylines.remove(&id).unwrap_or_default();
            if row.try_get::<String, _>("status")? == "published" {
                listed.push(Listed {
                    id,
                    published_ts: row.try_get("published_ts")?,
                    language: row.try_get("language")?,
                    tags: article_tags.clone(),
                    contributors: article_bylines.clone(),
                    summary: rows::summary(row)?,
                });
            }
            let article = rows::article(row, article_tags, article_bylines)?;
            articles.insert(row.try_get("slug")?, article);
        }
        drop(article_rows);
        listed.sort_unstable_by_key(|a| std::cmp::Reverse((a.published_ts, a.id)));

        let media = sqlx::query("SELECT * FROM media").fetch_all(&mut *tx).await?;
        let media = media.iter().map(|r| Ok((r.try_get("key")?, rows::media(r)?))).collect::<Result<_>>()?;
        let narrations = sqlx::query(
            "SELECT ar.slug, n.duration_ms, n.voice, n.sentences,
                    a.key AS a_key, a.content_type AS a_type, a.bytes AS a_bytes,
                    c.key AS c_key, c.content_type AS c_type, c.bytes AS c_bytes
             FROM narrations n JOIN articles ar ON ar.id = n.article_id
             JOIN media a ON a.key = n.audio_key JOIN media c ON c.key = n.cues_key",
        )
        .fetch_all(&mut *tx)
        .await?;
        let narrations =
            narrations.iter().map(|r| Ok((r.try_get("slug")?, rows::narration(r)?))).collect::<Result<_>>()?;
        let breaking = sqlx::query("SELECT * FROM breaking WHERE id = 1").fetch_optional(&mut *tx).await?;
        let breaking = breaking.as_ref().map(rows::breaking).transpose()?;
        let mut corrections: HashMap<String, Vec<Correction>> = HashMap::new();
        let correction_rows = sqlx::query(
            "SELECT a.slug, c.text, c.at_ts FROM corrections c JOIN articles a ON a.id = c.article_id
             ORDER BY c.at_ts, c.id",
        )
        .fetch_all(&mut *tx)
        .await?;
        for row in &correction_rows {
            corrections.entry(row.try_get("slug")?).or_default().push(rows::correction(row)?);
        }
        tx.commit().await?;
        let mut by_section: HashMap<Slug, Vec<usize>> = HashMap::new();
        let mut by_contributor: HashMap<Slug, Vec<usize>> = HashMap::new();
        for (position, article) in listed.iter().enumerate() {
            by_section.entry(article.summary.section.clone()).or_default().push(position);
            for contributor in &article.contributors {
                let positions = by_contributor.entry(contributor.clone()).or_default();
                // Once per article, even if a byline named someone twice.
                if positions.last() != Some(&position) {
                    positions.push(position);
                }
            }
        }
        Ok(Self {
            inner,
            sections,
            contributors,
            articles,
            listed,
            by_section,
            by_contributor,
            media,
            narrations,
            breaking,
            corrections,
        })
    }

    fn live(&self, now: Timestamp) -> impl Iterator<Item = &Listed> {
        self.listed.iter().filter(move |a| a.published_ts <= now.as_second())
    }

    /// The live articles a query may match, newest first: those of its
    /// section or contributor when it names one, else all.
    fn candidates<'a>(&'a self, q: &ArticleQuery) -> Box<dyn Iterator<Item = &'a Listed> + 'a> {
        let index = match (&q.section, &q.contributor) {
            (Some(section), _) => self.by_section.get(section),
            (None, Some(contributor)) => self.by_contributor.get(contributor),
            (None, None) => return Box::new(self.live(q.now)),
        };
        let now = q.now.as_second();
        let positions = index.map(Vec::as_slice).unwrap_or_default();
        Box::new(positions.iter().map(|&p| &self.listed[p]).filter(move |a| a.published_ts <= now))
    }
}

impl Listed {
    fn matches(&self, q: &ArticleQuery) -> bool {
        q.section.as_ref().is_none_or(|s| self.summary.section == *s)
            && q.contributor.as_ref().is_none_or(|c| self.contributors.contains(c))
            && q.tag.as_ref().is_none_or(|t| self.tags.contains(t))
            && q.language.as_ref().is_none_or(|l| self.language == *l)
            && q.since.is_none_or(|t| self.published_ts >= t.as_second())
            && q.until.is_none_or(|t| self.published_ts < t.as_second())
    }
}

#[async_trait]
impl Store for SnapshotStore {
    async fn save_section(&self, _: &Section) -> Result<()> {
        Err(read_only())
    }

    async fn sections(&self) -> Result<Vec<Section>> {
        Ok(self.sections.clone())
    }

    async fn section(&self, slug: &str) -> Result<Option<Section>> {
        Ok(self.sections.iter().find(|s| s.slug.as_str() == slug).cloned())
    }

    async fn save_contributor(&self, _: &Contributor) -> Result<()> {
        Err(read_only())
    }

    async fn contributor(&self, slug: &str) -> Result<Option<Contributor>> {
        Ok(self.contributors.iter().find(|c| c.slug.as_str() == slug).cloned())
    }

    async fn all_contributors(&self) -> Result<Vec<Contributor>> {
        Ok(self.contributors.clone())
    }

    async fn contributors(&self, slugs: &[Slug]) -> Result<Vec<Contributor>> {
        Ok(slugs.iter().filter_map(|s| self.contributors.iter().find(|c| c.slug == *s).cloned()).collect())
    }

    async fn save_article(&self, _: &Article) -> Result<i64> {
        Err(read_only())
    }

    async fn article(&self, slug: &str) -> Result<Option<Article>> {
        Ok(self.articles.get(slug).cloned())
    }

    async fn list_articles(&self, q: &ArticleQuery) -> Result<Page<ArticleSummary>> {
        let mut total = 0;
        let mut items = Vec::new();
        for article in self.candidates(q).filter(|a| a.matches(q)) {
            if total >= q.offset as u64 && items.len() < q.limit as usize {
                items.push(article.summary.clone());
            }
            total += 1;
        }
        Ok(Page { items, total })
    }

    async fn search_changes(&self) -> Result<Vec<(String, i64)>> {
        self.inner.search_changes().await
    }

    async fn article_summaries(&self, slugs: &[String], now: Timestamp) -> Result<Vec<ArticleSummary>> {
        let mut found: HashMap<&str, &ArticleSummary> = HashMap::new();
        let wanted: HashSet<&str> = slugs.iter().map(String::as_str).collect();
        for article in self.live(now).filter(|a| wanted.contains(a.summary.slug.as_str())) {
            found.insert(article.summary.slug.as_str(), &article.summary);
        }
        Ok(slugs.iter().filter_map(|slug| found.remove(slug.as_str()).cloned()).collect())
    }

    async fn put_media(&self, _: NewMedia) -> Result<MediaInfo> {
        Err(read_only())
    }

    async fn put_image(&self, _: images::PreparedImage) -> Result<MediaInfo> {
        Err(read_only())
    }

    async fn media(&self, key: &str) -> Result<Option<MediaInfo>> {
        Ok(self.media.get(key).cloned())
    }

    fn media_files(&self) -> &MediaFiles {
        self.inner.media_files()
    }

    async fn save_narration(&self, _: &str, _: NewNarration) -> Result<NarrationRecord> {
        Err(read_only())
    }

    async fn narration(&self, slug: &str) -> Result<Option<NarrationRecord>> {
        Ok(self.narrations.get(slug).cloned())
    }

    async fn queue_narration(&self, _: &str) -> Result<bool> {
        Err(read_only())
    }

    async fn claim_job(&self, _: Timestamp) -> Result<Option<Job>> {
        Err(read_only())
    }

    async fn finish_job(&self, _: i64) -> Result<()> {
        Err(read_only())
    }

    async fn fail_job(&self, _: i64, _: &str, _: Option<Timestamp>) -> Result<()> {
        Err(read_only())
    }

    async fn requeue_interrupted_jobs(&self) -> Result<u64> {
        Err(read_only())
    }

    async fn jobs(&self, limit: u32) -> Result<Vec<JobRow>> {
        self.inner.jobs(limit).await
    }

    async fn latest_job(&self, slug: &str, kind: &str) -> Result<Option<JobRow>> {
        self.inner.latest_job(slug, kind).await
    }

    async fn queue_depths(&self) -> Result<crate::QueueDepths> {
        self.inner.queue_depths().await
    }

    async fn site_version(&self) -> Result<i64> {
        self.inner.site_version().await
    }

    async fn next_timed_change(&self, now: Timestamp) -> Result<Option<Timestamp>> {
        self.inner.next_timed_change(now).await
    }

    async fn set_breaking(&self, _: &BreakingNews) -> Result<()> {
        Err(read_only())
    }

    async fn clear_breaking(&self) -> Result<()> {
        Err(read_only())
    }

    async fn breaking(&self, now: Timestamp) -> Result<Option<BreakingNews>> {
        // Whole seconds, as SQLite compares them.
        Ok(self.breaking.clone().filter(|b| b.until.as_second() > now.as_second()))
    }
}

/// Public pages read only the corrections; the newsroom's reads and every
/// write are refused.
#[async_trait]
impl Editorial for SnapshotStore {
    async fn corrections(&self, slug: &str) -> Result<Vec<Correction>> {
        Ok(self.corrections.get(slug).cloned().unwrap_or_default())
    }

    async fn newsroom_articles(&self, _: Option<i64>) -> Result<Vec<EditorialRow>> {
        Err(not_kept())
    }

    async fn editorial(&self, _: &str) -> Result<Option<EditorialRow>> {
        Err(not_kept())
    }

    async fn save_revision(
        &self,
        _: Option<&str>,
        _: &Article,
        _: &str,
        _: i64,
        _: i64,
    ) -> Result<std::result::Result<i64, SaveRefused>> {
        Err(read_only())
    }

    async fn revisions(&self, _: &str) -> Result<Vec<RevisionInfo>> {
        Err(not_kept())
    }

    async fn add_correction(&self, _: &str, _: &str, _: i64, _: Timestamp) -> Result<bool> {
        Err(read_only())
    }

    async fn revision_draft(&self, _: &str, _: i64) -> Result<Option<String>> {
        Err(not_kept())
    }

    async fn keep_draft(&self, _: &str, _: &KeptDraft, _: Timestamp, _: Timestamp, _: u32) -> Result<bool> {
        Err(read_only())
    }

    async fn take_kept_draft(&self, _: &str, _: &str, _: Timestamp) -> Result<Option<KeptDraft>> {
        Err(read_only())
    }
}
