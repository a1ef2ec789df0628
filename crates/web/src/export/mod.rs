//! The static export: the whole public site written into a folder that any
//! static host can serve with no Dateline process.
//!
//! Every page and file is rendered in-process by the same router that serves
//! the site (without its page cache), so an exported file holds what the
//! server sends; only links in HTML pages are changed, to addresses a static
//! host answers ([`paths`]). The URLs come from the store (home, feeds,
//! sitemaps, every section, contributor and live article, in both editions),
//! and from following every link of every exported page (later pages of
//! lists, assets, media); a link that leads nowhere is reported. The search
//! page and its index are made here ([`search`]); the 404 page is the
//! router's own.
//!
//! Exports are incremental: [`manifest`] records what the export owns, a
//! second export rewrites only files whose bytes changed and removes owned
//! files that are no longer produced, and never touches any other file.

mod manifest;
mod paths;
mod search;

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::{SharedState, WebError};
use manifest::{Entry, Journal, Manifest};

pub use manifest::MANIFEST;

/// Where and how to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub out: PathBuf,
    /// Export into a non-empty folder that holds no earlier export (its files are left alone).
    pub force: bool,
    /// Pages rendered at once.
    pub concurrency: usize,
}

/// How far the export has come: `done` of the `known` URLs so far (more are
/// found as pages are read).
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: u64,
    pub known: u64,
}

/// A link in an exported page that the site does not answer with a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub url: String,
    pub status: u16,
}

#[derive(Debug, Default)]
pub struct ExportReport {
    pub written: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub broken: Vec<BrokenLink>,
}

impl std::fmt::Display for ExportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} written, {} unchanged, {} removed", self.written, self.unchanged, self.removed)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} is a file, not a folder: name a folder to export into", path.display())]
    NotAFolder { path: PathBuf },
    #[error(
        "{} is not empty and holds no Dateline export (no {MANIFEST}): name an empty or new folder, \
         or pass --force to export into it (files the export does not write are left alone)",
        path.display()
    )]
    NotEmpty { path: PathBuf },
    #[error("cannot write into {}: {source}", path.display())]
    NotWritable { path: PathBuf, source: std::io::Error },
    #[error("{} is damaged ({detail}): remove it (and the files it listed) or export into a new folder", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{url} answered {status}")]
    Render { url: String, status: u16 },
    #[error(transparent)]
    Web(#[from] WebError),
}

/// Checks the folder and loads what an earlier export left there; creates
/// the folder when it is missing.
fn prepare(out: &Path, force: bool) -> Result<Manifest, ExportError> {
    match std::fs::metadata(out) {
        Ok(meta) if !meta.is_dir() => return Err(ExportError::NotAFolder { path: out.to_owned() }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(out).map_err(|source| ExportError::NotWritable { path: out.to_owned(), source })?;
        }
        Err(source) => return Err(ExportError::NotWritable { path: out.to_owned(), source }),
    }
    if let Some(manifest) = Manifest::load(out)? {
        return Ok(manifest);
    }
    let mut entries = std::fs::read_dir(out).map_err(|source| ExportError::Io { path: out.to_owned(), source })?;
    if entries.next().is_some() && !force {
        return Err(ExportError::NotEmpty { path: out.to_owned() });
    }
    Ok(Manifest { version: 1, ..Manifest::default() })
}

/// What one export task shares with the others.
struct Job {
    router: Router,
    state: SharedState,
    out: PathBuf,
    old: BTreeMap<String, Entry>,
    journal: Journal,
}

/// What became of one URL.
enum Outcome {
    File { path: String, entry: Entry, written: bool, links: Vec<String> },
    Redirect(String),
    Broken(BrokenLink),
}

/// Exports the site into `options.out`; `progress` is told as URLs are done.
pub async fn export(
    state: SharedState,
    options: &ExportOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<ExportReport, ExportError> {
    let out = options.out.clone();
    let old = prepare(&out, options.force)?;
    let journal = Journal::open(&out)?;
    let job = Arc::new(Job { router: crate::site_router(state.clone(), false), state, out, old: old.files, journal });

    let frontier = Arc::new(Frontier::default());
    // The 404 page is made by `unrouted`; its canonical link names itself.
    frontier.lock().seen.insert("/404.html".to_owned());

    let seeds = seeds(&job.state).await?;
    {
        let mut found = frontier.lock();
        seeds.into_iter().for_each(|url| found.enqueue(url));
        // The files no route makes count as busy until written, so no worker stops before their links are in.
        found.busy += UNROUTED;
    }

    // A few workers take URLs from the shared frontier until it is empty and
    // none of them can add to it: no task per URL, so no wake-up per URL.
    let mut workers = JoinSet::new();
    for _ in 0..options.concurrency.max(1) {
        workers.spawn(work(job.clone(), frontier.clone()));
    }
    workers.spawn(unrouted(job.clone(), frontier.clone()));
    let mut ticks = tokio::time::interval(PROGRESS_EVERY);
    loop {
        tokio::select! {
            joined = workers.join_next() => match joined {
                Some(result) => result.map_err(|e| ExportError::Io { path: job.out.clone(), source: std::io::Error::other(e) })??,
                None => break,
            },
            _ = ticks.tick() => progress(frontier.lock().progress()),
        }
    }
    progress(frontier.lock().progress());
    let Crawl { mut report, produced, .. } = std::mem::take(&mut *frontier.lock());

    // Files of an earlier export that are no longer part of the site.
    for path in job.old.keys().filter(|p| !produced.contains_key(*p)) {
        manifest::remove_with_empty_parents(&job.out, path)?;
        job.journal.record(path, None)?;
        report.removed += 1;
    }
    if produced == job.old {
        // Nothing changed: the manifest stays as it is, byte for byte.
        job.journal.discard()?;
    } else {
        Manifest { version: 1, files: produced }.save(&job.out)?;
    }
    report.broken.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(report)
}

/// How often the progress callback hears from a running export.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The URLs still to export and what became of the others.
#[derive(Default)]
struct Crawl {
    queue: VecDeque<String>,
    seen: HashSet<String>,
    /// URLs a worker has taken and not yet finished.
    busy: usize,
    done: u64,
    failed: bool,
    report: ExportReport,
    produced: BTreeMap<String, Entry>,
}

impl Crawl {
    fn enqueue(&mut self, url: String) {
        // Most links (every page's header and footer) are seen already: look
        // before copying, as this runs under the lock all workers share.
        if !self.seen.contains(&url) {
            self.seen.insert(url.clone());
            self.queue.push_back(url);
        }
    }

    fn record(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::File { path, entry, written, links } => {
                if written {
                    self.report.written += 1;
                } else {
                    self.report.unchanged += 1;
                }
                self.produced.insert(path, entry);
                links.into_iter().for_each(|url| self.enqueue(url));
            }
            Outcome::Redirect(url) => self.enqueue(url),
            Outcome::Broken(link) => self.report.broken.push(link),
        }
    }

    fn progress(&self) -> Progress {
        Progress { done: self.done, known: self.done + self.busy as u64 + self.queue.len() as u64 }
    }
}

/// The crawl the workers share; `changed` wakes workers waiting for URLs
/// that a busy worker may still find.
#[derive(Default)]
struct Frontier {
    crawl: Mutex<Crawl>,
    changed: Notify,
}

impl Frontier {
    fn lock(&self) -> MutexGuard<'_, Crawl> {
        self.crawl.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next URL to export; `None` once there is none and no busy worker can find more.
    async fn next(&self) -> Option<String> {
        loop {
            // Made before looking, so a change between the look and the wait is not missed.
            let changed = self.changed.notified();
            {
                let mut crawl = self.lock();
                if crawl.failed {
                    return None;
                }
                if let Some(url) = crawl.queue.pop_front() {
                    crawl.busy += 1;
                    return Some(url);
                }
                if crawl.busy == 0 {
                    return None;
                }
            }
            changed.await;
        }
    }

    fn finish(&self, outcome: Result<Outcome, ExportError>) -> Result<(), ExportError> {
        let mut crawl = self.lock();
        crawl.busy -= 1;
        crawl.done += 1;
        let result = outcome.map(|outcome| crawl.record(outcome));
        crawl.failed |= result.is_err();
        let wake = crawl.failed || crawl.busy == 0 || !crawl.queue.is_empty();
        drop(crawl);
        if wake {
            self.changed.notify_waiters();
        }
        result
    }
}

/// How many files [`unrouted`] makes.
const UNROUTED: usize = 3;

/// The files made here, not by a route: the search page and its index, and
/// the 404 page. Made beside the workers, as the index reads every article.
async fn unrouted(job: Arc<Job>, frontier: Arc<Frontier>) -> Result<(), ExportError> {
    let page = search::page(&job.state).await.map(String::into_bytes).map_err(ExportError::from);
    frontier.finish(keep_unrouted(&job, "search/index.html", page, true).await)?;
    let index = search::index(&job.state).await.map_err(ExportError::from);
    frontier.finish(keep_unrouted(&job, search::INDEX_FILE, index, false).await)?;
    let not_found = render(&job, "/404.html", StatusCode::NOT_FOUND).await;
    frontier.finish(keep_unrouted(&job, "404.html", not_found, true).await)
}

async fn keep_unrouted(
    job: &Job,
    path: &str,
    made: Result<Vec<u8>, ExportError>,
    is_html: bool,
) -> Result<Outcome, ExportError> {
    let self_url = format!("/{}", path.trim_end_matches("index.html"));
    finish(job, path.to_owned(), self_url, made?, is_html).await
}

/// One worker: exports URLs until the frontier is done (or another worker failed).
async fn work(job: Arc<Job>, frontier: Arc<Frontier>) -> Result<(), ExportError> {
    while let Some(url) = frontier.next().await {
        frontier.finish(export_url(&job, url).await)?;
    }
    Ok(())
}

/// Every URL the store knows the site has; the rest is found by following links.
async fn seeds(state: &SharedState) -> Result<Vec<String>, WebError> {
    const FEEDS: [&str; 3] = ["feed.xml", "feed.atom", "feed.json"];
    let mut urls: Vec<String> = ["/", "/lite/", "/podcast.xml", "/robots.txt", "/sitemap.xml"]
        .into_iter()
        .chain(["/sitemaps/pages.xml", "/sitemaps/news.xml"])
        .map(str::to_owned)
        .collect();
    urls.extend(FEEDS.iter().map(|f| format!("/{f}")));
    let now = Timestamp::now();
    let total = state.store.list_articles(&ArticleQuery::latest(now, 1)).await?.total;
    let files = total.div_ceil(crate::sitemaps::ARTICLES_PER_FILE as u64).max(1);
    urls.extend((1..=files).map(|n| format!("/sitemaps/articles-{n}.xml")));
    for section in state.store.sections().await? {
        let s = section.slug;
        urls.extend([format!("/sections/{s}"), format!("/lite/sections/{s}"), format!("/sections/{s}/podcast.xml")]);
        urls.extend(FEEDS.iter().map(|f| format!("/sections/{s}/{f}")));
    }
    for contributor in state.store.all_contributors().await? {
        let c = contributor.slug;
        urls.push(format!("/contributors/{c}"));
        urls.extend(FEEDS.iter().map(|f| format!("/contributors/{c}/{f}")));
    }
    let all = state.store.list_articles(&ArticleQuery::latest(now, total.min(u32::MAX as u64) as u32)).await?;
    for article in all.items {
        urls.extend([format!("/articles/{}", article.slug), format!("/lite/articles/{}", article.slug)]);
    }
    Ok(urls)
}

/// Renders `url` through the router; `expect` is the status it should answer.
async fn render(job: &Job, url: &str, expect: StatusCode) -> Result<Vec<u8>, ExportError> {
    match answer(job, url).await? {
        (status, _, _, body) if status == expect => Ok(body),
        (status, ..) => Err(ExportError::Render { url: url.to_owned(), status: status.as_u16() }),
    }
}

/// The router's answer: status, content type, location, body.
async fn answer(job: &Job, url: &str) -> Result<(StatusCode, String, Option<String>, Vec<u8>), ExportError> {
    let request = Request::get(url)
        .body(Body::empty())
        .map_err(|_| ExportError::Render { url: url.to_owned(), status: StatusCode::BAD_REQUEST.as_u16() })?;
    let Ok(response) = job.router.clone().oneshot(request).await;
    let (parts, body) = response.into_parts();
    let text = |name| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let content_type = text(header::CONTENT_TYPE).unwrap_or_default();
    let location = text(header::LOCATION);
    let status = parts.status;
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|e| ExportError::Io { path: PathBuf::from(url), source: std::io::Error::other(e) })?;
    Ok((status, content_type, location, body.to_vec()))
}

/// Exports one URL: a stored media file, or what the router answers.
async fn export_url(job: &Arc<Job>, url: String) -> Result<Outcome, ExportError> {
    if let Some(key) = url.strip_prefix("/media/") {
        let job = job.clone();
        let key = key.to_owned();
        return tokio::task::spawn_blocking(move || export_media(&job, &url, &key))
            .await
            .map_err(|e| ExportError::Io { path: PathBuf::from("media"), source: std::io::Error::other(e) })?;
    }
    let (status, content_type, location, body) = answer(job, &url).await?;
    if status.is_redirection()
        && let Some(location) = location
    {
        return Ok(Outcome::Redirect(location));
    }
    if status != StatusCode::OK {
        return Ok(Outcome::Broken(BrokenLink { url, status: status.as_u16() }));
    }
    let path = paths::file_for(&url);
    let self_url = format!("/{}", path.trim_end_matches("index.html"));
    finish(job, path, self_url, body, content_type.starts_with("text/html")).await
}

/// Rewrites an HTML page's links, then stores the file.
async fn finish(
    job: &Job,
    path: String,
    self_url: String,
    bytes: Vec<u8>,
    is_html: bool,
) -> Result<Outcome, ExportError> {
    let (bytes, links) = if is_html {
        let html = String::from_utf8_lossy(&bytes);
        let (html, links) = paths::rewrite_html(&html, &job.state.site.base_url, &self_url);
        (html.into_bytes(), links)
    } else {
        (bytes, Vec::new())
    };
    let entry = Entry::of(&bytes);
    let written = !unchanged(job, &path, &entry);
    if written {
        manifest::write_atomically(&job.out.join(&path), &bytes)?;
        job.journal.record(&path, Some(&entry))?;
    }
    Ok(Outcome::File { path, entry, written, links })
}

/// The earlier export wrote these very bytes, and they are still there.
fn unchanged(job: &Job, path: &str, entry: &Entry) -> bool {
    job.old.get(path) == Some(entry)
        && std::fs::metadata(job.out.join(path)).is_ok_and(|m| m.is_file() && m.len() == entry.size)
}

/// A stored media file, linked or copied (its name is its content's hash, so
/// one already exported with the same size is the same file).
fn export_media(job: &Job, url: &str, key: &str) -> Result<Outcome, ExportError> {
    let source = job.state.store.media_files().path(key).filter(|p| p.is_file());
    let Some(source) = source else {
        return Ok(Outcome::Broken(BrokenLink { url: url.to_owned(), status: StatusCode::NOT_FOUND.as_u16() }));
    };
    let path = paths::file_for(url);
    let size = std::fs::metadata(&source).map_err(|e| ExportError::Io { path: source.clone(), source: e })?.len();
    if let Some(entry) = job.old.get(&path).filter(|e| e.size == size)
        && std::fs::metadata(job.out.join(&path)).is_ok_and(|m| m.len() == size)
    {
        return Ok(Outcome::File { path, entry: entry.clone(), written: false, links: Vec::new() });
    }
    let entry = manifest::entry_of_file(&source)?;
    manifest::link_or_copy(&source, &job.out.join(&path))?;
    job.journal.record(&path, Some(&entry))?;
    Ok(Outcome::File { path, entry, written: true, links: Vec::new() })
}
