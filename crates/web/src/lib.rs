//! Dateline's HTTP face: the reader's site, its assets and media.
//!
//! Handlers are small: they ask the store, shape the answer into view models
//! ([`views`]) and render a template. Templates, CSS, JS and messages are
//! embedded in the binary; a theme folder may override any template file.

pub mod api;
mod assets;
mod chrome;
mod error;
pub mod export;
mod feeds;
mod i18n;
pub mod metrics;
pub mod newsroom;
mod page_cache;
mod pages;
pub mod search;
mod shed;
mod sitemaps;
mod structured;
mod templates;
mod text_size;
mod views;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use dateline_store::{Accounts, Editorial, MediaLibrary, Store};
use jiff::tz::TimeZone;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::WebError;

/// What the site is called and how it tells time.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    /// Where readers reach the site, without a trailing slash (`https://news.example`):
    /// feeds and other documents read elsewhere need absolute links.
    pub base_url: String,
    pub time_zone: TimeZone,
    /// Templates here replace the embedded ones of the same name.
    pub theme_dir: Option<PathBuf>,
    /// The narration lexicon files (`<language>.toml`), edited in the newsroom.
    pub lexicon_dir: PathBuf,
    /// The search index (rebuilt from the store when missing); `None` keeps
    /// it in memory, for a process that must not take it from a running server.
    pub search_dir: Option<PathBuf>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            title: "Dateline".into(),
            base_url: "http://127.0.0.1:8080".into(),
            time_zone: TimeZone::UTC,
            theme_dir: None,
            lexicon_dir: PathBuf::from("data/lexicon"),
            search_dir: Some(PathBuf::from("data/search")),
        }
    }
}

/// Everything a handler needs, shared by all requests.
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub accounts: Arc<dyn Accounts>,
    pub editorial: Arc<dyn Editorial>,
    pub library: Arc<dyn MediaLibrary>,
    pub site: SiteConfig,
    /// What `/metrics` reports; narration workers add to it too.
    pub metrics: Arc<metrics::Metrics>,
    page_cache: page_cache::PageCache,
    search: search::Search,
    assets: Arc<assets::Assets>,
    messages: Arc<i18n::Messages>,
    templates: templates::Templates,
}

pub type SharedState = Arc<AppState>;

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        accounts: Arc<dyn Accounts>,
        editorial: Arc<dyn Editorial>,
        library: Arc<dyn MediaLibrary>,
        site: SiteConfig,
    ) -> Result<SharedState, WebError> {
        // Held for the life of the server: one process writes the index.
        let index = match &site.search_dir {
            Some(dir) => dateline_search::SearchIndex::open(dir)?,
            None => dateline_search::SearchIndex::in_memory()?,
        };
        let search = search::Search::new(index);
        let assets = Arc::new(assets::Assets::embedded());
        let messages = Arc::new(i18n::Messages::embedded()?);
        let templates = templates::Templates::new(site.theme_dir.clone(), assets.clone(), messages.clone());
        templates.check_all()?;
        let page_cache = page_cache::PageCache::default();
        Ok(Arc::new(Self {
            store,
            accounts,
            editorial,
            library,
            site,
            metrics: Arc::default(),
            page_cache,
            search,
            assets,
            messages,
            templates,
        }))
    }
}

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self'; media-src 'self'; \
     script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'; form-action 'self'";

/// The whole site as one router.
pub fn router(state: SharedState) -> Router {
    site_router(state, true)
}

/// The site, with or without the page cache: a static export renders each
/// page once, so caching (and compressing) it would only cost time and memory.
fn site_router(state: SharedState, cached: bool) -> Router {
    // Uploads may take minutes on a slow link; every other request gets 30 s.
    let timeout =
        |seconds| TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(seconds));
    // Nothing of the newsroom is ever stored by a browser or a proxy.
    let no_store = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let routes = pages::routes()
        .merge(feeds::routes())
        .merge(sitemaps::routes())
        .merge(api::routes())
        .merge(newsroom::routes().layer(no_store.clone()))
        .layer(timeout(30))
        .merge(newsroom::upload_routes().layer(timeout(600)).layer(no_store));
    let routes = routes
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_error_pages))
        // gzip for text (HTML, CSS, JS, cues, feeds). Not audio: it is compressed
        // already, and players seek it with Range requests.
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(NotForContentType::const_new("audio/"))),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("interest-cohort=()"),
        ));
    // Outermost: a hit skips every layer above, and what it keeps already
    // carries their headers (only real 200 answers are kept).
    let routes = if cached {
        routes.layer(axum::middleware::from_fn_with_state(state.clone(), page_cache::serve))
    } else {
        routes
    };
    routes.with_state(state)
}

/// How the public server guards itself.
#[derive(Clone)]
pub struct ServeOptions {
    /// Requests worked on at once; more wait in the queue or are shed with 503.
    pub concurrency: usize,
    /// Requests that may wait for a turn (up to [`shed::QUEUE_WAIT`]).
    pub queue: usize,
    /// A bearer token that opens `/metrics` to any peer; without it, loopback only.
    pub metrics_token: Option<String>,
}

/// Never prints the token.
impl std::fmt::Debug for ServeOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServeOptions")
            .field("concurrency", &self.concurrency)
            .field("queue", &self.queue)
            .field("metrics_token", &self.metrics_token.as_ref().map(|_| "<set>"))
            .finish()
    }
}

impl ServeOptions {
    /// 64 requests at once per core, four times as many waiting: far more
    /// than the cores can render at once, few enough to bound memory.
    pub fn for_cores(cores: usize) -> Self {
        let concurrency = 64 * cores.max(1);
        Self { concurrency, queue: 4 * concurrency, metrics_token: None }
    }
}

/// Serves until ctrl-c or SIGTERM, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: SharedState,
    options: ServeOptions,
) -> std::io::Result<()> {
    let access = metrics::MetricsAccess::new(options.metrics_token.as_deref());
    let limiter = Arc::new(shed::Limiter::new(options.concurrency, options.queue, state.metrics.clone()));
    // Route layers see the matched route template; the last added runs first,
    // so shed requests are counted too.
    let app = router(state.clone())
        .merge(Router::new().route("/metrics", axum::routing::get(metrics::page)).with_state((state.clone(), access)))
        .layer(axum::middleware::from_fn_with_state(limiter, shed::limit))
        .layer(axum::middleware::from_fn_with_state(state.metrics.clone(), metrics::track));
    // Connection info gives sign-in rate limiting the client's address.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
