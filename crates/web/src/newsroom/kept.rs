//! Work is not lost when a session ends mid-edit. An editor form posted
//! without a valid session is not saved (its anti-forgery token can no longer
//! be checked); its text is kept in the store under the hash of a random
//! token, the token goes to that browser in a cookie (never in a URL), and the
//! sign-in form is shown. Once signed in, the editor at the same address
//! takes the kept text back (once) and shows it in the form, to be checked
//! and saved again on a fresh form.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, Html, IntoResponse, Redirect, Response};
use dateline_core::draft::ArticleDraft;
use dateline_store::editorial::KeptDraft;
use jiff::{SignedDuration, Timestamp};
use minijinja::context;

use super::auth::{new_token, token_hash};
use super::session::{SESSION_COOKIE, cookie_in};
use super::sign_in::{FORM_COOKIE, build_cookie, clear_cookie};
use crate::{SharedState, WebError};

const KEPT_COOKIE: &str = "dateline_kept";
/// Kept text is handed back for this long.
const KEEP_FOR: SignedDuration = SignedDuration::from_hours(24);
/// Anyone can post a form, so what waits is bounded: this many drafts at
/// once, each at most this long (an article of 20,000 words is ~150 kB).
const MAX_KEPT: u32 = 500;
const MAX_DRAFT_BYTES: usize = 1 << 20;

fn header_value(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether the post came from our own page, so another site cannot plant
/// text in someone's editor: the browser's fetch metadata or Origin says so,
/// or (clients that send neither) the request still carries a session cookie,
/// which browsers do not send with another site's posts (SameSite=Lax).
fn from_our_page(headers: &HeaderMap) -> bool {
    if let Some(site) = header_value(headers, "sec-fetch-site") {
        return site == "same-origin";
    }
    if let Some(origin) = header_value(headers, header::ORIGIN) {
        let authority = origin.split_once("://").map(|(_, a)| a);
        return authority.is_some() && authority == header_value(headers, header::HOST);
    }
    cookie_in(headers, SESSION_COOKIE).is_some()
}

/// Answers an editor form posted at `path` without a valid session: keeps its
/// text and shows the sign-in form, or (a post from elsewhere, or more than
/// the store will keep) only sends the visitor to sign in.
pub async fn sign_in_keeping(
    state: &SharedState,
    headers: &HeaderMap,
    path: &str,
    revision: &str,
    draft: &ArticleDraft,
) -> Result<Response, WebError> {
    let kept = KeptDraft {
        path: path.to_owned(),
        revision: revision.trim().parse().unwrap_or(0),
        draft_json: draft.to_json(),
    };
    let token = new_token()?;
    let now = Timestamp::now();
    if !from_our_page(headers)
        || kept.draft_json.len() > MAX_DRAFT_BYTES
        || !state.editorial.keep_draft(&token_hash(&token), &kept, now, now - KEEP_FOR, MAX_KEPT).await?
    {
        return Ok(Redirect::to(&format!("/newsroom/sign-in?next={path}")).into_response());
    }
    let form_token = new_token()?;
    let note = state.messages.get("en", "sign-in-kept", &[]);
    let text_size = crate::text_size::TextSize::from_cookie_header(header_value(headers, header::COOKIE)).as_str();
    let ctx = context! { lang => "en", dir => "ltr", text_size => text_size, site => context! { title => &state.site.title },
    csrf => &form_token, next => path, email => "", error => None::<String>, kept => note };
    let html = state.templates.render("newsroom/sign_in.html", ctx)?;
    let cookies = AppendHeaders([
        (header::SET_COOKIE, build_cookie(state, FORM_COOKIE, form_token, "/newsroom/")),
        (header::SET_COOKIE, build_cookie(state, KEPT_COOKIE, token, "/newsroom/")),
    ]);
    Ok((StatusCode::UNAUTHORIZED, cookies, Html(html)).into_response())
}

/// The text kept for the editor at `path` in this browser, if any: the
/// revision its form was opened at, and the draft. Handed back once.
pub async fn take(
    state: &SharedState,
    headers: &HeaderMap,
    path: &str,
) -> Result<Option<(i64, ArticleDraft)>, WebError> {
    let Some(token) = cookie_in(headers, KEPT_COOKIE) else { return Ok(None) };
    let since = Timestamp::now() - KEEP_FOR;
    let Some(kept) = state.editorial.take_kept_draft(&token_hash(&token), path, since).await? else { return Ok(None) };
    Ok(ArticleDraft::from_json(&kept.draft_json).map(|d| (kept.revision, d)))
}

/// Removes the kept-text cookie once its text is back in the editor.
pub fn forget(mut response: Response) -> Response {
    if let Ok(value) = clear_cookie(KEPT_COOKIE, "/newsroom/").parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_posts_from_our_own_pages_keep_text() {
        assert!(from_our_page(&headers(&[("sec-fetch-site", "same-origin"), ("origin", "https://evil.example")])));
        assert!(!from_our_page(&headers(&[("sec-fetch-site", "cross-site"), ("cookie", "dateline_session=x")])));
        assert!(!from_our_page(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(from_our_page(&headers(&[("origin", "http://news.example:8080"), ("host", "news.example:8080")])));
        assert!(!from_our_page(&headers(&[("origin", "http://evil.example"), ("host", "news.example")])));
        assert!(!from_our_page(&headers(&[("origin", "null"), ("host", "news.example")])));
        assert!(from_our_page(&headers(&[("cookie", "a=1; dateline_session=stale")])));
        assert!(!from_our_page(&headers(&[("cookie", "a=1")])));
    }
}
