//! Who is signed in: the session cookie, looked up by its hash, with a
//! sliding expiry. Pages that need a person take a [`SignedIn`]; without a
//! valid session the visitor is sent to sign in and brought back after.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
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
    parts
        .headers
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

impl FromRequestParts<SharedState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(parts, SESSION_COOKIE) else { return Err(to_sign_in(parts)) };
        let hash = token_hash(&token);
        let now = Timestamp::now();
        let found = state.accounts.session(&hash, now).await.map_err(|e| WebError::from(e).into_response())?;
        let Some((session, user)) = found else { return Err(to_sign_in(parts)) };
        // Slide the expiry, but write at most once a minute per session.
        if session.expires < now + IDLE - SignedDuration::from_mins(1) {
            state
                .accounts
                .touch_session(&hash, now, now + IDLE)
                .await
                .map_err(|e| WebError::from(e).into_response())?;
        }
        let text_size = crate::text_size::TextSize::from_cookie_header(
            parts.headers.get(header::COOKIE).and_then(|v| v.to_str().ok()),
        )
        .as_str();
        Ok(Self { user, session, text_size })
    }
}
