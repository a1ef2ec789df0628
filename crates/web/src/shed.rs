//! Load shedding: at most `concurrency` requests are worked on at once, at
//! most `queue` more wait (for [`QUEUE_WAIT`] at most) for a turn, and any
//! beyond that are answered `503 Service Unavailable` with `Retry-After` at
//! once. An overloaded server so stays quick to say "later" and keeps its
//! memory bounded instead of piling up work it cannot finish.
//!
//! `/healthz` and `/metrics` are never shed: an operator most needs them when
//! the server is busiest, and both are cheap.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::metrics::Metrics;

/// How long a request may wait for a turn before it is shed after all.
pub const QUEUE_WAIT: Duration = Duration::from_secs(2);
/// What shed clients are told: try again in a second.
const RETRY_AFTER_SECONDS: &str = "1";

/// The limits, and how many wait now.
pub struct Limiter {
    permits: Arc<Semaphore>,
    queue: usize,
    waiting: AtomicUsize,
    metrics: Arc<Metrics>,
}

impl Limiter {
    pub fn new(concurrency: usize, queue: usize, metrics: Arc<Metrics>) -> Self {
        Self { permits: Arc::new(Semaphore::new(concurrency.max(1))), queue, waiting: AtomicUsize::new(0), metrics }
    }
}

fn exempt(path: &str) -> bool {
    path == "/healthz" || path == "/metrics"
}

/// The middleware.
pub async fn limit(State(limiter): State<Arc<Limiter>>, request: Request, next: Next) -> Response {
    if exempt(request.uri().path()) {
        return next.run(request).await;
    }
    let permit = match limiter.permits.clone().try_acquire_owned() {
        Ok(permit) => permit,
        Err(_) => {
            // A place in the queue, if there is one; the counter goes down again however the wait ends.
            if limiter.waiting.fetch_add(1, Ordering::AcqRel) >= limiter.queue {
                limiter.waiting.fetch_sub(1, Ordering::AcqRel);
                return shed(&limiter);
            }
            let turn = tokio::time::timeout(QUEUE_WAIT, limiter.permits.clone().acquire_owned()).await;
            limiter.waiting.fetch_sub(1, Ordering::AcqRel);
            match turn {
                Ok(Ok(permit)) => permit,
                _ => return shed(&limiter),
            }
        }
    };
    let response = next.run(request).await;
    drop(permit);
    response
}

fn shed(limiter: &Limiter) -> Response {
    limiter.metrics.shed();
    let mut response =
        (StatusCode::SERVICE_UNAVAILABLE, "The server is busy. Please try again in a moment.\n").into_response();
    let h = response.headers_mut();
    h.insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    fn request(path: &str) -> Request {
        Request::builder().uri(path).body(Body::empty()).unwrap()
    }

    /// Waits (without a clock) until `check` holds.
    async fn until(check: impl Fn() -> bool) {
        while !check() {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test]
    async fn one_works_one_waits_the_rest_are_shed_and_health_still_answers() {
        let gate = Arc::new(tokio::sync::Notify::new());
        let held = gate.clone();
        let limiter = Arc::new(Limiter::new(1, 1, Arc::default()));
        let app = Router::new()
            .route("/slow", get(move || async move { held.notified().await }))
            .route("/fast", get(|| async { "fast" }))
            .route("/healthz", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(limiter.clone(), limit));

        let slow = tokio::spawn(app.clone().oneshot(request("/slow")));
        until(|| limiter.permits.available_permits() == 0).await;
        let waiting = tokio::spawn(app.clone().oneshot(request("/fast")));
        until(|| limiter.waiting.load(Ordering::Acquire) == 1).await;

        let shed = app.clone().oneshot(request("/fast")).await.unwrap();
        assert_eq!(shed.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(shed.headers()[header::RETRY_AFTER], "1");
        assert_eq!(app.clone().oneshot(request("/healthz")).await.unwrap().status(), StatusCode::OK);

        // The slow one finishes: the waiting one gets its turn.
        gate.notify_one();
        assert_eq!(slow.await.unwrap().unwrap().status(), StatusCode::OK);
        assert_eq!(waiting.await.unwrap().unwrap().status(), StatusCode::OK);
        assert_eq!(app.oneshot(request("/fast")).await.unwrap().status(), StatusCode::OK);
    }
}
