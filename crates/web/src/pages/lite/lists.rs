//! The lite home page and section pages: lists of headlines.

use axum::extract::{Path, Query, State};
use dateline_core::Slug;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use super::super::home::{Front, front};
use super::super::{PER_PAGE, PageQuery, list_page};
use super::{Chrome, LitePage, links::with_page, twin};
use crate::chrome::ChromeInput;
use crate::views::{SectionLink, Teaser};
use crate::{SharedState, WebError};

/// A teaser pointing at lite pages, without its picture.
fn lite(mut teaser: Teaser) -> Teaser {
    teaser.url = twin(&teaser.url, 1);
    teaser.section.url = twin(&teaser.section.url, 1);
    teaser.image = None;
    teaser
}

/// The same stories as the full home page, as lists of headlines.
pub async fn home(State(state): State<SharedState>, input: ChromeInput) -> Result<LitePage, WebError> {
    let Front { top, latest, mut sections } = front(&state).await?;
    let stories: Vec<Teaser> = top.into_iter().chain(latest).map(lite).collect();
    for block in &mut sections {
        block.url = twin(&block.url, 1);
        block.articles = std::mem::take(&mut block.articles).into_iter().map(lite).collect();
    }
    let chrome = Chrome::build(&state, &input, "/".into(), None).await?;
    let page = context! { stories => Serde(stories), blocks => Serde(sections) };
    chrome.render(&state, "lite/home.html", page)
}

/// A section's stories, newest first, paged like the full section page.
pub async fn section(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    Query(paging): Query<PageQuery>,
    input: ChromeInput,
) -> Result<LitePage, WebError> {
    let section = state.store.section(&slug).await?.ok_or(WebError::NotFound)?;
    let slug = Slug::parse(&slug).map_err(|_| WebError::NotFound)?;
    let link = SectionLink::new(&section);
    let filter = ArticleQuery { section: Some(slug), ..ArticleQuery::latest(Timestamp::now(), PER_PAGE) };
    let (teasers, pagination) = list_page(&state, filter, &paging, &twin(&link.url, 1), "").await?;
    let full_url = with_page(&link.url, paging.number());
    let mut chrome = Chrome::build(&state, &input, full_url, Some(section.slug.as_str())).await?;
    chrome.set_language(&section.language);
    let page = context! {
        page_title => &section.name,
        stories => Serde(teasers.into_iter().map(lite).collect::<Vec<_>>()),
        pagination => Serde(pagination),
    };
    chrome.render(&state, "lite/section.html", page)
}
