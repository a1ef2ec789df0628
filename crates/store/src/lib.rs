//! Dateline's persistence.
//!
//! Callers see the [`Store`] trait only: SQLite (embedded, WAL) is the
//! implementation today; PostgreSQL can follow behind the same trait. All SQL
//! lives in this crate. Media files live beside the database, written
//! atomically and named by their content, and are always on disk before any
//! row points at them.

mod error;
pub mod images;
mod media_files;
mod migrations;
mod rows;
pub mod sqlite;

use async_trait::async_trait;
use dateline_core::{Article, BreakingNews, Contributor, MediaInfo, Section, Slug};
use jiff::{Timestamp, ZonedDateTime};

pub use error::StoreError;
pub use media_files::MediaFiles;
pub use sqlite::SqliteStore;

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
    /// Words that must all appear in the headline, dek or body.
    pub text: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

impl ArticleQuery {
    pub fn latest(now: Timestamp, limit: u32) -> Self {
        Self {
            now,
            section: None,
            contributor: None,
            text: None,
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
    pub facts: images::ImageFacts,
}

#[async_trait]
pub trait Store: Send + Sync {
    async fn save_section(&self, section: &Section) -> Result<()>;
    async fn sections(&self) -> Result<Vec<Section>>;
    async fn section(&self, slug: &str) -> Result<Option<Section>>;

    async fn save_contributor(&self, contributor: &Contributor) -> Result<()>;
    async fn contributor(&self, slug: &str) -> Result<Option<Contributor>>;
    /// The named contributors that exist, in the order asked for.
    async fn contributors(&self, slugs: &[Slug]) -> Result<Vec<Contributor>>;

    /// Inserts the article, or replaces the one with the same slug, in one transaction.
    async fn save_article(&self, article: &Article) -> Result<i64>;
    /// Any article by slug, whatever its status.
    async fn article(&self, slug: &str) -> Result<Option<Article>>;
    async fn list_articles(&self, query: &ArticleQuery) -> Result<Page<ArticleSummary>>;

    /// Stores a media file (content-addressed: storing the same bytes twice is one file).
    async fn put_media(&self, media: NewMedia) -> Result<MediaInfo>;
    async fn media(&self, key: &str) -> Result<Option<MediaInfo>>;
    fn media_files(&self) -> &MediaFiles;

    async fn set_breaking(&self, news: &BreakingNews) -> Result<()>;
    async fn clear_breaking(&self) -> Result<()>;
    /// The breaking-news strip, if one is up at `now`.
    async fn breaking(&self, now: Timestamp) -> Result<Option<BreakingNews>>;
}
