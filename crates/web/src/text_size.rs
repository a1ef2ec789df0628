//! The reader's text size: four steps, kept in a cookie so it works without
//! JavaScript (a link sets it and comes back) and is remembered.

use axum::extract::Query;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub const COOKIE: &str = "dateline_text_size";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    Xs,
    #[default]
    Sm,
    Md,
    Lg,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [TextSize::Xs, TextSize::Sm, TextSize::Md, TextSize::Lg];

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "xs" => Self::Xs,
            "sm" => Self::Sm,
            "md" => Self::Md,
            "lg" => Self::Lg,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Xs => "xs",
            Self::Sm => "sm",
            Self::Md => "md",
            Self::Lg => "lg",
        }
    }

    /// Reads the reader's choice from a `Cookie` header.
    pub fn from_cookie_header(header: Option<&str>) -> Self {
        header
            .into_iter()
            .flat_map(cookie::Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|c| c.name() == COOKIE)
            .and_then(|c| Self::parse(c.value()))
            .unwrap_or_default()
    }
}

/// Where to send the reader back to: only a path on this site (never another host).
pub fn safe_return_path(back: Option<&str>) -> &str {
    match back {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains(['\\', '\r', '\n']) => p,
        _ => "/",
    }
}

#[derive(Deserialize)]
pub struct SetSize {
    size: Option<String>,
    back: Option<String>,
}

/// `GET /text-size?size=lg&back=/articles/x`: the no-JavaScript path.
pub async fn set(Query(q): Query<SetSize>) -> Response {
    let back = safe_return_path(q.back.as_deref()).to_owned();
    let Some(size) = q.size.as_deref().and_then(TextSize::parse) else {
        return Redirect::to(&back).into_response();
    };
    let cookie = cookie::Cookie::build((COOKIE, size.as_str()))
        .path("/")
        .max_age(cookie::time::Duration::days(365))
        .same_site(cookie::SameSite::Lax)
        .build();
    ([(header::SET_COOKIE, cookie.to_string())], Redirect::to(&back)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cookie_among_others() {
        assert_eq!(TextSize::from_cookie_header(Some("a=1; dateline_text_size=lg; b=2")), TextSize::Lg);
        assert_eq!(TextSize::from_cookie_header(Some("dateline_text_size=huge")), TextSize::Sm);
        assert_eq!(TextSize::from_cookie_header(None), TextSize::Sm);
    }

    #[test]
    fn only_returns_to_this_site() {
        assert_eq!(safe_return_path(Some("/articles/x?y=1")), "/articles/x?y=1");
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:x", ""] {
            assert_eq!(safe_return_path(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_return_path(None), "/");
    }
}
