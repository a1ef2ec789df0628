//! The lite edition under `/lite/`: the home page, sections and articles as
//! text-only pages, for shutdowns and metered data. No images, no scripts, no
//! stylesheet to fetch: a few lines of inline CSS, allowed by their hash in
//! the page's own Content-Security-Policy. Links lead to lite pages, other
//! sites and the narration's MP3 ([`links`]); every lite page links to its
//! full twin, which is also its canonical address.

mod article;
mod links;
mod lists;

use std::sync::LazyLock;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use base64::Engine;
use dateline_core::Language;
use jiff::Timestamp;
use minijinja::{Value, context};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use links::{lite_href, twin};

use crate::chrome::{Breaking, ChromeInput, NavLink};
use crate::{SharedState, WebError};

pub const HOME: &str = "/lite/";

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/lite", get(|| async { Redirect::permanent(HOME) }))
        .route(HOME, get(lists::home))
        .route("/lite/sections/{slug}", get(lists::section))
        .route("/lite/articles/{slug}", get(article::page))
}

/// Every lite page's whole styling, inline.
const STYLE: &str = include_str!("lite.css");

fn style() -> &'static str {
    STYLE.trim()
}

/// Nothing may load but the inline style with exactly this text.
static CONTENT_SECURITY_POLICY: LazyLock<HeaderValue> = LazyLock::new(|| {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style()));
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
});

/// A rendered lite page: HTML with its own Content-Security-Policy.
pub struct LitePage(String);

impl IntoResponse for LitePage {
    fn into_response(self) -> Response {
        ([(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY.clone())], Html(self.0)).into_response()
    }
}

/// What every lite page shows around its content.
#[derive(Serialize)]
struct Chrome {
    lang: String,
    dir: &'static str,
    text_size: &'static str,
    site_title: String,
    breaking: Option<Breaking>,
    sections: Vec<NavLink>,
    /// The full page this one is the twin of.
    full_url: String,
    style: Value,
}

impl Chrome {
    fn minimal(state: &SharedState, input: &ChromeInput, full_url: String) -> Self {
        Self {
            lang: "en".into(),
            dir: "ltr",
            text_size: input.text_size.as_str(),
            site_title: state.site.title.clone(),
            breaking: None,
            sections: Vec::new(),
            full_url,
            style: Value::from_safe_string(style().to_owned()),
        }
    }

    /// `current_section` is marked in the navigation.
    async fn build(
        state: &SharedState,
        input: &ChromeInput,
        full_url: String,
        current_section: Option<&str>,
    ) -> Result<Self, WebError> {
        let mut chrome = Self::minimal(state, input, full_url);
        chrome.breaking = state
            .store
            .breaking(Timestamp::now())
            .await?
            .map(|b| Breaking { link: b.link.and_then(|l| lite_href(&l, &state.site.base_url)), text: b.text });
        chrome.sections = state
            .store
            .sections()
            .await?
            .into_iter()
            .map(|s| NavLink {
                current: current_section == Some(s.slug.as_str()),
                url: twin(&crate::views::section_url(s.slug.as_str()), 1),
                name: s.name,
            })
            .collect();
        Ok(chrome)
    }

    fn set_language(&mut self, language: &Language) {
        self.lang = language.as_str().to_owned();
        self.dir = language.direction().as_str();
    }

    fn render(self, state: &SharedState, template: &str, page: Value) -> Result<LitePage, WebError> {
        let ctx = context! { ..page, ..Value::from(minijinja::value::Serde(self)) };
        state.templates.render(template, ctx).map(LitePage)
    }
}

/// The error page of a lite address: as small as the pages themselves.
pub(crate) async fn error_page(
    state: &SharedState,
    input: ChromeInput,
    status: StatusCode,
) -> Result<Response, WebError> {
    let full_url = "/".to_owned();
    let chrome = match Chrome::build(state, &input, full_url.clone(), None).await {
        Ok(chrome) => chrome,
        Err(_) => Chrome::minimal(state, &input, full_url),
    };
    let (title, message) = crate::error::messages(status);
    let page = context! {
        status => status.as_u16(),
        page_title => state.messages.get(&chrome.lang, title, &[]),
        message => state.messages.get(&chrome.lang, message, &[]),
    };
    chrome.render(state, "lite/error.html", page).map(IntoResponse::into_response)
}
