//! `/metrics`: what the server did, in the OpenMetrics text format that
//! Prometheus scrapes (prometheus-client encodes it).
//!
//! Requests are labelled by their route template (`/articles/{slug}`), never
//! the raw path, so a crawler cannot grow the label set without bound. Queue
//! depths are read from the store at scrape time, so they are true whichever
//! process queued the work.
//!
//! Who may read it: operators, not the public. Without a token only a direct
//! loopback peer may (a request a proxy forwarded carries `X-Forwarded-For`,
//! `X-Real-IP` or `Forwarded` and is refused, since behind a local proxy every
//! reader looks like loopback); with `metrics_token` set, any peer that sends
//! `Authorization: Bearer <token>` may, and no one else.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};
use sha2::{Digest, Sha256};

use crate::SharedState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: &'static str,
    /// `2xx`, `3xx`, `4xx`, `5xx`.
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct QueueLabels {
    queue: &'static str,
    state: &'static str,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// The server's counters, shared by the middleware, the page cache and the
/// narration workers.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    cache_hits: Counter,
    cache_misses: Counter,
    shed: Counter,
    narrations: Counter,
    narrated_audio: Counter<f64>,
    narration_busy: Counter<f64>,
    queue_depth: Family<QueueLabels, Gauge>,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms to ~16 s: a cached page is well under a millisecond, a search
    // or an upload may take seconds.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("dateline");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template, method and status class",
            requests.clone(),
        );
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer (until the response starts), by route template",
            Unit::Seconds,
            latency.clone(),
        );
        let cache_hits = Counter::default();
        registry.register("page_cache_hits", "Public answers served from the page cache", cache_hits.clone());
        let cache_misses = Counter::default();
        registry.register(
            "page_cache_misses",
            "Public answers rendered and then kept in the page cache",
            cache_misses.clone(),
        );
        let shed = Counter::default();
        registry.register(
            "http_shed",
            "Requests refused with 503 because the server was at its concurrency limit",
            shed.clone(),
        );
        let narrations = Counter::default();
        registry.register("narrations", "Narrations completed by this server's workers", narrations.clone());
        let narrated_audio = Counter::<f64>::default();
        registry.register_with_unit(
            "narration_audio",
            "Length of the audio narrated by this server's workers",
            Unit::Seconds,
            narrated_audio.clone(),
        );
        let narration_busy = Counter::<f64>::default();
        registry.register_with_unit(
            "narration_synthesis",
            "Time this server's workers spent narrating (synthesis and encoding)",
            Unit::Seconds,
            narration_busy.clone(),
        );
        let queue_depth = Family::<QueueLabels, Gauge>::default();
        registry.register(
            "queue_depth",
            "Narration jobs and webhook deliveries by state, read from the store when scraped",
            queue_depth.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            cache_hits,
            cache_misses,
            shed,
            narrations,
            narrated_audio,
            narration_busy,
            queue_depth,
        }
    }
}

impl Metrics {
    pub(crate) fn cache_hit(&self) {
        self.cache_hits.inc();
    }

    pub(crate) fn cache_miss(&self) {
        self.cache_misses.inc();
    }

    pub(crate) fn shed(&self) {
        self.shed.inc();
    }

    /// One narration done: seconds of audio made and seconds it took.
    pub fn narrated(&self, audio_seconds: f64, busy_seconds: f64) {
        self.narrations.inc();
        self.narrated_audio.inc_by(audio_seconds);
        self.narration_busy.inc_by(busy_seconds);
    }

    fn observe(&self, route: String, method: &'static str, status: StatusCode, seconds: f64) {
        let status = match status.as_u16() {
            100..=199 => "1xx",
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        self.requests.get_or_create(&RequestLabels { route: route.clone(), method, status }).inc();
        self.latency.get_or_create(&RouteLabels { route }).observe(seconds);
    }

    fn set_depths(&self, depths: &dateline_store::QueueDepths) {
        for (queue, counts) in [("narration", depths.jobs), ("webhooks", depths.deliveries)] {
            for (state, n) in [("queued", counts.queued), ("running", counts.running), ("failed", counts.failed)] {
                self.queue_depth.get_or_create(&QueueLabels { queue, state }).set(n.min(i64::MAX as u64) as i64);
            }
        }
    }

    fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// The route label: the matched template, or `unmatched` for the 404s of
/// paths no route knows (so they cannot add labels).
fn route_label(request: &Request) -> String {
    request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".into())
}

/// The middleware: counts and times every routed request, and logs it.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = route_label(&request);
    // Only the standard methods: any other token becomes `other`, to keep labels bounded.
    let method = match *request.method() {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    };
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status();
    tracing::info!(
        target: "dateline::request",
        method = %method,
        route = %route,
        status = status.as_u16(),
        latency_ms = seconds * 1000.0,
        "request"
    );
    metrics.observe(route, method, status, seconds);
    response
}

/// Who may read `/metrics`.
#[derive(Clone, Default)]
pub struct MetricsAccess {
    /// SHA-256 of the bearer token, when one is configured: compared digest to
    /// digest, so the comparison's time says nothing about the token.
    token_digest: Option<[u8; 32]>,
}

impl MetricsAccess {
    pub fn new(token: Option<&str>) -> Self {
        Self { token_digest: token.map(|t| Sha256::digest(t.as_bytes()).into()) }
    }

    fn allows(&self, peer: Option<SocketAddr>, headers: &HeaderMap) -> Result<(), StatusCode> {
        match &self.token_digest {
            Some(digest) => {
                let sent = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .map(|t| <[u8; 32]>::from(Sha256::digest(t.trim().as_bytes())));
                if sent.as_ref() == Some(digest) { Ok(()) } else { Err(StatusCode::UNAUTHORIZED) }
            }
            None => {
                let forwarded = ["x-forwarded-for", "x-real-ip", "forwarded"].iter().any(|h| headers.contains_key(*h));
                let loopback = peer.is_some_and(|p| p.ip().is_loopback());
                if loopback && !forwarded { Ok(()) } else { Err(StatusCode::FORBIDDEN) }
            }
        }
    }
}

/// `GET /metrics`.
pub async fn page(State((state, access)): State<(SharedState, MetricsAccess)>, request: Request) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(p)| *p);
    if let Err(status) = access.allows(peer, request.headers()) {
        let mut response =
            (status, "/metrics is for operators: from this machine, or with the configured bearer token.\n")
                .into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        return response;
    }
    match state.store.queue_depths().await {
        Ok(depths) => state.metrics.set_depths(&depths),
        // The request counters are still worth having; the depths keep their last values.
        Err(e) => tracing::warn!(error = %e, "queue depths unreadable for /metrics"),
    }
    match state.metrics.encode() {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            text,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(ip: &str) -> Option<SocketAddr> {
        Some(SocketAddr::new(ip.parse().unwrap(), 50000))
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        h
    }

    #[test]
    fn without_a_token_only_direct_loopback_peers_read_it() {
        let open = MetricsAccess::new(None);
        assert!(open.allows(peer("127.0.0.1"), &headers(&[])).is_ok());
        assert!(open.allows(peer("::1"), &headers(&[])).is_ok());
        assert_eq!(open.allows(peer("192.0.2.7"), &headers(&[])), Err(StatusCode::FORBIDDEN));
        assert_eq!(open.allows(None, &headers(&[])), Err(StatusCode::FORBIDDEN));
        let proxied = headers(&[("x-forwarded-for", "198.51.100.4")]);
        assert_eq!(open.allows(peer("127.0.0.1"), &proxied), Err(StatusCode::FORBIDDEN));
        let proxied = headers(&[("x-real-ip", "198.51.100.4")]);
        assert_eq!(open.allows(peer("127.0.0.1"), &proxied), Err(StatusCode::FORBIDDEN));
    }

    #[test]
    fn with_a_token_only_its_bearer_reads_it() {
        let guarded = MetricsAccess::new(Some("s3cret-token"));
        let good = headers(&[("authorization", "Bearer s3cret-token")]);
        assert!(guarded.allows(peer("192.0.2.7"), &good).is_ok());
        let bad = headers(&[("authorization", "Bearer s3cret-tokem")]);
        assert_eq!(guarded.allows(peer("192.0.2.7"), &bad), Err(StatusCode::UNAUTHORIZED));
        assert_eq!(guarded.allows(peer("127.0.0.1"), &headers(&[])), Err(StatusCode::UNAUTHORIZED));
    }
}
