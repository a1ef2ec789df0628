//! The media library: upload an image once (alt text and credit required),
//! then choose it as a lead image or contributor photo. Uploads work as a
//! plain form; `media.js` adds drag-and-drop and a progress bar and asks for
//! JSON answers instead of pages.
//!
//! Every upload goes through `images::prepare` (format from the bytes, size and
//! pixel limits before decoding, metadata stripped, WebP variants), one at a
//! time so a burst of large photos cannot exhaust memory. Nothing is stored
//! unless every check passes.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::Json;
use axum::extract::multipart::{Field, Multipart, MultipartError};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::Permission;
use dateline_store::images::{self, ImageError, MAX_IMAGE_BYTES};
use dateline_store::library::{ImageDetails, LibraryImage};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use super::{SignedIn, chrome};
use crate::views::TimeView;
use crate::{SharedState, WebError};

/// The request body cap for uploads. Larger than the file limit so that an
/// oversized file is read to its end and answered with a page explaining the
/// limit (a connection cut mid-upload shows the browser's own error instead).
pub const UPLOAD_BODY_LIMIT: usize = 3 * MAX_IMAGE_BYTES as usize;
const MAX_TEXT_FIELD_BYTES: usize = 4096;
const MAX_ALT_CHARS: usize = 300;
const MAX_CREDIT_CHARS: usize = 200;
const PER_PAGE: u32 = 24;

/// Image preparation is CPU- and memory-heavy: one at a time.
static PREPARING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(1));

/// The form as it arrived; the file's bytes only when within the limit.
#[derive(Default)]
struct Upload {
    csrf: String,
    alt: String,
    credit: String,
    file_name: String,
    file: Option<Vec<u8>>,
    file_bytes: u64,
}

/// Field name → messages, as the form and the JSON answer show them.
type FieldProblems = HashMap<&'static str, Vec<String>>;

#[derive(Serialize, Default)]
struct FormValues {
    alt: String,
    credit: String,
}

#[derive(Serialize)]
struct LibraryItem {
    key: String,
    src: String,
    /// The smallest WebP variant, for the thumbnail.
    thumbnail: String,
    width: u32,
    height: u32,
    alt: String,
    credit: String,
    file_name: String,
    uploaded_by: Option<String>,
    uploaded: TimeView,
}

impl LibraryItem {
    fn new(image: &LibraryImage, state: &SharedState) -> Self {
        let m = &image.media;
        Self {
            key: m.key.clone(),
            src: m.url(),
            thumbnail: m.thumbnail_url(),
            width: m.width,
            height: m.height,
            alt: image.alt.clone(),
            credit: image.credit.clone(),
            file_name: image.file_name.clone(),
            uploaded_by: image.uploaded_by.clone(),
            uploaded: TimeView::new(&image.uploaded.to_zoned_datetime(state.site.time_zone.clone())),
        }
    }
}

#[derive(Deserialize)]
pub struct LibraryQuery {
    page: Option<u32>,
    uploaded: Option<String>,
}

struct PageState<'a> {
    values: &'a FormValues,
    problems: &'a FieldProblems,
    page: u32,
    uploaded: Option<&'a str>,
}

async fn render(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    page: PageState<'_>,
) -> Result<Response, WebError> {
    let offset = (page.page.max(1) - 1) * PER_PAGE;
    let list = state.library.library(PER_PAGE, offset).await?;
    if list.items.is_empty() && page.page > 1 {
        return Err(WebError::NotFound);
    }
    let items: Vec<LibraryItem> = list.items.iter().map(|i| LibraryItem::new(i, state)).collect();
    let pagination = crate::views::Pagination::new("/newsroom/media", "", page.page.max(1), PER_PAGE, list.total);
    let uploaded = items.iter().find(|i| Some(i.key.as_str()) == page.uploaded).map(|i| i.alt.clone());
    let ctx = context! {
        page_title => state.messages.get("en", "newsroom-nav-media", &[]),
        form => Serde(page.values),
        errors => Serde(page.problems),
        error_count => page.problems.values().map(Vec::len).sum::<usize>(),
        items => Serde(items),
        total => list.total,
        pagination => Serde(pagination),
        uploaded => uploaded,
        max_megabytes => MAX_IMAGE_BYTES / 1_000_000,
        max_bytes => MAX_IMAGE_BYTES,
        max_megapixels => images::MAX_IMAGE_PIXELS / 1_000_000,
        ..chrome(state, who, "/newsroom/media")
    };
    Ok((status, Html(state.templates.render("newsroom/media.html", ctx)?)).into_response())
}

pub async fn page(
    State(state): State<SharedState>,
    who: SignedIn,
    Query(q): Query<LibraryQuery>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageMedia)?;
    let page = PageState {
        values: &FormValues::default(),
        problems: &FieldProblems::new(),
        page: q.page.unwrap_or(1),
        uploaded: q.uploaded.as_deref(),
    };
    render(&state, &who, StatusCode::OK, page).await
}

/// Reads a text field, refusing absurd lengths.
async fn text(field: Field<'_>) -> Result<String, MultipartError> {
    let bytes = field.bytes().await?;
    Ok(String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_TEXT_FIELD_BYTES)]).into_owned())
}

/// Reads the file field: kept only while within the limit, drained after it.
async fn file(mut field: Field<'_>, upload: &mut Upload) -> Result<(), MultipartError> {
    upload.file_name = field.file_name().unwrap_or_default().chars().take(200).collect();
    let mut kept = Some(Vec::new());
    while let Some(chunk) = field.chunk().await? {
        upload.file_bytes += chunk.len() as u64;
        if upload.file_bytes > MAX_IMAGE_BYTES {
            kept = None;
        } else if let Some(bytes) = kept.as_mut() {
            bytes.extend_from_slice(&chunk);
        }
    }
    upload.file = kept.filter(|b| !b.is_empty());
    Ok(())
}

async fn read_upload(multipart: &mut Multipart) -> Result<Upload, MultipartError> {
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await? {
        match field.name().unwrap_or_default() {
            "csrf" => upload.csrf = text(field).await?,
            "alt" => upload.alt = text(field).await?,
            "credit" => upload.credit = text(field).await?,
            "file" => file(field, &mut upload).await?,
            _ => {}
        }
    }
    Ok(upload)
}

fn check_details(upload: &Upload, problems: &mut FieldProblems) {
    let alt = upload.alt.trim();
    if alt.is_empty() {
        problems
            .entry("alt")
            .or_default()
            .push("alt text is required: describe the image for people who cannot see it".into());
    } else if alt.chars().count() > MAX_ALT_CHARS {
        problems.entry("alt").or_default().push(format!("alt text is at most {MAX_ALT_CHARS} characters"));
    }
    let credit = upload.credit.trim();
    if credit.is_empty() {
        problems.entry("credit").or_default().push("a credit is required: who made the image, or who owns it".into());
    } else if credit.chars().count() > MAX_CREDIT_CHARS {
        problems.entry("credit").or_default().push(format!("a credit is at most {MAX_CREDIT_CHARS} characters"));
    }
}

fn file_problem(problems: &mut FieldProblems, message: String) {
    problems.entry("file").or_default().push(message);
}

/// Whether the page's script asked for JSON rather than a page.
fn wants_json(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/json"))
}

#[derive(Serialize)]
struct Uploaded {
    key: String,
    url: String,
    alt: String,
    library: String,
}

pub async fn upload(
    State(state): State<SharedState>,
    who: SignedIn,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    who.require(Permission::ManageMedia)?;
    let json = wants_json(&headers);
    let mut upload = match read_upload(&mut multipart).await {
        Ok(u) => u,
        Err(e) => {
            // The body broke off or passed the hard cap: nothing was stored.
            let status = e.status();
            let mut problems = FieldProblems::new();
            file_problem(&mut problems, too_large_message(None));
            tracing::info!("upload refused: {e}");
            return answer_problems(&state, &who, json, status, &FormValues::default(), &problems).await;
        }
    };
    who.check_csrf(&upload.csrf)?;
    let values = FormValues { alt: upload.alt.trim().into(), credit: upload.credit.trim().into() };
    let mut problems = FieldProblems::new();
    check_details(&upload, &mut problems);
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let prepared = match (upload.file.take(), upload.file_bytes) {
        (None, 0) => {
            file_problem(&mut problems, "choose an image file to upload".into());
            None
        }
        (None, bytes) => {
            status = StatusCode::PAYLOAD_TOO_LARGE;
            file_problem(&mut problems, too_large_message(Some(bytes)));
            None
        }
        (Some(bytes), _) => match prepare(bytes).await {
            Ok(p) => Some(p),
            Err(e) => {
                file_problem(&mut problems, format!("'{}' {e}", display_name(&upload.file_name)));
                None
            }
        },
    };
    let Some(prepared) = prepared.filter(|_| problems.is_empty()) else {
        return answer_problems(&state, &who, json, status, &values, &problems).await;
    };
    let details = ImageDetails { alt: values.alt.clone(), credit: values.credit.clone(), file_name: upload.file_name };
    let image = state.library.add_to_library(prepared, &details, who.user.id).await?;
    state.accounts.audit(Some(who.user.id), "image-uploaded", &image.media.key, &details.file_name).await?;
    let library = format!("/newsroom/media?uploaded={}", image.media.key);
    if json {
        let body = Uploaded { key: image.media.key.clone(), url: image.media.url(), alt: image.alt, library };
        return Ok((StatusCode::CREATED, Json(body)).into_response());
    }
    Ok(Redirect::to(&library).into_response())
}

fn display_name(name: &str) -> &str {
    if name.is_empty() { "the file" } else { name }
}

fn too_large_message(bytes: Option<u64>) -> String {
    let limit = MAX_IMAGE_BYTES as f64 / 1e6;
    match bytes {
        Some(b) => format!("the file is {:.1} MB; images are at most {limit:.0} MB", b as f64 / 1e6),
        None => format!("the upload was too large or broke off; images are at most {limit:.0} MB"),
    }
}

async fn prepare(bytes: Vec<u8>) -> Result<images::PreparedImage, ImageError> {
    let _turn = PREPARING.acquire().await.map_err(|_| ImageError::Broken("the server is stopping".into()))?;
    tokio::task::spawn_blocking(move || images::prepare(&bytes))
        .await
        .unwrap_or_else(|e| Err(ImageError::Broken(format!("preparing failed: {e}"))))
}

#[derive(Serialize)]
struct ProblemsAnswer<'a> {
    problems: &'a FieldProblems,
}

async fn answer_problems(
    state: &SharedState,
    who: &SignedIn,
    json: bool,
    status: StatusCode,
    values: &FormValues,
    problems: &FieldProblems,
) -> Result<Response, WebError> {
    if json {
        return Ok((status, Json(ProblemsAnswer { problems })).into_response());
    }
    render(state, who, status, PageState { values, problems, page: 1, uploaded: None }).await
}
