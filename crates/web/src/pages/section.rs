use axum::extract::{Path, Query, State};
use axum::response::Html;
use dateline_core::Slug;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use super::{PER_PAGE, PageQuery};
use crate::chrome::{Chrome, ChromeInput};
use crate::views::SectionLink;
use crate::{SharedState, WebError};

pub async fn page(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    Query(paging): Query<PageQuery>,
    input: ChromeInput,
) -> Result<Html<String>, WebError> {
    let section = state.store.section(&slug).await?.ok_or(WebError::NotFound)?;
    let slug = Slug::parse(&slug).map_err(|_| WebError::NotFound)?;
    let link = SectionLink::new(&section);
    let filter = ArticleQuery { section: Some(slug), ..ArticleQuery::latest(Timestamp::now(), PER_PAGE) };
    let (teasers, pagination) = super::list_page(&state, filter, &paging, &link.url, "").await?;
    let mut chrome = Chrome::build(&state, input, Some(section.slug.as_str())).await?;
    chrome.set_language(&section.language);
    let ctx = context! {
        page_title => &section.name,
        lite_url => super::lite::twin(&link.url, paging.number()),
        description => "",
        feed_path => &link.url,
        section => Serde(link),
        articles => Serde(teasers),
        pagination => Serde(pagination),
        ..chrome.into_context()
    };
    super::render(&state, "section.html", ctx)
}
