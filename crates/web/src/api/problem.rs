//! API errors as RFC 9457 problem details (`application/problem+json`),
//! listing every problem found, never just the first.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::WebError;

/// One problem with one field or parameter.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    /// The JSON field or query parameter (`headline`, `key_points`, `page`).
    pub field: String,
    pub detail: String,
}

#[derive(Debug)]
pub struct Problem {
    pub status: StatusCode,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// Extra members (e.g. `current_revision` on a conflict).
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// A 401 for credentials that were sent but are no good (RFC 6750 `invalid_token`).
    invalid_token: bool,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Self { status, detail: detail.into(), errors: Vec::new(), extra: serde_json::Map::new(), invalid_token: false }
    }

    /// A request whose fields have `errors`.
    pub fn invalid(status: StatusCode, detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        Self { errors, ..Self::new(status, detail) }
    }

    pub fn with(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.extra.insert(name.to_owned(), value.into());
        self
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }

    /// No credentials: the answer asks for a bearer token.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
    }

    /// Credentials that are malformed, unknown or revoked.
    pub fn invalid_token(detail: impl Into<String>) -> Self {
        Self { invalid_token: true, ..Self::new(StatusCode::UNAUTHORIZED, detail) }
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }
}

/// Collects field errors.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: &str, detail: impl Into<String>) {
        self.0.push(FieldError { field: field.to_owned(), detail: detail.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<WebError> for Problem {
    fn from(e: WebError) -> Self {
        match e {
            WebError::NotFound => Problem::not_found("not found"),
            WebError::Forbidden => Problem::forbidden("your API key's role may not do this"),
            WebError::BadRequest => Problem::new(StatusCode::BAD_REQUEST, "bad request"),
            other => {
                tracing::error!(error = %other, "API request failed");
                Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "the server failed; try again later")
            }
        }
    }
}

impl From<dateline_store::StoreError> for Problem {
    fn from(e: dateline_store::StoreError) -> Self {
        WebError::from(e).into()
    }
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [FieldError],
    #[serde(flatten)]
    extra: &'a serde_json::Map<String, serde_json::Value>,
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = Body {
            kind: "about:blank",
            title: self.status.canonical_reason().unwrap_or("Error"),
            status: self.status.as_u16(),
            detail: &self.detail,
            errors: &self.errors,
            extra: &self.extra,
        };
        let json = serde_json::to_vec(&body).unwrap_or_default();
        let mut response = (self.status, json).into_response();
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            let challenge = if self.invalid_token {
                "Bearer realm=\"dateline\", error=\"invalid_token\""
            } else {
                "Bearer realm=\"dateline\""
            };
            h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
        }
        response
    }
}
