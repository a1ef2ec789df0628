//! The reader's pages, feeds and sitemaps kept in memory once rendered, with
//! gzip and brotli made once, an `ETag` (answered with 304 when it matches)
//! and `Last-Modified`.
//!
//! Freshness: the store's site version moves with every change a reader could
//! see, whichever process made it. It is read after every change made through
//! this server (any request that is not a GET or HEAD) and otherwise at most
//! every [`RECHECK`], so a change from another process (`dateline breaking`,
//! an import) shows within that. When it moved, or when a timed change came
//! due (a breaking strip lowering itself, a scheduled article going live), the
//! whole cache starts afresh: one edit makes its page, its sections, the home
//! page, the feeds and the sitemaps fresh at once, with no list of
//! dependencies to get wrong.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::SharedState;
use crate::text_size::TextSize;

/// The cache starts afresh when it holds more than this (bytes, all encodings).
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Larger responses are served but not kept.
const MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;
/// How stale the cache may be after a change by another process.
const RECHECK: Duration = Duration::from_millis(100);

pub struct PageCache {
    state: Mutex<Entries>,
    /// Milliseconds after `epoch` when the site version was last read; 0 forces
    /// a read (after a change here). An atomic, not a lock: every hit reads it.
    checked: AtomicU64,
    epoch: Instant,
}

impl Default for PageCache {
    fn default() -> Self {
        Self { state: Mutex::default(), checked: AtomicU64::new(0), epoch: Instant::now() }
    }
}

/// What the cache holds for a request.
enum Lookup {
    Hit(Arc<Cached>),
    /// Not kept yet: render it, and keep it if the site is still at this version.
    Miss(i64),
    /// A timed change came due, or the version is unknown: render without keeping.
    Stale,
}

#[derive(Default)]
struct Entries {
    /// The site version the entries were rendered at.
    version: Option<i64>,
    /// When a timed change makes them stale.
    valid_until: Option<Timestamp>,
    by_key: HashMap<(String, &'static str), Arc<Cached>>,
    bytes: usize,
}

struct Cached {
    /// The rendered answer's headers (type, security policy and the rest), sent
    /// again with every copy; length and encoding are set per copy.
    headers: HeaderMap,
    cache_control: &'static str,
    etag: HeaderValue,
    last_modified: HeaderValue,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

impl Cached {
    fn size(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len()
    }
}

/// Whether a path's answers are the same for every reader (given the text
/// size): the public site. The newsroom, media, assets and redirects are not kept.
fn cacheable(path: &str) -> bool {
    !["/newsroom", "/media/", "/assets/", "/text-size", "/healthz", "/metrics"].iter().any(|p| path.starts_with(p))
}

/// The API's answers: programs poll them and must see changes at once, so
/// they are revalidated like pages (a 304 makes asking cheap).
const API_JSON: &str = "application/json";

/// How long browsers and proxies may reuse an answer without asking again.
fn cache_control(content_type: &str) -> Option<&'static str> {
    if content_type.starts_with("text/html") || content_type == API_JSON {
        // Pages carry the breaking strip: always ask, and a 304 makes asking cheap.
        Some("no-cache")
    } else if content_type.contains("xml") || content_type.contains("json") {
        Some("public, max-age=300")
    } else if content_type.starts_with("text/plain") {
        Some("public, max-age=3600")
    } else {
        None
    }
}

/// Which stored encoding to send, by the client's `Accept-Encoding`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

fn choose_encoding(headers: &HeaderMap) -> Encoding {
    let accepted = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let offers = |name: &str| {
        accepted.split(',').any(|part| {
            let mut bits = part.trim().split(';');
            let coding = bits.next().unwrap_or("").trim();
            let refused = bits.any(|b| b.trim().replace(' ', "") == "q=0");
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if offers("br") {
        Encoding::Brotli
    } else if offers("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(Bytes::from).unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 9, 22);
        let _ = writer.write_all(bytes);
    }
    Bytes::from(out)
}

impl PageCache {
    /// Whether the site version should be read again now: true for one
    /// request every [`RECHECK`], and for the next after a change here.
    fn due(&self) -> bool {
        // Never 0 (which means "read it now").
        let now = self.epoch.elapsed().as_millis() as u64 + 1;
        let last = self.checked.load(Ordering::Acquire);
        if last != 0 && now.saturating_sub(last) < RECHECK.as_millis() as u64 {
            return false;
        }
        // Only one of the requests that find it due reads the version.
        self.checked.compare_exchange(last, now, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }

    /// A request here may have changed the site: read the version next time.
    fn changed_here(&self) {
        self.checked.store(0, Ordering::Release);
    }

    /// Drops everything when the site changed or a timed change came due.
    fn sync(&self, version: i64, now: Timestamp) -> bool {
        let mut entries = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let stale = entries.version != Some(version) || entries.valid_until.is_some_and(|t| now >= t);
        if stale {
            *entries = Entries { version: Some(version), ..Entries::default() };
        }
        stale
    }

    fn set_valid_until(&self, version: i64, until: Option<Timestamp>) {
        let mut entries = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if entries.version == Some(version) {
            entries.valid_until = until;
        }
    }

    /// One lock per request: a hit, or the version a render would be kept at.
    fn lookup(&self, key: &(String, &'static str), now: Timestamp) -> Lookup {
        let entries = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match entries.version {
            Some(_) if entries.valid_until.is_some_and(|t| now >= t) => Lookup::Stale,
            Some(version) => entries.by_key.get(key).map_or(Lookup::Miss(version), |c| Lookup::Hit(c.clone())),
            None => Lookup::Stale,
        }
    }

    /// Keeps an entry rendered at `version`, unless the site moved on meanwhile.
    fn put(&self, version: i64, key: (String, &'static str), cached: Arc<Cached>) {
        let mut entries = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if entries.version != Some(version) {
            return;
        }
        if entries.bytes + cached.size() > MAX_BYTES {
            entries.by_key.clear();
            entries.bytes = 0;
        }
        entries.bytes += cached.size();
        if let Some(old) = entries.by_key.insert(key, cached) {
            entries.bytes -= old.size();
        }
    }
}

/// The middleware: answers from the cache, or renders, keeps and answers.
pub async fn serve(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let response = next.run(request).await;
        state.page_cache.changed_here();
        return response;
    }
    // An authenticated (API) answer is for its caller only: never kept or shared.
    if !cacheable(path) || request.headers().contains_key(header::AUTHORIZATION) {
        return next.run(request).await;
    }
    let now = Timestamp::now();
    if state.page_cache.due() {
        let Ok(version) = state.store.site_version().await else {
            state.page_cache.changed_here();
            return next.run(request).await;
        };
        if state.page_cache.sync(version, now) {
            let until = state.store.next_timed_change(now).await.ok().flatten();
            state.page_cache.set_valid_until(version, until);
        }
    }
    let text_size = TextSize::from_cookie_header(request.headers().get(header::COOKIE).and_then(|v| v.to_str().ok()));
    let key = (request.uri().path_and_query().map(|p| p.as_str()).unwrap_or(path).to_owned(), text_size.as_str());
    let is_head = request.method() == Method::HEAD;
    let version = match state.page_cache.lookup(&key, now) {
        Lookup::Hit(cached) => {
            state.metrics.cache_hit();
            return answer(&cached, request.headers(), is_head);
        }
        Lookup::Miss(version) => version,
        Lookup::Stale => {
            state.page_cache.changed_here();
            return next.run(request).await;
        }
    };
    let headers = request.headers().clone();
    if is_head {
        // A HEAD answer has no body to keep.
        return next.run(request).await;
    }
    // Rendered plain: the cache compresses it once for every reader.
    let mut request = request;
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    match keepable(next.run(request).await).await {
        Ok(cached) => {
            let cached = Arc::new(cached);
            let response = answer(&cached, &headers, is_head);
            state.metrics.cache_miss();
            state.page_cache.put(version, key, cached);
            response
        }
        Err(response) => response,
    }
}

/// A rendered 200 answer of a kind worth keeping, read whole; any other
/// answer comes back untouched.
async fn keepable(response: Response) -> Result<Cached, Response> {
    let content_type = response.headers().get(header::CONTENT_TYPE);
    let cache_control = content_type.and_then(|v| v.to_str().ok()).and_then(cache_control);
    let (Some(cache_control), StatusCode::OK) = (cache_control, response.status()) else {
        return Err(response);
    };
    if response.headers().contains_key(header::CONTENT_ENCODING) || response.headers().contains_key(header::SET_COOKIE)
    {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    let identity = match axum::body::to_bytes(body, MAX_ENTRY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return Err(Response::from_parts(parts, Body::empty()).into_response()),
    };
    let digest = Sha256::digest(&identity);
    let tag: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    // Compressing takes milliseconds: off the async workers.
    let source = identity.clone();
    let Ok((gzip, brotli)) = tokio::task::spawn_blocking(move || (gzip(&source), brotli(&source))).await else {
        // Not kept; the page itself still goes out.
        return Err(Response::from_parts(parts, Body::from(identity)));
    };
    let now = httpdate::fmt_http_date(std::time::SystemTime::now());
    let mut headers = parts.headers;
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::TRANSFER_ENCODING);
    Ok(Cached {
        headers,
        cache_control,
        etag: HeaderValue::from_str(&format!("\"{tag}\"")).unwrap_or(HeaderValue::from_static("\"\"")),
        last_modified: HeaderValue::from_str(&now).unwrap_or(HeaderValue::from_static("")),
        identity,
        gzip,
        brotli,
    })
}

fn answer(cached: &Cached, request: &HeaderMap, is_head: bool) -> Response {
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim().trim_start_matches("W/") == cached.etag));
    let mut response = if matches {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        let h = response.headers_mut();
        h.clone_from(&cached.headers);
        h.remove(header::CONTENT_TYPE);
        response
    } else {
        let encoding = choose_encoding(request);
        let body = match encoding {
            Encoding::Brotli => cached.brotli.clone(),
            Encoding::Gzip => cached.gzip.clone(),
            Encoding::Identity => cached.identity.clone(),
        };
        let length = body.len();
        let mut response = Response::new(if is_head { Body::empty() } else { Body::from(body) });
        let h = response.headers_mut();
        h.clone_from(&cached.headers);
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        match encoding {
            Encoding::Brotli => {
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            }
            Encoding::Gzip => {
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            Encoding::Identity => {}
        }
        response
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, cached.etag.clone());
    h.insert(header::LAST_MODIFIED, cached.last_modified.clone());
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cached.cache_control));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding, Cookie"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn the_best_encoding_the_client_takes() {
        assert_eq!(choose_encoding(&accept("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(choose_encoding(&accept("gzip")), Encoding::Gzip);
        assert_eq!(choose_encoding(&accept("br;q=0, gzip;q=0.8")), Encoding::Gzip);
        assert_eq!(choose_encoding(&accept("identity")), Encoding::Identity);
        assert_eq!(choose_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn the_newsroom_and_files_are_not_kept() {
        assert!(cacheable("/") && cacheable("/articles/x") && cacheable("/feed.xml") && cacheable("/robots.txt"));
        assert!(!cacheable("/newsroom/") && !cacheable("/media/k.jpg") && !cacheable("/assets/site.css"));
        assert!(!cacheable("/metrics"));
    }

    #[test]
    fn compressed_copies_read_back_as_the_page() {
        let page = "<p>Lake towns move to higher ground.</p>".repeat(50);
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip(page.as_bytes())[..]), &mut back)
            .unwrap();
        assert_eq!(back, page);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(page.as_bytes())[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
    }
}
