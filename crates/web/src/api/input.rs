//! The write API's JSON payload, checked by hand so that every problem is
//! reported at once (serde stops at the first): malformed JSON, unknown
//! fields, wrong types and missing fields, each by name.

use axum::http::{HeaderMap, StatusCode, header};
use dateline_core::draft::ArticleDraft;
use serde_json::{Map, Value};

use super::problem::{Errors, Problem};

/// Largest request body the write API takes.
pub const MAX_BODY: usize = 1024 * 1024;
/// Bodies up to this are read to their end before being refused (413), so
/// the client gets the answer instead of a connection cut mid-upload.
pub const READ_LIMIT: usize = 4 * MAX_BODY;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    List,
    Integer,
}

/// The article fields: (JSON name, kind). Lists are arrays of strings.
const ARTICLE_FIELDS: [(&str, Kind); 14] = [
    ("revision", Kind::Integer),
    ("headline", Kind::Text),
    ("dek", Kind::Text),
    ("slug", Kind::Text),
    ("section", Kind::Text),
    ("tags", Kind::List),
    ("language", Kind::Text),
    ("dateline", Kind::Text),
    ("key_points", Kind::List),
    ("lead_image", Kind::Text),
    ("lead_caption", Kind::Text),
    ("body", Kind::Text),
    ("contributors", Kind::List),
    ("publish_at", Kind::Text),
];

/// Required on every article save.
const REQUIRED: [&str; 3] = ["headline", "section", "body"];

/// The JSON body as an object, or a problem (not JSON, not an object, wrong content type).
fn object(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, Problem> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the body as JSON with 'Content-Type: application/json'",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Problem::new(StatusCode::BAD_REQUEST, "the body must be a JSON object")),
        Err(e) => Err(Problem::new(
            StatusCode::BAD_REQUEST,
            format!("the body is not valid JSON: {e} (line {}, column {})", e.line(), e.column()),
        )),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "a string",
        Kind::List => "an array of strings",
        Kind::Integer => "an integer",
    }
}

/// A checked payload: the draft it describes and the revision it names.
pub struct ArticleInput {
    pub draft: ArticleDraft,
    pub revision: Option<i64>,
}

/// Reads an article payload. `revision` is required for updates.
pub fn article(headers: &HeaderMap, body: &[u8], revision_required: bool) -> Result<ArticleInput, Problem> {
    let map = object(headers, body)?;
    let mut errors = Errors::default();
    for name in map.keys() {
        if !ARTICLE_FIELDS.iter().any(|(n, _)| n == name) {
            errors.add(name, "unknown field");
        }
    }
    let mut required: Vec<&str> = REQUIRED.to_vec();
    if revision_required {
        required.insert(0, "revision");
    }
    for name in required {
        if map.get(name).is_none_or(Value::is_null) {
            errors.add(name, "required");
        }
    }
    let mut draft = ArticleDraft { language: "en".into(), ..ArticleDraft::default() };
    let mut revision = None;
    for (name, kind) in ARTICLE_FIELDS {
        let Some(value) = map.get(name).filter(|v| !v.is_null()) else { continue };
        let text = match (kind, value) {
            (Kind::Text, Value::String(s)) => s.clone(),
            (Kind::Integer, Value::Number(n)) if n.as_i64().is_some_and(|n| n >= 0) => {
                revision = n.as_i64();
                continue;
            }
            (Kind::List, Value::Array(items)) => {
                // Lists travel in the draft as text (one per line, or comma-separated).
                let separator = if name == "key_points" { '\n' } else { ',' };
                let mut parts = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) if s.contains(separator) || s.contains('\n') => errors
                            .add(&format!("{name}[{i}]"), format!("must not contain '{}'", separator.escape_default())),
                        Some(s) => parts.push(s.trim().to_owned()),
                        None => errors.add(&format!("{name}[{i}]"), "must be a string"),
                    }
                }
                parts.join(if separator == '\n' { "\n" } else { ", " })
            }
            _ => {
                errors.add(name, format!("must be {}", kind_name(kind)));
                continue;
            }
        };
        set(&mut draft, name, text);
    }
    if !errors.is_empty() {
        return Err(Problem::invalid(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the article has problems; nothing was saved",
            errors.0,
        ));
    }
    Ok(ArticleInput { draft, revision })
}

fn set(d: &mut ArticleDraft, name: &str, text: String) {
    let field = match name {
        "headline" => &mut d.headline,
        "dek" => &mut d.dek,
        "slug" => &mut d.slug,
        "section" => &mut d.section,
        "tags" => &mut d.tags,
        "language" => &mut d.language,
        "dateline" => &mut d.dateline,
        "key_points" => &mut d.summary,
        "lead_image" => &mut d.lead_image,
        "lead_caption" => &mut d.lead_caption,
        "body" => &mut d.body,
        "contributors" => &mut d.contributors,
        _ => &mut d.publish_at,
    };
    *field = text;
}

/// The draft's field names as the API calls them.
pub fn api_field(draft_field: &str) -> &str {
    match draft_field {
        "summary" => "key_points",
        other => other,
    }
}

/// Reads `{"revision": N}` (publish, unpublish).
pub fn revision(headers: &HeaderMap, body: &[u8]) -> Result<i64, Problem> {
    let map = object(headers, body)?;
    let mut errors = Errors::default();
    for name in map.keys().filter(|k| *k != "revision") {
        errors.add(name, "unknown field");
    }
    let revision = match map.get("revision") {
        None | Some(Value::Null) => {
            errors.add("revision", "required");
            None
        }
        Some(Value::Number(n)) if n.as_i64().is_some_and(|n| n >= 0) => n.as_i64(),
        Some(_) => {
            errors.add("revision", "must be an integer");
            None
        }
    };
    match revision {
        Some(r) if errors.is_empty() => Ok(r),
        _ => Err(Problem::invalid(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the request has problems; nothing was changed",
            errors.0,
        )),
    }
}
