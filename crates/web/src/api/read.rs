//! The read API: what readers may see (published and live), as JSON.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use dateline_core::{Language, Slug};
use dateline_store::ArticleQuery;
use jiff::Timestamp;
use serde::Serialize;

use super::paging::{Paging, Params, encode};
use super::problem::Problem;
use super::views::{ArticleFull, ArticleItem, ContributorItem, FullParts, SectionItem, Urls};
use super::{auth, private};
use crate::SharedState;
use crate::newsroom::editor::user_may_edit;

type Pairs = Query<Vec<(String, String)>>;

/// A page of a list, with links to its neighbours.
#[derive(Serialize)]
pub struct ListPage<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub next: Option<String>,
    pub prev: Option<String>,
}

fn list_page<T>(
    urls: &Urls,
    path: &str,
    mut query: Vec<(&str, String)>,
    paging: Paging,
    total: u64,
    items: Vec<T>,
) -> ListPage<T> {
    query.retain(|(k, _)| *k != "page" && *k != "per_page");
    let link = |page: u32| {
        let mut q = query.clone();
        q.push(("page", page.to_string()));
        q.push(("per_page", paging.per_page.to_string()));
        urls.abs(&format!("{path}?{}", encode(&q)))
    };
    let has_next = (paging.offset() as u64 + items.len() as u64) < total;
    ListPage {
        next: has_next.then(|| link(paging.page + 1)),
        prev: (paging.page > 1).then(|| link(paging.page - 1)),
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    }
}

/// Answers `body`, `no-store` when the caller is authenticated (never cached or shared).
fn answer<T: Serialize>(body: T, caller: &Option<auth::Caller>) -> Response {
    let response = Json(body).into_response();
    if caller.is_some() { private(response) } else { response }
}

const ARTICLE_PARAMS: [&str; 8] = ["page", "per_page", "section", "contributor", "tag", "language", "since", "until"];

pub async fn articles(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(pairs): Pairs,
) -> Result<Response, Problem> {
    let caller = auth::caller(&state, &headers).await?;
    let mut params = Params::new(pairs, &ARTICLE_PARAMS);
    let paging = params.paging();
    let mut query = ArticleQuery::latest(Timestamp::now(), paging.per_page);
    query.offset = paging.offset();
    for (name, target) in [("section", &mut query.section), ("contributor", &mut query.contributor)] {
        if let Some(text) = params.text(name) {
            match Slug::parse(text) {
                Ok(slug) => *target = Some(slug),
                Err(e) => params.errors.add(name, e),
            }
        }
    }
    if let Some(section) = &query.section
        && state.store.section(section.as_str()).await?.is_none()
    {
        params.errors.add("section", format!("there is no section '{section}'"));
    }
    if let Some(c) = &query.contributor
        && state.store.contributor(c.as_str()).await?.is_none()
    {
        params.errors.add("contributor", format!("there is no contributor '{c}'"));
    }
    query.tag = params.text("tag").map(str::to_owned);
    if let Some(text) = params.text("language") {
        match Language::parse(text) {
            Ok(l) => query.language = Some(l.to_string()),
            Err(e) => params.errors.add("language", e),
        }
    }
    query.since = params.time("since", &state.site.time_zone);
    query.until = params.time("until", &state.site.time_zone);
    let echo: Vec<(&str, String)> =
        ARTICLE_PARAMS.iter().filter_map(|&n| params.text(n).map(|v| (n, v.to_owned()))).collect();
    params.check()?;
    let list = state.store.list_articles(&query).await?;
    paging.check_total(list.total)?;
    let urls = Urls(&state.site.base_url);
    let items = list.items.iter().map(|a| ArticleItem::new(&urls, a)).collect();
    Ok(answer(list_page(&urls, "/api/v1/articles", echo, paging, list.total, items), &caller))
}

/// The one place the API searches: the same search as the HTML page
/// ([`crate::search::run`]: stemmed words, headline matches first).
async fn search_articles(
    state: &SharedState,
    text: &str,
    paging: Paging,
) -> Result<dateline_store::Page<dateline_store::ArticleSummary>, Problem> {
    let results = crate::search::run(state, text, paging.page, paging.per_page).await?;
    Ok(dateline_store::Page { items: results.hits.into_iter().map(|hit| hit.article).collect(), total: results.total })
}

/// Longest query taken (as on the search page).
const MAX_QUERY_CHARS: usize = 200;

pub async fn search(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(pairs): Pairs,
) -> Result<Response, Problem> {
    let caller = auth::caller(&state, &headers).await?;
    let mut params = Params::new(pairs, &["q", "page", "per_page"]);
    let paging = params.paging();
    let text: String = params.text("q").unwrap_or("").chars().take(MAX_QUERY_CHARS).collect();
    if text.is_empty() {
        params.errors.add("q", "give the words to search for");
    }
    params.check()?;
    let list = search_articles(&state, &text, paging).await?;
    paging.check_total(list.total)?;
    let urls = Urls(&state.site.base_url);
    let items = list.items.iter().map(|a| ArticleItem::new(&urls, a)).collect();
    Ok(answer(list_page(&urls, "/api/v1/search", vec![("q", text)], paging, list.total, items), &caller))
}

pub async fn article(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let caller = auth::caller(&state, &headers).await?;
    let missing = || Problem::not_found(format!("no published article '{slug}'"));
    let article = state.store.article(&slug).await?.ok_or_else(missing)?;
    // Drafts and scheduled articles only for a key that may edit them (as in the newsroom).
    if !article.is_visible(Timestamp::now()) {
        let row = state.editorial.editorial(&slug).await?;
        if !caller.as_ref().is_some_and(|c| user_may_edit(&c.user, row.as_ref()) && row.is_some()) {
            return Err(missing());
        }
    }
    let section = state.store.section(article.section.as_str()).await?.ok_or_else(missing)?;
    let lead = match &article.lead_image {
        Some(l) => state.store.media(&l.media).await?,
        None => None,
    };
    let urls = Urls(&state.site.base_url);
    let mut contributors = Vec::new();
    for c in state.store.contributors(&article.contributors).await? {
        let photo = match &c.photo {
            Some(key) => state.store.media(key).await?,
            None => None,
        };
        contributors.push(ContributorItem::new(&urls, &c, photo.as_ref()));
    }
    let narration = state.store.narration(&slug).await?;
    let corrections = state.editorial.corrections(&slug).await?;
    let revision = state.editorial.editorial(&slug).await?.map_or(0, |r| r.revision);
    let full = ArticleFull::new(
        &urls,
        FullParts {
            article: &article,
            section: &section,
            lead: lead.as_ref(),
            contributors,
            narration: narration.as_ref(),
            corrections: &corrections,
            revision,
        },
    );
    Ok(answer(full, &caller))
}

#[derive(Serialize)]
struct Items<T> {
    items: Vec<T>,
    total: usize,
}

pub async fn sections(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(pairs): Pairs,
) -> Result<Response, Problem> {
    let caller = auth::caller(&state, &headers).await?;
    Params::new(pairs, &[]).check()?;
    let urls = Urls(&state.site.base_url);
    let items: Vec<_> = state.store.sections().await?.iter().map(|s| SectionItem::new(&urls, s)).collect();
    Ok(answer(Items { total: items.len(), items }, &caller))
}

pub async fn contributors(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(pairs): Pairs,
) -> Result<Response, Problem> {
    let caller = auth::caller(&state, &headers).await?;
    Params::new(pairs, &[]).check()?;
    let urls = Urls(&state.site.base_url);
    let mut items = Vec::new();
    for c in state.store.all_contributors().await? {
        let photo = match &c.photo {
            Some(key) => state.store.media(key).await?,
            None => None,
        };
        items.push(ContributorItem::new(&urls, &c, photo.as_ref()));
    }
    Ok(answer(Items { total: items.len(), items }, &caller))
}
