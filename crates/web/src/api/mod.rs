//! The content API: JSON under `/api/v1/` for other systems — reading what
//! readers may see, and (with an API key) writing articles under the
//! newsroom's rules — and its OpenAPI 3.1 description at `/api/openapi.json`.
//!
//! Public reads go through the page cache like any page (fresh after every
//! change, by the site version); a request carrying `Authorization` never
//! does, and its answer is `no-store`, as is every write.

mod auth;
mod input;
mod openapi;
mod paging;
mod problem;
mod read;
mod views;
mod write;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{any, get, post};

pub use auth::new_key;

use crate::SharedState;

/// Every API route; one per line (a test compares them with the OpenAPI document).
pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/articles", get(read::articles).post(write::create))
        .route("/api/v1/articles/{slug}", get(read::article).put(write::update))
        .route("/api/v1/articles/{slug}/publish", post(write::publish))
        .route("/api/v1/articles/{slug}/unpublish", post(write::unpublish))
        .route("/api/v1/sections", get(read::sections))
        .route("/api/v1/contributors", get(read::contributors))
        .route("/api/v1/search", get(read::search))
        // Not a route of the API: any other path under /api/ is a JSON 404, not a page.
        .route(
            "/api/{*rest}",
            any(|| async { problem::Problem::not_found("no such API route: see /api/openapi.json") }),
        )
        .layer(DefaultBodyLimit::max(input::READ_LIMIT))
}

/// Marks an answer as for this caller only: never stored by a cache.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
