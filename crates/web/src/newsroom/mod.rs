//! The newsroom under `/newsroom/`: server-rendered, usable without
//! JavaScript. Every handler that changes anything checks the session's
//! anti-forgery token and the person's role on the server.

mod api_keys;
mod auth;
mod autosave;
mod breaking;
mod catalogue;
pub(crate) mod editor;
mod kept;
mod lexicon;
mod media;
mod pages;
mod session;
mod sign_in;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit};
use axum::http::request::Parts;
use axum::routing::{get, post};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

pub use auth::{hash_password, new_token, token_hash};
pub use session::SignedIn;

use crate::SharedState;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/newsroom/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/newsroom/sign-out", post(sign_in::sign_out))
        .route("/newsroom/link/{token}", get(sign_in::link_form).post(sign_in::link_submit))
        .route("/newsroom/", get(pages::dashboard))
        .route("/newsroom/articles/new", get(editor::new_form).post(editor::create))
        .route("/newsroom/articles/{slug}", get(editor::edit_form).post(editor::update))
        .route("/newsroom/articles/{slug}/history", get(editor::history))
        .route("/newsroom/articles/{slug}/corrections", post(editor::add_correction))
        .route("/newsroom/articles/{slug}/autosave", post(autosave::save))
        .route("/newsroom/preview", post(autosave::preview))
        .route("/newsroom/password", get(pages::password_form).post(pages::password_submit))
        .route("/newsroom/users", get(pages::users))
        .route("/newsroom/users/{id}/role", post(pages::set_role))
        .route("/newsroom/api-keys", get(api_keys::page).post(api_keys::create))
        .route("/newsroom/api-keys/{id}/revoke", post(api_keys::revoke))
        .route("/newsroom/audit", get(pages::audit))
        .route("/newsroom/breaking", get(breaking::page).post(breaking::raise))
        .route("/newsroom/breaking/lower", post(breaking::lower))
        .route("/newsroom/lexicon", get(lexicon::page).post(lexicon::save))
        .route("/newsroom/contributors", get(catalogue::contributors).post(catalogue::save_contributor))
        .route("/newsroom/contributors/{slug}", get(catalogue::edit_contributor))
        .route("/newsroom/sections", get(catalogue::sections).post(catalogue::save_section))
        .route("/newsroom/sections/{slug}", get(catalogue::edit_section))
}

/// The media library, apart: its uploads need a larger body and more time.
pub fn upload_routes() -> Router<SharedState> {
    let body_limit = DefaultBodyLimit::max(media::UPLOAD_BODY_LIMIT);
    Router::new().route("/newsroom/media", get(media::page).post(media::upload).layer(body_limit))
}

#[derive(Serialize)]
struct NavItem {
    label: String,
    url: &'static str,
    current: bool,
}

/// The context every newsroom page shares: who is signed in, their form
/// token, and the sections of the newsroom their role opens.
fn chrome(state: &SharedState, who: &SignedIn, current: &str) -> Value {
    use dateline_core::Permission::*;
    let items = [
        ("newsroom-nav-articles", "/newsroom/", UseNewsroom),
        ("newsroom-nav-media", "/newsroom/media", ManageMedia),
        ("newsroom-nav-breaking", "/newsroom/breaking", ManageBreaking),
        ("newsroom-nav-contributors", "/newsroom/contributors", ManageContributors),
        ("newsroom-nav-sections", "/newsroom/sections", ManageSections),
        ("newsroom-nav-lexicon", "/newsroom/lexicon", ManageLexicon),
        ("newsroom-nav-users", "/newsroom/users", ManageUsers),
        ("newsroom-nav-api-keys", "/newsroom/api-keys", ManageUsers),
        ("newsroom-nav-audit", "/newsroom/audit", ViewAudit),
        ("newsroom-nav-password", "/newsroom/password", UseNewsroom),
    ];
    let nav: Vec<NavItem> = items
        .into_iter()
        .filter(|(_, _, p)| who.user.role.can(*p))
        .map(|(id, url, _)| NavItem { label: state.messages.get("en", id, &[]), url, current: url == current })
        .collect();
    minijinja::context! {
        lang => "en",
        dir => "ltr",
        text_size => who.text_size,
        site => minijinja::context! { title => &state.site.title },
        me => minijinja::context! { name => &who.user.name, email => &who.user.email, role => who.user.role.as_str() },
        csrf => &who.session.csrf,
        nav => Serde(nav),
    }
}

/// The client's address, for rate limiting; absent when not served over TCP (tests).
fn client_address(parts: &Parts) -> String {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()).unwrap_or_else(|| "unknown".into())
}

/// An image's alt text cut to fit a list of choices.
fn short_label(alt: &str) -> String {
    const MAX_CHARS: usize = 90;
    if alt.chars().count() <= MAX_CHARS {
        return alt.to_owned();
    }
    let cut: String = alt.chars().take(MAX_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}
