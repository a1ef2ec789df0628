//! Editing in the newsroom: every save is a revision; a save based on an
//! older revision than the current one is refused (never silently overwrites).

use async_trait::async_trait;
use dateline_core::{Article, Status};
use jiff::Timestamp;

use crate::Result;

/// An article as the newsroom lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialRow {
    pub slug: String,
    pub headline: String,
    pub status: Status,
    pub revision: i64,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub modified: Timestamp,
    pub published: Option<Timestamp>,
}

impl EditorialRow {
    /// What the newsroom calls the state: a published article whose time has
    /// not come is scheduled.
    pub fn state(&self, now: Timestamp) -> &'static str {
        match (self.status, self.published) {
            (Status::Published, Some(at)) if at > now => "scheduled",
            (status, _) => status.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionInfo {
    pub number: i64,
    pub saved_by: Option<String>,
    pub saved: Timestamp,
    pub status: Status,
}

/// A correction notice on a published article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub text: String,
    pub at: Timestamp,
}

/// Why a save was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRefused {
    /// Someone saved revision `current` since the editor's base revision.
    Conflict { current: i64 },
    /// The slug belongs to another article.
    SlugTaken,
}

/// Editor text posted when its author's session had ended: nothing of it is
/// saved as a revision; it waits to be put back into the editor at `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptDraft {
    /// The editor it came from (`/newsroom/articles/<slug>` or `/newsroom/articles/new`).
    pub path: String,
    /// The revision the form was opened at, so a later save is still checked against it.
    pub revision: i64,
    pub draft_json: String,
}

#[async_trait]
pub trait Editorial: Send + Sync {
    /// Every article, or only `owner`'s, most recently changed first.
    async fn newsroom_articles(&self, owner: Option<i64>) -> Result<Vec<EditorialRow>>;
    async fn editorial(&self, slug: &str) -> Result<Option<EditorialRow>>;

    /// Saves `article` as revision `base + 1` with its draft snapshot, in one
    /// transaction. `previous_slug` is the slug the editor opened (`None` for a
    /// new article). Refused when the article moved past `base` meanwhile.
    async fn save_revision(
        &self,
        previous_slug: Option<&str>,
        article: &Article,
        draft_json: &str,
        by: i64,
        base: i64,
    ) -> Result<std::result::Result<i64, SaveRefused>>;

    /// Newest first.
    async fn revisions(&self, slug: &str) -> Result<Vec<RevisionInfo>>;

    /// Adds a correction to a published article, marks it updated and queues
    /// its narration again, in one transaction. `false` when there is no
    /// published article with that slug.
    async fn add_correction(&self, slug: &str, text: &str, by: i64, at: Timestamp) -> Result<bool>;
    /// Oldest first.
    async fn corrections(&self, slug: &str) -> Result<Vec<Correction>>;
    /// The draft snapshot (JSON) of revision `number`.
    async fn revision_draft(&self, slug: &str, number: i64) -> Result<Option<String>>;

    /// Keeps `kept` under `token_hash`, and forgets drafts kept before
    /// `forget_before`; `false` (nothing kept) when `at_most` are kept already.
    async fn keep_draft(
        &self,
        token_hash: &str,
        kept: &KeptDraft,
        at: Timestamp,
        forget_before: Timestamp,
        at_most: u32,
    ) -> Result<bool>;
    /// Hands back (once: it is forgotten) the draft kept under `token_hash` for
    /// `path`, unless it was kept before `since`.
    async fn take_kept_draft(&self, token_hash: &str, path: &str, since: Timestamp) -> Result<Option<KeptDraft>>;
}
