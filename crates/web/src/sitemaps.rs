//! For search engines: `robots.txt`, a sitemap index, sitemaps of the pages
//! (home, sections, contributors) and of the articles (10,000 a file, well
//! under the protocol's 50,000), and a Google News sitemap of the articles
//! published in the last two days.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_store::ArticleQuery;
use jiff::{SignedDuration, Timestamp};
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use crate::views::{article_url, contributor_url, section_url};
use crate::{SharedState, WebError};

/// Articles per article sitemap.
pub(crate) const ARTICLES_PER_FILE: u32 = 10_000;
/// Google News sitemaps list the last two days, at most 1,000 articles.
const NEWS_WINDOW: SignedDuration = SignedDuration::from_hours(48);
const NEWS_MAX: u32 = 1_000;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(index))
        .route("/sitemaps/{file}", get(sitemap))
}

async fn robots(State(state): State<SharedState>) -> Response {
    let base = &state.site.base_url;
    let body = format!(
        "User-agent: *\nDisallow: /newsroom/\n\nSitemap: {base}/sitemap.xml\nSitemap: {base}/sitemaps/news.xml\n"
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// W3C datetime to the second, as the sitemap protocols show.
fn w3c(t: Timestamp) -> String {
    Timestamp::from_second(t.as_second()).unwrap_or(t).to_string()
}

#[derive(Serialize)]
struct Loc {
    loc: String,
    lastmod: Option<String>,
}

fn xml(state: &SharedState, template: &str, ctx: minijinja::Value) -> Result<Response, WebError> {
    let body = state.templates.render(template, ctx)?;
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response())
}

/// How many article sitemaps there are, and when the newest change was.
async fn article_files(state: &SharedState) -> Result<(u32, Option<Timestamp>), WebError> {
    let newest = state.store.list_articles(&ArticleQuery::latest(Timestamp::now(), 1)).await?;
    let files = (newest.total as u32).div_ceil(ARTICLES_PER_FILE).max(1);
    Ok((files, newest.items.first().map(|a| a.published.timestamp())))
}

async fn index(State(state): State<SharedState>) -> Result<Response, WebError> {
    let base = &state.site.base_url;
    let (files, newest) = article_files(&state).await?;
    let lastmod = newest.map(w3c);
    let mut sitemaps = vec![Loc { loc: format!("{base}/sitemaps/pages.xml"), lastmod: lastmod.clone() }];
    sitemaps.extend(
        (1..=files).map(|n| Loc { loc: format!("{base}/sitemaps/articles-{n}.xml"), lastmod: lastmod.clone() }),
    );
    sitemaps.push(Loc { loc: format!("{base}/sitemaps/news.xml"), lastmod });
    xml(&state, "sitemaps/index.xml", context! { sitemaps => Serde(sitemaps) })
}

async fn sitemap(State(state): State<SharedState>, Path(file): Path<String>) -> Result<Response, WebError> {
    match file.as_str() {
        "pages.xml" => pages(&state).await,
        "news.xml" => news(&state).await,
        other => {
            let n = other
                .strip_prefix("articles-")
                .and_then(|rest| rest.strip_suffix(".xml"))
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|&n| n >= 1)
                .ok_or(WebError::NotFound)?;
            articles(&state, n).await
        }
    }
}

async fn pages(state: &SharedState) -> Result<Response, WebError> {
    let base = &state.site.base_url;
    let mut urls = vec![Loc { loc: format!("{base}/"), lastmod: None }];
    for s in state.store.sections().await? {
        urls.push(Loc { loc: format!("{base}{}", section_url(s.slug.as_str())), lastmod: None });
    }
    for c in state.store.all_contributors().await? {
        urls.push(Loc { loc: format!("{base}{}", contributor_url(c.slug.as_str())), lastmod: None });
    }
    xml(state, "sitemaps/urlset.xml", context! { urls => Serde(urls) })
}

async fn articles(state: &SharedState, n: u32) -> Result<Response, WebError> {
    let base = &state.site.base_url;
    let query = ArticleQuery {
        offset: (n - 1) * ARTICLES_PER_FILE,
        ..ArticleQuery::latest(Timestamp::now(), ARTICLES_PER_FILE)
    };
    let list = state.store.list_articles(&query).await?;
    if list.items.is_empty() && n > 1 {
        return Err(WebError::NotFound);
    }
    let urls: Vec<Loc> = list
        .items
        .iter()
        .map(|a| Loc {
            loc: format!("{base}{}", article_url(a.slug.as_str())),
            lastmod: Some(w3c(a.updated.as_ref().unwrap_or(&a.published).timestamp())),
        })
        .collect();
    xml(state, "sitemaps/urlset.xml", context! { urls => Serde(urls) })
}

#[derive(Serialize)]
struct NewsArticle {
    loc: String,
    language: String,
    published: String,
    title: String,
}

async fn news(state: &SharedState) -> Result<Response, WebError> {
    let base = &state.site.base_url;
    let now = Timestamp::now();
    let since = now - NEWS_WINDOW;
    let list = state.store.list_articles(&ArticleQuery::latest(now, NEWS_MAX)).await?;
    let articles: Vec<NewsArticle> = list
        .items
        .iter()
        .take_while(|a| a.published.timestamp() >= since)
        .map(|a| NewsArticle {
            loc: format!("{base}{}", article_url(a.slug.as_str())),
            language: a.language.primary().to_owned(),
            published: w3c(a.published.timestamp()),
            title: a.headline.clone(),
        })
        .collect();
    let ctx = context! { publication => &state.site.title, articles => Serde(articles) };
    xml(state, "sitemaps/news.xml", ctx)
}
