//! Full-text search for readers, and the index kept in step with the store.
//!
//! The serving process holds the index (tantivy allows one writer). It
//! follows the store by difference: when the store's site version moved
//! (whoever wrote: the newsroom, `dateline import` in another process), the
//! published articles' change numbers are compared with the index's and only
//! the differences are indexed or forgotten. That happens before every search
//! and every second in the background, so a search never sees an older store
//! than the page around it. Scheduled articles are indexed at once and found
//! from their publication time on (the index filters by time).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use dateline_search::{Document, SearchIndex};
use dateline_store::{ArticleSummary, Store};
use jiff::Timestamp;

use crate::{AppState, SharedState, WebError};

/// Articles loaded and indexed at a time while catching up.
const BATCH: usize = 200;
/// How often the background task looks for changes.
const FOLLOW_EVERY: Duration = Duration::from_secs(1);

/// The index and the site version it was last brought up to.
pub struct Search {
    index: Arc<SearchIndex>,
    synced: tokio::sync::Mutex<Option<i64>>,
}

impl Search {
    pub fn new(index: SearchIndex) -> Self {
        Self { index: Arc::new(index), synced: tokio::sync::Mutex::new(None) }
    }
}

/// One page of search results.
#[derive(Debug, Clone)]
pub struct Results {
    /// The words searched for, as cleaned (control characters out, 200 characters at most).
    pub query: String,
    /// Live articles matching, on all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub article: ArticleSummary,
    /// Escaped text in which only `<mark>` is markup.
    pub snippet_html: String,
}

/// Searches live articles for `text` (any text: it is cleaned, never parsed)
/// and returns page `page` (from 1) of `per_page` results.
pub async fn run(state: &AppState, text: &str, page: u32, per_page: u32) -> Result<Results, WebError> {
    sync(state).await?;
    let (page, per_page) = (page.max(1), per_page.max(1));
    let offset = (page as usize - 1) * per_page as usize;
    let now = Timestamp::now();
    let (index, text_owned) = (state.search.index.clone(), text.to_owned());
    let found = tokio::task::spawn_blocking(move || index.search(&text_owned, now, offset, per_page as usize))
        .await
        .map_err(|e| WebError::Setup(format!("search task: {e}")))??;
    let slugs: Vec<String> = found.hits.iter().map(|h| h.slug.clone()).collect();
    let mut summaries: HashMap<String, ArticleSummary> = state
        .store
        .article_summaries(&slugs, now)
        .await?
        .into_iter()
        .map(|s| (s.slug.as_str().to_owned(), s))
        .collect();
    // An article unpublished since the sync above is left out.
    let hits = found
        .hits
        .into_iter()
        .filter_map(|h| summaries.remove(&h.slug).map(|article| Hit { article, snippet_html: h.snippet_html }))
        .collect();
    Ok(Results { query: found.cleaned, total: found.total, page, per_page, hits })
}

/// Brings the index up to the store, if the store moved since the last time.
/// Returns how many articles were indexed or forgotten.
pub async fn sync(state: &AppState) -> Result<usize, WebError> {
    let mut synced = state.search.synced.lock().await;
    // The version is read before the articles: a change in between makes the next sync look again.
    let version = state.store.site_version().await?;
    if *synced == Some(version) {
        return Ok(0);
    }
    let wanted = state.store.search_changes().await?;
    let held = state.search.index.held();
    let live: HashSet<&str> = wanted.iter().map(|(slug, _)| slug.as_str()).collect();
    let mut removed: Vec<String> = held.keys().filter(|slug| !live.contains(slug.as_str())).cloned().collect();
    let changed: Vec<&(String, i64)> = wanted.iter().filter(|(slug, change)| held.get(slug) != Some(change)).collect();
    let mut count = removed.len();
    for batch in changed.chunks(BATCH) {
        let (documents, gone) = documents(state.store.as_ref(), batch).await?;
        removed.extend(gone);
        count += documents.len();
        update(&state.search.index, documents, std::mem::take(&mut removed)).await?;
    }
    count += removed.len();
    update(&state.search.index, Vec::new(), removed).await?;
    *synced = Some(version);
    if count > 0 {
        tracing::info!(count, "search index brought up to date");
    }
    Ok(count)
}

/// Rebuilds the whole index from the store; returns how many articles it holds.
pub async fn rebuild(store: &dyn Store, index: Arc<SearchIndex>) -> Result<usize, WebError> {
    let wanted = store.search_changes().await?;
    let mut all = Vec::with_capacity(wanted.len());
    for batch in wanted.iter().collect::<Vec<_>>().chunks(BATCH) {
        all.extend(documents(store, batch).await?.0);
    }
    let count = all.len();
    tokio::task::spawn_blocking(move || index.rebuild(&all))
        .await
        .map_err(|e| WebError::Setup(format!("search task: {e}")))??;
    Ok(count)
}

/// Keeps the index following the store every second, for as long as the server runs.
pub fn follow(state: SharedState) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(FOLLOW_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(e) = sync(&state).await {
                tracing::warn!(error = %e, "the search index could not follow the store");
            }
        }
    });
}

/// The documents of these articles, and the slugs of those no longer published.
async fn documents(store: &dyn Store, batch: &[&(String, i64)]) -> Result<(Vec<Document>, Vec<String>), WebError> {
    let mut documents = Vec::with_capacity(batch.len());
    let mut gone = Vec::new();
    for (slug, change) in batch {
        match store.article(slug).await?.and_then(|a| Document::from_article(&a, *change)) {
            Some(document) => documents.push(document),
            None => gone.push(slug.clone()),
        }
    }
    Ok((documents, gone))
}

async fn update(index: &Arc<SearchIndex>, documents: Vec<Document>, removed: Vec<String>) -> Result<(), WebError> {
    let index = index.clone();
    tokio::task::spawn_blocking(move || index.update(&documents, &removed))
        .await
        .map_err(|e| WebError::Setup(format!("search task: {e}")))??;
    Ok(())
}
