//! What every page shows around its content: language and direction, text
//! size, the breaking-news strip and the section navigation.

use axum::extract::{FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use dateline_core::Language;
use jiff::Timestamp;
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use crate::text_size::TextSize;
use crate::{SharedState, WebError};

/// What a page needs from the request to draw its chrome.
#[derive(Debug, Clone)]
pub struct ChromeInput {
    /// Path and query of this page, for "come back here" links.
    pub path: String,
    pub text_size: TextSize,
}

impl ChromeInput {
    fn from_parts(uri: &axum::http::Uri, headers: &axum::http::HeaderMap) -> Self {
        let cookie = headers.get(header::COOKIE).and_then(|v| v.to_str().ok());
        Self {
            path: uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into()),
            text_size: TextSize::from_cookie_header(cookie),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ChromeInput {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_parts(&parts.uri, &parts.headers))
    }
}

#[derive(Serialize)]
struct TextSizeLink {
    key: &'static str,
    label: String,
    href: String,
    current: bool,
}

/// A link in a page's section navigation (the lite edition's too).
#[derive(Serialize)]
pub(crate) struct NavLink {
    pub name: String,
    pub url: String,
    pub current: bool,
}

/// The breaking strip as pages show it (the lite edition's too).
#[derive(Serialize)]
pub(crate) struct Breaking {
    pub text: String,
    pub link: Option<String>,
}

#[derive(Serialize)]
struct Site {
    title: String,
    tagline: String,
}

#[derive(Serialize)]
pub struct Chrome {
    pub lang: String,
    dir: &'static str,
    site: Site,
    text_size: &'static str,
    text_sizes: Vec<TextSizeLink>,
    breaking: Option<Breaking>,
    nav: Vec<NavLink>,
    canonical_path: String,
    /// The page's own absolute address (`?page=N` kept on later pages of a list).
    canonical_url: String,
    /// For the few links that must be absolute (social previews).
    base_url: String,
    search_query: Option<String>,
}

fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `base` + the path, keeping only a `page` number above 1 from the query.
fn canonical_url(base: &str, path_and_query: &str) -> String {
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let page = query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("page="))
        .find_map(|n| n.parse::<u32>().ok())
        .filter(|&n| n > 1);
    match page {
        Some(n) => format!("{base}{path}?page={n}"),
        None => format!("{base}{path}"),
    }
}

impl Chrome {
    pub fn input(request: &Request) -> ChromeInput {
        ChromeInput::from_parts(request.uri(), request.headers())
    }

    /// Builds the chrome; `current_section` marks the section in the navigation.
    pub async fn build(
        state: &SharedState,
        input: ChromeInput,
        current_section: Option<&str>,
    ) -> Result<Self, WebError> {
        let mut chrome = Self::minimal_with(state, input);
        let breaking = state.store.breaking(Timestamp::now()).await?;
        chrome.breaking = breaking.map(|b| Breaking { text: b.text, link: b.link });
        chrome.nav = state
            .store
            .sections()
            .await?
            .into_iter()
            .map(|s| NavLink {
                current: current_section == Some(s.slug.as_str()),
                url: format!("/sections/{}", s.slug),
                name: s.name,
            })
            .collect();
        Ok(chrome)
    }

    /// Chrome that needs no store: for when the store itself has failed.
    pub fn minimal(state: &SharedState) -> Self {
        Self::minimal_with(state, ChromeInput { path: "/".into(), text_size: TextSize::default() })
    }

    fn minimal_with(state: &SharedState, input: ChromeInput) -> Self {
        let lang = "en".to_owned();
        let back = encode_query_value(&input.path);
        let text_sizes = TextSize::ALL
            .iter()
            .map(|&size| TextSizeLink {
                key: size.as_str(),
                label: state.messages.get(&lang, &format!("text-size-{}", size.as_str()), &[]),
                href: format!("/text-size?size={}&back={back}", size.as_str()),
                current: size == input.text_size,
            })
            .collect();
        Self {
            site: Site { title: state.site.title.clone(), tagline: state.messages.get(&lang, "site-tagline", &[]) },
            lang,
            dir: "ltr",
            text_size: input.text_size.as_str(),
            text_sizes,
            breaking: None,
            nav: Vec::new(),
            canonical_path: input.path.split('?').next().unwrap_or("/").to_owned(),
            canonical_url: canonical_url(&state.site.base_url, &input.path),
            base_url: state.site.base_url.clone(),
            search_query: None,
        }
    }

    /// Sets the page's language (an article's), and with it the direction.
    pub fn set_language(&mut self, language: &Language) {
        self.lang = language.as_str().to_owned();
        self.dir = language.direction().as_str();
    }

    pub fn set_search_query(&mut self, query: Option<String>) {
        self.search_query = query;
    }

    pub fn into_context(self) -> Value {
        Value::from(Serde(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_addresses_are_absolute_and_keep_only_the_page() {
        let base = "https://news.example";
        assert_eq!(canonical_url(base, "/articles/x?utm_source=feed"), "https://news.example/articles/x");
        assert_eq!(canonical_url(base, "/sections/world?page=3&x=1"), "https://news.example/sections/world?page=3");
        assert_eq!(canonical_url(base, "/sections/world?page=1"), "https://news.example/sections/world");
    }

    #[test]
    fn return_paths_are_encoded() {
        assert_eq!(encode_query_value("/search?q=a b&page=2"), "/search%3Fq%3Da%20b%26page%3D2");
    }
}
