//! The reader's pages, one module per kind of page.

mod article;
mod contributor;
mod files;
mod home;
pub(crate) mod lite;
mod podcast;
mod search;
mod section;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use minijinja::Value;
use serde::Deserialize;

use crate::{SharedState, WebError, text_size};

/// Articles per page in lists (sections, contributors, search).
pub const PER_PAGE: u32 = 20;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(home::page))
        .route("/sections/{slug}", get(section::page))
        .route("/articles/{slug}", get(article::page))
        .route("/contributors/{slug}", get(contributor::page))
        .route("/search", get(search::page))
        .route("/podcast.xml", get(podcast::site))
        .route("/sections/{slug}/podcast.xml", get(podcast::section))
        .route("/text-size", get(text_size::set))
        .route("/media/{key}", get(files::media))
        .route("/assets/{name}", get(files::asset))
        .route("/healthz", get(|| async { "ok" }))
        .merge(lite::routes())
        .fallback(|| async { WebError::NotFound })
}

/// `?page=N` on lists; anything odd means the first page.
#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

impl PageQuery {
    pub fn number(&self) -> u32 {
        self.page.as_deref().and_then(|p| p.parse::<u32>().ok()).filter(|&p| (1..=10_000).contains(&p)).unwrap_or(1)
    }

    pub fn offset(&self) -> u32 {
        (self.number() - 1) * PER_PAGE
    }
}

/// One page of a list of live articles: its teasers and the links to its
/// neighbours. Past the last page is not found (except the first, which may be empty).
pub async fn list_page(
    state: &SharedState,
    filter: dateline_store::ArticleQuery,
    paging: &PageQuery,
    base_url: &str,
    extra_query: &str,
) -> Result<(Vec<crate::views::Teaser>, crate::views::Pagination), WebError> {
    let query = dateline_store::ArticleQuery { offset: paging.offset(), limit: PER_PAGE, ..filter };
    let list = state.store.list_articles(&query).await?;
    if list.items.is_empty() && paging.number() > 1 {
        return Err(WebError::NotFound);
    }
    let pagination = crate::views::Pagination::new(base_url, extra_query, paging.number(), PER_PAGE, list.total);
    Ok((list.items.iter().map(crate::views::Teaser::new).collect(), pagination))
}

pub fn render(state: &SharedState, template: &str, context: Value) -> Result<Html<String>, WebError> {
    state.templates.render(template, context).map(Html)
}
