//! Dateline's persistence.
//!
//! Callers see the [`Store`] trait only: SQLite (embedded, WAL) is the
//! implementation today; PostgreSQL can follow behind the same trait. All SQL
//! lives in this crate. Media files live beside the database, written
//! atomically and named by their content, and are always on disk before any
//! row points at them.

pub mod accounts;
pub mod backup;
pub mod editorial;
mod error;
pub mod images;
pub mod library;
mod media_files;
mod migrations;
mod rows;
mod snapshot;
pub mod sqlite;
mod sqlite_accounts;
mod sqlite_api_keys;
mod sqlite_editorial;
mod sqlite_library;
mod sqlite_webhooks;
pub mod webhooks;

use async_trait::async_trait;
use dateline_core::{Article, BreakingNews, Contributor, MediaInfo, Section, Slug};
use jiff::{Timestamp, ZonedDateTime};

pub use accounts::Accounts;
pub use editorial::Editorial;
pub use error::StoreError;
pub use library::MediaLibrary;
pub use media_files::MediaFiles;
pub use snapshot::SnapshotStore;
pub use sqlite::SqliteStore;
pub use webhooks::Webhooks;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An article as lists show it: enough for a teaser, nothing more.
#[derive(Debug, Clone)]
pub struct ArticleSummary {
    pub slug: Slug,
    pub headline: String,
    pub dek: Option<String>,
    pub section: Slug,
    pub section_name: String,
    pub published: ZonedDateTime,
    /// Set by updates and corrections.
    pub updated: Option<ZonedDateTime>,
    pub language: dateline_core::Language,
    pub lead_image: Option<TeaserImage>,
}

#[derive(Debug, Clone)]
pub struct TeaserImage {
    pub alt: String,
    pub media: MediaInfo,
}

/// Which published articles to list. Only articles live at `now` are listed.
#[derive(Debug, Clone)]
pub struct ArticleQuery {
    pub now: Timestamp,
    pub section: Option<Slug>,
    pub contributor: Option<Slug>,
    /// An exact tag.
    pub tag: Option<String>,
    /// A language tag as stored (`en`, `sw`).
    pub language: Option<String>,
    /// Published at or after.
    pub since: Option<Timestamp>,
    /// Published before.
    pub until: Option<Timestamp>,
    pub limit: u32,
    pub offset: u32,
}

impl ArticleQuery {
    pub fn latest(now: Timestamp, limit: u32) -> Self {
        Self {
            now,
            section: None,
            contributor: None,
            tag: None,
            language: None,
            since: None,
            until: None,
            limit,
            offset: 0,
        }
    }
}

/// One page of a longer list.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// A media file about to be stored.
pub struct NewMedia {
    pub bytes: Vec<u8>,
    pub kind: MediaKind,
}

/// What a media file is; it decides its extension and content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Image(images::ImageFacts),
    Mp3,
    WebVtt,
}

impl NewMedia {
    pub fn image(bytes: Vec<u8>, facts: images::ImageFacts) -> Self {
        Self { bytes, kind: MediaKind::Image(facts) }
    }

    pub fn mp3(bytes: Vec<u8>) -> Self {
        Self { bytes, kind: MediaKind::Mp3 }
    }

    pub fn webvtt(text: String) -> Self {
        Self { bytes: text.into_bytes(), kind: MediaKind::WebVtt }
    }

    pub fn key(&self) -> String {
        images::media_key(&self.bytes, self.extension())
    }

    pub fn extension(&self) -> &'static str {
        match &self.kind {
            MediaKind::Image(facts) => facts.extension(),
            MediaKind::Mp3 => "mp3",
            MediaKind::WebVtt => "vtt",
        }
    }

    pub fn info(&self) -> MediaInfo {
        let (content_type, width, height) = match &self.kind {
            MediaKind::Image(f) => (f.content_type(), f.width, f.height),
            MediaKind::Mp3 => ("audio/mpeg", 0, 0),
            MediaKind::WebVtt => ("text/vtt; charset=utf-8", 0, 0),
        };
        MediaInfo {
            key: self.key(),
            content_type: content_type.to_owned(),
            width,
            height,
            bytes: self.bytes.len() as u64,
            variants: Vec::new(),
        }
    }
}

/// An article's narration as stored: the MP3, its WebVTT cues and their facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrationRecord {
    pub audio: MediaInfo,
    pub cues: MediaInfo,
    pub duration_ms: u64,
    /// The voice that read it, e.g. "piper en_US-joe-medium".
    pub voice: String,
    pub sentences: u32,
}

/// A narration about to be stored.
pub struct NewNarration {
    pub audio: NewMedia,
    pub cues: NewMedia,
    pub duration_ms: u64,
    pub voice: String,
    pub sentences: u32,
}

/// A job a worker has claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub article_slug: String,
    /// Including this one.
    pub attempts: u32,
}

/// A job as `dateline jobs` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub article_slug: String,
    pub state: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub run_after: Timestamp,
    pub updated: Timestamp,
}

pub const NARRATE: &str = "narrate";

/// How much background work waits, runs and failed for good: what `/metrics`
/// reports as queue depth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueDepths {
    pub jobs: StateCounts,
    pub deliveries: StateCounts,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub queued: u64,
    pub running: u64,
    pub failed: u64,
}

#[async_trait]
pub trait Store: Send + Sync {
    async fn save_section(&self, section: &Section) -> Result<()>;
    async fn sections(&self) -> Result<Vec<Section>>;
    async fn section(&self, slug: &str) -> Result<Option<Section>>;

    async fn save_contributor(&self, contributor: &Contributor) -> Result<()>;
    async fn contributor(&self, slug: &str) -> Result<Option<Contributor>>;
    /// Every contributor, by name.
    async fn all_contributors(&self) -> Result<Vec<Contributor>>;
    /// The named contributors that exist, in the order asked for.
    async fn contributors(&self, slugs: &[Slug]) -> Result<Vec<Contributor>>;

    /// Inserts the article, or replaces the one with the same slug, in one
    /// transaction — which also queues its narration when it is published.
    async fn save_article(&self, article: &Article) -> Result<i64>;
    /// Any article by slug, whatever its status.
    async fn article(&self, slug: &str) -> Result<Option<Article>>;
    async fn list_articles(&self, query: &ArticleQuery) -> Result<Page<ArticleSummary>>;
    /// Every published article's slug and change number (which moves with
    /// every write to the article, whoever writes), scheduled ones included:
    /// what the search index compares itself with.
    async fn search_changes(&self) -> Result<Vec<(String, i64)>>;
    /// The named articles that are live at `now`, as teasers, in the order asked for.
    async fn article_summaries(&self, slugs: &[String], now: Timestamp) -> Result<Vec<ArticleSummary>>;

    /// Stores a media file (content-addressed: storing the same bytes twice is one file).
    async fn put_media(&self, media: NewMedia) -> Result<MediaInfo>;
    /// Stores a prepared image: its WebP variants and its master, which lists them.
    async fn put_image(&self, image: images::PreparedImage) -> Result<MediaInfo>;
    async fn media(&self, key: &str) -> Result<Option<MediaInfo>>;
    fn media_files(&self) -> &MediaFiles;

    /// Stores the files, then switches the article to the new narration in one
    /// transaction: a page never points at missing or half-written audio.
    async fn save_narration(&self, slug: &str, narration: NewNarration) -> Result<NarrationRecord>;
    async fn narration(&self, slug: &str) -> Result<Option<NarrationRecord>>;

    /// Queues (re)narration of an article; `false` when there is no such article.
    async fn queue_narration(&self, slug: &str) -> Result<bool>;
    /// Takes the next due job, marking it running.
    async fn claim_job(&self, now: Timestamp) -> Result<Option<Job>>;
    async fn finish_job(&self, id: i64) -> Result<()>;
    /// Records a failure: queued again at `retry_at`, or failed for good when `None`.
    async fn fail_job(&self, id: i64, error: &str, retry_at: Option<Timestamp>) -> Result<()>;
    /// Queues again the jobs a dead process left running; returns how many.
    async fn requeue_interrupted_jobs(&self) -> Result<u64>;
    /// The most recent jobs, newest first.
    async fn jobs(&self, limit: u32) -> Result<Vec<JobRow>>;
    /// The newest job of `kind` for an article, if any.
    async fn latest_job(&self, slug: &str, kind: &str) -> Result<Option<JobRow>>;
    /// Narration jobs and webhook deliveries by state, counted now.
    async fn queue_depths(&self) -> Result<QueueDepths>;

    /// A number that changes whenever anything readers could see changes,
    /// in this process or another.
    async fn site_version(&self) -> Result<i64>;
    /// The next moment pages change without any write: a breaking strip's
    /// expiry or a scheduled article's publication, if one is due after `now`.
    async fn next_timed_change(&self, now: Timestamp) -> Result<Option<Timestamp>>;

    async fn set_breaking(&self, news: &BreakingNews) -> Result<()>;
    async fn clear_breaking(&self) -> Result<()>;
    /// The breaking-news strip, if one is up at `now`.
    async fn breaking(&self, now: Timestamp) -> Result<Option<BreakingNews>>;
}
