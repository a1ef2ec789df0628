use axum::extract::{Path, Query, State};
use axum::response::Html;
use dateline_core::Slug;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use super::{PER_PAGE, PageQuery};
use crate::chrome::{Chrome, ChromeInput};
use crate::views::{Pagination, SectionLink, Teaser};
use crate::{SharedState, WebError};

pub async fn page(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    Query(paging): Query<PageQuery>,
    input: ChromeInput,
) -> Result<Html<String>, WebError> {
    let section = state.store.section(&slug).await?.ok_or(WebError::NotFound)?;
    let slug = Slug::parse(&slug).map_err(|_| WebError::NotFound)?;
    let query = ArticleQuery {
        section: Some(slug),
        offset: paging.offset(),
        ..ArticleQuery::latest(Timestamp::now(), PER_PAGE)
    };
    let list = state.store.list_articles(&query).await?;
    if list.items.is_empty() && paging.number() > 1 {
        return Err(WebError::NotFound);
    }
    let link = SectionLink::new(&section);
    let pagination = Pagination::new(&link.url, "", paging.number(), PER_PAGE, list.total);
    let mut chrome = Chrome::build(&state, input, Some(section.slug.as_str())).await?;
    chrome.set_language(&section.language);
    let teasers: Vec<Teaser> = list.items.iter().map(Teaser::new).collect();
    let ctx = context! {
        page_title => &section.name,
        description => "",
        section => Serde(link),
        articles => Serde(teasers),
        pagination => Serde(pagination),
        ..chrome.into_context()
    };
    super::render(&state, "section.html", ctx)
}
