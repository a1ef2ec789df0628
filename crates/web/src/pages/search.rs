use axum::extract::{Query, State};
use axum::response::Html;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;
use serde::Deserialize;

use super::PER_PAGE;
use crate::chrome::{Chrome, ChromeInput};
use crate::views::{Pagination, Teaser};
use crate::{SharedState, WebError};

/// Longest query taken; the rest is ignored.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    page: Option<String>,
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

pub async fn page(
    State(state): State<SharedState>,
    Query(q): Query<SearchQuery>,
    input: ChromeInput,
) -> Result<Html<String>, WebError> {
    let text: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_QUERY_CHARS).collect();
    let paging = super::PageQuery { page: q.page };
    let (results, total) = if text.is_empty() {
        (Vec::new(), 0)
    } else {
        let query = ArticleQuery {
            text: Some(text.clone()),
            offset: paging.offset(),
            ..ArticleQuery::latest(Timestamp::now(), PER_PAGE)
        };
        let list = state.store.list_articles(&query).await?;
        (list.items.iter().map(Teaser::new).collect::<Vec<_>>(), list.total)
    };
    let pagination = Pagination::new("/search", &format!("q={}&", encode(&text)), paging.number(), PER_PAGE, total);
    let mut chrome = Chrome::build(&state, input, None).await?;
    let query = (!text.is_empty()).then_some(text);
    chrome.set_search_query(query.clone());
    let ctx = context! {
        page_title => state.messages.get("en", "search-title", &[]),
        description => "",
        results => Serde(results),
        total => total,
        pagination => Serde(pagination),
        ..chrome.into_context()
    };
    super::render(&state, "search.html", ctx)
}
