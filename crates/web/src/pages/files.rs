//! Static bytes: embedded assets and stored media. Both are named by their
//! content, so both may be cached for a year.

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::{SharedState, WebError};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub async fn asset(State(state): State<SharedState>, Path(name): Path<String>) -> Result<Response, WebError> {
    let asset = state.assets.by_hashed_name(&name).ok_or(WebError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, asset.content_type), (header::CACHE_CONTROL, IMMUTABLE)], Body::from(asset.bytes))
        .into_response())
}

/// Stored media, with range requests (audio seeking) and conditional GETs.
pub async fn media(
    State(state): State<SharedState>,
    Path(key): Path<String>,
    request: Request,
) -> Result<Response, WebError> {
    let path = state.store.media_files().path(&key).ok_or(WebError::NotFound)?;
    if !path.is_file() {
        return Err(WebError::NotFound);
    }
    let mut response = match ServeFile::new(path).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status().is_success() {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    Ok(response)
}
