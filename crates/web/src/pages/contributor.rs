use axum::extract::{Path, Query, State};
use axum::response::Html;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use super::{PER_PAGE, PageQuery};
use crate::chrome::{Chrome, ChromeInput};
use crate::views::Card;
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
    let card = Card::new(&contributor, photo.as_ref());
    let filter = ArticleQuery {
        contributor: Some(contributor.slug.clone()),
        ..ArticleQuery::latest(Timestamp::now(), PER_PAGE)
    };
    let (teasers, pagination) = super::list_page(&state, filter, &paging, &card.url, "").await?;
    let chrome = Chrome::build(&state, input, None).await?;
    let ctx = context! {
        page_title => &contributor.name,
        description => &contributor.bio,
        feed_path => &card.url,
        contributor => Serde(card),
        articles => Serde(teasers),
        pagination => Serde(pagination),
        ..chrome.into_context()
    };
    super::render(&state, "contributor.html", ctx)
}
