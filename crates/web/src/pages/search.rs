//! `/search?q=…&page=N`: the reader's search, through [`crate::search::run`].

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use crate::chrome::{Chrome, ChromeInput};
use crate::views::{Pagination, Teaser};
use crate::{SharedState, WebError};

#[derive(Serialize)]
struct ResultView {
    teaser: Teaser,
    /// Escaped text with `<mark>` around the words found.
    snippet: String,
}

/// The `q` and `page` of a query string. `Err` when a value is not UTF-8
/// once decoded (`%FF`): the reader gets a page saying so, not a guess.
fn parse(raw: Option<&str>) -> Result<(String, Option<String>), ()> {
    let (mut q, mut page) = (String::new(), None);
    for pair in raw.unwrap_or("").split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = value.replace('+', " ");
        let value = percent_encoding::percent_decode_str(&value).decode_utf8().map_err(|_| ())?;
        match key {
            "q" => q = value.into_owned(),
            "page" => page = Some(value.into_owned()),
            _ => {}
        }
    }
    Ok((q, page))
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

pub async fn page(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    input: ChromeInput,
) -> Result<Response, WebError> {
    let Ok((q, page)) = parse(raw.as_deref()) else {
        let html = render(&state, input, "", None, Some("search-bad-text")).await?;
        return Ok((StatusCode::BAD_REQUEST, html).into_response());
    };
    let paging = super::PageQuery { page };
    let text = dateline_search::clean(&q);
    if text.is_empty() {
        return Ok(render(&state, input, "", None, None).await?.into_response());
    }
    let results = crate::search::run(&state, &text, paging.number(), super::PER_PAGE).await?;
    if results.hits.is_empty() && paging.number() > 1 {
        return Err(WebError::NotFound);
    }
    Ok(render(&state, input, &results.query, Some(&results), None).await?.into_response())
}

async fn render(
    state: &SharedState,
    input: ChromeInput,
    text: &str,
    results: Option<&crate::search::Results>,
    problem: Option<&str>,
) -> Result<Html<String>, WebError> {
    let (views, total, pagination) = match results {
        Some(r) => (
            r.hits
                .iter()
                .map(|h| ResultView { teaser: Teaser::new(&h.article), snippet: h.snippet_html.clone() })
                .collect(),
            r.total,
            Pagination::new("/search", &format!("q={}&", encode(text)), r.page, r.per_page, r.total),
        ),
        None => (Vec::new(), 0, Pagination { prev: None, next: None }),
    };
    let mut chrome = Chrome::build(state, input, None).await?;
    chrome.set_search_query((!text.is_empty()).then(|| text.to_owned()));
    let ctx = context! {
        page_title => state.messages.get("en", "search-title", &[]),
        description => "",
        results => Serde(views),
        total => total,
        pagination => Serde(pagination),
        problem => problem,
        ..chrome.into_context()
    };
    super::render(state, "search.html", ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_are_decoded_or_refused() {
        assert_eq!(parse(Some("q=rain+%26+flood&page=2")), Ok(("rain & flood".into(), Some("2".into()))));
        assert_eq!(parse(Some("q=%E6%B4%AA%E6%B0%B4")), Ok(("洪水".into(), None)));
        assert_eq!(parse(None), Ok((String::new(), None)));
        assert_eq!(parse(Some("q=%FF")), Err(()));
        assert_eq!(parse(Some("q=%")), Ok(("%".into(), None)));
    }
}
