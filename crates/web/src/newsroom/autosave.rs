//! The editor's JSON endpoints, used by `editor.js` (the editor works without
//! them): autosave of an existing article, and the rendered body for the live
//! preview. Both answer a missing session with 401 (never a redirect) and
//! check the form's anti-forgery token and the person's role like the form.
//!
//! Autosave is a normal save with less power: a revision from the form, the
//! same base-revision rule (a stale base is refused and overwrites nothing),
//! but it never changes the status, the web address or anything live:
//! - a live (published or scheduled) article is refused with `{"manual": "live"}`,
//!   because every save of it reaches readers and re-narrates it;
//! - the article keeps its current slug: a new or emptied slug field takes
//!   effect at the next Save, as the person expects of a web address;
//! - a draft equal to the stored one writes no revision (and is answered as
//!   saved at the current revision, whatever base it names).
//!
//! New articles are not autosaved: until the first Save they are kept in the
//! browser only. Creating one on the server would fill the newsroom with
//! untitled, sectionless drafts and take a slug from a half-typed headline.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_core::draft::ArticleDraft;
use dateline_core::{Permission, Problems, Slug, Status, markdown};
use dateline_store::editorial::SaveRefused;
use serde::Deserialize;
use serde_json::{Value, json};

use super::SignedIn;
use super::editor::{article_from_form, current_draft, may_edit, may_publish, resolve_images};
use crate::{SharedState, WebError};

fn answer(status: StatusCode, body: Value) -> Response {
    let headers = [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")];
    (status, headers, body.to_string()).into_response()
}

/// What JavaScript gets instead of the sign-in page or an error page.
fn refused(status: StatusCode) -> Response {
    let reason = match status {
        StatusCode::UNAUTHORIZED => "signed-out",
        StatusCode::NOT_FOUND => "not-found",
        _ => "forbidden",
    };
    answer(status, json!({ "refused": reason }))
}

/// Problems by form field, as the form would mark them.
fn problems_json(problems: &Problems) -> Value {
    let mut by_field: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in problems.iter() {
        by_field.entry(p.field.as_str()).or_default().push(p.message.as_str());
    }
    json!({ "problems": by_field })
}

/// Same text in every field, whatever line endings the browser sent
/// (field by field through JSON, so fields added to the draft count too).
fn same_text(a: &ArticleDraft, b: &ArticleDraft) -> bool {
    fn normalised(d: &ArticleDraft) -> Value {
        match serde_json::to_value(d) {
            Ok(Value::Object(fields)) => fields
                .into_iter()
                .map(|(k, v)| match v {
                    Value::String(s) => (k, Value::String(s.replace("\r\n", "\n"))),
                    other => (k, other),
                })
                .collect(),
            _ => Value::Null,
        }
    }
    normalised(a) == normalised(b)
}

#[derive(Deserialize)]
pub struct AutosaveForm {
    csrf: String,
    #[serde(default)]
    revision: String,
    #[serde(flatten)]
    draft: ArticleDraft,
}

/// `POST /newsroom/articles/{slug}/autosave`: `{"saved": n}` (with
/// `"unchanged": true` when nothing differed), `{"conflict": n}` (409),
/// `{"problems": {field: [..]}}` (422), `{"manual": "live"}` (409), or
/// `{"refused": ..}` with 401, 403 or 404.
pub async fn save(
    State(state): State<SharedState>,
    who: Option<SignedIn>,
    Path(slug): Path<String>,
    Form(form): Form<AutosaveForm>,
) -> Result<Response, WebError> {
    let Some(who) = who else { return Ok(refused(StatusCode::UNAUTHORIZED)) };
    if who.check_csrf(&form.csrf).is_err() {
        return Ok(refused(StatusCode::FORBIDDEN));
    }
    let (Some(row), Ok(current_slug)) = (state.editorial.editorial(&slug).await?, Slug::parse(&slug)) else {
        return Ok(refused(StatusCode::NOT_FOUND));
    };
    if !may_edit(&who, Some(&row)) {
        return Ok(refused(StatusCode::FORBIDDEN));
    }
    if row.status == Status::Published {
        if !may_publish(&who, Some(&row)) {
            return Ok(refused(StatusCode::FORBIDDEN));
        }
        return Ok(answer(StatusCode::CONFLICT, json!({ "manual": "live" })));
    }
    // Text the store already holds is answered as saved, even from an older
    // base (nothing is written, so nothing can be overwritten): an autosave
    // sent as a tab closed may have landed without its page hearing of it.
    let draft = form.draft;
    if same_text(&draft, &current_draft(&state, &slug, &row).await?) {
        return Ok(answer(StatusCode::OK, json!({ "saved": row.revision, "unchanged": true })));
    }
    let base: i64 = form.revision.trim().parse().unwrap_or(-1);
    if base != row.revision {
        return Ok(answer(StatusCode::CONFLICT, json!({ "conflict": row.revision })));
    }
    let existing = state.store.article(&slug).await?;
    let mut article = match article_from_form(&state, existing.as_ref(), &draft, row.status).await? {
        Ok(article) => article,
        Err(problems) => return Ok(answer(StatusCode::UNPROCESSABLE_ENTITY, problems_json(&problems))),
    };
    article.slug = current_slug;
    match state.editorial.save_revision(Some(&slug), &article, &draft.to_json(), who.user.id, base).await? {
        Ok(number) => Ok(answer(StatusCode::OK, json!({ "saved": number }))),
        Err(SaveRefused::Conflict { current }) => Ok(answer(StatusCode::CONFLICT, json!({ "conflict": current }))),
        // Cannot happen without a rename; answered rather than assumed.
        Err(SaveRefused::SlugTaken) => Ok(answer(StatusCode::CONFLICT, json!({ "manual": "slug" }))),
    }
}

#[derive(Deserialize)]
pub struct PreviewForm {
    csrf: String,
    #[serde(default)]
    body: String,
}

/// `POST /newsroom/preview`: the body as the article page would show it,
/// `{"html": ".."}`, made by the same renderer and image lookup as a save and
/// so sanitised by the same policy; or `{"problems": [..]}` (422).
pub async fn preview(
    State(state): State<SharedState>,
    who: Option<SignedIn>,
    Form(form): Form<PreviewForm>,
) -> Result<Response, WebError> {
    let Some(who) = who else { return Ok(refused(StatusCode::UNAUTHORIZED)) };
    if who.check_csrf(&form.csrf).is_err() || who.require(Permission::WriteDrafts).is_err() {
        return Ok(refused(StatusCode::FORBIDDEN));
    }
    let images = resolve_images(&state, &form.body).await?;
    Ok(match markdown::render(&form.body, &images) {
        Ok(body) => answer(StatusCode::OK, json!({ "html": body.html() })),
        Err(problems) => {
            let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
            answer(StatusCode::UNPROCESSABLE_ENTITY, json!({ "problems": messages }))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_do_not_make_a_change() {
        let typed = ArticleDraft { body: "One.\r\n\r\nTwo.".into(), ..Default::default() };
        let sent = ArticleDraft { body: "One.\n\nTwo.".into(), ..Default::default() };
        assert!(same_text(&typed, &sent));
        assert!(!same_text(&typed, &ArticleDraft { body: "One.\n\nTwo!".into(), ..Default::default() }));
        assert!(!same_text(&typed, &ArticleDraft { headline: "H".into(), ..sent }));
    }
}
