//! Dateline's full-text search (tantivy): the schema, analysis per language,
//! indexing, queries built from readers' words, and highlighted snippets.
//!
//! The index knows nothing of the store: whoever holds it (the server, or
//! `dateline reindex`) feeds it [`Document`]s and the slugs to forget. It
//! keeps each article's change number from the store, so a caller can find
//! what changed by comparing numbers. Scheduled articles are indexed at once
//! and found only from their publication time on.

mod analysis;
mod document;
mod index;
mod query;

use std::path::PathBuf;

pub use analysis::Analysis;
pub use document::{Document, plain_text};
pub use index::{Found, Hit, IndexLock, SearchIndex};
pub use query::{MAX_QUERY_CHARS, clean};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(
        "the search index in {0} is in use by another Dateline process (a running server keeps it up to date by itself)"
    )]
    Busy(PathBuf),
    #[error("the search index in {0}: {1}")]
    Index(PathBuf, tantivy::TantivyError),
    #[error("the search index folder {0}: {1}")]
    Io(PathBuf, std::io::Error),
}
