//! Signing in (password or one-time link) and out, with rate limiting and a
//! double-submit anti-forgery cookie on the sign-in form itself.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, Html, IntoResponse, Redirect, Response};
use dateline_core::account::normalize_email;
use dateline_store::accounts::{Session, User};
use jiff::{SignedDuration, Timestamp};
use minijinja::context;
use serde::Deserialize;

use crate::chrome::ChromeInput;

use super::auth::{new_token, same_secret, token_hash, verify_password};
use super::session::{IDLE, SESSION_COOKIE, SignedIn, cookie};
use crate::{SharedState, WebError};

pub(super) const FORM_COOKIE: &str = "dateline_signin_csrf";
/// Failed attempts allowed per email, and per client address, in the window.
const MAX_FAILURES_PER_EMAIL: u32 = 5;
const MAX_FAILURES_PER_ADDRESS: u32 = 20;
const WINDOW: SignedDuration = SignedDuration::from_mins(15);

pub(super) fn build_cookie(state: &SharedState, name: &'static str, value: String, path: &'static str) -> String {
    cookie::Cookie::build((name, value))
        .path(path)
        .http_only(true)
        .secure(state.site.base_url.starts_with("https://"))
        .same_site(if name == SESSION_COOKIE { cookie::SameSite::Lax } else { cookie::SameSite::Strict })
        .build()
        .to_string()
}

pub(super) fn clear_cookie(name: &'static str, path: &'static str) -> String {
    format!("{name}=; Path={path}; Max-Age=0; HttpOnly")
}

/// Where to go after signing in: only newsroom pages.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with("/newsroom/") && !n.contains(['\\', '\r', '\n']) && !n.starts_with("//") => n,
        _ => "/newsroom/",
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

fn render_form(
    state: &SharedState,
    text_size: &str,
    status: StatusCode,
    token: &str,
    next: &str,
    email: &str,
    error: Option<String>,
) -> Result<Response, WebError> {
    let ctx = context! { lang => "en", dir => "ltr", text_size => text_size, site => context! { title => &state.site.title },
    csrf => token, next => next, email => email, error => error };
    let html = state.templates.render("newsroom/sign_in.html", ctx)?;
    let set = build_cookie(state, FORM_COOKIE, token.to_owned(), "/newsroom/");
    Ok((status, [(header::SET_COOKIE, set)], Html(html)).into_response())
}

pub async fn form(
    State(state): State<SharedState>,
    Query(q): Query<NextQuery>,
    page: ChromeInput,
) -> Result<Response, WebError> {
    render_form(&state, page.text_size.as_str(), StatusCode::OK, &new_token()?, safe_next(q.next.as_deref()), "", None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    csrf: String,
    next: Option<String>,
}

/// A form token must match the cookie set with the form (login CSRF).
fn form_token_ok(parts: &Parts, submitted: &str) -> bool {
    cookie(parts, FORM_COOKIE).is_some_and(|c| same_secret(&c, submitted))
}

async fn start_session(state: &SharedState, user: &User, next: &str, how: &str) -> Result<Response, WebError> {
    let token = new_token()?;
    let session = Session {
        token_hash: token_hash(&token),
        user_id: user.id,
        csrf: new_token()?,
        expires: Timestamp::now() + IDLE,
    };
    state.accounts.create_session(&session).await?;
    state.accounts.audit(Some(user.id), "sign-in", &user.email, how).await?;
    // Appended, not inserted: two Set-Cookie headers must both reach the browser.
    let headers = AppendHeaders([
        (header::SET_COOKIE, build_cookie(state, SESSION_COOKIE, token, "/")),
        (header::SET_COOKIE, clear_cookie(FORM_COOKIE, "/newsroom/")),
    ]);
    Ok((headers, Redirect::to(next)).into_response())
}

pub async fn submit(
    State(state): State<SharedState>,
    page: ChromeInput,
    parts: Parts,
    Form(f): Form<SignInForm>,
) -> Result<Response, WebError> {
    let size = page.text_size.as_str();
    let next = safe_next(f.next.as_deref()).to_owned();
    if !form_token_ok(&parts, &f.csrf) {
        return Err(WebError::Forbidden);
    }
    let generic = state.messages.get("en", "sign-in-failed", &[]);
    let email = normalize_email(&f.email).unwrap_or_else(|_| f.email.trim().to_lowercase());
    let keys = [format!("email:{email}"), format!("address:{}", super::client_address(&parts))];
    let since = Timestamp::now() - WINDOW;
    let (by_email, by_address) = (
        state.accounts.sign_in_failures_since(&keys[0], since).await?,
        state.accounts.sign_in_failures_since(&keys[1], since).await?,
    );
    if by_email >= MAX_FAILURES_PER_EMAIL || by_address >= MAX_FAILURES_PER_ADDRESS {
        state.accounts.audit(None, "sign-in-refused", &email, "too many failed attempts").await?;
        let wait = state.messages.get("en", "sign-in-too-many", &[]);
        return render_form(&state, size, StatusCode::TOO_MANY_REQUESTS, &new_token()?, &next, &email, Some(wait));
    }
    let user = state.accounts.user_by_email(&email).await?.filter(|u| !u.disabled);
    let password_ok = verify_password(&f.password, user.as_ref().and_then(|u| u.password_hash.as_deref()));
    match user {
        Some(user) if password_ok => start_session(&state, &user, &next, "password").await,
        _ => {
            let now = Timestamp::now();
            for key in &keys {
                state.accounts.record_sign_in_failure(key, now).await?;
            }
            state.accounts.audit(None, "sign-in-failed", &email, "").await?;
            render_form(&state, size, StatusCode::UNPROCESSABLE_ENTITY, &new_token()?, &next, &email, Some(generic))
        }
    }
}

/// A form that carries nothing but its anti-forgery token (sign out, lower the strip…).
#[derive(Deserialize)]
pub struct CsrfForm {
    pub csrf: String,
}

pub async fn sign_out(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    who.check_csrf(&f.csrf)?;
    state.accounts.delete_session(&who.session.token_hash).await?;
    state.accounts.audit(Some(who.user.id), "sign-out", &who.user.email, "").await?;
    Ok(([(header::SET_COOKIE, clear_cookie(SESSION_COOKIE, "/"))], Redirect::to("/newsroom/sign-in")).into_response())
}

/// A one-time link shows a button, not an instant sign-in: link previewers
/// and mail scanners follow links, and must not use them up.
pub async fn link_form(
    State(state): State<SharedState>,
    Path(token): Path<String>,
    page: ChromeInput,
) -> Result<Response, WebError> {
    let form_token = new_token()?;
    let ctx = context! { lang => "en", dir => "ltr", text_size => page.text_size.as_str(), site => context! { title => &state.site.title },
    csrf => &form_token, action => format!("/newsroom/link/{token}") };
    let html = state.templates.render("newsroom/link.html", ctx)?;
    let set = build_cookie(&state, FORM_COOKIE, form_token, "/newsroom/");
    Ok(([(header::SET_COOKIE, set)], Html(html)).into_response())
}

pub async fn link_submit(
    State(state): State<SharedState>,
    Path(token): Path<String>,
    parts: Parts,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    if !form_token_ok(&parts, &f.csrf) {
        return Err(WebError::Forbidden);
    }
    match state.accounts.consume_sign_in_link(&token_hash(&token), Timestamp::now()).await? {
        Some(user) => start_session(&state, &user, "/newsroom/password", "one-time link").await,
        None => Err(WebError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_newsroom_pages_follow_sign_in() {
        assert_eq!(super::safe_next(Some("/newsroom/audit")), "/newsroom/audit");
        for bad in ["https://evil.example/", "//evil.example/newsroom/", "/articles/x", "/newsroom\\x"] {
            assert_eq!(super::safe_next(Some(bad)), "/newsroom/", "{bad}");
        }
    }
}
