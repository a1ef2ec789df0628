//! Who is signed in: the session cookie, looked up by its hash, with a
//! sliding expiry. Pages that need a person take a [`SignedIn`]; without a
//! valid session the visitor is sent to sign in and brought back after.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use dateline_core::Permission;
use dateline_store::accounts::{Session, User};
use jiff::{SignedDuration, Timestamp};

use super::auth::{same_secret, token_hash};
use crate::{SharedState, WebError};

pub const SESSION_COOKIE: &str = "dateline_session";
/// A session ends after this long without use.
pub const IDLE: SignedDuration = SignedDuration::from_hours(12);

pub struct SignedIn {
    pub user: User,
    pub session: Session,
    /// The reader's text size applies in the newsroom too.
    pub text_size: &'static str,
}

impl SignedIn {
    /// Refuses (403) unless the person's role holds `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), WebError> {
        if self.user.role.can(permission) { Ok(()) } else { Err(WebError::Forbidden) }
    }

    /// Refuses (403) a form whose anti-forgery token is not this session's.
    pub fn check_csrf(&self, token: &str) -> Result<(), WebError> {
        if same_secret(token, &self.session.csrf) { Ok(()) } else { Err(WebError::Forbidden) }
    }
}

/// A cookie's value from the request.
pub fn cookie(parts: &Parts, name: &str) -> Option<String> {
    cookie_in(&parts.headers, name)
}

/// A cookie's value from request headers.
pub fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// Sends the visitor to sign in, coming back here afterwards.
fn to_sign_in(parts: &Parts) -> Response {
    let here = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/newsroom/");
    let next: String = here
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'/' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    Redirect::to(&format!("/newsroom/sign-in?next={next}")).into_response()
}

impl SignedIn {
    /// The person whose valid session the request carries, if any.
    async fn find(parts: &Parts, state: &SharedState) -> Result<Option<Self>, WebError> {
        let Some(token) = cookie(parts, SESSION_COOKIE) else { return Ok(None) };
        let hash = token_hash(&token);
        let now = Timestamp::now();
        let Some((session, user)) = state.accounts.session(&hash, now).await? else { return Ok(None) };
        // Slide the expiry, but write at most once a minute per session.
        if session.expires < now + IDLE - SignedDuration::from_mins(1) {
            state.accounts.touch_session(&hash, now, now + IDLE).await?;
        }
        let text_size = crate::text_size::TextSize::from_cookie_header(
            parts.headers.get(header::COOKIE).and_then(|v| v.to_str().ok()),
        )
        .as_str();
        Ok(Some(Self { user, session, text_size }))
    }
}

impl FromRequestParts<SharedState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, Self::Rejection> {
        match Self::find(parts, state).await {
            Ok(Some(who)) => Ok(who),
            Ok(None) => Err(to_sign_in(parts)),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// `Option<SignedIn>`: for handlers that answer a missing session themselves
/// (JSON endpoints, and editor forms whose text must not be lost).
impl OptionalFromRequestParts<SharedState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Option<Self>, Self::Rejection> {
        Self::find(parts, state).await.map_err(IntoResponse::into_response)
    }
}
