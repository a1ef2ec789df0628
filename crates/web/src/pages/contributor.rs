use axum::extract::{Path, Query, State};
use axum::response::Html;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use super::{PER_PAGE, PageQuery};
use crate::chrome::{Chrome, ChromeInput};
use crate::views::{Card, Pagination, Teaser};
use crate::{SharedState, WebError};

pub async fn page(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    Query(paging): Query<PageQuery>,
    input: ChromeInput,
) -> Result<Html<String>, WebError> {
    let contributor = state.store.contributor(&slug).await?.ok_or(WebError::NotFound)?;
    let photo = match &contributor.photo {
        Some(key) => state.store.media(key).await?,
        None => None,
    };
    let query = ArticleQuery {
        contributor: Some(contributor.slug.clone()),
        offset: paging.offset(),
        ..ArticleQuery::latest(Timestamp::now(), PER_PAGE)
    };
    let list = state.store.list_articles(&query).await?;
    if list.items.is_empty() && paging.number() > 1 {
        return Err(WebError::NotFound);
    }
    let card = Card::new(&contributor, photo.as_ref());
    let pagination = Pagination::new(&card.url, "", paging.number(), PER_PAGE, list.total);
    let chrome = Chrome::build(&state, input, None).await?;
    let teasers: Vec<Teaser> = list.items.iter().map(Teaser::new).collect();
    let ctx = context! {
        page_title => &contributor.name,
        description => &contributor.bio,
        contributor => Serde(card),
        articles => Serde(teasers),
        pagination => Serde(pagination),
        ..chrome.into_context()
    };
    super::render(&state, "contributor.html", ctx)
}
