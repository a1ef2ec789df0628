use std::collections::HashSet;

use axum::extract::State;
use axum::response::Html;
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use crate::chrome::{Chrome, ChromeInput};
use crate::views::{SectionLink, Teaser};
use crate::{SharedState, WebError};

const LATEST: u32 = 6;
const PER_SECTION: usize = 3;

#[derive(Serialize)]
pub(super) struct SectionBlock {
    pub name: String,
    pub url: String,
    pub articles: Vec<Teaser>,
}

/// What the home page shows (the lite edition's home shows the same).
pub(super) struct Front {
    pub top: Option<Teaser>,
    pub latest: Vec<Teaser>,
    pub sections: Vec<SectionBlock>,
}

/// Home: the top story, the latest, then each section's newest not shown above.
pub async fn page(State(state): State<SharedState>, input: ChromeInput) -> Result<Html<String>, WebError> {
    let Front { top, latest, sections } = front(&state).await?;
    let chrome = Chrome::build(&state, input, None).await?;
    let tagline = state.messages.get("en", "site-tagline", &[]);
    let ctx = context! {
        page_title => &tagline,
        lite_url => super::lite::twin("/", 1),
        description => &tagline,
        top => Serde(top),
        latest => Serde(latest),
        sections => Serde(sections),
        ..chrome.into_context()
    };
    super::render(&state, "home.html", ctx)
}

pub(super) async fn front(state: &SharedState) -> Result<Front, WebError> {
    let now = Timestamp::now();
    let latest = state.store.list_articles(&ArticleQuery::latest(now, 1 + LATEST)).await?.items;
    let mut shown: HashSet<_> = latest.iter().map(|a| a.slug.clone()).collect();
    let mut sections = Vec::new();
    for section in state.store.sections().await? {
        let query = ArticleQuery {
            section: Some(section.slug.clone()),
            ..ArticleQuery::latest(now, 1 + LATEST + PER_SECTION as u32)
        };
        let articles: Vec<Teaser> = state
            .store
            .list_articles(&query)
            .await?
            .items
            .iter()
            .filter(|a| shown.insert(a.slug.clone()))
            .take(PER_SECTION)
            .map(Teaser::new)
            .collect();
        if !articles.is_empty() {
            let link = SectionLink::new(&section);
            sections.push(SectionBlock { name: link.name, url: link.url, articles });
        }
    }
    let mut teasers = latest.iter().map(Teaser::new);
    let top = teasers.next();
    Ok(Front { top, latest: teasers.collect(), sections })
}
