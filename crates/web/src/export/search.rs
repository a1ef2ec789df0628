//! Search without a server: the export's `/search/` page (the form, and
//! `search.js`, which reads `?q=` and matches words in the browser) and its
//! index, `search/index.json`, one short entry per live article.

use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use serde::Serialize;

use super::paths;
use crate::chrome::{Chrome, ChromeInput};
use crate::text_size::TextSize;
use crate::views::{article_url, section_url};
use crate::{SharedState, WebError};

pub const INDEX_FILE: &str = "search/index.json";

/// One article; short keys, as the index travels whole to the reader.
#[derive(Serialize)]
struct Entry {
    /// Headline.
    h: String,
    /// Dek (the summary line under the headline).
    d: String,
    /// Static address of the article.
    u: String,
    /// Section name.
    s: String,
    /// Section's static address.
    su: String,
    /// Publication date (YYYY-MM-DD).
    t: String,
}

#[derive(Serialize)]
struct Index {
    articles: Vec<Entry>,
}

/// The static search page's HTML, as the router would render a page.
pub async fn page(state: &SharedState) -> Result<String, WebError> {
    let input = ChromeInput { path: paths::SEARCH.to_owned(), text_size: TextSize::default() };
    let chrome = Chrome::build(state, input, None).await?;
    let ctx = context! {
        page_title => state.messages.get("en", "search-title", &[]),
        description => "",
        ..chrome.into_context()
    };
    state.templates.render("export/search.html", ctx)
}

/// Every live article, newest first, as JSON.
pub async fn index(state: &SharedState) -> Result<Vec<u8>, WebError> {
    let now = Timestamp::now();
    let total = state.store.list_articles(&ArticleQuery::latest(now, 1)).await?.total;
    let all = state.store.list_articles(&ArticleQuery::latest(now, total.min(u32::MAX as u64) as u32)).await?;
    let articles = all
        .items
        .iter()
        .map(|a| Entry {
            h: a.headline.clone(),
            d: a.dek.clone().unwrap_or_default(),
            u: paths::static_url(&article_url(a.slug.as_str()), ""),
            s: a.section_name.clone(),
            su: paths::static_url(&section_url(a.section.as_str()), ""),
            t: a.published.strftime("%Y-%m-%d").to_string(),
        })
        .collect();
    serde_json::to_vec(&Index { articles }).map_err(|e| WebError::Setup(format!("search index: {e}")))
}
