//! The write API: create, update, publish and unpublish articles with an API
//! key, under the newsroom's own rules — the same role checks, the same draft
//! validation and sanitiser, the same optimistic concurrency (a save names
//! the revision it started from), the same store transaction (which queues
//! narration when an article goes live).

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_core::draft::ArticleDraft;
use dateline_core::{Article, Status};
use dateline_store::editorial::{EditorialRow, SaveRefused};
use serde::Serialize;

use super::auth::{self, Caller};
use super::input::{self, MAX_BODY};
use super::private;
use super::problem::{FieldError, Problem};
use crate::SharedState;
use crate::newsroom::editor::{article_from_form, current_draft, user_may_edit, user_may_publish};

/// What a successful write answers.
#[derive(Serialize)]
struct Saved {
    slug: String,
    status: &'static str,
    revision: i64,
    url: String,
    api_url: String,
}

fn body(bytes: Result<Bytes, BytesRejection>) -> Result<Bytes, Problem> {
    let too_large = || Problem::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is larger than {MAX_BODY} bytes"));
    match bytes {
        Ok(b) if b.len() > MAX_BODY => Err(too_large()),
        Ok(b) => Ok(b),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
        Err(e) => Err(Problem::new(e.status(), format!("the body could not be read: {e}"))),
    }
}

struct Save<'a> {
    caller: &'a Caller,
    /// The article's slug before this save (`None` when creating).
    slug: Option<&'a str>,
    row: Option<&'a EditorialRow>,
    existing: Option<&'a Article>,
    draft: ArticleDraft,
    status: Status,
    base: i64,
}

async fn save(state: &SharedState, s: Save<'_>) -> Result<Response, Problem> {
    let article = match article_from_form(state, s.existing, &s.draft, s.status).await? {
        Ok(a) => a,
        Err(problems) => {
            let errors = problems
                .iter()
                .map(|p| FieldError { field: input::api_field(&p.field).to_owned(), detail: p.message.clone() })
                .collect();
            return Err(Problem::invalid(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the article has problems; nothing was saved",
                errors,
            ));
        }
    };
    let user = &s.caller.user;
    match state.editorial.save_revision(s.slug, &article, &s.draft.to_json(), user.id, s.base).await? {
        Ok(revision) => {
            let before = s.row.map(|r| r.status);
            if before != Some(s.status) {
                let detail = format!("{} → {} (API key {})", before.map_or("new", Status::as_str), s.status.as_str(), s.caller.key.name);
                state.accounts.audit(Some(user.id), "status-changed", article.slug.as_str(), &detail).await?;
            }
            let urls = super::views::Urls(&state.site.base_url);
            let saved = Saved {
                slug: article.slug.to_string(),
                status: s.status.as_str(),
                revision,
                url: urls.abs(&format!("/articles/{}", article.slug)),
                api_url: urls.abs(&format!("/api/v1/articles/{}", article.slug)),
            };
            let status = if s.slug.is_none() { StatusCode::CREATED } else { StatusCode::OK };
            let mut response = (status, Json(saved)).into_response();
            if s.slug.is_none()
                && let Ok(location) = HeaderValue::from_str(&format!("/api/v1/articles/{}", article.slug))
            {
                response.headers_mut().insert(header::LOCATION, location);
            }
            Ok(private(response))
        }
        Err(SaveRefused::Conflict { current }) => Err(Problem::new(
            StatusCode::CONFLICT,
            format!("the article has moved on to revision {current}: fetch it, apply your change and send revision {current}"),
        )
        .with("current_revision", current)),
        Err(SaveRefused::SlugTaken) => Err(Problem::invalid(
            StatusCode::CONFLICT,
            "the slug belongs to another article",
            vec![FieldError {
                field: "slug".into(),
                detail: format!("'{}' is used by another article: choose another", article.slug),
            }],
        )),
    }
}

fn forbidden() -> Problem {
    Problem::forbidden("your API key's role may not do this to this article")
}

/// The article to change: its newsroom row, or 404.
async fn row(state: &SharedState, slug: &str) -> Result<EditorialRow, Problem> {
    state.editorial.editorial(slug).await?.ok_or_else(|| Problem::not_found(format!("no article '{slug}'")))
}

/// `POST /api/v1/articles`: a new draft.
pub async fn create(
    State(state): State<SharedState>,
    headers: HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let caller = auth::required(&state, &headers).await?;
    if !user_may_edit(&caller.user, None) {
        return Err(forbidden());
    }
    let input = input::article(&headers, &body(bytes)?, false)?;
    let draft = input.draft;
    save(&state, Save { caller: &caller, slug: None, row: None, existing: None, draft, status: Status::Draft, base: 0 })
        .await
}

/// `PUT /api/v1/articles/{slug}`: replaces the article's text; a live article stays live.
pub async fn update(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let caller = auth::required(&state, &headers).await?;
    let row = row(&state, &slug).await?;
    if !user_may_edit(&caller.user, Some(&row)) {
        return Err(forbidden());
    }
    let input = input::article(&headers, &body(bytes)?, true)?;
    // As the editor's Save: a live article stays live, one in review stays in review.
    let status = match row.status {
        Status::Published | Status::InReview => row.status,
        _ => Status::Draft,
    };
    if status == Status::Published && !user_may_publish(&caller.user, Some(&row)) {
        return Err(forbidden());
    }
    let mut draft = input.draft;
    if draft.slug.trim().is_empty() {
        draft.slug = slug.clone();
    }
    let existing = state.store.article(&slug).await?;
    let base = input.revision.unwrap_or_default();
    let save_it =
        Save { caller: &caller, slug: Some(&slug), row: Some(&row), existing: existing.as_ref(), draft, status, base };
    save(&state, save_it).await
}

/// Publish or unpublish the current revision.
async fn change_status(
    state: SharedState,
    headers: HeaderMap,
    slug: String,
    bytes: Result<Bytes, BytesRejection>,
    status: Status,
) -> Result<Response, Problem> {
    let caller = auth::required(&state, &headers).await?;
    let row = row(&state, &slug).await?;
    if !user_may_edit(&caller.user, Some(&row)) || !user_may_publish(&caller.user, Some(&row)) {
        return Err(forbidden());
    }
    let base = input::revision(&headers, &body(bytes)?)?;
    if base != row.revision {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            format!("the article is at revision {}, not {base}", row.revision),
        )
        .with("current_revision", row.revision));
    }
    let draft = current_draft(&state, &slug, &row).await?;
    let existing = state.store.article(&slug).await?;
    let save_it =
        Save { caller: &caller, slug: Some(&slug), row: Some(&row), existing: existing.as_ref(), draft, status, base };
    save(&state, save_it).await
}

/// `POST /api/v1/articles/{slug}/publish` with `{"revision": N}`.
pub async fn publish(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    change_status(state, headers, slug, bytes, Status::Published).await
}

/// `POST /api/v1/articles/{slug}/unpublish` with `{"revision": N}`.
pub async fn unpublish(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    change_status(state, headers, slug, bytes, Status::Unpublished).await
}
